// Concurrency on the real HTTP stack: two staff members editing one request from the same version (the
// second stale write is refused with 409 and the record as it is now; after reloading, both edits are
// kept), and two allocation runs started at the same moment (both finish, each with the optimum the
// engine gives for the same problem).
import { describe, expect, it } from "vitest";
import { allocate } from "../../scoring/allocate.js";
import { loadGlpk } from "../../server/workers/glpk.js";
import { testApi } from "./api-helpers.js";

describe("concurrent staff", async () => {
  const api = await testApi();
  const first = await api.as("admin");
  const second = await api.as("admin"); // another session of the ISU's staff

  it("two edits of one request from the same version: the second gets 409, and neither edit is lost", async () => {
    const read = (await first.req("GET", "/api/requests/13MSP-010")).json;
    const { id: _, ...attributes } = read.attributes;
    // Both send at the same moment, each changing another field.
    const [a, b] = await Promise.all([
      first.req("PUT", "/api/requests/13MSP-010", {
        version: read.version,
        attributes: { ...attributes, title: "Head of Mine Action" },
        reason: "by phone",
      }),
      second.req("PUT", "/api/requests/13MSP-010", {
        version: read.version,
        attributes: { ...attributes, organisation: "National Mine Action Authority" },
        reason: "by e-mail",
      }),
    ]);
    const [won, lost] = a.status === 200 ? [a, b] : [b, a];
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect(lost.json.error.code).toBe("stale-version");
    // The refusal carries the record as it is now: the loser re-applies its change on it.
    const current = lost.json.error.details.current;
    expect(current.version).toBe(won.json.version);
    const loserChange = lost === b ? { organisation: "National Mine Action Authority" } : { title: "Head of Mine Action" };
    const { id: __, ...now } = current.attributes;
    const retried = await (lost === b ? second : first).req("PUT", "/api/requests/13MSP-010", {
      version: current.version,
      attributes: { ...now, ...loserChange },
      reason: "applied again on the saved record",
    });
    expect(retried.status).toBe(200);
    const final = (await first.req("GET", "/api/requests/13MSP-010")).json;
    expect(final.attributes).toMatchObject({ title: "Head of Mine Action", organisation: "National Mine Action Authority" });
    expect(final.version).toBe(read.version + 2);
    // The audit log has both edits, and not the refused one.
    const edits = (await first.req("GET", "/api/audit?entity=request&entityId=13MSP-010")).json.filter(
      (e: { action: string }) => e.action !== "create",
    );
    expect(edits).toHaveLength(2);
  });

  it("two allocation runs started at once both complete, each with the optimum of its problem", async () => {
    const [r1, r2] = await Promise.all([first.req("POST", "/api/rounds/13MSP/runs", {}), second.req("POST", "/api/rounds/13MSP/runs", {})]);
    expect([r1.status, r2.status]).toEqual([202, 202]);
    expect(r1.json.id).not.toBe(r2.json.id);
    await Promise.all([api.runs.settled(r1.json.id), api.runs.settled(r2.json.id)]);
    const [a, b] = [(await first.req("GET", `/api/runs/${r1.json.id}`)).json, (await first.req("GET", `/api/runs/${r2.json.id}`)).json];
    for (const run of [a, b]) expect(run).toMatchObject({ status: "done", resultStatus: "optimal" });
    // Correct: the same problem as an independent solve in this thread, and the same optimum.
    expect(a.problem).toEqual(b.problem);
    const direct = await allocate(a.problem, { glpk: await loadGlpk(), explain: false, baselines: false });
    for (const run of [a, b]) {
      expect(run.result.value).toBeCloseTo(direct.value!, 6);
      expect(run.result.funded.map((f: { id: string }) => f.id).sort()).toEqual(direct.funded.map((f) => f.id).sort());
    }
  });
});
