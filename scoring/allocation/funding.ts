// Who pays for whom. The model carries one flow per (donor, eligibility class); this module splits each
// class's flows over its funded requests (any split is valid: every request of a class is admitted by
// every donor of the class). The split is deterministic: requests by id, donors by their order.
import { round2, type FundingShare } from "../domain/index.js";
import { cmp, hallRows, HALL_MAX_DONORS, type Prepared } from "../problem/index.js";

const CENT = 0.005;

export function splitFunding(
  prep: Prepared,
  chosen: Map<number, number>,
  flowByDonorClass: Map<string, number>,
): Map<number, FundingShare[]> {
  const out = new Map<number, FundingShare[]>();
  if (!prep.hasDonors) return out;
  prep.classes.forEach((cls, k) => {
    const remaining = cls.donors.map((d) => ({ d, left: flowByDonorClass.get(`${d}_${k}`) ?? 0 }));
    const funded = cls.requests.filter((i) => chosen.has(i)).sort((a, b) => cmp(prep.requests[a]!.req.id, prep.requests[b]!.req.id));
    for (const i of funded) {
      let need = prep.requests[i]!.levels[chosen.get(i)!]!.cost;
      const shares: FundingShare[] = [];
      for (const r of remaining) {
        if (need <= CENT) break;
        if (r.left <= CENT) continue;
        const take = Math.min(need, r.left);
        shares.push({ donor: prep.donors[r.d]!.id, amount: round2(take) });
        r.left -= take;
        need -= take;
      }
      out.set(i, shares);
    }
  });
  return out;
}

/** Whether the donors can pay for a selection: Hall's condition (a few sums) when it applies, else a max-flow. */
export function canPay(prep: Prepared, chosen: Map<number, number>): boolean {
  if (!prep.hasDonors) return true;
  if (prep.donors.length > HALL_MAX_DONORS) return payable(prep, chosen) !== null;
  for (const row of hallRows(prep)) {
    let spent = 0;
    for (const k of row.classes)
      for (const i of prep.classes[k]!.requests) {
        const l = chosen.get(i);
        if (l !== undefined) spent += prep.requests[i]!.levels[l]!.cost;
      }
    if (spent > row.money + CENT) return false;
  }
  return true;
}

/**
 * Pays a given selection from the donors, if it can be paid: a max-flow over donors → classes
 * (small: ≤ 100 donors, few classes). Used for selections the model did not produce (baselines).
 */
export function payable(prep: Prepared, chosen: Map<number, number>): Map<string, number> | null {
  const need = prep.classes.map((cls) =>
    cls.requests.reduce((s, i) => (chosen.has(i) ? s + prep.requests[i]!.levels[chosen.get(i)!]!.cost : s), 0),
  );
  const left = prep.donors.map((d) => d.amount);
  const flow = new Map<string, number>();
  // Greedy on classes with the fewest admitting donors first, then augmenting paths to fix what greedy
  // leaves: a class short of money may take from a donor whose money went to another class, if that
  // class can be paid by someone else.
  const order = need.map((_, k) => k).sort((a, b) => prep.classes[a]!.donors.length - prep.classes[b]!.donors.length || a - b);
  const short = [...need];
  for (const k of order) {
    for (const d of prep.classes[k]!.donors) {
      if (short[k]! <= CENT) break;
      const take = Math.min(short[k]!, left[d]!);
      if (take <= 0) continue;
      left[d]! -= take;
      short[k]! -= take;
      flow.set(`${d}_${k}`, (flow.get(`${d}_${k}`) ?? 0) + take);
    }
  }
  for (const k of order) {
    while (short[k]! > CENT) {
      const pushed = augment(prep, k, short[k]!, left, flow);
      if (pushed <= CENT) return null;
      short[k]! -= pushed;
    }
  }
  return flow;
}

/**
 * One augmenting path (BFS over classes) from the short class `start` to a donor with money left.
 * From class k we may take from a donor d that admits k: if d has money left the path ends; otherwise
 * d's money may move from another class k2 to k, and k2 then looks for another donor (recursion).
 */
function augment(prep: Prepared, start: number, amount: number, left: number[], flow: Map<string, number>): number {
  const get = (d: number, k: number): number => flow.get(`${d}_${k}`) ?? 0;
  const add = (d: number, k: number, v: number): void => void flow.set(`${d}_${k}`, get(d, k) + v);
  // prev.get(k2) = { from: k, donor: d }: d's money moves from k2 to k.
  const prev = new Map<number, { from: number; donor: number }>();
  const queue = [start];
  const seen = new Set([start]);
  while (queue.length) {
    const k = queue.shift()!;
    for (const d of prep.classes[k]!.donors) {
      if (left[d]! <= CENT) continue;
      // Bottleneck along the path back to start.
      let amt = Math.min(amount, left[d]!);
      for (let cur = k; cur !== start;) {
        const p = prev.get(cur)!;
        amt = Math.min(amt, get(p.donor, cur));
        cur = p.from;
      }
      left[d]! -= amt;
      add(d, k, amt);
      for (let cur = k; cur !== start;) {
        const p = prev.get(cur)!;
        add(p.donor, cur, -amt);
        add(p.donor, p.from, amt);
        cur = p.from;
      }
      return amt;
    }
    for (const d of prep.classes[k]!.donors) {
      prep.classes.forEach((_, k2) => {
        if (seen.has(k2) || get(d, k2) <= CENT) return;
        seen.add(k2);
        prev.set(k2, { from: k, donor: d });
        queue.push(k2);
      });
    }
  }
  return 0;
}
