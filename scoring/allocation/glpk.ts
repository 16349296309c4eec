// The one place that talks to glpk.js. The instance is passed in (dependency injection), so that scoring/
// stays pure: Node adapters hand over `glpk.js/node` (synchronous), the browser the worker-backed default
// export (asynchronous). Statuses are read before any variable.
import type { LP, Result } from "glpk.js";
import type { GlpkConstants } from "./model.js";

export interface Glpk extends GlpkConstants {
  GLP_OPT: number;
  GLP_FEAS: number;
  GLP_NOFEAS: number;
  GLP_INFEAS: number;
  GLP_UNDEF: number;
  GLP_UNBND: number;
  GLP_MSG_OFF: number;
  version: string;
  solve(lp: LP, options?: { msglev?: number; presol?: boolean; tmlim?: number; mipgap?: number }): Result | Promise<Result>;
}

/**
 * How a solve ended, in the vocabulary of every layer and of the results (SolveStatus): "optimal" (proven),
 * "time-limit" (stopped by the time limit, with the best allocation found when `found`), "infeasible".
 */
export type SolveOutcome =
  | { status: "optimal" | "time-limit"; found: true; z: number; vars: Record<string, number>; dual?: Record<string, number>; ms: number }
  | { status: "infeasible" | "time-limit"; found: false; ms: number };

/** A monotonic clock that exists in Node and in browsers. */
export const now = (): number => (typeof performance !== "undefined" ? performance.now() : Date.now());

export async function solveLp(glpk: Glpk, lp: LP, timeLimitSeconds?: number): Promise<SolveOutcome> {
  const t0 = now();
  const options: { msglev: number; presol: boolean; tmlim?: number } = { msglev: glpk.GLP_MSG_OFF, presol: true };
  // glpk takes whole seconds; it may overrun a little (measured: 60 s limit returned after 60–76 s).
  if (timeLimitSeconds !== undefined) options.tmlim = Math.max(1, Math.ceil(timeLimitSeconds));
  const { result } = await glpk.solve(lp, options);
  const ms = now() - t0;
  const status = result.status;
  if (status === glpk.GLP_OPT) return { status: "optimal", found: true, z: result.z, vars: result.vars, dual: result.dual, ms };
  if (status === glpk.GLP_FEAS) return { status: "time-limit", found: true, z: result.z, vars: result.vars, dual: result.dual, ms };
  // Unbounded cannot happen (every column is bounded): read as no allocation, like infeasible.
  if (status === glpk.GLP_NOFEAS || status === glpk.GLP_INFEAS || status === glpk.GLP_UNBND)
    return { status: "infeasible", found: false, ms };
  // GLP_UNDEF: stopped (time limit) before any integer solution was found.
  return { status: "time-limit", found: false, ms };
}
