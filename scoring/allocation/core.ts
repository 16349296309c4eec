// Exact solves made small: the LP relaxation, then branch and bound on a core of the model, then a proof.
//
// The LP relaxation of this problem is within a fraction of a per cent of the optimum, and most of its
// columns sit at a bound with a reduced cost far larger than that distance. LP duality gives, for any
// integer solution x, obj(x) ≤ z + Σ_j d_j (x_j − x*_j) where every term is ≤ 0; so a column at its LP
// bound whose reduced cost satisfies |d_j| > z − L cannot leave that bound in a solution worth L or more.
//
// 1. Solve the LP relaxation: bound z, solution x*, reduced costs d.
// 2. Guess a threshold G, fix every column at its LP bound with |d_j| > G, and solve the rest (the core)
//    as a MIP with the fixed columns substituted out. Its optimum L is a feasible allocation.
// 3. If z − L ≤ G, every fixing was justified by L, so no better allocation lies outside the core: L is
//    the optimum. Otherwise solve the core again with G = z − L: now every fixing is justified, L's
//    allocation is inside the core, and the core's optimum is the optimum.
// A guessed core without a feasible allocation widens G (eight times, up to the whole model), so the
// answer is always that of the full model; only the time changes.
import type { LP } from "glpk.js";
import { valueOf } from "./evaluate.js";
import { variantModel, type BuiltModel } from "./model.js";
import type { Prepared } from "../problem/index.js";
import { Deadline, now, solveLp, type Glpk, type SolveOutcome } from "./glpk.js";
import { readSolution } from "./solution.js";

export interface CoreStage {
  /** Columns at their LP bound with |reduced cost| above this were fixed. */
  threshold: number;
  fixed: number;
  /** Binary columns left to branch and bound. */
  free: number;
  status: SolveOutcome["status"];
  /** Whether the stage found an allocation. */
  found: boolean;
  /** The worth of the stage's allocation (model units, tie-break included), or null. */
  objective: number | null;
  ms: number;
}

export interface CoreReport {
  /** The LP relaxation's bound and its time. */
  lpBound: number;
  lpMs: number;
  stages: CoreStage[];
  /** Whether the last stage's fixings are justified by its own optimum (the proof of optimality). */
  proven: boolean;
  /** The first allocation found (by the first stage that found one): the incumbent of the proof. */
  incumbent: { objective: number; vars: Record<string, number> } | null;
  /** The last stage's fixings, each with its reduced cost (for the tests). */
  fixings: { column: string; value: 0 | 1; reducedCost: number }[];
}

export interface ExactSolve {
  out: SolveOutcome;
  model: BuiltModel;
  /** Null when the LP relaxation gave nothing to work with and the full model was solved instead. */
  report: CoreReport | null;
}

/** The objective of a selection with the model's own coefficients (value − tie-break + bonuses). */
export function objectiveOf(prep: Prepared, chosen: Map<number, number>): number {
  let tie = 0;
  for (const [i, l] of chosen) tie += prep.requests[i]!.levels[l]!.tie;
  return valueOf(prep, chosen) - tie;
}

/** Reduced costs d_j = c_j − Σ_i a_ij y_i of every column, from the LP's row duals (glpk.js returns no reduced costs). */
export function reducedCosts(lp: LP, dual: Record<string, number>): Map<string, number> {
  const d = new Map<string, number>();
  for (const v of lp.objective.vars) d.set(v.name, (d.get(v.name) ?? 0) + v.coef);
  for (const row of lp.subjectTo) {
    const y = dual[row.name] ?? 0;
    if (y === 0) continue;
    for (const v of row.vars) d.set(v.name, (d.get(v.name) ?? 0) - v.coef * y);
  }
  return d;
}

/** A model with some columns fixed and substituted out: their objective becomes a constant, their row terms move to the bounds. */
export function restrict(lp: LP, fixed: Map<string, 0 | 1>): { lp: LP; constant: number } | "infeasible" {
  let constant = 0;
  const objective = lp.objective.vars.filter((v) => {
    const f = fixed.get(v.name);
    if (f === undefined) return true;
    constant += f * v.coef;
    return false;
  });
  const rows: LP["subjectTo"] = [];
  for (const row of lp.subjectTo) {
    let shift = 0;
    const vars = row.vars.filter((v) => {
      const f = fixed.get(v.name);
      if (f === undefined) return true;
      shift += f * v.coef;
      return false;
    });
    const lb = row.bnds.lb - shift;
    const ub = row.bnds.ub - shift;
    if (vars.length === 0) {
      // Every column of the row is fixed: it holds or the restriction is infeasible.
      if (!rowHolds(row.bnds.type, lb, ub)) return "infeasible";
      continue;
    }
    rows.push(shift === 0 ? { ...row, vars } : { name: row.name, vars, bnds: { type: row.bnds.type, lb, ub } });
  }
  return {
    lp: {
      ...lp,
      objective: { ...lp.objective, vars: objective },
      subjectTo: rows,
      bounds: (lp.bounds ?? []).filter((b) => !fixed.has(b.name)),
      binaries: (lp.binaries ?? []).filter((b) => !fixed.has(b)),
    },
    constant,
  };
}

