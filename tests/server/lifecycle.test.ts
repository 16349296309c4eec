// The decision lifecycle through the API, against the defects an outside test found (issue 15): an
// approval acts only on requests still in the running; a replacement never re-offers an answered offer;
// a re-approval never loses recorded answers; scores stay visible after approval.
import { describe, expect, it } from "vitest";
import { AFTER_13MSP, AS_OF_13MSP, testApi, type Client } from "./api-helpers.js";

type Api = Awaited<ReturnType<typeof testApi>>;

async function doneRun(api: Api, admin: Client): Promise<{ id: string; funded: string[] }> {
  const started = await admin.req("POST", "/api/rounds/13MSP/runs", {});
  await api.runs.settled(started.json.id);
  const run = (await admin.req("GET", `/api/runs/${started.json.id}`)).json;
  return { id: run.id, funded: run.result.funded.map((f: { id: string }) => f.id) };
}

async function roundVersion(admin: Client): Promise<number> {
  return (await admin.req("GET", "/api/rounds/13MSP")).json.version;
}

describe("the decision lifecycle", () => {
  it("refuses to approve a run that funds a request withdrawn since the run (409, in words)", async () => {
    const api = await testApi(AS_OF_13MSP);
    const admin = await api.as("admin");
    const run = await doneRun(api, admin);
    const victim = run.funded[0]!;
    const request = (await admin.req("GET", `/api/requests/${victim}`)).json;
    const withdrawn = await admin.req("POST", `/api/requests/${victim}/status`, {
      status: "withdrawn",
      note: "the delegate withdrew",
      version: request.version,
    });
    expect(withdrawn.status).toBe(200);
    const approve = await admin.req("POST", `/api/runs/${run.id}/approve`, {
      offerDeadline: "2025-08-15",
      roundVersion: await roundVersion(admin),
    });
    expect(approve.status).toBe(409);
    expect(approve.json.error.message).toMatch(new RegExp(`${victim}.*withdrawn`));
    // Nothing was decided: the withdrawn request has no offer.
    expect((await admin.req("GET", "/api/rounds/13MSP/decisions")).json).toEqual([]);
    expect((await admin.req("GET", `/api/requests/${victim}`)).json.status).toBe("withdrawn");
  });

  it("says what changed since a run (a rating that moved a request's points) and approves it only as it was, when asked to", async () => {
    const api = await testApi(AS_OF_13MSP);
    const admin = await api.as("admin");
    const reviewer = await api.as("reviewer");
    const run = await doneRun(api, admin);
    expect((await reviewer.req("GET", `/api/runs/${run.id}/changes`)).json).toEqual({ changes: [] });
    const before = (await admin.req("GET", `/api/runs/${run.id}`)).json.scores.requests.find(
      (r: { id: string }) => r.id === "13MSP-005",
    ).total;
    expect((await reviewer.req("PUT", "/api/requests/13MSP-005/review", { rating: 0, comment: "on a second reading" })).status).toBe(200);
    const { changes } = (await reviewer.req("GET", `/api/runs/${run.id}/changes`)).json;
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatch(
      new RegExp(`^13MSP-005 \\([A-Z][a-z].*\\): ${before.toFixed(2).replace(".", "\\.")} points then, \\d+\\.\\d\\d now\\.$`),
    );
    const body = { offerDeadline: "2025-08-15", roundVersion: await roundVersion(admin) };
    const refused = await admin.req("POST", `/api/runs/${run.id}/approve`, body);
    expect(refused.status).toBe(409);
    expect(refused.json.error).toMatchObject({ code: "out-of-date", details: { changes } });
    expect(refused.json.error.message).toContain(changes[0]);
    expect((await admin.req("GET", "/api/rounds/13MSP/decisions")).json).toEqual([]);
    // The approver, told, approves the run as it was; a new run is up to date.
    const approved = await admin.req("POST", `/api/runs/${run.id}/approve`, { ...body, outOfDate: "approve-as-it-was" });
    expect(approved.status, approved.text).toBe(200);
    const bad = await admin.req("POST", `/api/runs/${run.id}/approve`, { ...body, outOfDate: "yes" });
    expect(bad.status).toBe(422);
  });

  it("never proposes again a delegate who declined, once an applied replacement closed the offer out", async () => {
    const api = await testApi(AS_OF_13MSP);
    const admin = await api.as("admin");
    const run = await doneRun(api, admin);
    await admin.req("POST", `/api/runs/${run.id}/approve`, { offerDeadline: "2025-08-15", roundVersion: await roundVersion(admin) });
    const decline = async (id: string) => {
      const d = (await admin.req("GET", "/api/rounds/13MSP/decisions")).json.find((x: { requestId: string }) => x.requestId === id);
      expect((await admin.req("POST", `/api/rounds/13MSP/offers/${id}`, { offerStatus: "declined", version: d.version })).status).toBe(200);
    };
    const declinedFirst: string[] = [];
    for (let k = 0; k < 3; k++) {
      const offered = (await admin.req("GET", "/api/rounds/13MSP/decisions")).json.filter(
        (d: { offerStatus: string | null; requestId: string }) => d.offerStatus === "pending" && !declinedFirst.includes(d.requestId),
      );
      const victim = offered[0].requestId as string;
      await decline(victim);
      declinedFirst.push(victim);
      const proposal = await admin.req("POST", "/api/rounds/13MSP/replacements");
      expect(proposal.status).toBe(201);
      const proposed = proposal.json.proposal.replacements.map((r: { id: string }) => r.id);
      // None of those who declined, in this proposal or an earlier one, is proposed again.
      expect(proposed.filter((id: string) => declinedFirst.includes(id))).toEqual([]);
      const applied = await admin.req("POST", `/api/replacements/${proposal.json.id}/apply`, { offerDeadline: "2025-09-01" });
      expect(applied.status, applied.text).toBe(200);
    }
  });

  it("applies only the latest replacement proposal, once, and never puts an accepted offer back to pending", async () => {
    const api = await testApi(AS_OF_13MSP);
    const admin = await api.as("admin");
    const run = await doneRun(api, admin);
    await admin.req("POST", `/api/runs/${run.id}/approve`, { offerDeadline: "2025-08-15", roundVersion: await roundVersion(admin) });
    const decisions = (await admin.req("GET", "/api/rounds/13MSP/decisions")).json;
    const declined = decisions.find((d: { decision: string }) => d.decision === "funded");
    await admin.req("POST", `/api/rounds/13MSP/offers/${declined.requestId}`, { offerStatus: "declined", version: declined.version });
    const first = await admin.req("POST", "/api/rounds/13MSP/replacements");
    const second = await admin.req("POST", "/api/rounds/13MSP/replacements");
    expect([first.status, second.status]).toEqual([201, 201]);
    // The later proposal replaced the first: applying the first is refused, in words.
    // The open proposal is the latest, read back from the server (it outlives a reload of the page).
    expect((await admin.req("GET", "/api/rounds/13MSP/replacements/open")).json.id).toBe(second.json.id);
    const stale = await admin.req("POST", `/api/replacements/${first.json.id}/apply`, { offerDeadline: "2025-09-01" });
    expect(stale.status).toBe(409);
    expect(stale.json.error.message).toMatch(/later proposal/);
    expect((await admin.req("POST", `/api/replacements/${second.json.id}/apply`, { offerDeadline: "2025-09-01" })).status).toBe(200);
    expect((await admin.req("GET", "/api/rounds/13MSP/replacements/open")).json).toBeNull();
    const replacement = second.json.proposal.replacements[0].id as string;
    const offer = (await admin.req("GET", "/api/rounds/13MSP/decisions")).json.find(
      (d: { requestId: string }) => d.requestId === replacement,
    );
    api.dayIs(AFTER_13MSP);
    const accepted = await admin.req("POST", `/api/rounds/13MSP/offers/${replacement}`, {
      offerStatus: "travelled",
      actualCost: 2500,
      version: offer.version,
    });
    expect(accepted.status).toBe(200);
    for (const id of [first.json.id, second.json.id]) {
      expect((await admin.req("POST", `/api/replacements/${id}/apply`, { offerDeadline: "2025-09-02" })).status).toBe(409);
    }
    const after = (await admin.req("GET", "/api/rounds/13MSP/decisions")).json.find(
      (d: { requestId: string }) => d.requestId === replacement,
    );
    expect(after).toMatchObject({ offerStatus: "travelled", actualCost: 2500, offerDeadline: "2025-09-01" });
    // And the lifecycle itself refuses an answered offer becoming funded again, whatever the path.
    const status = await admin.req("POST", `/api/requests/${replacement}/status`, {
      status: "submitted",
      note: "put back by mistake",
      version: (await admin.req("GET", `/api/requests/${replacement}`)).json.version,
    });
    expect(status.status).toBe(409);
    expect(status.json.error.message).toMatch(/final/);
  });

  it("refuses a re-approval that would wipe recorded answers and actual costs", async () => {
    const api = await testApi(AS_OF_13MSP);
    const admin = await api.as("admin");
    const run = await doneRun(api, admin);
    await admin.req("POST", `/api/runs/${run.id}/approve`, { offerDeadline: "2025-08-15", roundVersion: await roundVersion(admin) });
    const d = (await admin.req("GET", "/api/rounds/13MSP/decisions")).json.find((x: { decision: string }) => x.decision === "funded");
    api.dayIs(AFTER_13MSP);
    await admin.req("POST", `/api/rounds/13MSP/offers/${d.requestId}`, { offerStatus: "travelled", actualCost: 3100, version: d.version });
    api.dayIs(AS_OF_13MSP.TODAY); // a re-approval is tried before the meeting again
    const back = await admin.req("POST", "/api/rounds/13MSP/status", { status: "review", version: await roundVersion(admin) });
    expect(back.status).toBe(200);
    const again = await admin.req("POST", `/api/runs/${run.id}/approve`, {
      offerDeadline: "2025-08-20",
      roundVersion: await roundVersion(admin),
    });
    expect(again.status).toBe(409);
    expect(again.json.error.message).toMatch(/answer/);
    const kept = (await admin.req("GET", "/api/rounds/13MSP/decisions")).json.find(
      (x: { requestId: string }) => x.requestId === d.requestId,
    );
    expect(kept).toMatchObject({ offerStatus: "travelled", actualCost: 3100 });
  });

  it("keeps every request's scores visible after approval", async () => {
    const api = await testApi(AS_OF_13MSP);
    const admin = await api.as("admin");
    const before = (await admin.req("GET", "/api/rounds/13MSP/scores")).json.requests.length;
    const run = await doneRun(api, admin);
    await admin.req("POST", `/api/runs/${run.id}/approve`, { offerDeadline: "2025-08-15", roundVersion: await roundVersion(admin) });
    const after = (await admin.req("GET", "/api/rounds/13MSP/scores")).json.requests;
    expect(after.length).toBe(before);
    expect(after.find((s: { id: string }) => s.id === run.funded[0])?.total).toBeGreaterThan(0);
  });

  it("calls the statement final once every offer is answered and every accepted one has its actual cost", async () => {
    const api = await testApi(AS_OF_13MSP);
    const admin = await api.as("admin");
    const run = await doneRun(api, admin);
    await admin.req("POST", `/api/runs/${run.id}/approve`, {
      offerDeadline: "2025-08-15",
      waitlist: 0,
      roundVersion: await roundVersion(admin),
    });
    const offers = (await admin.req("GET", "/api/rounds/13MSP/decisions")).json.filter(
      (d: { decision: string }) => d.decision === "funded",
    );
    api.dayIs(AFTER_13MSP);
    for (const [k, d] of offers.entries()) {
      const body =
        k % 4 === 0
          ? { offerStatus: "declined", on: "2025-08-10", version: d.version }
          : { offerStatus: "travelled", actualCost: 2600, version: d.version };
      expect((await admin.req("POST", `/api/rounds/13MSP/offers/${d.requestId}`, body)).status).toBe(200);
    }
    expect((await admin.req("GET", "/api/rounds/13MSP/statement")).json.provisional).toBe(true); // administrative costs not yet known
    const patched = await admin.req("PATCH", "/api/rounds/13MSP", { adminActual: 195, version: await roundVersion(admin) });
    expect(patched.status).toBe(200);
    const statement = (await admin.req("GET", "/api/rounds/13MSP/statement")).json;
    expect(statement.provisional).toBe(false);
    const accepted = offers.filter((_: unknown, k: number) => k % 4 !== 0).length;
    expect(statement.expenditures.travel).toBe(accepted * 2600);
  });

  it("records in the audit log each run failed because the server stopped during it", async () => {
    const api = await testApi(AS_OF_13MSP);
    const admin = await api.as("admin");
    const started = await admin.req("POST", "/api/rounds/13MSP/runs", {});
    await api.runs.settled(started.json.id);
    // As a previous process would have left it: running, its worker gone.
    api.db.prepare("UPDATE runs SET status = 'running', finished_at = NULL WHERE id = ?").run(started.json.id);
    api.runs.recover();
    expect((await admin.req("GET", `/api/runs/${started.json.id}`)).json).toMatchObject({
      status: "failed",
      error: "the server stopped during the run",
    });
    const entries = (await admin.req("GET", `/api/audit?entity=run&entityId=${started.json.id}`)).json;
    expect(entries[0]).toMatchObject({ actor: "server", action: "fail", entityId: started.json.id });
  });

  it("gives donors the delegates as they stand after a decline and its replacement, with the dashboard's money", async () => {
    const api = await testApi(AS_OF_13MSP);
    const admin = await api.as("admin");
    const donor = await api.as("donor-aus");
    const run = await doneRun(api, admin);
    await admin.req("POST", `/api/runs/${run.id}/approve`, { offerDeadline: "2025-08-15", roundVersion: await roundVersion(admin) });
    const d = (await admin.req("GET", "/api/rounds/13MSP/decisions")).json.find((x: { decision: string }) => x.decision === "funded");
    await admin.req("POST", `/api/rounds/13MSP/offers/${d.requestId}`, { offerStatus: "declined", version: d.version });
    const proposal = (await admin.req("POST", "/api/rounds/13MSP/replacements")).json;
    expect((await admin.req("POST", `/api/replacements/${proposal.id}/apply`, { offerDeadline: "2025-09-01" })).status).toBe(200);
    const rationale = (await donor.req("GET", "/api/rounds/13MSP/rationale")).json;
    const ids = rationale.funded.map((f: { id: string }) => f.id);
    expect(ids).not.toContain(d.requestId);
    expect(rationale.released).toEqual([expect.objectContaining({ id: d.requestId, offer: "declined" })]);
    for (const r of proposal.proposal.replacements) expect(ids).toContain(r.id);
    const statement = (await admin.req("GET", "/api/rounds/13MSP/statement")).json;
    expect(rationale.money.balances).toEqual(statement.balances);
    expect(rationale.summary.totalCost).toBeCloseTo(statement.balances.committed + statement.balances.spent, 2);
    // The analyses are of the run as approved, and say so: the declined request stays in the run's own figures.
    expect(rationale.asApproved).toEqual({ delegates: run.funded.length, value: expect.any(Number) });
  });

  it("records an accepted delegate who did not travel, and a late cancellation with what could not be refunded", async () => {
    const api = await testApi(AS_OF_13MSP);
    const admin = await api.as("admin");
    const run = await doneRun(api, admin);
    await admin.req("POST", `/api/runs/${run.id}/approve`, { offerDeadline: "2025-08-15", roundVersion: await roundVersion(admin) });
    const [a, b] = (await admin.req("GET", "/api/rounds/13MSP/decisions")).json.filter(
      (x: { decision: string }) => x.decision === "funded",
    );
    const before = (await admin.req("GET", "/api/rounds/13MSP/statement")).json;
    const accepted = (await admin.req("POST", `/api/rounds/13MSP/offers/${a.requestId}`, { offerStatus: "accepted", version: a.version }))
      .json;
    api.dayIs(AFTER_13MSP);
    const noShow = await admin.req("POST", `/api/rounds/13MSP/offers/${a.requestId}`, {
      offerStatus: "no-show",
      version: accepted.version,
    });
    expect(noShow.json).toMatchObject({ offerStatus: "no-show", actualCost: 0 });
    const late = await admin.req("POST", `/api/rounds/13MSP/offers/${b.requestId}`, {
      offerStatus: "cancelled",
      actualCost: 820,
      version: b.version,
    });
    expect(late.json).toMatchObject({ offerStatus: "cancelled", actualCost: 820 });
    expect((await admin.req("GET", `/api/requests/${b.requestId}`)).json.status).toBe("cancelled");
    const after = (await admin.req("GET", "/api/rounds/13MSP/statement")).json;
    // Both offers' money left the commitments: 820 spent, the rest released.
    expect(after.balances.committed).toBeCloseTo(before.balances.committed - a.cost - b.cost, 2);
    expect(after.balances.spent).toBe(820);
    expect(after.balances.released).toBeCloseTo(a.cost + b.cost - 820, 2);
    // A settlement is final.
    const again = await admin.req("POST", `/api/rounds/13MSP/offers/${a.requestId}`, {
      offerStatus: "travelled",
      actualCost: 10,
      version: noShow.json.version,
    });
    expect(again.status).toBe(409);
    expect(again.json.error.message).toMatch(/did not travel: that is final/);
    // Donors read them apart: not among the delegates sponsored, named with what their offers spent;
    // the other methods' comparison is of the run as approved (its 20 delegates).
    const rationale = (await (await api.as("donor-aus")).req("GET", "/api/rounds/13MSP/rationale")).json;
    expect(rationale.summary.delegates).toBe(run.funded.length - 2);
    expect(rationale.notTravelled).toEqual([
      expect.objectContaining({ id: a.requestId, offer: "no-show", cost: 0 }),
      expect.objectContaining({ id: b.requestId, offer: "cancelled", cost: 820 }),
    ]);
    expect(rationale.summary.totalCost).toBeCloseTo(after.balances.committed + after.balances.spent, 2);
    expect(rationale.asApproved.delegates).toBe(run.funded.length);
  });

  it("starts a year's second round from what the first left, and the year's deferred-to is the last round's", async () => {
    const api = await testApi(AS_OF_13MSP);
    const admin = await api.as("admin");
    const round = (await admin.req("GET", "/api/rounds/13MSP")).json;
    const settings = (await admin.req("GET", "/api/rounds/13MSP/settings")).json;
    const created = await admin.req("POST", "/api/rounds", {
      round: {
        id: "IM25",
        meeting: "Intersessional Meetings 2025",
        venue: "Geneva",
        startDate: "2025-11-03",
        endDate: "2025-11-05",
        windowOpens: "2025-08-01",
        windowCloses: "2025-09-15",
        allowanceRate: 350,
        nights: 3,
        status: "draft",
        adminEstimate: 100,
      },
      weights: settings.weights,
    });
    expect(created.status).toBe(201);
    expect(created.json.carryOver).toBe(round.deferredTo);
    const year = (await admin.req("GET", "/api/years/2025/statement")).json;
    expect(year.rounds.map((r: { roundId: string }) => r.roundId)).toEqual(["13MSP", "IM25"]);
    expect(year.rounds[1].deferredFrom).toBe(year.rounds[0].deferredTo);
    expect(year.deferredTo).toBe(year.rounds[1].deferredTo);
    expect(year.expenditures.generalAndAdministrative).toBe(round.adminEstimate + 100);
    // Typing a carry-over that is not the year's is refused, naming the field.
    const typed = await admin.req("POST", "/api/rounds", {
      round: {
        id: "IM25B",
        meeting: "x",
        venue: "Geneva",
        startDate: "2025-12-01",
        endDate: "2025-12-02",
        windowOpens: "2025-08-01",
        windowCloses: "2025-09-15",
        allowanceRate: 350,
        nights: 3,
        status: "draft",
        carryOver: 12345,
      },
      weights: settings.weights,
    });
    expect(typed.status).toBe(422);
    expect(typed.json.error.details.problems[0].path).toBe("round.carryOver");
  });
});
