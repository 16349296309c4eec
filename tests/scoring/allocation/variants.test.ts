// Counterfactual solves (a request forced in or out) through the core (scoring/allocation/core.ts), with each hint
// the explanations give it, against the same variant built afresh and solved whole; the variants derived
// from the base model against building them afresh; and the explanations' answers against plain solves.
import { describe, expect, it } from "vitest";
import { generateProblem } from "../../../bench/generate.js";
import { objectiveOf, reducedCosts, solveExact } from "../../../scoring/allocation/core.js";
import { checkRules } from "../../../scoring/allocation/evaluate.js";
import { feasible } from "../../../scoring/allocation/selection.js";
import { buildModel, variantModel } from "../../../scoring/allocation/model.js";
import { prepare, ProblemSchema } from "../../../scoring/problem/index.js";
import { Deadline, solveLp } from "../../../scoring/allocation/glpk.js";
import { readSolution } from "../../../scoring/allocation/solution.js";
import { solve } from "../../../scoring/allocation/solve.js";
import { loadGlpk } from "../../../server/workers/glpk.js";
import { limit, solveWhole } from "../../helpers/glpk.js";

async function baseOf(seed: number, n: number) {
  const glpk = await loadGlpk();
  const prep = prepare(ProblemSchema.parse(generateProblem({ n, seed })));
  return { glpk, prep, base: (await solveWhole(prep))?.solution ?? null };
}

describe("counterfactual solves through the core", () => {
  it("equal plain forced solves, in and out, whatever the hint; every fixing is justified by the variant's own LP", async () => {
    let variants = 0;
    let fixedTotal = 0;
    let hinted = 0;
    for (const seed of [11, 12, 13, 14, 15, 16]) {
      const { glpk, prep, base } = await baseOf(seed, 40 + seed * 3);
      if (!base) continue;
      for (const r of prep.requests.filter((_, k) => k % 5 === 0)) {
        const inBase = base.chosen.has(r.index);
        const force = new Map([[r.index, inBase ? ("out" as const) : ("in" as const)]]);
        const plain = (await solveWhole(prep, force))?.solution ?? null;
        const ex = await solveExact(prep, glpk, { force, timeLimit: 60 });
        expect(ex.out.found && ex.out.status === "optimal", `seed ${seed} ${r.req.id}`).toBe(plain !== null);
        if (!plain || !(ex.out.found && ex.out.status === "optimal") || !ex.report) continue;
        variants++;
        const solution = readSolution(prep, ex.model, ex.out.vars);
        // The same allocation, not only the same value; it keeps every rule and the forcing.
        expect([...solution.chosen].sort(), `seed ${seed} ${r.req.id}`).toEqual([...plain.chosen].sort());
        expect(checkRules(prep, solution.chosen).filter((b) => !/ is locked (in|out) /.test(b.text))).toEqual([]);
        expect(solution.chosen.has(r.index)).toBe(!inBase);
        // Each fixing is justified by the variant's own LP: its bound moved by the reduced cost falls
        // below the optimum found.
        const relaxed = variantModel(prep, glpk, { force, relaxed: true });
        const lp = await solveLp(glpk, relaxed.lp, limit());
        if (!(lp.found && lp.status === "optimal") || !lp.dual) throw new Error("LP not optimal");
        const d = reducedCosts(relaxed.lp, lp.dual);
        for (const f of ex.report.fixings) {
          expect(d.get(f.column)).toBeCloseTo(f.reducedCost, 4);
          expect(lp.z - Math.abs(f.reducedCost)).toBeLessThan(ex.out.z);
          expect(lp.vars[f.column]).toBeCloseTo(f.value, 6);
        }
        fixedTotal += ex.report.fixings.length;

        // The hints the explanations give change nothing but the time: a first guess far too small or too
        // large, and a known allocation (the base without the request, for one forced out).
        for (const firstThreshold of [0.5, 1e6]) {
          const v = await solve(prep, glpk, { force, firstThreshold, timeLimit: 60 });
          expect(v.status === "optimal" && v.solution ? objectiveOf(prep, v.solution.chosen) : null).toBeCloseTo(
            objectiveOf(prep, plain.chosen),
            6,
          );
        }
        const without = new Map(base.chosen);
        without.delete(r.index);
        if (inBase && feasible(prep, without, force)) {
          hinted++;
          const v = await solve(prep, glpk, { force, incumbent: without, timeLimit: 60 });
          expect(v.status === "optimal" && v.solution ? [...v.solution.chosen].sort() : null).toEqual([...plain.chosen].sort());
        }
      }
    }
    expect(variants).toBeGreaterThan(20);
    expect(hinted).toBeGreaterThan(3);
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
          const a = await solveLp(glpk, buildModel(prep, glpk, { force }).lp, limit());
          const b = await solveLp(glpk, variantModel(prep, glpk, { force }).lp, limit());
          expect(b.status, `seed ${seed} ${r.req.id} ${f}`).toBe(a.status);
          if (a.found && a.status === "optimal" && b.found && b.status === "optimal") expect(b.z).toBeCloseTo(a.z, 6);
          // and the core solve agrees with both.
          const c = await solveExact(prep, glpk, { force, timeLimit: 60 });
          expect(c.out.found && c.out.status === "optimal" ? c.out.z : c.out.status).toBeCloseTo(
            a.found && a.status === "optimal" ? a.z : NaN,
            6,
          );
        }
      }
    }
  });

  it("the explanations' answers equal plain forced solves", async () => {
    const { glpk, prep, base } = await baseOf(21, 60);
    if (!base) throw new Error("base infeasible");
    const { explain } = await import("../../../scoring/explanations/explain.js");
    const explained = await explain(prep, glpk, base, Deadline.after(600), 600);
    let priced = 0;
    for (const n of explained.notFunded) {
      if (n.reason.kind !== "price-of-inclusion") continue;
      priced++;
      const r = prep.byId.get(n.id)!;
      const plain = (await solveWhole(prep, new Map([[r.index, "in"]])))?.solution ?? null;
      if (!plain) throw new Error("forced solve not optimal");
      expect(n.reason.price).toBeCloseTo((base.units - plain.units) / 100, 6);
      expect(n.reason.displaced).toEqual(
        [...base.chosen.keys()]
          .filter((i) => !plain.chosen.has(i))
          .map((i) => prep.requests[i]!.req.id)
          .sort(),
      );
    }
    expect(priced).toBeGreaterThan(10);
    for (const [id, f] of explained.funded) {
      const r = prep.byId.get(id)!;
      const plain = (await solveWhole(prep, new Map([[r.index, "out"]])))?.solution ?? null;
      // A locked-in request may cost value: dropping it gains, and the loss reads 0.
      if (plain) expect(f.lossIfDropped).toBeCloseTo(Math.max(0, base.units - plain.units) / 100, 6);
      else expect(f.lossIfDropped).toBeNull();
    }
  });
});
