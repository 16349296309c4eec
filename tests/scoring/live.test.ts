// The live what-if's allocation (scoring/live.ts): the same optimum as a full allocation, the funded
// requests with their States, the rules at their bound named by id, the diagnosis when nothing holds.
import { describe, expect, it } from "vitest";
import { generateProblem } from "../../bench/generate.js";
import { readFileSync } from "node:fs";
import { allocate, liveAllocation, whyNot, withRoundFacts } from "../../scoring/index.js";
import { RoundFileSchema, scoreRound } from "../../scoring/criteria/index.js";
import { loadReferenceData } from "../../server/io/reference.js";
import { ProblemSchema } from "../../scoring/problem/index.js";
import { loadGlpk } from "../../server/workers/glpk.js";

const glpk = await loadGlpk();

describe("liveAllocation", () => {
  it("reaches the full allocation's optimum on generated rounds, and names the rules at their bound", async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const problem = ProblemSchema.parse(generateProblem({ n: 60, seed }));
      const full = await allocate(problem, { glpk, explain: false, baselines: false });
      const { result: live, base } = await liveAllocation(problem, glpk);
      expect(base).not.toBeNull();
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

  it("says why a request is not funded as the full explanations do", async () => {
    const problem = ProblemSchema.parse(generateProblem({ n: 50, seed: 3 }));
    const full = await allocate(problem, { glpk, baselines: false });
    const { base } = await liveAllocation(problem, glpk);
    for (const n of full.notFunded.slice(0, 6)) expect(await whyNot(base!, glpk, n.id)).toEqual(n);
    await expect(whyNot(base!, glpk, full.funded[0]!.id)).rejects.toThrow(/is funded/);
  });

  it("gives the diagnosis when the rules cannot hold", async () => {
    const problem = ProblemSchema.parse(generateProblem({ n: 40, seed: 7 }));
    const impossible = { ...problem, policy: { ...problem.policy, maxDelegates: 1, minOutreach: 5 } };
    const { result: live, base } = await liveAllocation(impossible, glpk);
    expect(base).toBeNull();
    expect(live.status).toBe("infeasible");
    expect(live.summary).toBeNull();
    expect(live.binding).toEqual([]);
    expect(live.diagnosis?.rules.length).toBeGreaterThan(0);
  });

  it("tries the money, a lock and a State's fact on the round file, and refuses a fact that is not one", () => {
    const reference = loadReferenceData();
    const file = RoundFileSchema.parse(JSON.parse(readFileSync("data/demo/round.json", "utf8")));
    const none = { budgetChange: 0, lock: null, fact: null };
    const budgetOf = (facts: typeof none | Parameters<typeof withRoundFacts>[1]) =>
      scoreRound(withRoundFacts(file, facts)!, reference).problem.budget;
    const base = budgetOf(none);
    expect(budgetOf({ ...none, budgetChange: 5000 })).toBeCloseTo(base + 5000, 2);
    expect(budgetOf({ ...none, budgetChange: -3000 })).toBeCloseTo(base - 3000, 2);
    const id = file.requests[3]!.id;
    const locked = withRoundFacts(file, { ...none, lock: { id, lock: "out" } })!;
    expect(locked.requests.find((r) => r.id === id)!.lock).toBe("out");
    expect(file.requests.find((r) => r.id === id)!.lock).toBeUndefined();
    const state = file.requests[0]!.state;
    const asParty = withRoundFacts(file, { ...none, fact: { iso3: state, name: "ccmStatus", value: "nonparty" } })!;
    expect(scoreRound(asParty, reference).problem.requests.find((r) => r.state === state)!.status).toBe("nonparty");
    expect(withRoundFacts(file, { ...none, fact: { iso3: state, name: "ccmStatus", value: "maybe" } })).toBeNull();
    expect(withRoundFacts(file, { ...none, budgetChange: Number.NaN })).toBeNull();
  });
});

describe("allocate's proposal before its explanations", () => {
  it("gives the proposal, then the reasons as they come, then the explained result", async () => {
    const problem = ProblemSchema.parse(generateProblem({ n: 80, seed: 11 }));
    const seen: { value: number | null; funded: string[]; explained: number }[] = [];
    const result = await allocate(problem, {
      glpk,
      baselines: false,
      onProposal: (p) => {
        seen.push({
          value: p.value,
          funded: p.funded.map((f) => f.id),
          explained: p.notFunded.filter((n) => n.reason.text !== "being explained").length,
        });
      },
    });
    // The proposal first, with only the reasons that need no solve (a lock out, an eligibility verdict);
    // then more and more; every one the final selection.
    const withoutSolve = result.notFunded.filter((n) => n.reason.kind === "locked-out" || n.reason.kind === "ineligible").length;
    expect(withoutSolve).toBeGreaterThan(0);
    expect(seen[0]!.explained).toBe(withoutSolve);
    expect(seen.length).toBeGreaterThan(2);
    for (let k = 1; k < seen.length; k++) expect(seen[k]!.explained).toBeGreaterThanOrEqual(seen[k - 1]!.explained);
    expect(seen.at(-1)!.explained).toBe(result.notFunded.length);
    for (const s of seen) {
      expect(s.value).toBe(result.value);
      expect(s.funded).toEqual(result.funded.map((f) => f.id));
    }
    expect(result.notFunded.some((n) => n.reason.text === "being explained")).toBe(false);
    // Without explanations, no proposal is announced: the result is the proposal.
    let called = 0;
    await allocate(problem, { glpk, explain: false, baselines: false, onProposal: () => void called++ });
    expect(called).toBe(0);
  });
});
