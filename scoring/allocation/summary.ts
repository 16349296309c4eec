// The figures of an allocation that donors and staff compare: delegates, value, money spent and left,
// the share of women, outreach, regions and money per donor. Part of every result, and what diff()
// and the money curve report.
import { round2, REGION, type AllocationSummary, type FundingShare, type Region } from "../domain/index.js";
import { tally } from "../policy/index.js";
import type { Prepared } from "../problem/index.js";
import { valueOf } from "./evaluate.js";

export type { AllocationSummary };

export function summarise(prep: Prepared, chosen: Map<number, number>, funding: Map<number, FundingShare[]>): AllocationSummary {
  let cost = 0;
  for (const [i, l] of chosen) cost += prep.requests[i]!.levels[l]!.cost;
  // The counts the policy rules are written on (scoring/policy), read once more for the figures.
  const t = tally([...chosen.keys()].map((i) => prep.requests[i]!));
  const regions = Object.fromEntries(REGION.codes.map((r) => [r, t.perRegion.get(r) ?? 0])) as Record<Region, number>;
  const paid = new Map<string, number>();
  for (const shares of funding.values()) for (const s of shares) paid.set(s.donor, (paid.get(s.donor) ?? 0) + s.amount);
  return {
    delegates: t.delegates,
    value: valueOf(prep, chosen) / 100,
    totalCost: round2(cost),
    moneyLeft: round2(prep.problem.budget - cost),
    women: t.women,
    womenShare: t.delegates ? Math.round((t.women / t.delegates) * 10000) / 10000 : null,
    outreach: t.outreach,
    states: t.perState.size,
    regions,
    byDonor: prep.donors.map((d) => ({ donor: d.id, amount: round2(paid.get(d.id) ?? 0) })),
  };
}
