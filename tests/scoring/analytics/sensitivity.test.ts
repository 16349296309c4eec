// Sensitivity of the rules: hand-solved prices of a seat limit and a regional minimum, locks and
// earmarks priced, and over generated problems each price equal to a cold solve of the relaxed problem.
import { describe, expect, it } from "vitest";
import { generateProblem } from "../../../bench/generate.js";
import { sensitivities } from "../../../scoring/analytics/sensitivity.js";
import { ProblemSchema, type ProblemInput } from "../../../scoring/problem/index.js";
import { loadGlpk } from "../../../server/workers/glpk.js";
import { solve } from "../../helpers/glpk.js";
import { problem, req } from "../../helpers/problems.js";

const glpk = await loadGlpk();

describe("sensitivities", () => {
  it("prices a seat limit and a regional minimum (hand-solved)", async () => {
    // Two seats, at least one from Africa: a (30, AFR) + b (50) = 80. Without the minimum: b + c = 95
    // (costs 15). With a third seat: a + b + c = 125 (costs 45).
    const input = problem(
      1000,
      [req("a", { v: 30, state: "SEN", region: "AFR" }), req("b", { v: 50 }), req("c", { v: 45, state: "VNM" })],
      {
        policy: { maxDelegates: 2, regionMin: { AFR: 1 }, regionMax: { EEG: 3 } },
      },
    );
    const s = await sensitivities(ProblemSchema.parse(input), glpk);
    expect(s).toMatchObject({ status: "optimal", value: 80 });
    expect(s.rules.map((r) => [r.rule, r.stated, r.relaxedTo, r.tight, r.cost])).toEqual([
      ["maxDelegates", 2, 3, true, 45],
      ["regionMin.AFR", 1, 0, true, 15],
      ["regionMax.EEG", 3, 4, false, 0],
    ]);
    const afr = s.rules.find((r) => r.rule === "regionMin.AFR")!;
    expect(afr.entered.map((p) => p.id)).toEqual(["c"]);
    expect(afr.left.map((p) => p.id)).toEqual(["a"]);
    expect(afr.text).toBe("The minimum for the African Group (at least 1) costs 15 points: relaxed to 0, c would enter and a would leave");
    expect(s.rules.find((r) => r.rule === "regionMax.EEG")!.text).toMatch(/costs nothing/);
  });

  it("prices the share of women five points at a time, the locks and the earmarks", async () => {
    // Three seats, at least 30 % women (one in three). L (5, Africa) is locked in. AFRONLY (20) pays
    // Africans only, ANY (20) anyone; CHF 10 each. Optimum: L + M1 (Africa, 60, both paid by AFRONLY)
    // + W (40, paid by ANY) = 105.
    const input = problem(
      100,
      [
        req("W", { v: 40, gender: "F", cost: 10 }),
        req("M1", { v: 60, state: "SEN", region: "AFR", cost: 10 }),
        req("M2", { v: 55, state: "PER", region: "GRULAC", cost: 10 }),
        req("L", { v: 5, state: "KEN", region: "AFR", cost: 10, lock: "in" }),
      ],
      {
        policy: { maxDelegates: 3, minWomenShare: 0.3 },
        donors: [
          { id: "AFRONLY", amount: 20, regions: ["AFR"] },
          { id: "ANY", amount: 20 },
        ],
      },
    );
    const s = await sensitivities(ProblemSchema.parse(input), glpk);
    expect(s.value).toBe(105);
    const by = new Map(s.rules.map((r) => [r.rule, r]));
    // 0.3 → 0.25: three delegates still need one woman; no gain.
    expect(by.get("minWomenShare")).toMatchObject({ relaxedTo: 0.25, tight: true, cost: 0 });
    // Without the lock: W + M1 + M2 = 155 (M1 by AFRONLY, W and M2 by ANY): the lock costs 50.
    expect(by.get("lock.L")).toMatchObject({ stated: "locked in", relaxedTo: null, cost: 50 });
    expect(by.get("lock.L")!.entered.map((p) => p.id)).toEqual(["M2"]);
    // With L in, M2 could only be paid if AFRONLY paid non-Africans: L + M1 + M2 has no woman anyway.
    expect(by.get("earmark.AFRONLY")).toMatchObject({ stated: "for the African Group", cost: 0 });
    expect(s.rules[0]!.rule).toBe("lock.L");
    // Every selection holds L (a man) and at most one woman: 60 % women cannot be reached.
    const tighter = await sensitivities(ProblemSchema.parse({ ...input, policy: { ...input.policy, minWomenShare: 0.6 } }), glpk);
    expect(tighter.status).toBe("infeasible");
    expect(tighter.rules).toEqual([]);
  });

  it("prices the mix by CCM status (hand-solved)", async () => {
    // Two seats, at least one from a signatory, at most one from a State not party: s (20, signatory) +
    // b (50) = 70. Without the minimum: b + n1 = 95; the maximum is not tight with it (n1 + n2 would be 90).
    const input = problem(
      1000,
      [
        req("s", { v: 20, state: "KEN", region: "AFR", status: "signatory" }),
        req("b", { v: 50 }),
        req("n1", { v: 45, state: "VNM", status: "nonparty" }),
        req("n2", { v: 44, state: "PER", region: "GRULAC", status: "nonparty" }),
      ],
      { policy: { maxDelegates: 2, statusMin: { signatory: 1 }, statusMax: { nonparty: 1 } } },
    );
    const s = await sensitivities(ProblemSchema.parse(input), glpk);
    expect(s).toMatchObject({ status: "optimal", value: 70 });
    const by = new Map(s.rules.map((r) => [r.rule, r]));
    expect(by.get("statusMin.signatory")).toMatchObject({ stated: 1, relaxedTo: 0, tight: true, cost: 25 });
    expect(by.get("statusMin.signatory")!.text).toBe(
      "The minimum for signatories (at least 1) costs 25 points: relaxed to 0, n1 would enter and s would leave",
    );
    expect(by.get("statusMax.nonparty")).toMatchObject({ stated: 1, relaxedTo: 2, cost: 0 });
  });

  it.each([11, 12, 13])("generated problem %i: every price is the cold optimum of the relaxed problem minus the optimum", async (seed) => {
    const input = generateProblem({ n: 40, seed, statusQuotas: true });
    const s = await sensitivities(ProblemSchema.parse(input), glpk, { locks: false, earmarks: false });
    if (s.status !== "optimal") return;
    expect(s.rules.length).toBeGreaterThan(3);
    for (const r of s.rules) {
      expect(r.status).toBe("optimal");
      expect(r.cost).toBeGreaterThanOrEqual(0);
      const relaxed = relax(input, r.rule, r.relaxedTo as number);
      const cold = await solve(relaxed, { explain: false, baselines: false });
      expect(Math.round((cold.value! - s.value!) * 100) / 100).toBe(r.cost);
    }
    // The binding rules come first, dearest first.
    const positive = s.rules.map((r) => r.cost!).filter((c) => c > 0);
    expect(positive).toEqual([...positive].sort((a, b) => b - a));
    expect(s.rules.slice(0, positive.length).every((r) => r.cost! > 0)).toBe(true);
  });
});

/** The relaxed problem written out by hand from the rule's name and its relaxed value. */
function relax(input: ProblemInput, rule: string, to: number): ProblemInput {
  const policy = { ...input.policy };
  const [name, scope] = rule.split(".") as [string, string | undefined];
  if (name === "regionMin") policy.regionMin = { ...policy.regionMin, [scope!]: to };
  else if (name === "regionMax") policy.regionMax = { ...policy.regionMax, [scope!]: to };
  else if (name === "statusMin") policy.statusMin = { ...policy.statusMin, [scope!]: to };
  else if (name === "statusMax") policy.statusMax = { ...policy.statusMax, [scope!]: to };
  else (policy as Record<string, number>)[name] = to;
  return { ...input, policy };
}
