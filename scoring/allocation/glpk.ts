// The one place that talks to glpk.js. The instance is passed in (dependency injection), so that scoring/
// stays pure: Node adapters hand over `glpk.js/node` (synchronous), the browser the worker-backed default
// export (asynchronous). Statuses are read before any variable.
import type { LP, Result } from "glpk.js";
import type { GlpkConstants } from "./model.js";
import { type RunOutcome } from "../domain/index.js";

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
  | {
      status: Exclude<RunOutcome, "infeasible">;
      found: true;
      z: number;
      vars: Record<string, number>;
      dual?: Record<string, number>;
      ms: number;
    }
  | { status: Exclude<RunOutcome, "optimal">; found: false; ms: number };

/** A monotonic clock that exists in Node and in browsers. */
export const now = (): number => (typeof performance !== "undefined" ? performance.now() : Date.now());

/**
 * The moment by which an answer is due: one per answer (an allocation with its diagnosis, explanations and
 * analyses), handed from stage to stage so that each is told what is left. Every solve takes one; no solve
 * runs without a limit.
 */
export class Deadline {
  private constructor(private readonly end: number) {}
  /** `seconds` from now. */
  static after(seconds: number): Deadline {
    return new Deadline(now() + Math.max(0, seconds) * 1000);
  }
  /** A limit in seconds or a deadline already running, as a deadline. */
  static of(limit: number | Deadline): Deadline {
    return limit instanceof Deadline ? limit : Deadline.after(limit);
  }
  /** Seconds left (0 once passed). */
  left(): number {
    return Math.max(0, (this.end - now()) / 1000);
  }
  get passed(): boolean {
    return now() >= this.end;
  }
  /** The earlier of this deadline and `seconds` from now: a stage's share of what is left. */
  within(seconds: number): Deadline {
    return new Deadline(Math.min(this.end, now() + Math.max(0, seconds) * 1000));
  }
}

/** The least time a solve is given (glpk.js takes milliseconds): less is not worth starting. */
const LEAST_SECONDS = 0.005;

export async function solveLp(glpk: Glpk, lp: LP, deadline: Deadline): Promise<SolveOutcome> {
  const t0 = now();
  const seconds = deadline.left();
  // Out of time: the solver is not called at all (a time limit of 0 means none to glpk).
  if (seconds < LEAST_SECONDS) return { status: "time-limit", found: false, ms: 0 };
  // glpk.js takes seconds (× 1000 into glpk's milliseconds); glpk may overrun a little (measured: a 60 s
  // limit returned after 60–76 s on a hard model).
  const options = { msglev: glpk.GLP_MSG_OFF, presol: true, tmlim: seconds };
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
