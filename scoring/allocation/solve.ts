// The one exact solve of a prepared problem, optionally with requests forced in or out (the
// counterfactuals): through a core of the model and its proof (core.ts), answered in the one vocabulary
// of every layer (optimal, time-limit, infeasible) with the allocation found. The proposal, every
// counterfactual and every re-solve of the analytics come here; the diagnosis's elastic copies and probes
// are other models, solved by solveLp.
import type { SolveStatus } from "../domain/index.js";
import type { Prepared } from "../problem/index.js";
import { solveExact, type CoreReport } from "./core.js";
import type { Deadline, Glpk } from "./glpk.js";
import { feasible, type Force, type Selection } from "./selection.js";
import { readSolution, type Solution } from "./solution.js";

export interface SolveOptions {
  /** Requests forced in or out, beside the problem's locks. */
  force?: Force;
  /** Seconds, or the deadline of the answer this solve is part of; past it the best allocation found is answered ("time-limit"). */
  timeLimit: number | Deadline;
  /**
   * Hints change the time, never the answer: a known allocation (the core need not go below its worth; one
   * that breaks a rule, a lock or a forcing is ignored), or a first guess of the core's threshold.
   */
  incumbent?: Selection | null;
  firstThreshold?: number;
}

export interface Solve {
  status: SolveStatus;
  /** The optimum (or, at the time limit, the best found); null when infeasible or nothing was found in time. */
  solution: Solution | null;
  /** The LP relaxation's bound (model units), when the core solve computed it. */
  lpBound: number | null;
  /** How far the LP bound lies above the answer (model units): what a similar variant's first guess needs. */
  gap: number | null;
  /** The core's stages and fixings (null when the full model was solved directly). */
  core: CoreReport | null;
  ms: number;
}

export async function solve(prep: Prepared, glpk: Glpk, opts: SolveOptions): Promise<Solve> {
  const force = opts.force ?? new Map<number, "in" | "out">();
  const incumbent = opts.incumbent && feasible(prep, opts.incumbent, force) ? opts.incumbent : null;
  const { out, model, report } = await solveExact(prep, glpk, {
    force,
    timeLimit: opts.timeLimit,
    incumbent,
    firstThreshold: opts.firstThreshold,
  });
  const lpBound = report ? report.lpBound : null;
  if (!out.found) return { status: out.status, solution: null, lpBound, gap: null, core: report, ms: out.ms };
  return {
    status: out.status,
    solution: readSolution(prep, model, out.vars),
    lpBound,
    gap: lpBound === null ? null : lpBound - out.z,
    core: report,
    ms: out.ms,
  };
}
