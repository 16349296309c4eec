// Exact solves made small: LP relaxation → reduced costs → fixing → branch and bound on what is left.
// With an incumbent of objective L and the LP bound z, a binary column at its LP bound whose reduced cost
// d satisfies z − |d| < L cannot take the other value in any solution at least as good as the incumbent
// (LP duality: obj(x) ≤ z + Σ d_j (x_j − x*_j)), so it is fixed. The optimum survives: it is at least L.
import type { LP } from "glpk.js";
import { valueOf } from "./evaluate.js";
import { variantModel } from "./model.js";
import type { Prepared } from "./prepare.js";
import { solveLp, type Glpk } from "./solver.js";

export interface FixingReport {
  lpBound: number;
  incumbent: number;
  binaries: number;
  fixed: number;
  /** Each fixing with its justification, for the tests. */
  fixings: { column: string; value: 0 | 1; reducedCost: number }[];
}

/** The objective of a selection with the model's own coefficients (value − tie-break + bonuses). */
export function objectiveOf(prep: Prepared, chosen: Map<number, number>): number {
  let tie = 0;
  for (const [i, l] of chosen) tie += prep.requests[i]!.levels[l]!.tie;
  return valueOf(prep, chosen) - tie;
}

/** Reduced costs d_j = c_j − Σ_i a_ij y_i of every column, from the LP's row duals. */
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

/** An LP relaxation read for fixing: its bound, solution, reduced costs and the columns binary in the MIP. */
interface Relaxation {
  z: number;
  x: Record<string, number>;
  d: Map<string, number>;
  binaries: string[];
  xNames: (string[] | null)[];
}

async function relax(prep: Prepared, glpk: Glpk, force?: Map<number, "in" | "out">): Promise<Relaxation | "infeasible" | null> {
  const relaxed = variantModel(prep, glpk, { force, relaxed: true });
  const out = await solveLp(glpk, relaxed.lp);
  if (out.kind === "infeasible") return "infeasible";
  if (out.kind !== "optimal" || !out.dual) return null;
  // Columns that are binary in the MIP: the [0, 1] bounds of the relaxation.
  const binaries = (relaxed.lp.bounds ?? []).filter((b) => b.type === glpk.GLP_DB && b.lb === 0 && b.ub === 1).map((b) => b.name);
  return { z: out.z, x: out.vars, d: reducedCosts(relaxed.lp, out.dual), binaries, xNames: relaxed.xNames };
}

/**
 * The fixing rule: a binary at its LP bound whose reduced cost d, added to the bound z, falls below the
 * incumbent cannot take its other value in an allocation at least as good as the incumbent.
 */
function fixByReducedCost(rel: Relaxation, z: number, incumbentObjective: number, skip?: Set<string>): FixingReport["fixings"] {
  const margin = 1e-7 * Math.max(1, Math.abs(rel.z)) + 1e-9;
  const fixings: FixingReport["fixings"] = [];
  for (const name of rel.binaries) {
    if (skip?.has(name)) continue;
    const x = rel.x[name] ?? 0;
    const dj = rel.d.get(name) ?? 0;
    if (x <= 1e-9 && dj < 0 && z + dj < incumbentObjective - margin) fixings.push({ column: name, value: 0, reducedCost: dj });
    else if (x >= 1 - 1e-9 && dj > 0 && z - dj < incumbentObjective - margin) fixings.push({ column: name, value: 1, reducedCost: dj });
  }
  return fixings;
}

/**
 * Fixes what the variant's own LP and the incumbent allow. `lp-infeasible` when the relaxation itself is
 * infeasible (so is the MIP); `none` when the LP gives nothing to work with.
 */
export async function computeFixings(
  prep: Prepared,
  glpk: Glpk,
  opts: { force?: Map<number, "in" | "out"> },
  incumbentObjective: number,
): Promise<{ kind: "fixed"; fixed: Map<string, 0 | 1>; report: FixingReport } | { kind: "lp-infeasible" } | { kind: "none" }> {
  const rel = await relax(prep, glpk, opts.force);
  if (rel === "infeasible") return { kind: "lp-infeasible" };
  if (!rel) return { kind: "none" };
  const fixings = fixByReducedCost(rel, rel.z, incumbentObjective);
  const fixed = new Map(fixings.map((f) => [f.column, f.value]));
  return { kind: "fixed", fixed, report: { lpBound: rel.z, incumbent: incumbentObjective, binaries: rel.binaries.length, fixed: fixed.size, fixings } };
}

const baseRelaxations = new WeakMap<Prepared, Promise<Relaxation | "infeasible" | null>>();

/**
 * Fixings for a request forced in or out, from the base problem's LP relaxation (solved once per problem)
 * rather than the variant's own: any allocation with request i in has objective at most
 * z + max_l d[i,l] (a level already above 0 in the LP costs nothing), and one with k out at most
 * z − d[k,l] for its level at 1; a column's own reduced cost then adds as in computeFixings. Weaker than
 * the variant's LP, but saves a simplex per variant. Not for requests whose lock the forcing overrides (a
 * lock row dropped changes the constraints, not just bounds): null then.
 */
export async function baseFixings(
  prep: Prepared,
  glpk: Glpk,
  index: number,
  direction: "in" | "out",
  incumbentObjective: number,
): Promise<Map<string, 0 | 1> | null> {
  const r = prep.requests[index]!;
  if ((direction === "in" && r.req.lock === "out") || (direction === "out" && r.req.lock === "in")) return null;
  let cached = baseRelaxations.get(prep);
  if (!cached) {
    cached = relax(prep, glpk);
    baseRelaxations.set(prep, cached);
  }
  const base = await cached;
  if (!base || base === "infeasible") return null;
  const own = base.xNames[index];
  if (!own) return null;
  const at = (name: string): number => base.x[name] ?? 0;
  const dOf = (name: string): number => base.d.get(name) ?? 0;
  // The bound of the variant: z plus the forced change of the request's own columns.
  const shift =
    direction === "in"
      ? Math.max(...own.map((name) => (at(name) > 1e-9 ? 0 : Math.min(0, dOf(name)))))
      : -own.reduce((s, name) => s + (at(name) >= 1 - 1e-9 ? Math.max(0, dOf(name)) : 0), 0);
  return new Map(fixByReducedCost(base, base.z + shift, incumbentObjective, new Set(own)).map((f) => [f.column, f.value]));
}
