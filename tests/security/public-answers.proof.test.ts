// Issue 16, findings 9 and 11: every public answer is built from an allow-list of fields, checked here
// against a deny-list of internal ones (at any depth); a donor reads only the rounds it contributes to.
import { describe, expect, it } from "vitest";
import { DEMO_APPLICANT } from "../../server/io/seed.js";
import { AS_OF_13MSP, testApi } from "../server/api-helpers.js";

/** Fields no applicant or anonymous caller may see. */
const DENY = [
  "lock",
  "technicalRating",
  "previousSponsorships",
  "delegateId",
  "accessCodeHash",
  "access_code_hash",
  "carryOver",
  "reserve",
  "adminEstimate",
  "adminActual",
  "deferredTo",
  "referenceAsOf",
  "runId",
  "actualCost",
];

function keysOf(x: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(x)) for (const v of x) keysOf(v, out);
  else if (x && typeof x === "object")
    for (const [k, v] of Object.entries(x)) {
      out.add(k);
      keysOf(v, out);
    }
  return out;
}

describe("public answers", async () => {
  const api = await testApi();
  const admin = await api.as("admin");
  const anon = await api.as("anonymous");
  // The demo applicant's request locked in and rated, as staff would (fields an applicant must not see).
  const before = (await admin.req("GET", `/api/requests/${DEMO_APPLICANT.reference}`)).json;
  expect(before.attributes.lock).toBe("in");

  it("show applicants none of the ISU's fields", async () => {
    const status = await anon.req("POST", "/api/applicant/status", DEMO_APPLICANT);
    expect(status.status).toBe(200);
    expect([...keysOf(status.json)].filter((k) => DENY.includes(k))).toEqual([]);
    expect(status.json.request).toMatchObject({ state: "LAO", gender: "F" });
  });

  it("show anyone a round's meeting, dates and window, and no money", async () => {
    const round = await anon.req("GET", "/api/public/rounds/13MSP");
    expect(round.status).toBe(200);
    expect(Object.keys(round.json).sort()).toEqual([
      "acceptingRequests",
      "endDate",
      "id",
      "meeting",
      "startDate",
      "status",
      "venue",
      "windowCloses",
      "windowOpens",
    ]);
    expect([...keysOf(round.json)].filter((k) => DENY.includes(k))).toEqual([]);
    expect(round.json.acceptingRequests).toBe(false);
    expect((await anon.req("GET", "/api/public/rounds/DEMO-OPEN")).json.acceptingRequests).toBe(true);
    // The round with its money is for staff and the round's donors.
    expect((await anon.req("GET", "/api/rounds/13MSP")).status).toBe(401);
    const submitted = await anon.req("POST", "/api/rounds/DEMO-OPEN/apply", { state: "KEN", gender: "M", travel: { airTicket: 900 } });
    expect(submitted.status).toBe(201);
    expect([...keysOf(submitted.json)].filter((k) => DENY.includes(k))).toEqual([]);
  });

  it("list a donor only the rounds it contributes to, and refuse the others in words", async () => {
    const donor = await api.as("donor-aus");
    const rounds = (await donor.req("GET", "/api/rounds")).json.map((r: { id: string }) => r.id);
    expect(rounds).toContain("13MSP");
    expect(rounds).not.toContain("DEMO-OPEN");
    const other = await donor.req("GET", "/api/rounds/DEMO-OPEN");
    expect(other.status).toBe(403);
    expect(other.json.error.message).toMatch(/did not contribute/);
  });

  it("gives public submissions references that cannot be guessed, and that no request elsewhere can block", async () => {
    // A request made in another round with the id the next public submission used to take.
    const blocker = await admin.req("POST", "/api/rounds/13MSP/requests", {
      id: "DEMO-OPEN-001",
      submittedAt: "2025-05-02T09:30:00Z",
      state: "KEN",
      gender: "F",
      travel: { airTicket: 900 },
    });
    expect(blocker.status, blocker.text).toBe(201);
    const refs: string[] = [];
    for (let k = 0; k < 3; k++) {
      const res = await anon.req("POST", "/api/rounds/DEMO-OPEN/apply", { state: "KEN", gender: "F", travel: { airTicket: 900 } });
      expect(res.status, res.text).toBe(201);
      refs.push(res.json.reference);
    }
    for (const r of refs) expect(r).toMatch(/^DEMO-OPEN-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    expect(new Set(refs).size).toBe(3);
  });
});

describe("the donors' rationale", async () => {
  const api = await testApi(AS_OF_13MSP);
  const admin = await api.as("admin");
  const donor = await api.as("donor-aus");
  const started = (await admin.req("POST", "/api/rounds/13MSP/runs", {})).json.id as string;
  await api.runs.settled(started);
  const round = (await admin.req("GET", "/api/rounds/13MSP")).json;
  await admin.req("POST", `/api/runs/${started}/approve`, { offerDeadline: "2025-08-15", roundVersion: round.version });

  it("shows sensitive attributes (a survivor) only as counts, never beside a delegate", async () => {
    const r = (await donor.req("GET", "/api/rounds/13MSP/rationale")).json;
    const perDelegate = JSON.stringify(r.funded);
    expect(perDelegate).not.toMatch(/survivor/i);
    expect(perDelegate).not.toMatch(/"reasons"/);
    expect([...keysOf(r.funded)]).not.toContain("survivor");
    const survivors = r.reasonCounts.find((c: { label: string }) => /Survivor/.test(c.label));
    expect(survivors?.delegates).toBeGreaterThan(0);
  });
});
