// The demo: on an empty database, the demo round (13MSP, data/demo/round.json) with its donors and
// requests, an open round for applicants to try, and demo accounts whose passwords are fixed, printed
// once and documented in the README as demo-only.
import { readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { RoundFileSchema, type ReferenceData } from "../../scoring/criteria/index.js";
import { StateSchema } from "../../scoring/domain/index.js";
import { hashCode, randomToken } from "../auth/passwords.js";
import { createUser } from "../auth/sessions.js";
import { tx, type Db } from "../db/database.js";
import { DEMO_DIR } from "./reference.js";
import { writePrivateFile } from "./private-files.js";
import { createRound, insertRequest, listAccounts, putDonor, putRoundState, roundReference, setYearNote } from "../store/index.js";

export const DEMO_ACCOUNTS = [
  { username: "admin", displayName: "ISU administrator (demo)", role: "admin", password: "demo-admin-13msp" },
  { username: "reviewer", displayName: "ISU reviewer (demo)", role: "reviewer", password: "demo-reviewer-13msp" },
  { username: "donor-aus", displayName: "Australia (demo donor)", role: "donor", donorId: "AUS", password: "demo-donor-13msp" },
] as const;

/** The demo applicant's reference and access code (demo only: real codes are random and shown once). */
export const DEMO_APPLICANT = { reference: "13MSP-001", code: "DEMO-CODE-13MS-P001" };

export function isEmpty(db: Db): boolean {
  return listAccounts(db).length === 0;
}

const DEMO_STATE_SOURCE = "demo assumption: invented for the demo round";
const DEMO_YEAR_NOTE =
  "Demo assumptions: the reserve (CHF 25'000), the administrative estimate (CHF 200) and the earmarks of Australia and Canada are invented; the contributions are the 2024 report's (Table 3), Canada's derived as the remainder of its total.";

export async function seedDemo(db: Db, reference: ReferenceData, today = new Date()): Promise<string[]> {
  const file = RoundFileSchema.parse(JSON.parse(readFileSync(`${DEMO_DIR}round.json`, "utf8")));
  const codeHash = hashCode(DEMO_APPLICANT.code);
  for (const a of DEMO_ACCOUNTS) await createUser(db, a);
  const system = { id: null, name: "seed" };
  tx(db, () => {
    // The round's States as of its meeting, then the demo's corrections (Art. 7 reports, missions), each
    // with its source as staff would give it.
    createRound(
      db,
      { round: file.round, weights: file.weights, policy: file.policy, rules: file.rules, history: file.history },
      reference,
      system,
    );
    const states = roundReference(db, file.round.id).states;
    for (const o of file.stateOverrides)
      putRoundState(db, file.round.id, StateSchema.parse({ ...states.get(o.iso3), ...o, source: o.source || DEMO_STATE_SOURCE }), true);
    // The contributions are the 2024 report's (Table 3); their earmarks are invented for the demo.
    for (const d of file.donors) {
      const earmark = d.regions
        ? `the earmark (${d.regions.join(", ")})`
        : d.statuses
          ? "the earmark (signatories and States not party)"
          : "";
      const derived = d.id === "CAN";
      const note = [
        derived ? "Derived: the remainder of Table 3's total (2024)" : "Table 3 of the 2024 report",
        earmark ? `demo assumption: ${earmark} is invented` : "",
      ]
        .filter(Boolean)
        .join("; ");
      putDonor(db, file.round.id, { ...d, name: d.name ?? d.id, source: derived ? "derived" : "sourced", note }, null, "seed");
    }
    setYearNote(db, Number(file.round.startDate.slice(0, 4)), DEMO_YEAR_NOTE);
    for (const r of file.requests)
      insertRequest(db, file.round.id, r, "submitted", r.id === DEMO_APPLICANT.reference ? codeHash : null, system);
    // An open round whose window includes today, for applicants to try.
    const day = (offset: number): string => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    createRound(
      db,
      {
        round: {
          id: "DEMO-OPEN",
          meeting: "Next Meeting of States Parties (demo round open for requests)",
          venue: "Geneva",
          startDate: day(120),
          endDate: day(123),
          windowOpens: day(-30),
          windowCloses: day(60),
          allowanceRate: 350,
          nights: 5,
          status: "open",
          carryOver: 0,
          reserve: 0,
          adminEstimate: 200,
        },
        weights: file.weights,
        policy: file.policy,
      },
      reference,
      system,
    );
  });
  return [
    "Demo data seeded (demo only; change or remove these accounts before real use):",
    ...DEMO_ACCOUNTS.map((a) => `  ${a.role.padEnd(8)} user ${a.username.padEnd(10)} password ${a.password}`),
    `  applicant reference ${DEMO_APPLICANT.reference}, access code ${DEMO_APPLICANT.code}`,
  ];
}

/**
 * A real installation (no demo): on its first start, one administrator account with a password
 * generated here, never in the repository. The password is printed once and written beside the database
 * (mode 0600, outside git like the database itself) for the operator to read; only its scrypt hash is
 * stored. Change it after signing in, then delete the file.
 */
export async function createInitialAdmin(db: Db, databasePath: string): Promise<string[]> {
  const password = randomToken(18);
  await createUser(db, { username: "admin", displayName: "ISU administrator", role: "admin", password });
  const file = join(dirname(databasePath), "initial-admin-password.txt");
  rmSync(file, { force: true }); // a file left by a start that stopped before its first account
  writePrivateFile(file, `${password}\n`);
  return [
    "First start: an administrator account was created.",
    `  user admin, password ${password}`,
    `  (also in ${file}, readable by this user only: sign in, change the password, then delete the file)`,
  ];
}
