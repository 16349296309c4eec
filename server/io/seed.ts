// The demo: on an empty database, the demo round (13MSP, data/demo/round.json) with its donors and
// requests, an open round for applicants to try, and demo accounts whose passwords are fixed, printed
// at each start and documented in the README as demo-only. Then (seedDemoStory) the story the demo
// tells on any day: the 2024 year closed as the report has it, and rounds dated from the demo's day (a
// round in review whose meeting is ahead, a meeting just held whose offers are to settle).
import { readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { RoundFileSchema, type ReferenceData } from "../../scoring/criteria/index.js";
import { StateSchema } from "../../scoring/domain/index.js";
import { hashCode, randomToken, verifySecret } from "../auth/passwords.js";
import { createUser } from "../auth/sessions.js";
import { tx, type Db } from "../db/database.js";
import { DEMO_DIR } from "./reference.js";
import { writePrivateFile } from "./private-files.js";
import {
  accessCodeHashes,
  accountIdByName,
  createRound,
  insertRequest,
  listAccounts,
  listDecisions,
  instanceFact,
  passwordHashOf,
  putDonor,
  putRoundState,
  roundReference,
  setInstanceFact,
  setYearNote,
  yearOfDate,
} from "../store/index.js";
import { dayFrom, today } from "../store/rows.js";
import { dayInWords } from "../../scoring/domain/index.js";
import type { Services } from "../http/index.js";
import { recordOffer, type Actor } from "../services/decisions.js";
import { loadHistory, runAndApprove, type HistoryFile } from "./history.js";

export const DEMO_ACCOUNTS = [
  { username: "admin", displayName: "ISU administrator (demo)", role: "admin", password: "demo-admin-13msp" },
  { username: "reviewer", displayName: "ISU reviewer (demo)", role: "reviewer", password: "demo-reviewer-13msp" },
  { username: "donor-aus", displayName: "Australia (demo donor)", role: "donor", donorId: "AUS", password: "demo-donor-13msp" },
] as const;

/** The demo applicant's reference and access code (demo only: real codes are random and shown once). */
export const DEMO_APPLICANT = { reference: "13MSP-001", code: "DEMO-CODE-13MS-P001" };
/** The demo applicant of the round in review: after its approval, the offer to answer. */
export const DEMO_REVIEW_APPLICANT = { reference: "DEMO-REVIEW-001", code: "DEMO-CODE-REVW-0001" };

const DEMO_DONOR_NOTE = "demo assumption: the 2024 report's contributions (Table 3), given again for this invented meeting";
const DEMO_STORY_NOTE =
  "Demo: the rounds of this year are invented and dated from the day the demo was seeded (DEMO-REVIEW: a meeting ahead, to run, approve and answer; DEMO-PAST: a meeting just held, to settle; DEMO-OPEN: requests taken now); their contributions repeat the 2024 report's.";

export function isEmpty(db: Db): boolean {
  return listAccounts(db).length === 0;
}

const DEMO_STATE_SOURCE = "demo assumption: invented for the demo round";
const DEMO_YEAR_NOTE =
  "Demo assumptions: the reserve (CHF 25'000), the administrative estimate (CHF 200) and the earmarks of Australia and Canada are invented; the contributions are the 2024 report's (Table 3), Canada's derived as the remainder of its total.";

/** The demo's rounds dated from its day: ids, and the days they move on, relative to the demo's day. */
export const DEMO_ROUNDS = {
  open: { id: "DEMO-OPEN", windowOpens: -30, windowCloses: 60, startDate: 120, endDate: 123 },
  review: { id: "DEMO-REVIEW", windowOpens: -75, windowCloses: -10, startDate: 50, endDate: 53 },
  past: {
    id: "DEMO-PAST",
    windowOpens: -150,
    windowCloses: -80,
    approvedOn: -60,
    offerDeadline: -40,
    answeredOn: -45,
    startDate: -9,
    endDate: -6,
  },
} as const;

/** The demo round's file (13MSP, data/demo/round.json): its rounds' settings, donors and invented delegates. */
const readDemoRound = () => RoundFileSchema.parse(JSON.parse(readFileSync(`${DEMO_DIR}round.json`, "utf8")));

/** Seeds the demo's accounts, 13MSP and the round open for requests (dated from `demoDay`); records the demo's day. */
export async function seedDemo(db: Db, reference: ReferenceData, demoDay: string = today()): Promise<void> {
  const file = readDemoRound();
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
        derived ? "the remainder of Table 3's total (2024)" : "Table 3 of the 2024 report",
        earmark ? `demo assumption: ${earmark} is invented` : "",
      ]
        .filter(Boolean)
        .join("; ");
      putDonor(db, file.round.id, { ...d, name: d.name ?? d.id, source: derived ? "derived" : "sourced", note }, null, "seed");
    }
    setYearNote(db, Number(file.round.startDate.slice(0, 4)), DEMO_YEAR_NOTE);
    for (const r of file.requests)
      insertRequest(db, file.round.id, r, "submitted", r.id === DEMO_APPLICANT.reference ? codeHash : null, system);
    // An open round whose window includes the demo's day, for applicants to try.
    const day = (offset: number): string => dayFrom(demoDay, offset);
    const open = DEMO_ROUNDS.open;
    setInstanceFact(db, "demoDay", demoDay);
    createRound(
      db,
      {
        round: {
          id: open.id,
          meeting: "Next Meeting of States Parties (demo round open for requests)",
          venue: "Geneva",
          meetingFr: "Prochaine Assemblée des États parties (tour de démonstration ouvert aux demandes)",
          meetingEs: "Próxima Reunión de los Estados Partes (ronda de demostración abierta a solicitudes)",
          venueFr: "Genève",
          venueEs: "Ginebra",
          startDate: day(open.startDate),
          endDate: day(open.endDate),
          windowOpens: day(open.windowOpens),
          windowCloses: day(open.windowCloses),
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
}

/**
 * The rest of the demo's story, after seedDemo: the 2024 programme year replayed from its history file
 * (closed, Table 3 as the report has it), a round in review whose meeting is ahead (to run, approve and
 * answer), and a meeting just held whose offers were made and answered (to settle): the same invented
 * delegates as 13MSP's, dated from the demo's day. Nothing is told to anyone (the actor is silent).
 */
export async function seedDemoStory(
  services: Pick<Services, "db" | "runs">,
  reference: ReferenceData,
  history: HistoryFile,
  demoDay: string,
): Promise<void> {
  const { db } = services;
  const admin = { id: accountIdByName(db, "admin")!, name: "seed", silent: true };
  await loadHistory(services, history, reference, admin);
  const file = readDemoRound();
  const day = (offset: number): string => dayFrom(demoDay, offset);
  const { review, past } = DEMO_ROUNDS;
  const rounds = [
    {
      ...review,
      meeting: "Intersessional Meetings (demo round in review: its meeting is ahead)",
      meetingFr: "Réunions intersessions (tour de démonstration en examen : la réunion est à venir)",
      meetingEs: "Reuniones entre períodos de sesiones (ronda de demostración en examen: la reunión está por venir)",
      code: DEMO_REVIEW_APPLICANT,
    },
    {
      ...past,
      meeting: "Regional Conference on Universalization (demo: the meeting just held, to settle)",
      meetingFr: "Conférence régionale sur l'universalisation (démonstration : la réunion vient d'avoir lieu, à régler)",
      meetingEs: "Conferencia regional sobre la universalización (demostración: la reunión acaba de celebrarse, por liquidar)",
      code: null,
    },
  ];
  tx(db, () => {
    for (const r of rounds) {
      createRound(
        db,
        {
          round: {
            ...file.round,
            id: r.id,
            meeting: r.meeting,
            meetingFr: r.meetingFr,
            meetingEs: r.meetingEs,
            startDate: day(r.startDate),
            endDate: day(r.endDate),
            windowOpens: day(r.windowOpens),
            windowCloses: day(r.windowCloses),
            status: "review",
            carryOver: 0,
          },
          weights: file.weights,
          policy: file.policy,
          rules: file.rules,
        },
        reference,
        admin,
      );
      for (const d of file.donors)
        putDonor(db, r.id, { ...d, name: d.name ?? d.id, source: "sourced", note: DEMO_DONOR_NOTE }, null, "seed");
      file.requests.forEach((q, i) => {
        const id = `${r.id}-${q.id.slice(-3)}`;
        // Submitted through the window, in the order of 13MSP's requests.
        const submittedAt = `${day(r.windowOpens + 2 + Math.floor((i * (r.windowCloses - r.windowOpens - 4)) / file.requests.length))}T09:00:00Z`;
        insertRequest(
          db,
          r.id,
          { ...q, id, submittedAt, lock: undefined },
          "submitted",
          r.code?.reference === id ? hashCode(r.code.code) : null,
          admin,
        );
      });
    }
    for (const year of new Set(rounds.map((r) => yearOfDate(day(r.startDate))))) setYearNote(db, year, DEMO_STORY_NOTE);
  });
  await replayPastMeeting(services, day, admin);
}

/** The meeting just held (DEMO-PAST): its run approved, its offers answered (two declined), each on its day. */
async function replayPastMeeting(services: Pick<Services, "db" | "runs">, day: (offset: number) => string, admin: Actor): Promise<void> {
  const { db } = services;
  const past = DEMO_ROUNDS.past;
  await runAndApprove(services, past.id, { offerDeadline: day(past.offerDeadline), waitlist: 2, on: day(past.approvedOn) }, admin);
  const offers = listDecisions(db, past.id).filter((d) => d.offerStatus === "pending");
  offers.forEach((d, i) => {
    const declined = i === 1 || i === offers.length - 1;
    recordOffer(
      services,
      past.id,
      d.requestId,
      { offerStatus: declined ? "declined" : "accepted", on: day(past.answeredOn), version: d.version },
      admin,
    );
  });
}

/**
 * What a start prints about the demo (nothing on a real installation): its day, its rounds, and the
 * demo accounts whose published passwords still work (an account given a new password is not printed).
 */
export async function demoBanner(db: Db): Promise<string[]> {
  const demoDay = instanceFact(db, "demoDay");
  if (!demoDay) return [];
  const accounts: string[] = [];
  for (const a of DEMO_ACCOUNTS) {
    const id = accountIdByName(db, a.username);
    if (id !== null && (await verifySecret(a.password, passwordHashOf(db, id))))
      accounts.push(`  ${a.role.padEnd(8)} user ${a.username.padEnd(10)} password ${a.password}`);
  }
  const codes = [DEMO_APPLICANT, DEMO_REVIEW_APPLICANT].filter((c) => accessCodeHashes(db, c.reference).includes(hashCode(c.code)));
  return [
    `Demo (demo only: change or remove these accounts before real use), seeded as of ${dayInWords(demoDay)}; its rounds:`,
    "  DEMO-OPEN takes requests (/apply/DEMO-OPEN); DEMO-REVIEW is in review, its meeting ahead (run, approve, answer offers);",
    "  DEMO-PAST's meeting has just been held (settle its offers); 13MSP is September 2025's; 2024 is closed, as the ISU's report has it.",
    ...(accounts.length ? ["  Accounts:", ...accounts] : []),
    ...codes.map((c) => `  applicant: reference ${c.reference}, access code ${c.code} (at /status)`),
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