/** A solve of a restricted model read in the full model's terms: the constant added, the fixed columns' values back. */
function lift(out: SolveOutcome, constant: number, ...fixed: Map<string, 0 | 1>[]): SolveOutcome {
  if (!out.found) return out;
  const vars = { ...out.vars };
  for (const m of fixed) for (const [column, value] of m) vars[column] = value;
  return { ...out, z: out.z + constant, vars };
}

// glpk's bound types: 1 free, 2 lower, 3 upper, 4 double, 5 fixed (the same in every build).
function rowHolds(type: number, lb: number, ub: number): boolean {
  const eps = 1e-9;
  if (type === 2) return 0 >= lb - eps;
  if (type === 3) return 0 <= ub + eps;
  if (type === 4 || type === 5) return 0 >= lb - eps && 0 <= ub + eps;
  return true;
}

/** The first guess of z − L, relative to the bound: the LP is rarely further than this from the optimum. */
const FIRST_GUESS = 1e-4;
/** How much a guess grows when its core holds an allocation but not the proof (at most to z − L, which proves). */
const GROWTH = 4;

/**
 * Columns the variant fixes (requests forced out), substituted out of both models before any solve: the
 * counterfactuals of the explanations force most of a round out.
 */
function presetColumns(lp: ReturnType<typeof variantModel>["lp"], glpk: Glpk): Map<string, 0 | 1> {
  const preset = new Map<string, 0 | 1>();
  for (const b of lp.bounds ?? []) if (b.type === glpk.GLP_FX && b.name !== "zero" && (b.lb === 0 || b.lb === 1)) preset.set(b.name, b.lb);
  return preset;
}

/** A stage's outcome as the report keeps it. */
const outcomeOf = (out: { status: SolveOutcome["status"]; found: boolean }, objective: number | null, t1: number) => ({
  status: out.status,
  found: out.found,
  objective,
  ms: now() - t1,
});

type Restricted = Exclude<ReturnType<typeof restrict>, "infeasible">;

/** Binary columns at an LP bound, with what leaving it would cost (−d at 0, d at 1; ≤ 0 means never fixed). */
function columnsAtBound(binaries: readonly string[], vars: Readonly<Record<string, number>>, d: ReadonlyMap<string, number>) {
  const atBound: { column: string; value: 0 | 1; reducedCost: number; cost: number }[] = [];
  for (const column of binaries) {
    const x = vars[column] ?? 0;
    const dj = d.get(column) ?? 0;
    if (x <= 1e-9) atBound.push({ column, value: 0, reducedCost: dj, cost: -dj });
    else if (x >= 1 - 1e-9) atBound.push({ column, value: 1, reducedCost: dj, cost: dj });
  }
  return atBound;
}

/** One stage: the model with the fixed columns substituted out, solved, its answer lifted back to every column. */
async function solveCore(glpk: Glpk, full: Restricted, fixed: Map<string, 0 | 1>, preset: Map<string, 0 | 1>, deadline: Deadline) {
  const core = restrict(full.lp, fixed);
  return core === "infeasible"
    ? ({ status: "infeasible", found: false, ms: 0 } as const)
    : lift(await solveLp(glpk, core.lp, deadline), core.constant + full.constant, fixed, preset);
}

export interface ExactOptions {
  force?: Map<number, "in" | "out">;
  /** Seconds, or the deadline of the answer this solve is part of. */
  timeLimit: number | Deadline;
  /** The first guess of z − L relative to z (tests vary it). */
  firstGuess?: number;
  /** The first guess of z − L in model units (overrides firstGuess): e.g. what similar variants needed. */
  firstThreshold?: number;
  /** A feasible allocation known beforehand (a heuristic's, a similar variant's): the core need not go below its worth. */
  incumbent?: Map<number, number> | null;
}

