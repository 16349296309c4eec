// Incumbents: feasible selections found without the MIP, so that reduced-cost fixing (fixing.ts) leaves
// branch and bound little to do. For counterfactuals the base optimum is the starting point: a request
// forced in displaces one or two others; a request forced out leaves a seat to the best replacement.
import { violations } from "./evaluate.js";
import { canPay } from "./funding.js";
import { objectiveOf } from "./fixing.js";
import type { Prepared } from "./prepare.js";

export type Force = Map<number, "in" | "out">;
export type Selection = Map<number, number>;

/** Whether a selection keeps every rule, the locks (as overridden by `force`) and the forcings. */
export function feasible(prep: Prepared, chosen: Selection, force: Force): boolean {
  // Donors by Hall's condition (a few sums): this runs for every candidate of every counterfactual.
  return violations(prep, chosen, force, (c) => canPay(prep, c)).next().done === true;
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
