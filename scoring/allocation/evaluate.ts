// Reads a selection (request index → level index) against the problem: its value in units and the
// rules it breaks. Independent of the solver, so it also checks the solver's own answers.
import { chf } from "../domain/index.js";
import { payable } from "./funding.js";
import { tally } from "../policy/index.js";
import type { Prepared, PreparedRequest } from "../problem/index.js";

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
export function checkRules(prep: Prepared, chosen: Map<number, number>): Violation[] {
  return [...violations(prep, chosen)];
}

/**
 * A rule broken by a selection: the rule instance's id ("maxPerState", "regionMin.EEG"), "budget",
 * "earmarks", "lock.ID" or "eligibility.ID" (an ineligible request funded), and the staff's sentence.
 */
export interface Violation {
  rule: string;
  text: string;
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
): Generator<Violation> {
  const { budget } = prep.problem;
  let cost = 0;
  const selected: PreparedRequest[] = [];
  for (const [i, li] of chosen) {
    const r = prep.requests[i]!;
    cost += r.levels[li]!.cost;
    selected.push(r);
  }
  if (cost > budget + 1e-6) yield { rule: "budget", text: `spends CHF ${chf(cost)}, more than the budget of CHF ${chf(budget)}` };
  if (prep.hasDonors && !canBePaid(chosen))
    yield { rule: "earmarks", text: "the donors' earmarks and amounts cannot pay for this selection" };
  const t = tally(selected);
  for (const inst of prep.rules) for (const text of inst.rule.broken?.(t, inst.bound, inst.scope) ?? []) yield { rule: inst.id, text };
  // Only the locked and the forced can break a lock or a forcing.
  for (const i of new Set([...prep.locked, ...force.keys()])) {
    const r = prep.requests[i]!;
    const f = force.get(r.index);
    const mustIn = f === "in" || (r.req.lock === "in" && f !== "out");
    const mustOut = f === "out" || (r.req.lock === "out" && f !== "in");
    const who = `${r.req.id} (${r.req.state})`;
    const what = f ? "forced" : "locked";
    if (mustIn && !chosen.has(r.index)) yield { rule: `lock.${r.req.id}`, text: `${who} is ${what} in but not funded` };
    // An ineligible request is locked out by its eligibility, not by staff: said so.
    if (mustOut && chosen.has(r.index))
      yield r.req.ineligible && !f
        ? { rule: `eligibility.${r.req.id}`, text: `${who} is not eligible but funded` }
        : { rule: `lock.${r.req.id}`, text: `${who} is ${what} out but funded` };
  }
}