/**
 * The model (with requests forced in or out) solved to the proven optimum through a core; the same answer
 * as solving the full model, since every fixing that stands is justified by an allocation at least as good.
 */
export async function solveExact(prep: Prepared, glpk: Glpk, opts: ExactOptions): Promise<ExactSolve> {
  const t0 = now();
  const deadline = Deadline.of(opts.timeLimit);
  const force = opts.force ?? new Map<number, "in" | "out">();
  const model = variantModel(prep, glpk, { force });
  const preset = presetColumns(model.lp, glpk);
  const full = restrict(model.lp, preset);
  const relaxed = restrict(variantModel(prep, glpk, { force, relaxed: true }).lp, preset);
  if (full === "infeasible" || relaxed === "infeasible")
    return { out: { status: "infeasible", found: false, ms: now() - t0 }, model, report: null };
  const lp = await solveLp(glpk, relaxed.lp, deadline);
  if (lp.status === "infeasible") return { out: lp, model, report: null };
  if (!lp.found || lp.status !== "optimal" || !lp.dual)
    return { out: lift(await solveLp(glpk, full.lp, deadline), full.constant, preset), model, report: null };

  const z = lp.z + relaxed.constant;
  const d = reducedCosts(relaxed.lp, lp.dual);
  const margin = 1e-7 * Math.max(1, Math.abs(z)) + 1e-9;
  // Binary columns at an LP bound, with what leaving it would cost (−d at 0, d at 1; ≤ 0 means never fixed).
  const atBound = columnsAtBound(full.lp.binaries ?? [], lp.vars, d);
  const report: CoreReport = { lpBound: z, lpMs: lp.ms, stages: [], proven: false, incumbent: null, fixings: [] };
  const largest = atBound.reduce((m, c) => Math.max(m, c.cost), 0);

  let threshold = opts.firstThreshold ?? Math.max(1, (opts.firstGuess ?? FIRST_GUESS) * Math.abs(z));
  // The best objective found by any stage: an allocation worth it satisfies every justified fixing.
  let best = opts.incumbent ? objectiveOf(prep, opts.incumbent) : -Infinity;
  threshold = Math.min(threshold, Math.max(0, z - best));
  for (;;) {
    const t1 = now();
    const fixings = atBound
      .filter((c) => c.cost > threshold + margin)
      .map(({ column, value, reducedCost }) => ({ column, value, reducedCost }));
    const fixed = new Map(fixings.map((f) => [f.column, f.value]));
    const out = await solveCore(glpk, full, fixed, preset, deadline);
    const whole = fixed.size === 0;
    // The allocation's own worth: a State or region bonus whose column this stage fixed at 0 is counted too
    // (the allocation with that column at 1 keeps every rule), so a guessed core never undervalues it.
    const objective = out.found ? Math.max(out.z, objectiveOf(prep, readSolution(prep, model, out.vars).chosen)) : null;
    report.stages.push({
      threshold,
      fixed: fixed.size,
      free: (full.lp.binaries?.length ?? 0) - fixed.size,
      ...outcomeOf(out, objective, t1),
    });
    report.fixings = fixings;
    if (out.found && objective !== null) {
      best = Math.max(best, objective);
      report.incumbent ??= { objective, vars: out.vars };
      const result: SolveOutcome = { status: out.status, found: true, z: objective, vars: out.vars, ms: now() - t0 };
      // Proven: every fixing is justified by the best allocation found (z − best ≤ threshold).
      if (out.status === "optimal" && (z - best <= threshold || whole)) {
        report.proven = true;
        return { out: result, model, report };
      }
      // Stopped by the time limit, or out of time for another stage: the best found, not proven (so
      // "time-limit", whatever the core's own status).
      if (out.status === "time-limit" || deadline.passed) return { out: { ...result, status: "time-limit" }, model, report };
      // The guess was too small: the core that the allocation found justifies.
      threshold = Math.min(z - best, threshold * GROWTH);
      continue;
    }
    if (out.status === "infeasible" && whole) return { out: { status: "infeasible", found: false, ms: now() - t0 }, model, report };
    // Stopped without an allocation (time limit), or no time left to widen the core.
    if (out.status === "time-limit" || deadline.passed)
      return { out: { status: "time-limit", found: false, ms: now() - t0 }, model, report };
    // No allocation inside the guessed core: widen it (the whole model once nothing is left to fix).
    threshold = threshold * 8 >= largest ? largest : threshold * 8;
  }
}
