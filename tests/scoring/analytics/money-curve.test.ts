// The money curve: hand-solved budgets, where extra money comes from, and, over generated problems,
// values that never fall as the budget grows and steps that agree with a cold solve of each budget.
import { describe, expect, it } from "vitest";
import { generateProblem } from "../../../bench/generate.js";
import { InvalidInputError } from "../../../scoring/domain/issues.js";
import { moneyCurve } from "../../../scoring/analytics/money-curve.js";
import { ProblemSchema, type ProblemInput } from "../../../scoring/problem/index.js";
import { loadGlpk } from "../../../server/workers/glpk.js";
import { solve } from "../../helpers/glpk.js";
import { problem, req } from "../../helpers/problems.js";

const glpk = await loadGlpk();
const curveOf = (input: ProblemInput, opts: Parameters<typeof moneyCurve>[2]) => moneyCurve(ProblemSchema.parse(input), glpk, opts);

/** The problem at budget b, written out by hand: money above the donors' total from an unearmarked donor. */
function atBudget(input: ProblemInput, b: number): ProblemInput {
  const donors = input.donors ?? [];
  const extra = Math.round((b - donors.reduce((s, d) => s + d.amount, 0)) * 100) / 100;
  return { ...input, budget: b, donors: b > input.budget && extra > 0 ? [...donors, { id: "additional-money", amount: extra }] : donors };
}

