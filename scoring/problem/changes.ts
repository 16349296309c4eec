// What changed between the round as a run solved it and the round as it stands now, in words for the
// person about to approve the run: the money, the weights, the rules, the contributions, and each request
// that entered or left the running or whose points, costs or eligibility moved ("13MSP-005 (Lao People's
// Democratic Republic): 36.38 points then, 34.58 now"). An empty list: the run is of the round as it is.
import { chfIn, CRITERION, SUPPORT_LEVEL } from "../domain/index.js";
import { fieldInWords } from "../policy/index.js";
import type { Problem, ProblemRequest } from "./schema.js";

/** A round as solved or as it stands: its problem file and each request's total points. */
export interface RoundAsScored {
  problem: Problem;
  totals: ReadonlyMap<string, number>;
}

/** How many changes are listed one by one; the rest are counted. */
export const CHANGES_LISTED = 12;

const points = (x: number) => x.toFixed(2);
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The changes, most general first (money, weights, rules, contributions), then request by request. */
export function changesSince(then: RoundAsScored, now: RoundAsScored, stateName: (iso3: string) => string): string[] {
  const out = [...roundChanges(then.problem, now.problem)];
  const before = new Map(then.problem.requests.map((r) => [r.id, r]));
  const after = new Map(now.problem.requests.map((r) => [r.id, r]));
  const named = (r: ProblemRequest) => `${r.id} (${stateName(r.state)})`;
  for (const [id, r] of after) if (!before.has(id)) out.push(`${named(r)} has entered the running since the run.`);
  for (const [id, r] of before)
    if (!after.has(id)) out.push(`${named(r)} is no longer in the running (withdrawn or decided since the run).`);
  for (const [id, b] of before) {
    const a = after.get(id);
    if (a) out.push(...requestChanges(named(a), b, a, then.totals.get(id), now.totals.get(id)));
  }
  if (out.length <= CHANGES_LISTED) return out;
  return [...out.slice(0, CHANGES_LISTED), `and ${out.length - CHANGES_LISTED} more changes.`];
}

function roundChanges(then: Problem, now: Problem): string[] {
  const out: string[] = [];
  if (then.budget !== now.budget) out.push(`The money available: ${chfIn("en", then.budget)} then, ${chfIn("en", now.budget)} now.`);
  const weights = CRITERION.codes.filter((c) => then.weights[c] !== now.weights[c]);
  if (weights.length)
    out.push(
      `The weights: ${weights.map((c) => `${CRITERION.say(c).toLowerCase()} ${then.weights[c]} then, ${now.weights[c]} now`).join("; ")}.`,
    );
  const keys = [...new Set([...Object.keys(then.policy), ...Object.keys(now.policy)])].sort();
  const rules = keys.filter((k) => !same((then.policy as Record<string, unknown>)[k], (now.policy as Record<string, unknown>)[k]));
  if (rules.length) out.push(`The rules: ${rules.map((k) => fieldInWords(`policy.${k}`).toLowerCase()).join("; ")} changed.`);
  if (!same(then.donors, now.donors)) out.push("The donors' contributions or their earmarks changed.");
  return out;
}

function requestChanges(name: string, b: ProblemRequest, a: ProblemRequest, before?: number, after?: number): string[] {
  const out: string[] = [];
  if (before !== undefined && after !== undefined && Math.abs(before - after) >= 0.005)
    out.push(`${name}: ${points(before)} points then, ${points(after)} now.`);
  const costs = (r: ProblemRequest) => r.levels.map((l) => `${SUPPORT_LEVEL.say(l.level)} ${chfIn("en", l.cost)}`).join(", ");
  if (!same(b.levels, a.levels)) out.push(`${name}: its costs were ${costs(b)}; they are ${costs(a)}.`);
  if (!!b.ineligible !== !!a.ineligible) out.push(`${name}: ${a.ineligible ? "no longer eligible" : "now eligible"}.`);
  else if (b.lock !== a.lock)
    out.push(`${name}: ${a.lock === "in" ? "now locked in" : a.lock === "out" ? "now locked out" : "no longer locked"}.`);
  return out;
}
