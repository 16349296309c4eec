// Sensitivity of the rules: for each policy rule, each lock and each donor's earmark, the optimum
// re-solved with that rule relaxed by one step (one seat more, one delegate fewer required, the share of
// women five points lower, the lock or the earmark lifted), and the value the rule costs: "the regional
// minimum for GRULAC costs 14 points". Every relaxation is solved (in a MIP, a rule that is slack at the
// optimum can still cost value), warm-started from the optimum, which stays feasible when a rule relaxes.
import { z } from "zod";
import { now, picksOf, solveProblem, summarise, type Glpk, type Pick } from "../allocation/index.js";
import { capitalised, chf, parseOrThrow, REGION, round2, type RunOutcome } from "../domain/index.js";
import { instancesOf, percent, RULE_IDS, statusWords, tally, withBound, type PolicyKey, type Tally } from "../policy/index.js";
import type { Problem } from "../problem/index.js";

export const SensitivityOptionsSchema = z.strictObject({
  /** How far the share of women is lowered (default: the rule's own step, 0.05: five percentage points). */
  womenShareStep: z.number().gt(0).max(1).optional(),
  /** Another step for any policy rule, by its key (default: the rule's own, scoring/policy/rules/). */
  steps: z.record(z.string(), z.number().gt(0).max(1000)).default({}),
  /** Also price the locks (default true) and the donors' earmarks (default true). */
  locks: z.boolean().default(true),
  earmarks: z.boolean().default(true),
  /** Seconds per re-solve (default 60). */
  timeLimit: z.number().gt(0).max(86_400).default(60),
  /** Start each re-solve from the optimum, which stays feasible (default true; false: from scratch, for comparison). */
  warmStart: z.boolean().default(true),
});
export type SensitivityOptions = z.input<typeof SensitivityOptionsSchema>;

export interface RuleSensitivity {
  /** maxDelegates, maxPerState, minWomenShare, regionMin.AFR, regionMax.WEOG, minOutreach, lock.R-001, earmark.AUS */
  rule: string;
  /** The rule as written (a number; for locks and earmarks, a description). */
  stated: number | string;
  /** The rule relaxed by one step (null: lifted). */
  relaxedTo: number | null;
  /** Whether the optimum sits at the rule's limit. */
  tight: boolean;
  status: RunOutcome;
  /** Points the rule costs: the relaxed optimum's value minus the optimum's (null when the re-solve did not finish). */
  cost: number | null;
  entered: Pick[];
  left: Pick[];
  text: string;
}

export interface Sensitivities {
  status: RunOutcome;
  value: number | null;
  /** Binding rules first (highest cost first), then the rest, each in the order above. */
  rules: RuleSensitivity[];
  ms: number;
}

interface Relaxation {
  rule: string;
  stated: number | string;
  relaxedTo: number | null;
  /** The relaxed bound as the sentence says it (a share as a percentage). */
  relaxedWords?: string;
  tight: (t: Tally) => boolean;
  name: string;
  problem: Problem;
}

