// Solving the model and its variants (requests forced in or out), and reading a solution. Shared by
// allocate() and the explanations.
import { solveExact } from "./core.js";
import { payable } from "./funding.js";
import { valueOf } from "./evaluate.js";
import type { Selection } from "./selection.js";
import type { BuiltModel } from "./model.js";
import type { Prepared } from "./prepare.js";
import type { Glpk } from "./solver.js";

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

/**
 * Solves the problem (optionally with requests forced in or out) to the proven optimum, through a core of
 * the model (core.ts). Hints change the time, never the answer: a feasible allocation (the core need not go
 * below its worth; it must keep every rule and forcing), or a first guess of the core's threshold.
 */
export async function solveVariant(
  prep: Prepared,
  glpk: Glpk,
  force: Map<number, "in" | "out">,
  timeLimit?: number,
  hints: { incumbent?: Selection | null; firstThreshold?: number } = {},
): Promise<{ status: "optimal" | "feasible"; solution: Solution; gap: number | null } | { status: "infeasible" | "none" }> {
  const { out, model, report } = await solveExact(prep, glpk, { force, timeLimit, incumbent: hints.incumbent, firstThreshold: hints.firstThreshold });
  // gap: how far the LP bound lies above the optimum (model units), what a similar variant's first guess needs.
  if (out.kind === "optimal" || out.kind === "feasible") return { status: out.kind, solution: readSolution(prep, model, out.vars), gap: report ? report.lpBound - out.z : null };
  return { status: out.kind === "infeasible" ? "infeasible" : "none" };
}
