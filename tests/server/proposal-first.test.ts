// A server run shows its proposal as soon as it is solved (issue 19): the run, still running, answers the
// proposal (each request not funded "being explained"), then the explained result replaces it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertRealisticRound } from "../../bench/realistic-db.js";
import { loadReferenceData } from "../../server/io/reference.js";
import { testApi, type TestApi } from "./api-helpers.js";

describe("a server run's proposal before its explanations", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await testApi();
    // A realistic round large enough that its explanations take a while after the proposal.
    const reference = loadReferenceData();
    insertRealisticRound(api.db, reference, "BIG", 300, 1);
  });
  afterAll(() => api.db.close());

  it("answers the proposal while running, then the explained result with the same selection", async () => {
    const admin = await api.as("admin");
    const started = await admin.req("POST", "/api/rounds/BIG/runs", {});
    expect(started.status).toBe(202);
    const id = started.json.id as string;
    let proposal: {
      status: string;
      result: { value: number; funded: { id: string }[]; notFunded: { id: string; reason: { kind: string; text: string } }[] };
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
    // Nothing explained yet but what needs no solve (a lock out, an eligibility verdict), already final.
    const final = new Map(done.result.notFunded.map((n: { id: string; reason: unknown }) => [n.id, n.reason]));
    for (const n of proposal!.result.notFunded as { id: string; reason: { kind: string; text: string } }[]) {
      if (n.reason.kind === "locked-out" || n.reason.kind === "ineligible") expect(n.reason).toEqual(final.get(n.id));
      else expect(n.reason.text).toBe("being explained");
    }
    expect(proposal!.result.notFunded.some((n) => n.reason.text === "being explained")).toBe(true);
    expect(proposal!.result.value).toBe(done.result.value);
    expect(proposal!.result.funded.map((f) => f.id)).toEqual(done.result.funded.map((f: { id: string }) => f.id));
    expect(done.result.notFunded.some((n: { reason: { text: string } }) => n.reason.text === "being explained")).toBe(false);
    expect(done.result.solver.explainThreads).toBe(2);
  });
});