function relaxations(problem: Problem, steps: Partial<Record<PolicyKey, number>>, locks: boolean, earmarks: boolean): Relaxation[] {
  const out: Relaxation[] = [];
  // Each policy rule relaxed by one step (its own, unless the options give another): a maximum up, a minimum down.
  for (const inst of instancesOf(problem.policy)) {
    const { rule, scope, bound } = inst;
    if (rule.sense === "bonus" || !rule.sensitivityName) continue;
    const step = steps[rule.key as PolicyKey] ?? rule.step;
    const to = rule.sense === "max" ? round2(bound + step) : round2(Math.max(0, bound - step));
    out.push({
      rule: inst.id,
      stated: bound,
      relaxedTo: to,
      relaxedWords: rule.field === "share" ? percent(to) : String(to),
      name: rule.sensitivityName(bound, scope),
      tight: (t) => rule.tight?.(t, bound, scope) ?? false,
      problem: { ...problem, policy: withBound(problem.policy, inst, to) },
    });
  }
  if (locks) {
    problem.requests.forEach((r, i) => {
      // Eligibility is not a lock staff can lift: an ineligible request is not priced.
      if (!r.lock || r.ineligible) return;
      const { lock: _lock, ...unlocked } = r;
      out.push({
        rule: RULE_IDS.lock(r.id),
        stated: `locked ${r.lock}`,
        relaxedTo: null,
        name: `the lock of ${r.id} (${r.state}, locked ${r.lock})`,
        tight: () => true,
        problem: { ...problem, requests: problem.requests.map((q, k) => (k === i ? unlocked : q)) },
      });
    });
  }
  if (earmarks) {
    (problem.donors ?? []).forEach((d, i) => {
      if (!d.regions && !d.statuses && !d.states) return;
      const terms = [
        d.regions && `for the ${d.regions.map((g) => REGION.say(g)).join(" or the ")}`,
        d.statuses && `for ${d.statuses.map((x) => statusWords("en", x)).join(" or ")}`,
        d.states && `for ${d.states.join(", ")}`,
      ]
        .filter(Boolean)
        .join("; ");
      out.push({
        rule: RULE_IDS.earmark(d.id),
        stated: terms,
        relaxedTo: null,
        name: `${d.id}'s earmark (${terms}; CHF ${chf(d.amount)})`,
        tight: () => true,
        problem: { ...problem, donors: problem.donors!.map((x, k) => (k === i ? { id: x.id, amount: x.amount } : x)) },
      });
    });
  }
  return out;
}

export async function sensitivities(problem: Problem, glpk: Glpk, options: SensitivityOptions = {}): Promise<Sensitivities> {
  const t0 = now();
  const opts = parseOrThrow(SensitivityOptionsSchema, options);
  const base = await solveProblem(problem, glpk, { timeLimit: opts.timeLimit });
  if (!base.solution) return { status: base.status, value: null, rules: [], ms: Math.round(now() - t0) };
  const summary = summarise(base.prep, base.solution.chosen, new Map());
  const t = tally([...base.solution.chosen.keys()].map((i) => base.prep.requests[i]!));
  const picks = picksOf(base.prep, base.solution.chosen);
  const rules: RuleSensitivity[] = [];
  // womenShareStep is the older name of steps.minWomenShare (the CLI's --women-step): one mechanism.
  const steps = { ...(opts.womenShareStep === undefined ? {} : { minWomenShare: opts.womenShareStep }), ...opts.steps };
  for (const rel of relaxations(problem, steps, opts.locks, opts.earmarks)) {
    const out = await solveProblem(rel.problem, glpk, { incumbent: opts.warmStart ? picks : undefined, timeLimit: opts.timeLimit });
    const value = out.solution ? summarise(out.prep, out.solution.chosen, new Map()).value : null;
    const cost =
      base.status === "optimal" && out.status === "optimal" && value !== null ? round2(Math.max(0, value - summary.value)) : null;
    const now2 = out.solution ? picksOf(out.prep, out.solution.chosen) : [];
    const was = new Set(picks.map((p) => p.id));
    const is = new Set(now2.map((p) => p.id));
    const entered = now2.filter((p) => !was.has(p.id));
    const left = picks.filter((p) => !is.has(p.id));
    const relaxedWord = rel.relaxedTo === null ? "lifted" : `relaxed to ${rel.relaxedWords ?? rel.relaxedTo}`;
    const text =
      cost === null
        ? `${rel.name}: the re-solve with the rule ${relaxedWord} did not finish (${out.status})`
        : cost > 0
          ? `${capitalised(rel.name)} costs ${cost} points: ${relaxedWord}, ${entered.map((p) => p.id).join(", ") || "nobody"} would enter and ${left.map((p) => p.id).join(", ") || "nobody"} would leave`
          : `${capitalised(rel.name)} costs nothing: ${relaxedWord}, the optimum stays the same value`;
    rules.push({
      rule: rel.rule,
      stated: rel.stated,
      relaxedTo: rel.relaxedTo,
      tight: rel.tight(t),
      status: out.status,
      cost,
      entered,
      left,
      text,
    });
  }
  const order = rules.map((r, k) => ({ r, k }));
  order.sort((a, b) => (b.r.cost ?? 0) - (a.r.cost ?? 0) || a.k - b.k);
  return { status: base.status, value: summary.value, rules: order.map((o) => o.r), ms: Math.round(now() - t0) };
}
