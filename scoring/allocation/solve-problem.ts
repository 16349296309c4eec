// Re-solving a changed problem (another budget, weights, costs or locks) from a known allocation, and
// reading any solution as the result's funded list and summary. Shared by allocate() and the analytics
// (money curve, replacement, robustness, sensitivity).
import { round2, type FundedRequest, type SupportLevel } from "../domain/index.js";
import { splitFunding } from "./funding.js";
import { type Selection } from "./selection.js";
import { cmp, prepare, type Prepared, type Problem } from "../problem/index.js";
import { now, type Deadline, type Glpk } from "./glpk.js";
import { summarise, type AllocationSummary } from "./summary.js";
import { paymentPlan, type Solution } from "./solution.js";
import { solve } from "./solve.js";
import type { SolveStatus } from "../domain/index.js";

/** A funded request as a later run can name it: by id and support level. */
export interface Pick {
  id: string;
  level: SupportLevel;
}

export interface Solved {
  status: SolveStatus;
  prep: Prepared;
  /** Null when infeasible, or when the time limit passed before any solution was found. */
  solution: Solution | null;
  ms: number;
}

/** The selection of `picks` in this problem, or null when one of them is not a request (or level) of it. */
export function selectionOf(prep: Prepared, picks: readonly Pick[]): Selection | null {
  const sel: Selection = new Map();
  for (const p of picks) {
    const r = prep.byId.get(p.id);
    const l = r?.levels.findIndex((lv) => lv.level === p.level) ?? -1;
    if (!r || l < 0) return null;
    sel.set(r.index, l);
  }
  return sel;
}

export function picksOf(prep: Prepared, chosen: Selection): Pick[] {
  return [...chosen]
    .map(([i, l]) => ({ id: prep.requests[i]!.req.id, level: prep.requests[i]!.levels[l]!.level }))
    .sort((a, b) => cmp(a.id, b.id));
}

/**
 * The optimum of `problem`. A known allocation (`incumbent`) that keeps every rule of this problem lets
 * the LP's reduced costs fix most columns before branch and bound (core.ts); one that does not is ignored.
 */
export async function solveProblem(
  problem: Problem,
  glpk: Glpk,
  opts: { incumbent?: readonly Pick[]; timeLimit: number | Deadline },
): Promise<Solved> {
  const t0 = now();
  const prep = prepare(problem);
  const sel = opts.incumbent ? selectionOf(prep, opts.incumbent) : null;
  const out = await solve(prep, glpk, { timeLimit: opts.timeLimit, incumbent: sel });
  return { status: out.status, prep, solution: out.solution, ms: Math.round(now() - t0) };
}

/** The funded list (by id, with who pays) and the summary of a solution. */
export function fundedOf(prep: Prepared, solution: Solution): { funded: FundedRequest[]; summary: AllocationSummary } {
  const funding = splitFunding(prep, solution.chosen, paymentPlan(prep, solution));
  const funded: FundedRequest[] = [...solution.chosen]
    .sort(([a], [b]) => cmp(prep.requests[a]!.req.id, prep.requests[b]!.req.id))
    .map(([i, li]) => {
      const { req, levels } = prep.requests[i]!;
      const lv = levels[li]!;
      return {
        id: req.id,
        state: req.state,
        region: req.region,
        status: req.status,
        gender: req.gender,
        level: lv.level,
        cost: lv.cost,
        value: round2(lv.units / 100),
        funding: funding.get(i) ?? [],
      };
    });
  return { funded, summary: summarise(prep, solution.chosen, funding) };
}
