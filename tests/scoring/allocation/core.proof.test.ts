// The main solve's core (scoring/allocation/core.ts): LP relaxation → guessed core → proof. Each step is checked on
// its own: the substitution of fixed columns, the allocation each stage finds (it keeps every rule), the
// justification of every fixing that stands (by its reduced cost), and the answer (the full model's).
import type { LP } from "glpk.js";
import { describe, expect, it } from "vitest";
import { generateProblem } from "../../../bench/generate.js";
import { loadHighs, solveHighs } from "../../../bench/highs-model.js";
import { objectiveOf, reducedCosts, restrict, solveExact } from "../../../scoring/allocation/core.js";
import { checkRules } from "../../../scoring/allocation/evaluate.js";
import { variantModel } from "../../../scoring/allocation/model.js";
import { prepare, ProblemSchema } from "../../../scoring/problem/index.js";
import { solveLp } from "../../../scoring/allocation/glpk.js";
import { readSolution } from "../../../scoring/allocation/solution.js";
import { loadGlpk } from "../../../server/workers/glpk.js";
import { beforeEachSolve, busy, limit, solveWhole } from "../../helpers/glpk.js";
import { problem, req } from "../../helpers/problems.js";

describe("restrict", () => {
  it("substitutes fixed columns: objective constant, row bounds shifted, rows left empty checked and dropped", async () => {
    const glpk = await loadGlpk();
    const lp: LP = {
      name: "t",
      objective: {
        direction: glpk.GLP_MAX,
        name: "obj",
        vars: [
          { name: "a", coef: 5 },
          { name: "b", coef: 4 },
          { name: "c", coef: 3 },
        ],
      },
      subjectTo: [
        {
          name: "cap",
          vars: [
            { name: "a", coef: 2 },
            { name: "b", coef: 3 },
            { name: "c", coef: 1 },
          ],
          bnds: { type: glpk.GLP_UP, lb: 0, ub: 4 },
        },
        {
          name: "cover",
          vars: [
            { name: "a", coef: 1 },
            { name: "b", coef: 1 },
          ],
          bnds: { type: glpk.GLP_LO, lb: 1, ub: 0 },
        },
      ],
      binaries: ["a", "b", "c"],
    };
    const r = restrict(lp, new Map([["a", 1]]));
    if (r === "infeasible") throw new Error("unexpected");
    expect(r.constant).toBe(5);
    expect(r.lp.binaries).toEqual(["b", "c"]);
    expect(r.lp.objective.vars.map((v) => v.name)).toEqual(["b", "c"]);
    expect(r.lp.subjectTo.find((row) => row.name === "cap")).toEqual({
      name: "cap",
      vars: [
        { name: "b", coef: 3 },
        { name: "c", coef: 1 },
      ],
      bnds: { type: glpk.GLP_UP, lb: -2, ub: 2 },
    });
    expect(r.lp.subjectTo.find((row) => row.name === "cover")!.bnds.lb).toBe(0);
    // The restricted model's optimum plus the constant is the full model's optimum with a = 1.
    const out = await solveLp(glpk, r.lp, limit());
    const full = await solveLp(
      glpk,
      {
        ...lp,
        subjectTo: [...lp.subjectTo, { name: "fix", vars: [{ name: "a", coef: 1 }], bnds: { type: glpk.GLP_FX, lb: 1, ub: 1 } }],
      },
      limit(),
    );
    expect(out.found && out.status === "optimal" && full.found && full.status === "optimal" ? out.z + r.constant : NaN).toBe(
      full.found && full.status === "optimal" ? full.z : -1,
    );

    // Both covering columns fixed at 0: the empty row "0 ≥ 1" cannot hold.
    expect(
      restrict(
        lp,
        new Map([
          ["a", 0],
          ["b", 0],
        ]),
      ),
    ).toBe("infeasible");
    // Fixed at 1 and 0: "1 ≥ 1" holds, and the row goes.
    const held = restrict(
      lp,
      new Map([
        ["a", 1],
        ["b", 0],
      ]),
    );
    expect(held === "infeasible" ? null : held.lp.subjectTo.map((row) => row.name)).toEqual(["cap"]);
  });
});

