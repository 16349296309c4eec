// Who may be sponsored, through the API (issue 17): an ineligible request is never allocated and its
// reason names the State and what fails; staff review the evidence of interest through its own route;
// an administrator admits a request by exception, shown to donors; applicants and edits cannot set
// what staff decide.
import { describe, expect, it } from "vitest";
import { AS_OF_13MSP, testApi } from "./api-helpers.js";

describe("eligibility through the API", async () => {
  const api = await testApi(AS_OF_13MSP);
  const admin = await api.as("admin");
  const reviewer = await api.as("reviewer");
  const anon = await api.as("anonymous");
  const donor = await api.as("donor-aus");
  const verdict = async (id: string) =>
    (
      (await admin.req("GET", "/api/rounds/13MSP/scores")).json.requests as {
        id: string;
        eligibility: { eligible: boolean; text: string; path?: string };
      }[]
    ).find((r) => r.id === id)!.eligibility;
  const version = async (id: string) => (await admin.req("GET", `/api/requests/${id}`)).json.version as number;

  it("keeps Norway's request out of the allocation, with the reason in words", async () => {
    const { lock: _lock, ...base } = (await admin.req("GET", "/api/requests/13MSP-001")).json.attributes;
    const created = await admin.req("POST", "/api/rounds/13MSP/requests", {
      ...base,
      id: "13MSP-NOR",
      state: "NOR",
      name: "Delegate of Norway",
      interestEvidence: "",
    });
    expect(created.status, created.text).toBe(201);
    const v = await verdict("13MSP-NOR");
    expect(v.eligible).toBe(false);
    expect(v.text).toMatch(/^Not eligible: no eligibility condition holds for Norway\./);
    expect(v.text).toContain("World Bank income group: high income (needed: low income or lower-middle income)");
    // Locked in by an administrator, it is still not allocated: eligibility comes first.
    await admin.req("POST", "/api/requests/13MSP-NOR/lock", { lock: "in", justification: "try", version: await version("13MSP-NOR") });
    const started = await admin.req("POST", "/api/rounds/13MSP/runs", {});
    await api.runs.settled(started.json.id);
    const run = (await admin.req("GET", `/api/runs/${started.json.id}`)).json;
    expect(run.result.status).toBe("optimal");
    expect(run.result.funded.map((f: { id: string }) => f.id)).not.toContain("13MSP-NOR");
    const reason = run.result.notFunded.find((n: { id: string }) => n.id === "13MSP-NOR").reason;
    expect(reason).toEqual({ kind: "ineligible", text: v.text });
  });

  it("lets staff accept a State not party's evidence through its own route, with a note in the history", async () => {
    expect((await verdict("13MSP-047")).text).toContain("evidence of interest: not yet reviewed by the ISU");
    // Not accepted needs a reason; the applicant-facing fields are untouched.
    const bare = await reviewer.req("POST", "/api/requests/13MSP-047/interest", {
      decision: "not-accepted",
      version: await version("13MSP-047"),
    });
    expect(bare.status).toBe(422);
    expect(JSON.stringify(bare.json)).toContain("note");
    const ok = await reviewer.req("POST", "/api/requests/13MSP-047/interest", {
      decision: "accepted",
      note: "statement at the 13MSP's intersessional",
      version: await version("13MSP-047"),
    });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.json.attributes.interestReview).toMatchObject({ decision: "accepted", by: "reviewer" });
    expect((await admin.req("GET", "/api/requests/13MSP-047")).json.history.at(-1).note).toBe(
      "evidence of interest accepted: statement at the 13MSP's intersessional",
    );
    const v = await verdict("13MSP-047");
    expect(v).toMatchObject({ eligible: true, path: "Signatory or State not party with evidence of interest accepted by the ISU" });
    const scores = (await admin.req("GET", "/api/rounds/13MSP/scores")).json.requests.find((r: { id: string }) => r.id === "13MSP-047");
    expect(scores.criteria.universalization).toBeGreaterThan(0);
    // A request without evidence has nothing to review.
    const none = await reviewer.req("POST", "/api/requests/13MSP-046/interest", {
      decision: "accepted",
      version: await version("13MSP-046"),
    });
    expect(none.status).toBe(422);
    expect(none.json.error.details.problems).toEqual([
      { path: "decision", message: "the request gives no evidence of interest to review" },
    ]);
  });

  it("refuses what staff decide from applicants and from edits, naming the field", async () => {
    const { id: _id, ...attrs } = (await admin.req("GET", "/api/requests/13MSP-046")).json.attributes;
    const edit = await admin.req("PUT", "/api/requests/13MSP-046", {
      attributes: { ...attrs, interestReview: { decision: "accepted", note: "", by: "admin", on: "2025-07-01" } },
      version: await version("13MSP-046"),
      reason: "as the mission's letter says",
    });
    expect(edit.status).toBe(422);
    expect(edit.json.error.details.problems).toEqual([
      { path: "attributes.interestReview", message: expect.stringContaining("use the request's own route") },
    ]);
    const create = await admin.req("POST", "/api/rounds/13MSP/requests", {
      ...attrs,
      id: "13MSP-X",
      exception: { justification: "slipped in", by: "admin", on: "2025-07-01" },
    });
    expect(create.status).toBe(422);
    expect(JSON.stringify(create.json)).toContain("exception");
    const round = (await admin.req("GET", "/api/public/rounds/DEMO-OPEN")).json;
    expect(round.id).toBe("DEMO-OPEN");
    const applied = await anon.req("POST", "/api/rounds/DEMO-OPEN/apply", {
      state: "KEN",
      gender: "F",
      travel: { airTicket: 900 },
      interestEvidence: "we will join",
      interestReview: { decision: "accepted", note: "", by: "me", on: "2025-07-01" },
    });
    expect(applied.status).toBe(422);
    expect(JSON.stringify(applied.json)).toContain("interestReview");
  });

  it("admits a request by exception (administrators only), and shows the exception to donors", async () => {
    expect((await verdict("13MSP-030")).eligible).toBe(false);
    const body = async () => ({
      admit: true,
      justification: "Colombia presents the clearance completion report",
      version: await version("13MSP-030"),
    });
    expect((await reviewer.req("POST", "/api/requests/13MSP-030/exception", await body())).status).toBe(403);
    const short = await admin.req("POST", "/api/requests/13MSP-030/exception", { ...(await body()), justification: "ok" });
    expect(short.status).toBe(422);
    const ok = await admin.req("POST", "/api/requests/13MSP-030/exception", await body());
    expect(ok.status, ok.text).toBe(200);
    const v = await verdict("13MSP-030");
    expect(v.eligible).toBe(true);
    expect(v.text).toMatch(/^Admitted by the ISU by exception \(Colombia presents the clearance completion report\)/);
    // Locked in so that it is funded, approved: the donors' rationale lists the exception with its reason.
    await admin.req("POST", "/api/requests/13MSP-030/lock", {
      lock: "in",
      justification: "the report",
      version: await version("13MSP-030"),
    });
    const started = await admin.req("POST", "/api/rounds/13MSP/runs", {});
    await api.runs.settled(started.json.id);
    const roundVersion = (await admin.req("GET", "/api/rounds/13MSP")).json.version;
    const approved = await admin.req("POST", `/api/runs/${started.json.id}/approve`, { offerDeadline: "2025-08-15", roundVersion });
    expect(approved.status, approved.text).toBe(200);
    const rationale = (await donor.req("GET", "/api/rounds/13MSP/rationale")).json;
    expect(rationale.eligibility.exceptions).toEqual([
      { id: "13MSP-030", state: "COL", why: "Colombia presents the clearance completion report" },
    ]);
    expect(rationale.eligibility.ineligible).toBeGreaterThan(0);
    expect(rationale.eligibility.underrepresented).toMatchObject({ regions: ["APG", "EEG"], derived: true });
    // The audit log holds the review and the exception.
    const audit = (await admin.req("GET", "/api/audit?entity=request")).json as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["interest", "exception"]));
  });
});
