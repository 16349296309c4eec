// The recent optima a counterfactual borrows an incumbent from (explain.ts): the optimum of a
// neighbouring variant, with its forced request swapped for this one, when that keeps every rule.
import { feasible, objectiveOf, type Selection } from "../allocation/index.js";
import type { Prepared } from "../problem/index.js";

/**
 * What a counterfactual learns from the ones before it on the same thread (requests are explained grouped
 * by region, gender, status and donors, so these are similar requests):
 * - the first guess of its core (core.ts): the most the LP bound lay above the optimum in the last five
 *   variants, and a fifth more (measured on realistic rounds against 3 × 1.5, 5 × 1.0, 8 × 1.1);
 * - an incumbent: a recent optimum with its forced request swapped for this one, when that keeps every
 *   rule (on a realistic round of 150, the optimum itself for 45 % of the requests not funded).
 */
export class Neighbours {
  private gaps: number[] = [];
  private optima: { forced: number; chosen: Selection }[] = [];
  next(): number | undefined {
    return this.gaps.length ? FIRST_GUESS_MARGIN * Math.max(...this.gaps) : undefined;
  }
  saw(gap: number | null, forced?: number, chosen?: Selection): void {
    if (gap !== null) {
      this.gaps.unshift(Math.max(1, gap));
      this.gaps.length = Math.min(this.gaps.length, 5);
    }
    if (forced !== undefined && chosen) {
      this.optima.unshift({ forced, chosen });
      this.optima.length = Math.min(this.optima.length, BORROW_FROM);
    }
  }
  /**
   * The best recent optimum with its forced request and `index` swapped, if one keeps every rule: for a
   * request forced in, the neighbour's forced-in request out and this one in (at any level); for one
   * forced out, this one out and the neighbour's forced-out request back (at any level).
   */
  borrow(prep: Prepared, index: number, force: Map<number, "in" | "out">): Selection | null {
    const direction = force.get(index);
    let best: Selection | null = null;
    let bestZ = -Infinity;
    for (const { forced, chosen } of this.optima) {
      const candidates: Selection[] = [];
      if (direction === "in") {
        if (chosen.has(index)) candidates.push(chosen);
        else for (let l = 0; l < prep.requests[index]!.levels.length; l++) candidates.push(new Map(chosen).set(index, l));
        for (const c of candidates) if (c !== chosen) c.delete(forced);
      } else {
        const without = new Map(chosen);
        without.delete(index);
        candidates.push(without);
        if (!chosen.has(forced))
          for (let l = 0; l < prep.requests[forced]!.levels.length; l++) candidates.push(new Map(without).set(forced, l));
      }
      for (const c of candidates) {
        if (!feasible(prep, c, force)) continue;
        const z = objectiveOf(prep, c);
        if (z > bestZ) [best, bestZ] = [c, z];
      }
    }
    return best;
  }
}

const FIRST_GUESS_MARGIN = 1.2;
/** How many recent optima a counterfactual borrows from (15: 40 % of the requests not funded get their optimum, at ~0.2 ms each). */
const BORROW_FROM = 15;
