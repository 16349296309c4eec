// Exact solves made small: LP relaxation → reduced costs → fixing → branch and bound on what is left.
// With an incumbent of objective L and the LP bound z, a binary column at its LP bound whose reduced cost
// d satisfies z − |d| < L cannot take the other value in any solution at least as good as the incumbent
// (LP duality: obj(x) ≤ z + Σ d_j (x_j − x*_j)), so it is fixed. The optimum survives: it is at least L.
import type { LP } from "glpk.js";
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
  let z = 0;
  const states = new Set<string>();
  const regions = new Set<string>();
  for (const [i, l] of chosen) {
    const r = prep.requests[i]!;
    z += r.levels[l]!.units - r.levels[l]!.tie;
    states.add(r.req.state);
    regions.add(r.req.region);
  }
  return z + states.size * prep.stateBonusUnits + regions.size * prep.regionBonusUnits;
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

/**
 * Fixes what the LP and the incumbent allow. Returns the fixings, or null when the LP gives nothing to
 * work with (not optimal). `lpInfeasible` when the relaxation itself is infeasible (so is the MIP).
 */
export async function computeFixings(
  prep: Prepared,
  glpk: Glpk,
  opts: { force?: Map<number, "in" | "out"> },
  incumbentObjective: number,
): Promise<{ kind: "fixed"; fixed: Map<string, 0 | 1>; report: FixingReport } | { kind: "lp-infeasible" } | { kind: "none" }> {
  const relaxed = variantModel(prep, glpk, { force: opts.force, relaxed: true });
  const lpOut = await solveLp(glpk, relaxed.lp);
  if (lpOut.kind === "infeasible") return { kind: "lp-infeasible" };
  if (lpOut.kind !== "optimal" || !lpOut.dual) return { kind: "none" };
  const z = lpOut.z;
  const d = reducedCosts(relaxed.lp, lpOut.dual);
  // Columns that are binary in the MIP: the [0, 1] bounds of the relaxation.
  const binaries = (relaxed.lp.bounds ?? []).filter((b) => b.type === glpk.GLP_DB && b.lb === 0 && b.ub === 1).map((b) => b.name);
  const margin = 1e-7 * Math.max(1, Math.abs(z)) + 1e-9;
  const fixed = new Map<string, 0 | 1>();
  const fixings: FixingReport["fixings"] = [];
  for (const name of binaries) {
    const x = lpOut.vars[name] ?? 0;
    const dj = d.get(name) ?? 0;
    if (x <= 1e-9 && dj < 0 && z + dj < incumbentObjective - margin) {
      fixed.set(name, 0);
      fixings.push({ column: name, value: 0, reducedCost: dj });
    } else if (x >= 1 - 1e-9 && dj > 0 && z - dj < incumbentObjective - margin) {
      fixed.set(name, 1);
      fixings.push({ column: name, value: 1, reducedCost: dj });
    }
  }
  return { kind: "fixed", fixed, report: { lpBound: z, incumbent: incumbentObjective, binaries: binaries.length, fixed: fixed.size, fixings } };
}
