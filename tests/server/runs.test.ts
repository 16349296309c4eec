// Allocation runs in a worker thread, approval into offers, replacements, the statement, the donors'
// rationale and the applicants' own view, through the API on a real database.
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { AFTER_13MSP, AS_OF_13MSP, testApi } from "./api-helpers.js";
import { DEMO_APPLICANT } from "../../server/io/seed.js";

describe("runs, decisions and the outside audiences", async () => {
  const api = await testApi(AS_OF_13MSP);
  const admin = await api.as("admin");
  const reviewer = await api.as("reviewer");
  const donor = await api.as("donor-aus");
  const anon = await api.as("anonymous");
  let runId = "";

  it("starts a run (202), solves it in a worker, and keeps an immutable snapshot", async () => {
    const started = await admin.req("POST", "/api/rounds/13MSP/runs", {});
    expect(started.status).toBe(202);
    expect(started.headers.get("location")).toBe(`/api/runs/${started.json.id}`);
    runId = started.json.id;
    expect(["queued", "running"]).toContain(started.json.status);
    await api.runs.settled(runId);
    const run = (await reviewer.req("GET", `/api/runs/${runId}`)).json;
    expect(run).toMatchObject({ status: "done", resultStatus: "optimal", solver: { name: "glpk.js" }, settingsVersion: 1 });
    expect(run.result.funded.length).toBe(20);
    // The server's demo round is the CLI's: the same problem file, so the same allocation.
    expect(run.problem).toEqual(JSON.parse(readFileSync("data/demo/problem.json", "utf8")));
    expect(run.scores.requests[0].reasons).toBeDefined();
    expect((await reviewer.req("GET", "/api/rounds/13MSP/runs")).json.map((r: { id: string }) => r.id)).toEqual([runId]);
  });

  it("exports the run as the problem file and result that the CLI re-runs", async () => {
    const res = await reviewer.req("GET", `/api/runs/${runId}/export`);
    expect(res.json.rerun).toMatch(/allocate/);
    expect(res.json.problem).toMatchObject({ version: 1, budget: 79802 });
    expect(res.json.result.value).toBeGreaterThan(0);
  });

  it("rejects a bad start, an unknown run, and a reviewer's start", async () => {
    expect((await admin.req("POST", "/api/rounds/13MSP/runs", { timeLimit: 0 })).json.error.details.problems[0].path).toBe("timeLimit");
    expect((await reviewer.req("GET", "/api/runs/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await reviewer.req("GET", "/api/runs/not-a-uuid")).status).toBe(422);
    expect((await reviewer.req("POST", "/api/rounds/13MSP/runs", {})).status).toBe(403);
    expect((await admin.req("POST", "/api/rounds/DEMO-OPEN/runs", {})).json.error).toEqual({
      code: "no-requests",
      message: "the round has no request to allocate",
    });
  });

  it("compares two runs with the engine's diff, after a change of settings", async () => {
    const s = (await reviewer.req("GET", "/api/rounds/13MSP/settings")).json;
    await admin.req("PUT", "/api/rounds/13MSP/settings", {
      weights: { ...s.weights, universalization: 40 },
      policy: s.policy,
      basedOn: s.version,
      note: "more outreach",
    });
    const other = (await admin.req("POST", "/api/rounds/13MSP/runs", {})).json.id;
    await api.runs.settled(other);
    const d = (await reviewer.req("GET", `/api/runs/${runId}/compare/${other}`)).json;
    expect(d.same).toBe(false);
    expect(d.outreach.b).toBeGreaterThanOrEqual(d.outreach.a);
    expect((await reviewer.req("GET", `/api/runs/${runId}/compare/${runId}`)).json.same).toBe(true);
  });

  it("cancels a running solve at once", async () => {
    // A round of 1'500 generated requests takes seconds: cancel it while it runs.
    const big = await admin.req("POST", "/api/rounds", {
      round: {
        id: "BIG",
        meeting: "Stress",
        venue: "Geneva",
        startDate: "2026-09-14",
        endDate: "2026-09-17",
        windowOpens: "2026-05-01",
        windowCloses: "2026-07-15",
        allowanceRate: 350,
        nights: 5,
      },
      weights: { implementation: 1, technical: 1, universalization: 1, capacity: 1, representation: 1 },
      policy: { maxDelegates: 300, minWomenShare: 0.45 },
    });
    expect(big.status).toBe(201);
    const states = ["LAO", "SEN", "KEN", "PER", "COL", "IRQ", "BIH", "TCD", "MOZ", "AFG", "ALB", "CHL"];
    const rows = Array.from(
      { length: 1500 },
      (_, i) => `${states[i % states.length]},${i % 2 ? "F" : "M"},2025-06-01T00:00:00Z,${900 + ((i * 37) % 2000)},${i % 7 === 0},${i % 5}`,
    );
    await admin.req("POST", "/api/rounds/BIG/requests/import", {
      format: "csv",
      content: ["state,gender,submittedAt,airTicket,survivor,technicalRating", ...rows].join("\n"),
    });
    await admin.req("PUT", "/api/rounds/BIG/donors/ANY", { name: "Any", amount: 400000 });
    const id = (await admin.req("POST", "/api/rounds/BIG/runs", {})).json.id;
    const cancelled = await admin.req("POST", `/api/runs/${id}/cancel`);
    expect(cancelled.json.status).toBe("cancelled");
    await api.runs.settled(id);
    expect((await reviewer.req("GET", `/api/runs/${id}`)).json).toMatchObject({ status: "cancelled", result: null });
    expect((await admin.req("POST", `/api/runs/${id}/cancel`)).status).toBe(409);
  });

  it("answers a money curve, robustness and sensitivity on a run", async () => {
    const curve = await reviewer.req("POST", `/api/runs/${runId}/curve`, { steps: 5 });
    expect(curve.json.points).toHaveLength(5);
    const sens = await reviewer.req("POST", `/api/runs/${runId}/sensitivity`, { locks: false });
    expect(sens.json.rules.length).toBeGreaterThan(3);
    const rob = await reviewer.req("POST", `/api/runs/${runId}/robustness`, { samples: 5, seed: 2 });
    expect(rob.json.solved).toBe(5);
    const bad = await reviewer.req("POST", `/api/runs/${runId}/curve`, { steps: 1, donor: "NOPE" });
    expect(bad.status).toBe(422);
  });

  it("approves a run in review: offers to the funded, a waitlist, the round decided", async () => {
    const round = (await reviewer.req("GET", "/api/rounds/13MSP")).json;
    const bad = await admin.req("POST", `/api/runs/${runId}/approve`, { offerDeadline: "2025-08-15", roundVersion: round.version + 7 });
    expect(bad.status).toBe(409);
    // A deadline after the meeting's first day, or before the day of the offers, is refused, in words.
    const late = await admin.req("POST", `/api/runs/${runId}/approve`, { offerDeadline: "2025-09-17", roundVersion: round.version });
    expect(late.status).toBe(422);
    expect(late.json.error.details.problems).toEqual([
      {
        path: "offerDeadline",
        message: "must be on or before the meeting's first day (16 September 2025): offers are answered before the travel",
      },
    ]);
    const early = await admin.req("POST", `/api/runs/${runId}/approve`, { offerDeadline: "2025-07-19", roundVersion: round.version });
    expect(early.json.error.details.problems[0]).toEqual({
      path: "offerDeadline",
      message: "must not be before the day the offers are made (20 July 2025)",
    });
    // The weights changed after this run (the comparison above): approved only by an approver told so.
    const stale = await admin.req("POST", `/api/runs/${runId}/approve`, {
      offerDeadline: "2025-08-15",
      waitlist: 3,
      roundVersion: round.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe("out-of-date");
    expect(stale.json.error.details.changes[0]).toMatch(/^The weights: universalization potential \d+ then, 40 now\.$/);
    const approved = await admin.req("POST", `/api/runs/${runId}/approve`, {
      offerDeadline: "2025-08-15",
      waitlist: 3,
      roundVersion: round.version,
      outOfDate: "approve-as-it-was",
    });
    expect(approved.status).toBe(200);
    const counts = approved.json.reduce(
      (m: Record<string, number>, d: { decision: string }) => ({ ...m, [d.decision]: (m[d.decision] ?? 0) + 1 }),
      {},
    );
    expect(counts).toEqual({ funded: 20, waitlisted: 3, "not-funded": 25 });
    expect((await reviewer.req("GET", "/api/rounds/13MSP")).json.status).toBe("decided");
    expect((await reviewer.req("GET", "/api/requests/13MSP-001")).json.status).toBe("funded");
  });

  it("gives donors the rationale without any personal contact data", async () => {
    const res = await donor.req("GET", "/api/rounds/13MSP/rationale");
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ yourDonor: "AUS", runId, rules: "ccm-para102-v1" });
    expect(res.json.funded[0]).toMatchObject({
      state: expect.any(String),
      region: expect.any(String),
      gender: expect.any(String),
      funding: expect.any(Array),
    });
    // The reasons are counted over the delegates, not shown beside one (issue 16, finding 15).
    expect(res.json.funded[0].score.reasons).toBeUndefined();
    expect(res.json.reasonCounts.length).toBeGreaterThan(0);
    expect(res.json.moneyCurve.points).toHaveLength(21);
    expect(res.json.rulePrices.map((r: { rule: string }) => r.rule)).toContain("regionMin.AFR");
    expect(res.json.rulePrices.some((r: { rule: string }) => r.rule.startsWith("lock."))).toBe(false);
    expect(res.json.robustness).toMatchObject({ samples: 30, solved: 30 });
    // No name, e-mail, title, organisation or justification anywhere in the answer.
    const text = res.text;
    for (const needle of [
      "@example.org",
      "Delegate LAO-1",
      "National Mine Action Authority",
      '"email"',
      '"organisation"',
      '"title"',
      '"justification"',
      '"delegateId"',
    ])
      expect(text).not.toContain(needle);
    for (const f of res.json.funded) expect(Object.keys(f)).not.toContain("name");
    expect((await donor.req("GET", "/api/rounds/13MSP/requests")).status).toBe(403);
    // Another round, which Australia did not fund: 403.
    const other = await donor.req("GET", "/api/rounds/DEMO-OPEN/rationale");
    expect(other.status).toBe(403);
    expect(other.json.error.message).toBe("donor AUS did not contribute to round DEMO-OPEN");
  });

  it("lets an applicant see their own request and answer the offer with reference and code", async () => {
    const wrong = await anon.req("POST", "/api/applicant/status", { reference: DEMO_APPLICANT.reference, code: "AAAA-BBBB-CCCC-DDDD" });
    expect(wrong.status).toBe(404);
    const other = await anon.req("POST", "/api/applicant/status", { reference: "13MSP-002", code: DEMO_APPLICANT.code });
    expect(other.status).toBe(404);
    // Reference and code are read whatever their case, with spaces around them.
    const mine = await anon.req("POST", "/api/applicant/status", {
      reference: ` ${DEMO_APPLICANT.reference.toLowerCase()} `,
      code: DEMO_APPLICANT.code.toLowerCase(),
    });
    expect(mine.json).toMatchObject({
      reference: "13MSP-001",
      status: "funded",
      decision: { decision: "funded", offerStatus: "pending", offerDeadline: "2025-08-15" },
    });
    const declined = await anon.req("POST", "/api/applicant/offer", {
      reference: DEMO_APPLICANT.reference,
      code: DEMO_APPLICANT.code,
      answer: "declined",
    });
    expect(declined.json.decision.offerStatus).toBe("declined");
    expect(
      (
        await anon.req("POST", "/api/applicant/offer", {
          reference: DEMO_APPLICANT.reference,
          code: DEMO_APPLICANT.code,
          answer: "accepted",
        })
      ).status,
    ).toBe(409);
  });

  it("proposes a replacement for the declined offer and applies it", async () => {
    const proposal = await admin.req("POST", "/api/rounds/13MSP/replacements");
    expect(proposal.status).toBe(201);
    expect(proposal.json.proposal).toMatchObject({ status: "optimal", cause: "declined", released: [{ id: "13MSP-001" }] });
    const replacements = proposal.json.proposal.replacements.map((r: { id: string }) => r.id);
    expect(replacements.length).toBeGreaterThan(0);
    const applied = await admin.req("POST", `/api/replacements/${proposal.json.id}/apply`, { offerDeadline: "2025-09-01" });
    const by = new Map(applied.json.map((d: { requestId: string }) => [d.requestId, d]));
    expect(by.get("13MSP-001")).toMatchObject({ decision: "not-funded" });
    expect(by.get(replacements[0])).toMatchObject({ decision: "funded", offerStatus: "pending", offerDeadline: "2025-09-01" });
    expect((await admin.req("POST", `/api/replacements/${proposal.json.id}/apply`, { offerDeadline: "2025-09-01" })).status).toBe(409);
  });

  it("records answers and actual costs, and writes the statement in the form of Table 3 (JSON, CSV and XLSX)", async () => {
    const d = (await reviewer.req("GET", "/api/rounds/13MSP/decisions")).json.find(
      (x: { decision: string; offerStatus: string }) => x.decision === "funded" && x.offerStatus === "pending",
    );
    const accepted = await admin.req("POST", `/api/rounds/13MSP/offers/${d.requestId}`, { offerStatus: "accepted", version: d.version });
    expect(accepted.json).toMatchObject({ offerStatus: "accepted", actualCost: null });
    // An actual cost alone settles an accepted offer: the delegate travelled (once the meeting began).
    api.dayIs(AFTER_13MSP);
    const travelled = await admin.req("POST", `/api/rounds/13MSP/offers/${d.requestId}`, {
      actualCost: 3000,
      version: accepted.json.version,
    });
    api.dayIs(AS_OF_13MSP.TODAY);
    expect(travelled.json).toMatchObject({ offerStatus: "travelled", actualCost: 3000 });
    const st = (await donor.req("GET", "/api/rounds/13MSP/statement")).json;
    expect(st.revenues.totalContributions).toBe(53683);
    expect(st.revenues.deferredFrom).toBe(51319);
    expect(st.revenues.total).toBe(105002);
    expect(st.expenditures.total).toBe(Math.round((st.expenditures.travel + st.expenditures.generalAndAdministrative) * 100) / 100);
    expect(st.deferredTo).toBe(Math.round((st.revenues.total - st.expenditures.total) * 100) / 100);
    expect(st.provisional).toBe(true);
    const csv = await admin.req("GET", "/api/rounds/13MSP/statement?format=csv");
    expect(csv.text.split(/\r?\n/)[0]).toBe("section,item,amount,note");
    expect(csv.text).toMatch(/REVENUES,Contributions: Australia,28933/);
    expect(csv.text).toMatch(/,Contributions deferred to,/);
    const xlsx = await api.app.request("/api/rounds/13MSP/statement?format=xlsx", { headers: { cookie: admin.cookie! } });
    expect(xlsx.headers.get("content-type")).toMatch(/spreadsheetml/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const cells = book.worksheets[0]!.getSheetValues().flatMap((row) => (Array.isArray(row) ? row : []));
    expect(cells).toContain("Total Contributions");
    expect(cells).toContain(53683);
    expect((await reviewer.req("GET", "/api/rounds/13MSP/statement")).status).toBe(200);
  });

  it("takes an applicant's request only while the round is open, with a reference and a code shown once", async () => {
    const closed = await anon.req("POST", "/api/rounds/13MSP/apply", { state: "KEN", gender: "F", travel: { airTicket: 1000 } });
    expect(closed.status).toBe(409);
    // This server's today is before 13MSP's meeting: the open round's window is moved to take requests on it.
    const open = (await admin.req("GET", "/api/rounds/DEMO-OPEN")).json;
    expect((await admin.req("PATCH", "/api/rounds/DEMO-OPEN", { version: open.version, windowOpens: AS_OF_13MSP.TODAY })).status).toBe(200);
    const res = await anon.req("POST", "/api/rounds/DEMO-OPEN/apply", {
      state: "KEN",
      gender: "F",
      travel: { airTicket: 1000 },
      name: "Wanjiru K.",
      email: "w@example.org",
    });
    expect(res.status).toBe(201);
    expect(res.json.reference).toMatch(/^DEMO-OPEN-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    expect(res.json.accessCode).toMatch(/^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}$/);
    const stored = api.db.prepare("SELECT access_code_hash FROM requests WHERE id = ?").pluck().get(res.json.reference) as string;
    expect(stored).toMatch(/^sha256\$[0-9a-f]{64}$/);
    expect(stored).not.toContain(res.json.accessCode);
    const status = await anon.req("POST", "/api/applicant/status", { reference: res.json.reference, code: res.json.accessCode });
    expect(status.json).toMatchObject({ status: "submitted", request: { name: "Wanjiru K." }, decision: null });
    const bad = await anon.req("POST", "/api/rounds/DEMO-OPEN/apply", {
      state: "KEN",
      gender: "F",
      travel: { airTicket: 1000 },
      lock: "in",
    });
    expect(bad.json.error.details.problems[0].path).toBe("lock");
  });
});

describe("expired offers", async () => {
  const api = await testApi(AS_OF_13MSP);
  const admin = await api.as("admin");

  it("are marked expired when replacements are proposed after their deadline, and released", async () => {
    const id = (await admin.req("POST", "/api/rounds/13MSP/runs", {})).json.id;
    await api.runs.settled(id);
    const round = (await admin.req("GET", "/api/rounds/13MSP")).json;
    await admin.req("POST", `/api/runs/${id}/approve`, { offerDeadline: "2025-08-15", waitlist: 0, roundVersion: round.version });
    const d = (await admin.req("GET", "/api/rounds/13MSP/decisions")).json.filter((x: { decision: string }) => x.decision === "funded");
    // One offer was accepted in time; the others passed their deadline unanswered.
    await admin.req("POST", `/api/rounds/13MSP/offers/${d[0].requestId}`, { offerStatus: "accepted", version: d[0].version });
    // Five days after the deadline.
    api.config.TODAY = "2025-08-20";
    const proposal = await admin.req("POST", "/api/rounds/13MSP/replacements");
    expect(proposal.status).toBe(201);
    expect(proposal.json.proposal.cause).toBe("expired");
    expect(proposal.json.proposal.released).toHaveLength(d.length - 1);
    expect(proposal.json.proposal.released[0].reason).toBe("offer not accepted by its deadline (2025-08-15)");
    expect(proposal.json.proposal.kept).toBe(1);
    const after = (await admin.req("GET", "/api/rounds/13MSP/decisions")).json;
    expect(after.filter((x: { offerStatus: string }) => x.offerStatus === "expired")).toHaveLength(d.length - 1);
    expect((await admin.req("GET", `/api/requests/${d[1].requestId}`)).json.status).toBe("expired");
  });
});
