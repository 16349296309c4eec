// A solution read from the model's columns: which request is funded at which level, the donors' flows,
// and who pays what. Shared by the core solve, its variants and the explanations.
import { payable } from "./funding.js";
import { valueOf } from "./evaluate.js";
import type { BuiltModel } from "./model.js";
import type { Prepared } from "../problem/index.js";

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