describe("solveExact", () => {
  it("finds feasible allocations at every stage, justifies every fixing that stands, and reaches the full model's optimum", async () => {
    const glpk = await loadGlpk();
    let twoStages = 0;
    let fixedTotal = 0;
    let cases = 0;
    for (let seed = 1; seed <= 24; seed++) {
      const n = 30 + ((seed * 41) % 270);
      const input = generateProblem({ n, seed: 500 + seed, donors: seed % 3 !== 0, tightEarmarks: seed % 2 === 0, levels: seed % 5 !== 0 });
      const prep = prepare(ProblemSchema.parse(input));
      const ex = await solveExact(prep, glpk, { timeLimit: 60 });
      const whole = await solveWhole(prep);
      if (!whole) {
        expect(ex.out.status, `seed ${seed}`).toBe("infeasible");
        continue;
      }
      cases++;
      expect(ex.out.status, `seed ${seed}`).toBe("optimal");
      if (!(ex.out.found && ex.out.status === "optimal") || !ex.report) throw new Error(`seed ${seed}: no report`);
      const report = ex.report;
      expect(report.proven).toBe(true);

      // The answer is the full model's, to the tie-break (the same allocation, not only the same value).
      const solution = readSolution(prep, ex.model, ex.out.vars);
      expect(solution.units, `seed ${seed}`).toBe(whole.solution.units);
      expect([...solution.chosen].sort(), `seed ${seed}`).toEqual([...whole.solution.chosen].sort());
      expect(ex.out.z).toBeCloseTo(whole.z, 6);
      // Every stage's allocation keeps every rule (locks included) and is worth what the stage says.
      expect(checkRules(prep, solution.chosen)).toEqual([]);
      expect(objectiveOf(prep, solution.chosen)).toBeCloseTo(ex.out.z, 6);
      for (const stage of report.stages) if (stage.objective !== null) expect(stage.objective).toBeLessThanOrEqual(ex.out.z + 1e-6);
      // The incumbent (the first stage's allocation) keeps every rule and is worth what the stage says.
      const incumbent = readSolution(prep, ex.model, report.incumbent!.vars).chosen;
      expect(checkRules(prep, incumbent), `seed ${seed}`).toEqual([]);
      expect(objectiveOf(prep, incumbent)).toBeCloseTo(report.incumbent!.objective, 6);
      expect(report.incumbent!.objective).toBe(report.stages.find((s) => s.objective !== null)!.objective);

      // Every fixing that stands is justified: the LP bound minus the reduced cost falls below the optimum
      // found, and the column sits at that bound in the LP. Recomputed here from a fresh LP solve.
      const relaxed = variantModel(prep, glpk, { relaxed: true });
      const lp = await solveLp(glpk, relaxed.lp, limit());
      if (!(lp.found && lp.status === "optimal") || !lp.dual) throw new Error("LP not optimal");
      expect(report.lpBound).toBeCloseTo(lp.z, 4);
      const d = reducedCosts(relaxed.lp, lp.dual);
      for (const f of report.fixings) {
        expect(d.get(f.column)).toBeCloseTo(f.reducedCost, 4);
        expect(lp.vars[f.column]).toBeCloseTo(f.value, 6);
        expect(lp.z - Math.abs(f.reducedCost)).toBeLessThan(ex.out.z);
        // and the optimum keeps it.
        expect(ex.out.vars[f.column]).toBe(f.value);
      }
      fixedTotal += report.fixings.length;
      if (report.stages.length > 1) twoStages++;
    }
    // Both paths are taken (the first guess proves the optimum, or a second stage is needed), and the
    // fixing does fix: otherwise this test would say little.
    expect(cases).toBeGreaterThan(18);
    expect(twoStages).toBeGreaterThan(0);
    expect(twoStages).toBeLessThan(cases);
    expect(fixedTotal).toBeGreaterThan(cases * 20);
  });

  it("widens a core without an allocation, up to the whole model, and finds the optimum the LP hides", async () => {
    const glpk = await loadGlpk();
    // The LP funds M fully and W 90 % (women ≥ 40 %: W ≥ ⅔ M); no integer allocation funds W, and the only
    // ones keeping the rules are {M, V} and {V}. The first core (W alone, M fixed in, V fixed out) has none.
    const input = problem(
      100,
      [
        req("M", { v: 90, cost: 10, region: "AFR" }),
        req("W", { v: 90, cost: 100, gender: "F", region: "WEOG", state: "NLD" }),
        req("V", { v: 10, cost: 60, gender: "F", region: "AFR", state: "SEN" }),
      ],
      { policy: { minWomenShare: 0.4, regionMin: { AFR: 1 } } },
    );
    const prep = prepare(ProblemSchema.parse(input));
    const ex = await solveExact(prep, glpk, { firstGuess: 0, timeLimit: 60 });
    expect(ex.out.status).toBe("optimal");
    if (!(ex.out.found && ex.out.status === "optimal") || !ex.report) throw new Error("no report");
    expect(ex.report.stages[0]!.status).toBe("infeasible");
    expect(ex.report.stages[0]!.fixed).toBeGreaterThan(0);
    expect(ex.report.stages.at(-1)!.threshold).toBeGreaterThan(ex.report.stages[0]!.threshold);
    expect([...readSolution(prep, ex.model, ex.out.vars).chosen.keys()].map((i) => prep.requests[i]!.req.id).sort()).toEqual(["M", "V"]);
    expect(ex.report.proven).toBe(true);

    // Without V no allocation keeps the rules, though the LP has one: every widening fails, then the whole model says so.
    const none = prepare(ProblemSchema.parse({ ...input, requests: input.requests.slice(0, 2) }));
    const lp = await solveLp(glpk, variantModel(none, glpk, { relaxed: true }).lp, limit());
    expect(lp.status).toBe("optimal");
    const ex2 = await solveExact(none, glpk, { firstGuess: 0, timeLimit: 60 });
    expect(ex2.out.status).toBe("infeasible");
    expect(ex2.report!.stages.at(-1)!.fixed).toBe(0);
  });

  it("out of time after a stage that proves nothing, answers the best found as such, never as the optimum", async () => {
    const glpk = await loadGlpk();
    const prep = prepare(ProblemSchema.parse(generateProblem({ n: 150, seed: 2175 })));
    const whole = await solveExact(prep, glpk, { timeLimit: 60 });
    if (!(whole.out.found && whole.out.status === "optimal") || !whole.report) throw new Error("not optimal");
    // The LP misses this optimum by more than the first guess: the first stage cannot prove it.
    expect(whole.report.lpBound - whole.out.z).toBeGreaterThan(1);
    // A slow machine: every solve takes 0.3 s more, so the deadline (0.5 s) passes during the first stage
    // (the LP starts at once, the stage at about 0.3 s): bounded by the work started, not by a timing.
    const slow = beforeEachSolve(glpk, () => busy(300));
    const late = await solveExact(prep, slow, { firstThreshold: 0.5, timeLimit: 0.5 });
    expect(late.out.status).toBe("time-limit");
    expect(late.report!.proven).toBe(false);
    expect(late.report!.stages).toHaveLength(1);
    if (!(late.out.found && late.out.status === "time-limit")) return;
    expect(checkRules(prep, readSolution(prep, late.model, late.out.vars).chosen)).toEqual([]);
    expect(late.out.z).toBeLessThanOrEqual(whole.out.z + 1e-6);
  });

  it("reaches HiGHS's optimum at n = 1'000 and 3'000, with and without earmarks", async () => {
    const glpk = await loadGlpk();
    const highs = await loadHighs();
    for (const [n, donors] of [
      [1000, false],
      [1000, true],
      [3000, true],
    ] as const) {
      const input = generateProblem({ n, seed: 77 + n, donors, tightEarmarks: donors });
      const ex = await solveExact(prepare(ProblemSchema.parse(input)), glpk, { timeLimit: 60 });
      const h = solveHighs(highs, input);
      expect(h.status).toBe("optimal");
      expect(ex.out.status).toBe("optimal");
      if (!(ex.out.found && ex.out.status === "optimal")) continue;
      // HiGHS's units carry no tie-break; ours is below half a unit.
      expect(Math.round(ex.out.z), `n ${n}`).toBe(h.units);
      expect(ex.report!.stages.at(-1)!.free).toBeLessThan(n);
    }
  });
});
