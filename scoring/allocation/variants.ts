// Solving the model and its variants (requests forced in or out). Shared by allocate() and the explanations.
import { solveExact } from "./core.js";
import { readSolution, type Solution } from "./solution.js";
import type { Selection } from "./selection.js";
import type { Prepared } from "../problem/index.js";
import type { Glpk } from "./glpk.js";

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
): Promise<
  { status: "optimal" | "time-limit"; solution: Solution; gap: number | null } | { status: "infeasible" | "time-limit"; solution: null }
> {
  const { out, model, report } = await solveExact(prep, glpk, {
    force,
    timeLimit,
    incumbent: hints.incumbent,
    firstThreshold: hints.firstThreshold,
  });
  // gap: how far the LP bound lies above the optimum (model units), what a similar variant's first guess needs.
  if (out.found) return { status: out.status, solution: readSolution(prep, model, out.vars), gap: report ? report.lpBound - out.z : null };
  return { status: out.status, solution: null };
}