describe("moneyCurve", () => {
  it("re-solves each budget: a hand-solved curve with who enters and who leaves", async () => {
    // A 50 for 100, B 40 for 60, C 30 for 50. At 50: C (30). At 100: A (50). At 150: A+C (80; A+B costs
    // 160, B+C gives 70). At 200: A+B (90; all three cost 210).
    const input = problem(100, [
      req("A", { v: 50, cost: 100 }),
      req("B", { v: 40, cost: 60, state: "SEN", region: "AFR" }),
      req("C", { v: 30, cost: 50, state: "PER", region: "GRULAC" }),
    ]);
    const c = await curveOf(input, { from: 50, to: 200, steps: 4 });
    expect(c.points.map((p) => [p.budget, p.value, p.delegates, p.totalCost, p.moneyLeft])).toEqual([
      [50, 30, 1, 50, 0],
      [100, 50, 1, 100, 0],
      [150, 80, 2, 150, 0],
      [200, 90, 2, 160, 40],
    ]);
    expect(c.points.map((p) => p.base)).toEqual([false, true, false, false]);
    expect(c.points[0]).toMatchObject({ entered: [{ id: "C", level: "full" }], left: [], valuePer1000: null });
    expect(c.points[1]).toMatchObject({ entered: [{ id: "A", level: "full" }], left: [{ id: "C", level: "full" }], valuePer1000: 400 });
    expect(c.points[2]).toMatchObject({ entered: [{ id: "C" }], left: [] });
    expect(c.points[3]).toMatchObject({ entered: [{ id: "B" }], left: [{ id: "C" }], valuePer1000: 200 });
    expect(c.extraMoneyFrom).toBeNull();
  });

  it("defaults to 21 budgets from half to one and a half times the budget", async () => {
    const c = await curveOf(problem(100, [req("A", { v: 50, cost: 60 })]), {});
    expect(c.points).toHaveLength(21);
    expect(c.points[0]!.budget).toBe(50);
    expect(c.points[20]!.budget).toBe(150);
    expect(c.points.filter((p) => p.base).map((p) => p.budget)).toEqual([100]);
    // Solved from the top: A (CHF 60) at 150 still fits every budget down to 60, so those are proven
    // without a solve; at 55 nobody fits (solved), and that empty answer proves 50.
    const proven = new Map(c.points.map((p) => [p.budget, p.provenBy]));
    expect(proven.get(150)).toBeNull();
    expect(proven.get(145)).toBe(150);
    expect(proven.get(60)).toBe(150);
    expect(proven.get(55)).toBeNull();
    expect(proven.get(50)).toBe(55);
    expect(c.points.map((p) => p.value)).toEqual([0, 0, ...Array(19).fill(50)]);
  });

  it("pays money above the donors from an unearmarked donor, or from the donor named", async () => {
    // D-APG (100, Asia-Pacific only) pays for A. B (Africa) needs money the earmark does not give.
    const input = problem(100, [req("A", { v: 50, cost: 100 }), req("B", { v: 40, cost: 60, state: "SEN", region: "AFR" })], {
      donors: [{ id: "D-APG", amount: 100, regions: ["APG"] }],
    });
    const extra = await curveOf(input, { from: 100, to: 160, steps: 2 });
    expect(extra.extraMoneyFrom).toBe("additional-money");
    expect(extra.points.map((p) => p.value)).toEqual([50, 90]);
    const earmarked = await curveOf(input, { from: 100, to: 160, steps: 2, donor: "D-APG" });
    expect(earmarked.extraMoneyFrom).toBe("D-APG");
    expect(earmarked.points.map((p) => p.value)).toEqual([50, 50]);
  });

  it("reports an infeasible budget as such (a lock costs more than the money)", async () => {
    const c = await curveOf(problem(100, [req("A", { v: 50, cost: 80, lock: "in" }), req("B", { v: 40, cost: 10 })]), {
      from: 40,
      to: 100,
      steps: 3,
    });
    expect(c.points.map((p) => [p.budget, p.status, p.value])).toEqual([
      [40, "infeasible", null],
      [70, "infeasible", null],
      [100, "optimal", 90],
    ]);
    expect(c.points[0]!.entered).toEqual([]);
    expect(c.points[2]!.entered.map((p) => p.id)).toEqual(["A", "B"]);
  });

  it("rejects bad options, every one named", async () => {
    const input = problem(100, [req("A", { v: 50, cost: 60 })]);
    const err = await curveOf(input, { steps: 1, donor: "NOPE" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidInputError);
    expect((err as InvalidInputError).problems.map((p) => p.path)).toEqual(["steps", "donor"]);
    const order = await curveOf(input, { from: 200, to: 100 }).catch((e: unknown) => e);
    expect((order as InvalidInputError).problems).toEqual([{ path: "to", message: "must be above from (200)" }]);
  });

  it.each([1, 2, 3, 4])("generated problem %i: values never fall, steps add up, each point is the cold optimum", async (seed) => {
    const input = generateProblem({ n: 40, seed });
    const c = await curveOf(input, { steps: 7 });
    let picks = new Map<string, string>();
    let last = -Infinity;
    for (const p of c.points) {
      if (p.status !== "optimal") continue;
      expect(p.value!).toBeGreaterThanOrEqual(last);
      last = p.value!;
      // Applying the step's entered, left and changed to the previous selection gives this one.
      for (const l of p.left) picks.delete(l.id);
      for (const e of p.entered) picks.set(e.id, e.level);
      for (const ch of p.changed) picks.set(ch.id, ch.to);
      expect(picks.size).toBe(p.delegates);
      // The warm-started optimum equals a cold solve of the same budget.
      const cold = await solve(atBudget(input, p.budget), { explain: false, baselines: false });
      expect(cold.value).toBe(p.value);
      picks = new Map(cold.funded.map((f) => [f.id, f.level]));
    }
    expect(c.points.filter((p) => p.status === "optimal").length).toBeGreaterThan(3);
    // Without reuse, every budget solved: the same curve.
    const strip = (x: typeof c) => x.points.map(({ ms: _ms, provenBy: _p, ...rest }) => rest);
    expect(strip(await curveOf(input, { steps: 7, reuse: false }))).toEqual(strip(c));
  });

  it("marks every budget below an infeasible one infeasible without solving it", async () => {
    const c = await curveOf(problem(100, [req("A", { v: 50, cost: 80, lock: "in" })]), { from: 10, to: 70, steps: 4 });
    expect(c.points.map((p) => [p.status, p.provenBy])).toEqual([
      ["infeasible", 70],
      ["infeasible", 70],
      ["infeasible", 70],
      ["infeasible", null],
    ]);
  });
});
