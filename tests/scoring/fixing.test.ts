// The exact pipeline behind the counterfactuals: heuristic incumbents, reduced-cost fixing, and the
// small MIP that follows must give the same optimum as the full model.
import { describe, expect, it } from "vitest";
import { generateProblem } from "../../bench/generate.js";
import { readSolution, solveVariant, solveWithIncumbent } from "../../scoring/variants.js";
import { checkRules } from "../../scoring/evaluate.js";
import { computeFixings, objectiveOf, reducedCosts } from "../../scoring/fixing.js";
import { feasible, incumbentWith, incumbentWithout } from "../../scoring/heuristics.js";
import { buildModel, variantModel } from "../../scoring/model.js";
import { prepare } from "../../scoring/prepare.js";
import { ProblemSchema } from "../../scoring/schemas.js";
import { solveLp } from "../../scoring/solver.js";
import { loadGlpk } from "../../server/glpk.js";

async function baseOf(seed: number, n: number) {
  const glpk = await loadGlpk();
  const prep = prepare(ProblemSchema.parse(generateProblem({ n, seed, locks: false })));
  const model = buildModel(prep, glpk);
  const out = await solveLp(glpk, model.lp);
  return { glpk, prep, out, base: out.kind === "optimal" ? readSolution(prep, model, out.vars) : null };
}

/** A forced variant built afresh and solved whole: no derivation, no fixing, no shortcut. */
async function plainSolve(prep: ReturnType<typeof prepare>, glpk: Awaited<ReturnType<typeof loadGlpk>>, force: Map<number, "in" | "out">) {
  const model = buildModel(prep, glpk, { force });
  const out = await solveLp(glpk, model.lp);
  return out.kind === "optimal" ? readSolution(prep, model, out.vars) : null;
}

describe("reduced-cost fixing", () => {
  it("builds feasible incumbents, justifies every fixing by its reduced cost, and keeps the optimum", async () => {
    let variants = 0;
    let fixedTotal = 0;
    for (const seed of [11, 12, 13, 14, 15, 16]) {
      const { glpk, prep, base } = await baseOf(seed, 40 + seed * 3);
      if (!base) continue;
      const candidates = prep.requests.filter((_, k) => k % 5 === 0);
      for (const r of candidates) {
        const inBase = base.chosen.has(r.index);
        const force = new Map([[r.index, inBase ? ("out" as const) : ("in" as const)]]);
        const incumbent = inBase ? incumbentWithout(prep, base.chosen, r.index, force) : incumbentWith(prep, base.chosen, r.index, force);
        const full = await solveVariant(prep, glpk, force);
        if (!incumbent) continue;
        variants++;
        // The incumbent keeps every rule and the forcing.
        expect(feasible(prep, incumbent, force)).toBe(true);
        expect(checkRules(prep, incumbent).filter((b) => !b.startsWith("lock."))).toEqual([]);
        expect(incumbent.has(r.index)).toBe(!inBase);

        const L = objectiveOf(prep, incumbent);
        const fx = await computeFixings(prep, glpk, { force }, L);
        expect(fx.kind).toBe("fixed");
        if (fx.kind !== "fixed") continue;
        // Each fixing is justified: the LP bound moved by the reduced cost falls below the incumbent.
        const relaxed = variantModel(prep, glpk, { force, relaxed: true });
        const lp = await solveLp(glpk, relaxed.lp);
        if (lp.kind !== "optimal" || !lp.dual) throw new Error("LP not optimal");
        const d = reducedCosts(relaxed.lp, lp.dual);
        for (const f of fx.report.fixings) {
          expect(d.get(f.column)).toBeCloseTo(f.reducedCost, 6);
          expect(lp.z - Math.abs(f.reducedCost)).toBeLessThan(L);
          expect(lp.vars[f.column]).toBeCloseTo(f.value, 6);
        }
        fixedTotal += fx.report.fixed;
        // The small MIP's optimum is the full model's optimum.
        const fast = await solveWithIncumbent(prep, glpk, force, incumbent);
        expect(fast.status).toBe(full.status);
        if (fast.status === "optimal" && full.status === "optimal") {
          expect(fast.solution.units).toBe(full.solution.units);
          expect(objectiveOf(prep, fast.solution.chosen)).toBeCloseTo(objectiveOf(prep, full.solution.chosen), 6);
        }
      }
    }
    expect(variants).toBeGreaterThan(20);
    // The fixing must actually fix something, or the test proves nothing about it.
    expect(fixedTotal).toBeGreaterThan(variants * 5);
  });

  it("derives forced variants from the base model exactly as building them afresh would", async () => {
    const glpk = await loadGlpk();
    for (const seed of [31, 32, 33]) {
      // With locks, so that forcing out a locked-in request and in a locked-out one are covered.
      const prep = prepare(ProblemSchema.parse(generateProblem({ n: 50, seed })));
      for (const r of prep.requests.filter((_, k) => k % 4 === 0)) {
        for (const f of ["in", "out"] as const) {
          const force = new Map([[r.index, f]]);
          const a = await solveLp(glpk, buildModel(prep, glpk, { force }).lp);
          const b = await solveLp(glpk, variantModel(prep, glpk, { force }).lp);
          expect(b.kind, `seed ${seed} ${r.req.id} ${f}`).toBe(a.kind);
          if (a.kind === "optimal" && b.kind === "optimal") expect(b.z).toBeCloseTo(a.z, 6);
        }
      }
    }
  });

  it("the explanations' answers equal plain forced solves", async () => {
    const { glpk, prep, base } = await baseOf(21, 60);
    if (!base) throw new Error("base infeasible");
    const { explain } = await import("../../scoring/explain.js");
    const explained = await explain(prep, glpk, base);
    for (const n of explained.notFunded) {
      if (n.reason.kind !== "price-of-inclusion") continue;
      const r = prep.byId.get(n.id)!;
      const plain = await plainSolve(prep, glpk, new Map([[r.index, "in"]]));
      if (!plain) throw new Error("forced solve not optimal");
      expect(n.reason.price).toBeCloseTo((base.units - plain.units) / 100, 6);
    }
    for (const [id, f] of explained.funded) {
      const r = prep.byId.get(id)!;
      const plain = await plainSolve(prep, glpk, new Map([[r.index, "out"]]));
      if (plain) expect(f.lossIfDropped).toBeCloseTo((base.units - plain.units) / 100, 6);
      else expect(f.lossIfDropped).toBeNull();
    }
  });
});
