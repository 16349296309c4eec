// Incumbents: feasible selections found without the MIP, so that reduced-cost fixing (fixing.ts) leaves
// branch and bound little to do. For counterfactuals the base optimum is the starting point: a request
// forced in displaces one or two others; a request forced out leaves a seat to the best replacement.
import { canPay } from "./funding.js";
import { objectiveOf } from "./fixing.js";
import type { Prepared } from "./prepare.js";
import type { Region } from "./schemas.js";

export type Force = Map<number, "in" | "out">;
export type Selection = Map<number, number>;

/** Whether a selection keeps every rule, the locks (as overridden by `force`) and the forcings. */
export function feasible(prep: Prepared, chosen: Selection, force: Force): boolean {
  const { policy, budget } = prep.problem;
  let cost = 0;
  let women = 0;
  let outreach = 0;
  const perState = new Map<string, number>();
  const perRegion = new Map<Region, number>();
  for (const [i, l] of chosen) {
    const r = prep.requests[i]!;
    const f = force.get(i);
    if (f === "out" || (r.req.lock === "out" && f !== "in")) return false;
    cost += r.levels[l]!.cost;
    if (r.woman) women++;
    if (r.outreach) outreach++;
    const s = (perState.get(r.req.state) ?? 0) + 1;
    if (policy.maxPerState !== undefined && s > policy.maxPerState) return false;
    perState.set(r.req.state, s);
    perRegion.set(r.req.region, (perRegion.get(r.req.region) ?? 0) + 1);
  }
  if (cost > budget + 1e-9) return false;
  const n = chosen.size;
  if (policy.maxDelegates !== undefined && n > policy.maxDelegates) return false;
  if (policy.minWomenShare !== undefined && policy.minWomenShare > 0 && women - policy.minWomenShare * n < -1e-9) return false;
  if (policy.minOutreach !== undefined && outreach < policy.minOutreach) return false;
  for (const [region, min] of Object.entries(policy.regionMin ?? {}) as [Region, number][]) if ((perRegion.get(region) ?? 0) < min) return false;
  for (const [region, max] of Object.entries(policy.regionMax ?? {}) as [Region, number][]) if ((perRegion.get(region) ?? 0) > max) return false;
  for (const r of prep.requests) {
    const f = force.get(r.index);
    if ((f === "in" || (r.req.lock === "in" && f !== "out")) && !chosen.has(r.index)) return false;
  }
  if (!canPay(prep, chosen)) return false;
  return true;
}

/** One pass of greedy additions: each request not chosen, best value first, at the best level that fits. */
export function fill(prep: Prepared, start: Selection, force: Force): Selection {
  const chosen = new Map(start);
  // Nothing to add when the seats are taken or no candidate fits the money left.
  const { maxDelegates } = prep.problem.policy;
  if (maxDelegates !== undefined && chosen.size >= maxDelegates) return chosen;
  const order = prep.requests.filter((r) => !chosen.has(r.index) && force.get(r.index) !== "out" && (r.req.lock !== "out" || force.get(r.index) === "in"));
  order.sort((a, b) => b.levels[0]!.units - a.levels[0]!.units);
  for (const r of order) {
    const levels = r.levels.map((lv, l) => ({ lv, l })).sort((a, b) => b.lv.units - a.lv.units);
    for (const { l, lv } of levels) {
      if (lv.units <= 0 && prep.stateBonusUnits <= 0 && prep.regionBonusUnits <= 0) break;
      chosen.set(r.index, l);
      if (feasible(prep, chosen, force)) break;
      chosen.delete(r.index);
    }
  }
  return chosen;
}

function best(prep: Prepared, candidates: Selection[], force: Force): Selection | null {
  let top: Selection | null = null;
  let topZ = -Infinity;
  for (const c of candidates) {
    if (!feasible(prep, c, force)) continue;
    const z = objectiveOf(prep, c);
    if (z > topZ) {
      top = c;
      topZ = z;
    }
  }
  return top;
}

/** An incumbent for "i forced out": the base without i, plus the best single replacement, then greedy fill. */
export function incumbentWithout(prep: Prepared, base: Selection, i: number, force: Force): Selection | null {
  const without = new Map(base);
  without.delete(i);
  const candidates: Selection[] = [without];
  for (const r of prep.requests) {
    if (base.has(r.index) || r.index === i) continue;
    r.levels.forEach((_, l) => candidates.push(new Map(without).set(r.index, l)));
  }
  const top = best(prep, candidates, force);
  return top ? fill(prep, top, force) : null;
}

/** An incumbent for "i forced in": the base with i at some level, minus one or two others, then greedy fill. */
export function incumbentWith(prep: Prepared, base: Selection, i: number, force: Force, similar: { forced: number; solution: Selection }[] = []): Selection | null {
  // Optima of similar requests forced in, with that request swapped for this one: a request of the same
  // region, gender and cost band usually reorganises the proposal the same way.
  const borrowed: Selection[] = [];
  for (const s of similar) {
    prep.requests[i]!.levels.forEach((_, l) => {
      const c = new Map(s.solution);
      c.delete(s.forced);
      borrowed.push(c.set(i, l));
    });
  }
  const fromSimilar = best(prep, borrowed, force);
  const removable = [...base.keys()].filter((k) => force.get(k) !== "in" && !(prep.requests[k]!.req.lock === "in" && force.get(k) !== "out"));
  const candidates: Selection[] = [];
  prep.requests[i]!.levels.forEach((_, l) => {
    const withI = new Map(base).set(i, l);
    candidates.push(withI);
    for (const k of removable) {
      const c = new Map(withI);
      c.delete(k);
      candidates.push(c);
    }
  });
  let top = best(prep, candidates, force);
  if (!top && removable.length <= 80) {
    const pairs: Selection[] = [];
    prep.requests[i]!.levels.forEach((_, l) => {
      for (let a = 0; a < removable.length; a++) {
        for (let b = a + 1; b < removable.length; b++) {
          const c = new Map(base).set(i, l);
          c.delete(removable[a]!);
          c.delete(removable[b]!);
          pairs.push(c);
        }
      }
    });
    top = best(prep, pairs, force);
  }
  const filled = top ? fill(prep, top, force) : null;
  if (fromSimilar && (!filled || objectiveOf(prep, fromSimilar) > objectiveOf(prep, filled))) return fromSimilar;
  return filled;
}
