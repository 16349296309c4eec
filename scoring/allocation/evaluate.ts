// Reads a selection (request index → level index) against the problem: its value in units and the
// rules it breaks. Independent of the solver, so it also checks the solver's own answers.
import { payable } from "./funding.js";
import type { Prepared } from "../domain/index.js";
import type { Region } from "../domain/index.js";

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
  return [...violations(prep, chosen)];
}

/**
 * The rules a selection breaks, one at a time (lazily, so that a caller may stop at the first): the
 * money, the donors' earmarks (by `canBePaid`, a max-flow unless told otherwise), the policy, and the
 * locks as overridden by `force` (a request forced in or out, as the counterfactuals do).
 */
export function* violations(
  prep: Prepared,
  chosen: Map<number, number>,
  force: Map<number, "in" | "out"> = new Map(),
  canBePaid: (chosen: Map<number, number>) => boolean = (c) => payable(prep, c) !== null,
): Generator<string> {
  const { policy, budget } = prep.problem;
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
  if (cost > budget + 1e-6) yield `budget: spends CHF ${cost.toFixed(2)} of ${budget}`;
  if (prep.hasDonors && !canBePaid(chosen)) yield "earmarks: the donors' earmarks and amounts cannot pay for this selection";
  if (policy.maxDelegates !== undefined && n > policy.maxDelegates) yield `maxDelegates: ${n} funded, at most ${policy.maxDelegates}`;
  if (policy.maxPerState !== undefined) {
    for (const [s, c] of perState) if (c > policy.maxPerState) yield `maxPerState: ${c} from ${s}, at most ${policy.maxPerState}`;
  }
  if (policy.minWomenShare !== undefined && women < policy.minWomenShare * n - 1e-9) {
    yield `minWomenShare: ${women} of ${n} are women, at least ${policy.minWomenShare} required`;
  }
  for (const [region, min] of Object.entries(policy.regionMin ?? {}) as [Region, number][]) {
    const c = perRegion.get(region) ?? 0;
    if (c < min) yield `regionMin.${region}: ${c} funded, at least ${min}`;
  }
  for (const [region, max] of Object.entries(policy.regionMax ?? {}) as [Region, number][]) {
    const c = perRegion.get(region) ?? 0;
    if (c > max) yield `regionMax.${region}: ${c} funded, at most ${max}`;
  }
  if (policy.minOutreach !== undefined && outreach < policy.minOutreach) yield `minOutreach: ${outreach} from signatories and States not party, at least ${policy.minOutreach}`;
  // Only the locked and the forced can break a lock or a forcing.
  for (const i of new Set([...prep.locked, ...force.keys()])) {
    const r = prep.requests[i]!;
    const f = force.get(r.index);
    const mustIn = f === "in" || (r.req.lock === "in" && f !== "out");
    const mustOut = f === "out" || (r.req.lock === "out" && f !== "in");
    const rule = f ? `force.${r.req.id}` : `lock.${r.req.id}`;
    const what = f ? "forced" : "locked";
    if (mustIn && !chosen.has(r.index)) yield `${rule}: ${what} in but not funded`;
    if (mustOut && chosen.has(r.index)) yield `${rule}: ${what} out but funded`;
  }
}
