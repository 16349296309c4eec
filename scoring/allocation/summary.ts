// The figures of an allocation that donors and staff compare: delegates, value, money spent and left,
// the share of women, outreach, regions and money per donor. Part of every result, and what diff()
// and the money curve report.
import { round2, REGIONS, type AllocationSummary, type FundingShare, type Region } from "../domain/index.js";
import type { Prepared } from "../problem/index.js";
import { valueOf } from "./evaluate.js";

export type { AllocationSummary };

export function summarise(prep: Prepared, chosen: Map<number, number>, funding: Map<number, FundingShare[]>): AllocationSummary {
  let cost = 0;
  let women = 0;
  let outreach = 0;
  const states = new Set<string>();
  const regions = Object.fromEntries(REGIONS.map((r) => [r, 0])) as Record<Region, number>;
  for (const [i, l] of chosen) {
    const r = prep.requests[i]!;
    cost += r.levels[l]!.cost;
    if (r.woman) women++;
    if (r.outreach) outreach++;
    states.add(r.req.state);
    regions[r.req.region]++;
  }
  const paid = new Map<string, number>();
  for (const shares of funding.values()) for (const s of shares) paid.set(s.donor, (paid.get(s.donor) ?? 0) + s.amount);
  return {
    delegates: chosen.size,
    value: valueOf(prep, chosen) / 100,
    totalCost: round2(cost),
    moneyLeft: round2(prep.problem.budget - cost),
    women,
    womenShare: chosen.size ? Math.round((women / chosen.size) * 10000) / 10000 : null,
    outreach,
    states: states.size,
    regions,
    byDonor: prep.donors.map((d) => ({ donor: d.id, amount: round2(paid.get(d.id) ?? 0) })),
  };
}
