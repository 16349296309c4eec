// Solving the model and its variants (requests forced in or out), and reading a solution. Shared by
// allocate() and the explanations.
import { baseFixings, computeFixings, objectiveOf } from "./fixing.js";
import { payable } from "./funding.js";
import { valueOf } from "./evaluate.js";
import type { Selection } from "./heuristics.js";
import { variantModel, type BuiltModel } from "./model.js";
import type { Prepared } from "./prepare.js";
import { solveLp, type Glpk } from "./solver.js";

export interface Solution {
  /** request index → level index */
  chosen: Map<number, number>;
  /** The model's flow columns, when it has them (see paymentPlan). */
  flows: Map<string, number>;
  /** Objective value in units, without the tie-break. */
  units: number;
}

export function readSolution(prep: Prepared, model: BuiltModel, vars: Record<string, number>): Solution {
  const chosen = new Map<number, number>();
  model.xNames.forEach((names, i) => {
    names?.forEach((name, l) => {
      if ((vars[name] ?? 0) > 0.5) chosen.set(i, l);
    });
  });
  const flows = new Map<string, number>();
  for (const f of model.flowNames) {
    const v = vars[f.name] ?? 0;
    if (v > 1e-9) flows.set(`${f.donor}_${f.cls}`, v);
  }
  return { chosen, flows, units: valueOf(prep, chosen) };
}

/** Who pays what: the model's flows, or (earmarks written as Hall rows, no flow columns) a max-flow over the selection. */
export function paymentPlan(prep: Prepared, solution: Solution): Map<string, number> {
  if (!prep.hasDonors || solution.flows.size > 0 || solution.chosen.size === 0) return solution.flows;
  const paid = payable(prep, solution.chosen);
  if (!paid) throw new Error("internal: the solver's selection cannot be paid by the donors");
  return paid;
}

/** Solves the problem (optionally with requests forced in or out); null when infeasible or unsolved. */
export async function solveVariant(
  prep: Prepared,
  glpk: Glpk,
  force: Map<number, "in" | "out">,
  timeLimit?: number,
): Promise<{ status: "optimal" | "feasible"; solution: Solution } | { status: "infeasible" | "none" }> {
  const model = variantModel(prep, glpk, { force });
  const out = await solveLp(glpk, model.lp, timeLimit);
  if (out.kind === "optimal" || out.kind === "feasible") return { status: out.kind, solution: readSolution(prep, model, out.vars) };
  return { status: out.kind === "infeasible" ? "infeasible" : "none" };
}

/**
 * The same answer as solveVariant, faster when an incumbent is known: the LP relaxation's reduced costs
 * fix most columns (fixing.ts) and branch and bound runs on the rest. Falls back to the full model when
 * the LP gives nothing to work with.
 */
export async function solveWithIncumbent(
  prep: Prepared,
  glpk: Glpk,
  force: Map<number, "in" | "out">,
  incumbent: Selection | null,
  timeLimit?: number,
): Promise<Awaited<ReturnType<typeof solveVariant>>> {
  if (incumbent && force.size === 1) {
    // One request forced: fixings from the base LP, no simplex of the variant's own.
    const [index, direction] = [...force][0]!;
    const fixed = await baseFixings(prep, glpk, index, direction, objectiveOf(prep, incumbent));
    if (fixed) {
      const model = variantModel(prep, glpk, { force, fixed });
      const out = await solveLp(glpk, model.lp, timeLimit);
      // (The incumbent survives the fixings, so anything else falls through to the safer paths below.)
      if (out.kind === "optimal" || out.kind === "feasible") return { status: out.kind, solution: readSolution(prep, model, out.vars) };
    }
  }
  if (incumbent) {
    const fx = await computeFixings(prep, glpk, { force }, objectiveOf(prep, incumbent));
    if (fx.kind === "lp-infeasible") return { status: "infeasible" };
    if (fx.kind === "fixed") {
      const model = variantModel(prep, glpk, { force, fixed: fx.fixed });
      const out = await solveLp(glpk, model.lp, timeLimit);
      if (out.kind === "optimal" || out.kind === "feasible") return { status: out.kind, solution: readSolution(prep, model, out.vars) };
    }
  }
  return solveVariant(prep, glpk, force, timeLimit);
}
