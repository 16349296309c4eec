// Who paid for whom, from what was actually spent (or is still committed): each delegate's cost paid by
// the round's donors within their earmarks and by the money carried in (no earmark). An exact max-flow
// in cents over sources → delegates; what no source may pay is reported, never hidden.
import { round2 } from "../domain/index.js";
import { CARRY_OVER_DONOR } from "../criteria/index.js";
import { donorAdmits } from "../problem/index.js";
import { offerMoney } from "./money.js";
import type { ContributionFact, OfferFact, RoundFacts } from "./types.js";

export interface Source {
  id: string;
  amount: number;
  regions?: ContributionFact["regions"];
  statuses?: ContributionFact["statuses"];
  states?: string[];
}

export interface Split {
  /** Each delegate's shares, by donor (delegates costing nothing have none). */
  shares: Map<string, { donor: string; amount: number }[]>;
  /** Per delegate, what no source within its earmark could pay. */
  unpaid: Map<string, number>;
  /** Per source, what it paid. */
  paidBy: Map<string, number>;
}

/** Splits the costs (by delegate) over the sources; deterministic (delegates and sources in the order given). */
export function splitCosts(
  sources: Source[],
  delegates: { offer: Pick<OfferFact, "requestId" | "region" | "status" | "state">; cost: number }[],
): Split {
  const cents = (x: number): number => Math.round(x * 100);
  const left = sources.map((s) => cents(s.amount));
  const need = delegates.map((d) => cents(d.cost));
  const admits = delegates.map((d) => sources.map((s) => donorAdmits(s, d.offer)));
  // flow[i][j]: cents of delegate i paid by source j.
  const flow = delegates.map(() => sources.map(() => 0));
  // Augmenting paths: delegate i ← source j directly, or through a chain of reassignments (BFS over delegates).
  for (let i = 0; i < delegates.length; i++) {
    while (need[i]! > 0) {
      const path = augmentingPath(i, sources.length, left, admits, flow);
      if (!path) break;
      // The path: i takes from j1; delegate k1 (paid by j1) moves to j2; … ; the last source has money left.
      let amount = Math.min(need[i]!, left[path.last]!);
      for (const step of path.steps) amount = Math.min(amount, flow[step.delegate]![step.from]!);
      if (amount <= 0) break;
      applyPath(i, path, amount, flow, left);
      need[i]! -= amount;
    }
  }
  const shares = new Map<string, { donor: string; amount: number }[]>();
  const unpaid = new Map<string, number>();
  const paidBy = new Map(sources.map((s) => [s.id, 0]));
  delegates.forEach((d, i) => {
    const own = sources.flatMap((s, j) => (flow[i]![j]! > 0 ? [{ donor: s.id, amount: round2(flow[i]![j]! / 100) }] : []));
    shares.set(d.offer.requestId, own);
    for (const sh of own) paidBy.set(sh.donor, round2(paidBy.get(sh.donor)! + sh.amount));
    if (need[i]! > 0) unpaid.set(d.offer.requestId, round2(need[i]! / 100));
  });
  return { shares, unpaid, paidBy };
}

interface Path {
  /** The source the new money is drawn from at the end of the chain. */
  last: number;
  /** Sources along the chain: delegate i takes first; then each step moves `delegate` from source `from` to the next. */
  first: number;
  steps: { delegate: number; from: number; to: number }[];
}

function augmentingPath(i: number, nSources: number, left: number[], admits: boolean[][], flow: number[][]): Path | null {
  // BFS over sources: a source is reached when delegate i may use it, or a delegate paid by a reached source may move to it.
  const prev = new Array<{ from: number; delegate: number } | null>(nSources).fill(null);
  const seen = new Array<boolean>(nSources).fill(false);
  const queue: number[] = [];
  for (let j = 0; j < nSources; j++)
    if (admits[i]![j]) {
      seen[j] = true;
      queue.push(j);
    }
  while (queue.length) {
    const j = queue.shift()!;
    if (left[j]! > 0) {
      const steps: Path["steps"] = [];
      let at = j;
      while (prev[at]) {
        const p = prev[at]!;
        steps.unshift({ delegate: p.delegate, from: p.from, to: at });
        at = p.from;
      }
      return { last: j, first: at, steps };
    }
    // Delegates paid by j who could be paid by another source instead.
    for (let k = 0; k < flow.length; k++) {
      if (k === i || flow[k]![j]! <= 0) continue;
      for (let j2 = 0; j2 < nSources; j2++)
        if (!seen[j2] && admits[k]![j2]) {
          seen[j2] = true;
          prev[j2] = { from: j, delegate: k };
          queue.push(j2);
        }
    }
  }
  return null;
}

function applyPath(i: number, path: Path, amount: number, flow: number[][], left: number[]): void {
  flow[i]![path.first]! += amount;
  for (const s of path.steps) {
    flow[s.delegate]![s.from]! -= amount;
    flow[s.delegate]![s.to]! += amount;
  }
  left[path.last]! -= amount;
}

/**
 * A round's funding split: its delegates' actual costs (or, until settled, their commitments) over its
 * donors' contributions within their earmarks, then over the money carried in.
 */
export function roundSplit(r: Pick<RoundFacts, "contributions" | "offers">, carryIn: number): Split {
  const sources: Source[] = [
    ...r.contributions.map((c) => ({
      id: c.donor,
      amount: c.amount,
      ...(c.regions ? { regions: c.regions } : {}),
      ...(c.statuses ? { statuses: c.statuses } : {}),
      ...(c.states ? { states: c.states } : {}),
    })),
    ...(carryIn > 0 ? [{ id: CARRY_OVER_DONOR, amount: carryIn }] : []),
  ];
  const delegates = r.offers
    .map((offer) => {
      const m = offerMoney(offer);
      return { offer, cost: round2(m.spent + m.committed) };
    })
    .filter((d) => d.cost > 0);
  return splitCosts(sources, delegates);
}
