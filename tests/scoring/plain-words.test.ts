// Words for people (issue 18): what the engine says of an allocation (why a request is or is not funded,
// which rules cannot hold and what would, what each rule costs, what the baselines break) names no
// policy key, rule id or status code, over generated problems with every rule, locks and earmarks.
import { describe, expect, it } from "vitest";
import { generateProblem } from "../../bench/generate.js";
import { sensitivities } from "../../scoring/analytics/sensitivity.js";
import { ProblemSchema } from "../../scoring/problem/index.js";
import { loadGlpk } from "../../server/workers/glpk.js";
import { solve } from "../helpers/glpk.js";

const glpk = await loadGlpk();

/** Engine identifiers: the policy's keys, rule ids with a scope or a request, status and level codes. */
const ENGINE =
  /\b(maxDelegates|maxPerState|minWomenShare|regionMin|regionMax|maxRegionShare|minOutreach|statusMin|statusMax|stateBonus|regionBonus|nonparty)\b|\b(lock|earmark|force|donor)\.[A-Za-z0-9-]/;

describe("the engine's sentences", () => {
  it.each([21, 22, 23, 24, 25, 26])("name no engine identifier (generated problem %i)", async (seed) => {
    const input = generateProblem({ n: 24, seed, statusQuotas: true, tightEarmarks: seed % 2 === 0 });
    // Some seeds made infeasible on purpose: the diagnosis speaks too.
    if (seed % 3 === 0) input.policy = { ...input.policy, minWomenShare: 0.95 };
    const result = await solve(input);
    const texts = [
      ...result.notFunded.map((n) => n.reason.text),
      ...result.funded.flatMap((f) => [f.requiredBy ?? "", f.note ?? ""]),
      ...(result.diagnosis?.rules.map((r) => r.text) ?? []),
      ...result.baselines.flatMap((b) => b.broken),
    ];
    if (result.status === "optimal") {
      const s = await sensitivities(ProblemSchema.parse(input), glpk);
      texts.push(...s.rules.map((r) => r.text));
    }
    expect(texts.length).toBeGreaterThan(5);
    expect(texts.filter((t) => ENGINE.test(t))).toEqual([]);
    // Shares are said as percentages, never as 0.45.
    expect(texts.filter((t) => /\b0\.\d+\b(?! points)/.test(t) && !/CHF/.test(t))).toEqual([]);
  });
});
