// Reads a selection (request index → level index) against the problem: its value in units and the
// rules it breaks. Independent of the solver, so it also checks the solver's own answers.
import { payable } from "./funding.js";
import type { Prepared } from "./prepare.js";
import type { Region } from "./schemas.js";

export function valueOf(prep: Prepared, chosen: Map<number, number>): number {
  let units = 0;
  const states = new Set<string>();
  const regions = new Set<string>();
  for (const [i, li] of chosen) {
    const r = prep.requests[i]!;
    units += r.levels[li]!.units;
    states.add(r.req.state);
    regions.add(r.req.region);
  }
  return units + states.size * prep.stateBonusUnits + regions.size * prep.regionBonusUnits;
}

/** Every rule the selection breaks, in words. An empty list means the selection is feasible. */
export function checkRules(prep: Prepared, chosen: Map<number, number>): string[] {
  const { policy, budget } = prep.problem;
  const broken: string[] = [];
  let cost = 0;
  let women = 0;
  let outreach = 0;
  const perState = new Map<string, number>();
  const perRegion = new Map<Region, number>();
  for (const [i, li] of chosen) {
    const r = prep.requests[i]!;
    cost += r.levels[li]!.cost;
    if (r.woman) women++;
    if (r.outreach) outreach++;
    perState.set(r.req.state, (perState.get(r.req.state) ?? 0) + 1);
    perRegion.set(r.req.region, (perRegion.get(r.req.region) ?? 0) + 1);
  }
  const n = chosen.size;
  if (cost > budget + 1e-6) broken.push(`budget: spends CHF ${cost.toFixed(2)} of ${budget}`);
  if (prep.hasDonors && !payable(prep, chosen)) broken.push("earmarks: the donors' earmarks and amounts cannot pay for this selection");
  if (policy.maxDelegates !== undefined && n > policy.maxDelegates) broken.push(`maxDelegates: ${n} funded, at most ${policy.maxDelegates}`);
  if (policy.maxPerState !== undefined) {
    for (const [s, c] of perState) if (c > policy.maxPerState) broken.push(`maxPerState: ${c} from ${s}, at most ${policy.maxPerState}`);
  }
  if (policy.minWomenShare !== undefined && women < policy.minWomenShare * n - 1e-9) {
    broken.push(`minWomenShare: ${women} of ${n} are women, at least ${policy.minWomenShare} required`);
  }
  for (const [region, min] of Object.entries(policy.regionMin ?? {}) as [Region, number][]) {
    const c = perRegion.get(region) ?? 0;
    if (c < min) broken.push(`regionMin.${region}: ${c} funded, at least ${min}`);
  }
  for (const [region, max] of Object.entries(policy.regionMax ?? {}) as [Region, number][]) {
    const c = perRegion.get(region) ?? 0;
    if (c > max) broken.push(`regionMax.${region}: ${c} funded, at most ${max}`);
  }
  if (policy.minOutreach !== undefined && outreach < policy.minOutreach) broken.push(`minOutreach: ${outreach} from signatories and States not party, at least ${policy.minOutreach}`);
  for (const r of prep.requests) {
    if (r.req.lock === "in" && !chosen.has(r.index)) broken.push(`lock.${r.req.id}: locked in but not funded`);
    if (r.req.lock === "out" && chosen.has(r.index)) broken.push(`lock.${r.req.id}: locked out but funded`);
  }
  return broken;
}
