// A server run shows its proposal as soon as it is solved (issue 19): the run, still running, answers the
// proposal (each request not funded "being explained"), then the explained result replaces it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { realisticRound } from "../../bench/realistic.js";
import { loadReferenceData } from "../../server/reference.js";
import { createRound, insertRequest, putDonor } from "../../server/store/index.js";
import { testApi, type TestApi } from "./api-helpers.js";

describe("a server run's proposal before its explanations", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await testApi();
    // A realistic round large enough that its explanations take a while after the proposal.
    const reference = loadReferenceData();
    const file = realisticRound(300, 1, reference);
    const actor = { id: null, name: "test" };
    createRound(
      api.db,
      {
        round: { ...file.round, id: "BIG", status: "review", carryOver: 0 },
        weights: file.weights,
        policy: file.policy,
        rules: file.rules,
      },
      reference,
      actor,
    );
    for (const d of file.donors) putDonor(api.db, "BIG", { ...d, name: d.name ?? d.id, source: "sourced", note: "test" }, null, "test");
    for (const r of file.requests) insertRequest(api.db, "BIG", { ...r, id: `BIG-${r.id.slice(2)}` }, "submitted", null, actor);
  });
  afterAll(() => api.db.close());

  it("answers the proposal while running, then the explained result with the same selection", async () => {
    const admin = await api.as("admin");
    const started = await admin.req("POST", "/api/rounds/BIG/runs", {});
    expect(started.status).toBe(202);
    const id = started.json.id as string;
    let proposal: {
      status: string;
      result: { value: number; funded: { id: string }[]; notFunded: { reason: { text: string } }[] };
    } | null = null;
    for (;;) {
      const run = (await admin.req("GET", `/api/runs/${id}`)).json;
      if (run.status === "running" && run.result && !proposal) proposal = run;
      if (run.status !== "running" && run.status !== "queued") break;
      await new Promise((r) => setTimeout(r, 2));
    }
    const done = (await admin.req("GET", `/api/runs/${id}`)).json;
    expect(done.status).toBe("done");
    expect(proposal).not.toBeNull();
    expect(proposal!.result.notFunded.every((n) => n.reason.text === "being explained")).toBe(true);
    expect(proposal!.result.value).toBe(done.result.value);
    expect(proposal!.result.funded.map((f) => f.id)).toEqual(done.result.funded.map((f: { id: string }) => f.id));
    expect(done.result.notFunded.some((n: { reason: { text: string } }) => n.reason.text === "being explained")).toBe(false);
    expect(done.result.solver.explainThreads).toBe(2);
  });
});
