// What a counterfactual or a re-solve may start from: a selection (request index → level index), and
// whether it keeps every rule, the locks and the forcings (a few sums: cheap enough to check every known
// allocation before it is handed to the solver as an incumbent).
import { violations } from "./evaluate.js";
import { canPay } from "./funding.js";
import type { Prepared } from "../problem/index.js";

export type Force = Map<number, "in" | "out">;
export type Selection = Map<number, number>;

/** The forcings with every request outside `keep` (and not forced already) forced out: a model of `keep`'s requests only. */
export function onlyAmong(prep: Prepared, keep: Selection, force: Force): Force {
  const out: Force = new Map(force);
  for (const r of prep.requests) if (!keep.has(r.index) && !force.has(r.index)) out.set(r.index, "out");
  return out;
}

/** Whether a selection keeps every rule, the locks (as overridden by `force`) and the forcings. */
export function feasible(prep: Prepared, chosen: Selection, force: Force): boolean {
  // Donors by Hall's condition (a few sums).
  return violations(prep, chosen, force, (c) => canPay(prep, c)).next().done === true;
}
