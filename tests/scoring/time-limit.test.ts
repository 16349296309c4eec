// One time budget for the whole answer (issue 37): no stage of the engine calls the solver without a
// limit, no call's limit is longer than what the answer has left, and once the answer's time is spent no
// solve is started, each request still answered in words. Checked by a spy around the real glpk.js,
// counting calls (bounded by work), never by timing the answer.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateProblem } from "../../bench/generate.js";
import { allocate, liveAllocation, whyNot } from "../../scoring/index.js";
import type { Glpk } from "../../scoring/allocation/index.js";
import { moneyCurve } from "../../scoring/analytics/money-curve.js";
import { replace } from "../../scoring/analytics/replace.js";
import { robustness } from "../../scoring/analytics/robustness.js";
import { sensitivities } from "../../scoring/analytics/sensitivity.js";
import { ProblemSchema, type ProblemInput } from "../../scoring/problem/index.js";
import { loadGlpk } from "../../server/workers/glpk.js";
import { beforeEachSolve, busy } from "../helpers/glpk.js";
import { problem, req } from "../helpers/problems.js";

const real = await loadGlpk();

/** glpk.js with every call's time limit recorded; a call without one throws (and fails the answer). */
function spy(opts: { delayMs?: number } = {}): { glpk: Glpk; limits: number[] } {
  const limits: number[] = [];
  const glpk = beforeEachSolve(real, (options) => {
    const tmlim = options?.tmlim;
    if (tmlim === undefined || !Number.isFinite(tmlim) || tmlim <= 0) throw new Error(`a solve without a time limit (tmlim ${tmlim})`);
    limits.push(tmlim);
    // A slow machine, for the test that counts the solves started before the deadline.
    if (opts.delayMs) busy(opts.delayMs);
  });
  return { glpk, limits };
}

const parse = (input: ProblemInput) => ProblemSchema.parse(input);

describe("no solve without a limit", () => {
  it("in an allocation with its explanations, counterfactuals that break a rule among them", async () => {
    const { glpk, limits } = spy();
    const input = generateProblem({ n: 60, seed: 3, statusQuotas: true });
    const result = await allocate(parse(input), { glpk, timeLimit: 30 });
    expect(result.status).toBe("optimal");
    expect(result.notFunded.some((n) => n.reason.kind === "price-of-inclusion")).toBe(true);
    expect(limits.length).toBeGreaterThan(20);
    expect(Math.max(...limits)).toBeLessThanOrEqual(30);
    // A lock makes a counterfactual infeasible: its rule is named by a diagnosis, within the limit too.
    const locked = await allocate(
      parse(problem(100, [req("A", { v: 10, lock: "in" }), req("B", { v: 90 })], { policy: { maxPerState: 1 } })),
      {
        glpk,
        timeLimit: 30,
      },
    );
    expect(locked.notFunded.find((n) => n.id === "B")!.reason).toMatchObject({ kind: "excluded-by-rule", rule: "maxPerState" });
  });

  it("in the diagnosis of rules that cannot hold (the round that once never ended)", async () => {
    const { glpk, limits } = spy();
    const repro = parse(JSON.parse(readFileSync("tests/fixtures/diagnosis-hang.json", "utf8")));
    const result = await allocate(repro, { glpk, timeLimit: 10, baselines: false });
    expect(result.status).toBe("infeasible");
    expect(result.diagnosis).toMatchObject({ proven: true, rules: [{ rule: "statusMin.party", stated: 16, reachable: 13, proven: true }] });
    expect(limits.length).toBeGreaterThan(1);
    expect(Math.max(...limits)).toBeLessThanOrEqual(10);
  });

  it("in the live allocation, a why-not, a replacement and the analyses", async () => {
    const { glpk, limits } = spy();
    const p = parse(generateProblem({ n: 40, seed: 5 }));
    const { base } = await liveAllocation(p, glpk, { timeLimit: 5 });
    const notFunded = p.requests.find((r) => base && !base.solution.chosen.has(base.prep.byId.get(r.id)!.index) && !r.lock)!;
    expect((await whyNot(base!, glpk, notFunded.id, 5)).reason.kind).not.toBe("unexplained");
    const before = await allocate(p, { glpk, explain: false, baselines: false, timeLimit: 5 });
    await replace(p, before, [before.funded[0]!.id], glpk, { timeLimit: 5 });
    await moneyCurve(p, glpk, { steps: 3, timeLimit: 5 });
    await robustness(p, glpk, { samples: 2, timeLimit: 5 });
    await sensitivities(p, glpk, { timeLimit: 5 });
    expect(limits.length).toBeGreaterThan(10);
    expect(Math.max(...limits)).toBeLessThanOrEqual(5);
  });
});

describe("once the answer's time is spent", () => {
  it("starts no solve, and says of each request what is proven and what is not", async () => {
    // Every solve takes at least 40 ms here: in 0.4 s at most ten start before the deadline, and one
    // more may straddle it; the round would need well over a hundred to be explained in full.
    const { glpk, limits } = spy({ delayMs: 40 });
    const p = parse(generateProblem({ n: 60, seed: 7 }));
    const result = await allocate(p, { glpk, timeLimit: 0.4, baselines: false });
    expect(limits.length).toBeLessThanOrEqual(11);
    for (const n of result.notFunded) {
      if (n.reason.kind === "unexplained") expect(n.reason.text).toBe("Not computed: the time limit of the answer (0.4 s) was reached.");
      else expect(n.reason.text.length).toBeGreaterThan(0);
    }
    // The allocation itself (a few solves) fits; most of its explanations do not.
    expect(result.status).toBe("optimal");
    expect(result.notFunded.filter((n) => n.reason.kind === "unexplained").length).toBeGreaterThan(result.notFunded.length / 2);
    expect(result.notFunded.some((n) => n.reason.kind === "locked-out")).toBe(true);
    expect(result.funded.every((f) => f.lossIfDropped !== undefined || f.note !== undefined)).toBe(true);
  });
});
