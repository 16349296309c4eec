// A server run of a round whose rules cannot hold ends, within its time limit, with its diagnosis: the
// rule that cannot hold, what can, proven (issue 37: a status minimum beyond the money once left the
// diagnosis running for ever, and the staff's screen waiting).
import { describe, expect, it } from "vitest";
import { AS_OF_13MSP, testApi } from "./api-helpers.js";

describe("an infeasible round's run", async () => {
  const api = await testApi(AS_OF_13MSP);
  const admin = await api.as("admin");
  const reviewer = await api.as("reviewer");

  it("ends with its diagnosis: the status minimum beyond the money, and the most that can hold", async () => {
    const s = (await reviewer.req("GET", "/api/rounds/13MSP/settings")).json;
    // More States Parties than the money can pay for, and no cap on the seats to relax instead.
    const { maxDelegates: _seats, ...policy } = s.policy;
    const put = await admin.req("PUT", "/api/rounds/13MSP/settings", {
      weights: s.weights,
      policy: { ...policy, statusMin: { party: 40 } },
      basedOn: s.version,
      note: "every State Party",
    });
    expect(put.status).toBe(200);
    const started = await admin.req("POST", "/api/rounds/13MSP/runs", { timeLimit: 20 });
    expect(started.status).toBe(202);
    await api.runs.settled(started.json.id);
    const run = (await reviewer.req("GET", `/api/runs/${started.json.id}`)).json;
    expect(run).toMatchObject({ status: "done", resultStatus: "infeasible" });
    const diagnosis = run.result.diagnosis;
    expect(diagnosis.proven).toBe(true);
    expect(diagnosis.rules.map((r: { rule: string }) => r.rule)).toEqual(["statusMin.party"]);
    const rule = diagnosis.rules[0];
    expect(rule.proven).toBe(true);
    expect(rule.reachable).toBeGreaterThan(0);
    expect(rule.reachable).toBeLessThan(40);
    expect(rule.text).toBe(`at least 40 from States Parties cannot be met: ${rule.reachable} at most`);
    expect(diagnosis.text).not.toMatch(/not be proven|time limit/);
  });
});
