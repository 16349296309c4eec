// The diagnosis against an independent formulation (issue 37). Generated rounds, 20 to 400 requests,
// whose status, regional or women's minimum is set beyond what the money and the other rules allow (found
// by HiGHS on bench/highs-model.ts's formulation, written apart from the rule registry): each is diagnosed
// within its time limit (proven: bounded by work, never by a timed assertion), and the rule it names
// holds at the least change it gives and not one step short of it, by HiGHS.
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateProblem } from "../../../bench/generate.js";
import { highsFeasible, highsMostOf, loadHighs, minimumBeyondReach, type Minimum } from "../../../bench/highs-model.js";
import type { Region } from "../../../scoring/domain/index.js";
import { ProblemSchema, type ProblemInput } from "../../../scoring/problem/index.js";
import { solve } from "../../helpers/glpk.js";

const highs = await loadHighs();
const feasible = (input: ProblemInput): boolean => highsFeasible(highs, input);
const mostOf = (input: ProblemInput, pred: (r: ProblemInput["requests"][number]) => boolean): number => highsMostOf(highs, input, pred);
type Kind = "status" | "region" | "women";

/** The round with one rule's bound set, by the rule's id as the diagnosis names it. */
function withRule(input: ProblemInput, rule: string, bound: number): ProblemInput {
  const p = structuredClone(input);
  const [key, scope] = rule.split(".") as [string, string | undefined];
  const policy = p.policy as Record<string, unknown>;
  if (key === "budget") p.budget = bound;
  else if (key === "donor") p.donors = p.donors!.map((d) => (d.id === rule.slice(6) ? { ...d, amount: bound } : d));
  else if (scope !== undefined) policy[key] = { ...(policy[key] as object), [scope]: bound };
  else policy[key] = bound;
  return p;
}

/** One step towards the rule as stated: a minimum one higher, a cap or an amount one lower. */
function shortOf(rule: string, reachable: number): number {
  if (rule === "minWomenShare") return Math.round(reachable * 100 + 1) / 100;
  if (/^(statusMin|regionMin|minOutreach)/.test(rule)) return reachable + 1;
  if (/^(maxDelegates|maxPerState|regionMax|statusMax|budget|donor)/.test(rule)) return reachable - 1;
  throw new Error(`no oracle for the rule ${rule}`);
}

/**
 * A generated round (with its other rules: seats, per-State cap, regional minimums and maximum, outreach,
 * locks, donors on even seeds) whose minimum of the given kind is set beyond what can hold.
 */
function infeasibleRound(n: number, seed: number, kind: Kind): ProblemInput | null {
  const input = generateProblem({ n, seed, donors: seed % 2 === 0, locks: true, bonuses: seed % 3 !== 0 });
  const policy = input.policy as Record<string, unknown>;
  delete policy.minWomenShare;
  // A generated round whose own rules cannot hold (a few small ones) is no case of this test.
  if (!feasible(input)) return null;
  const minimum: Minimum =
    kind === "women"
      ? "women"
      : kind === "status"
        ? { status: seed % 2 ? "party" : "signatory" }
        : { region: input.requests[seed % input.requests.length]!.region as Region };
  return minimumBeyondReach(highs, input, minimum, 1 + (seed % 3));
}

/** Whether the case was one (its generated round could be made infeasible by the minimum alone), and checked. */
async function diagnosedAsHiGHSSays(n: number, seed: number, kind: Kind): Promise<boolean> {
  const input = infeasibleRound(n, seed, kind);
  if (!input) return false;
  const what = `n ${n}, seed ${seed}, ${kind}`;
  expect(feasible(input), what).toBe(false);
  const result = await solve(input, { timeLimit: 60, explain: false, baselines: false });
  expect(result.status, what).toBe("infeasible");
  const d = result.diagnosis!;
  expect(d.proven, `${what}: ${d.text}`).toBe(true);
  // The fewest rules: one suffices (the minimum itself could be lowered), so exactly one is named.
  expect(d.rules, `${what}: ${d.text}`).toHaveLength(1);
  const { rule, reachable, proven } = d.rules[0]!;
  expect(proven).toBe(true);
  expect(reachable, `${what}: ${d.text}`).not.toBeNull();
  expect(feasible(withRule(input, rule, reachable!)), `${what}: ${rule} at ${reachable} holds`).toBe(true);
  expect(feasible(withRule(input, rule, shortOf(rule, reachable!))), `${what}: ${rule} one step short of ${reachable} cannot`).toBe(false);
  return true;
}

describe("the diagnosis of infeasible minimums agrees with HiGHS on the least change", () => {
  it("on the round that once never ended (60 requests, at least 16 States Parties, 13 fit the money)", async () => {
    const repro = JSON.parse(readFileSync("tests/fixtures/diagnosis-hang.json", "utf8")) as ProblemInput;
    const { statusMin: _min, ...others } = ProblemSchema.parse(repro).policy;
    expect(mostOf({ ...repro, policy: others }, (r) => r.status === "party")).toBe(13);
    const result = await solve(repro, { timeLimit: 10, explain: false, baselines: false });
    expect(result.diagnosis!.rules.map((r) => [r.rule, r.reachable, r.proven])).toEqual([["statusMin.party", 13, true]]);
  });

  for (const kind of ["status", "region", "women"] as const) {
    for (const n of [20, 60, 150, 400]) {
      it(`${kind} minimums, ${n} requests`, async () => {
        let cases = 0;
        for (let seed = n + 1; cases < 2 && seed < n + 20; seed++) if (await diagnosedAsHiGHSSays(n, seed, kind)) cases++;
        expect(cases).toBe(2);
      });
    }
  }

  it("on random rounds (sizes 20 to 400, every kind)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 20, max: 400 }),
        fc.constantFrom<Kind>("status", "region", "women"),
        async (seed, n, kind) => {
          fc.pre(await diagnosedAsHiGHSSays(n, seed, kind));
        },
      ),
      { numRuns: 30 },
    );
  });
});
