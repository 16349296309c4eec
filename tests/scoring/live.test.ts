// The live what-if's allocation (scoring/live.ts): the same optimum as a full allocation, the funded
// requests with their States, the rules at their bound named by id, the diagnosis when nothing holds.
import { describe, expect, it } from "vitest";
import { generateProblem } from "../../bench/generate.js";
import { allocate, liveAllocation } from "../../scoring/index.js";
import { ProblemSchema } from "../../scoring/problem/index.js";
import { loadGlpk } from "../../server/glpk.js";

const glpk = await loadGlpk();

describe("liveAllocation", () => {
  it("reaches the full allocation's optimum on generated rounds, and names the rules at their bound", async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const problem = ProblemSchema.parse(generateProblem({ n: 60, seed }));
      const full = await allocate(problem, { glpk, explain: false, baselines: false });
      const live = await liveAllocation(problem, glpk);
      expect(live.status).toBe(full.status);
      expect(live.value).toBe(full.value);
      expect(live.proven).toBe(full.status === "optimal");
      expect(live.funded.map((f) => f.id).sort()).toEqual(full.funded.map((f) => f.id).sort());
      for (const f of live.funded) expect(f.state).toBe(problem.requests.find((r) => r.id === f.id)!.state);
      // Seats: bound when as many are funded as the rule allows.
      const seats = problem.policy.maxDelegates;
      if (seats !== undefined) expect(live.binding.includes("maxDelegates")).toBe(live.summary!.delegates >= seats);
    }
  });

  it("gives the diagnosis when the rules cannot hold", async () => {
    const problem = ProblemSchema.parse(generateProblem({ n: 40, seed: 7 }));
    const impossible = { ...problem, policy: { ...problem.policy, maxDelegates: 1, minOutreach: 5 } };
    const live = await liveAllocation(impossible, glpk);
    expect(live.status).toBe("infeasible");
    expect(live.summary).toBeNull();
    expect(live.binding).toEqual([]);
    expect(live.diagnosis?.rules.length).toBeGreaterThan(0);
  });
});
