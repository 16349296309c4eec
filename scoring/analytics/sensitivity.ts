// Sensitivity of the rules: for each policy rule, each lock and each donor's earmark, the optimum
// re-solved with that rule relaxed by one step (one seat more, one delegate fewer required, the share of
// women five points lower, the lock or the earmark lifted), and the value the rule costs: "the regional
// minimum for GRULAC costs 14 points". Every relaxation is solved (in a MIP, a rule that is slack at the
// optimum can still cost value), warm-started from the optimum, which stays feasible when a rule relaxes.
import { z } from "zod";
import { chf, round2 } from "../domain/index.js";
import { parseOrThrow } from "../domain/index.js";
import { picksOf, solveProblem, type Pick } from "../allocation/index.js";
import { REGION_NAMES, type Problem, type Region } from "../domain/index.js";
import { now, type Glpk } from "../allocation/index.js";
import { summarise, type AllocationSummary } from "../allocation/index.js";

export const SensitivityOptionsSchema = z.strictObject({
  /** How far the share of women is lowered (default 0.05: five percentage points). */
  womenShareStep: z.number().gt(0).max(1).default(0.05),
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
  status: "optimal" | "time-limit" | "infeasible";
  /** Points the rule costs: the relaxed optimum's value minus the optimum's (null when the re-solve did not finish). */
  cost: number | null;
  entered: Pick[];
  left: Pick[];
  text: string;
}

export interface Sensitivities {
  status: "optimal" | "time-limit" | "infeasible";
  value: number | null;
  /** Binding rules first (highest cost first), then the rest, each in the order above. */
  rules: RuleSensitivity[];
  ms: number;
}

interface Relaxation {
  rule: string;
  stated: number | string;
  relaxedTo: number | null;
  tight: (s: AllocationSummary, perState: number) => boolean;
  name: string;
  problem: Problem;
}

function relaxations(problem: Problem, step: number, locks: boolean, earmarks: boolean): Relaxation[] {
  const p = problem.policy;
  const out: Relaxation[] = [];
  const withPolicy = (policy: Problem["policy"]): Problem => ({ ...problem, policy });
  if (p.maxDelegates !== undefined) {
    out.push({ rule: "maxDelegates", stated: p.maxDelegates, relaxedTo: p.maxDelegates + 1, name: `the limit of ${plural(p.maxDelegates, "delegate")}`,
      tight: (s) => s.delegates >= p.maxDelegates!, problem: withPolicy({ ...p, maxDelegates: p.maxDelegates + 1 }) });
  }
  if (p.maxPerState !== undefined) {
    out.push({ rule: "maxPerState", stated: p.maxPerState, relaxedTo: p.maxPerState + 1, name: `the limit of ${plural(p.maxPerState, "delegate")} per State`,
      tight: (_, perState) => perState >= p.maxPerState!, problem: withPolicy({ ...p, maxPerState: p.maxPerState + 1 }) });
  }
  if (p.minWomenShare !== undefined && p.minWomenShare > 0) {
    const to = round2(Math.max(0, p.minWomenShare - step));
    out.push({ rule: "minWomenShare", stated: p.minWomenShare, relaxedTo: to, name: `the minimum share of women (${p.minWomenShare})`,
      tight: (s) => s.women - 1 < p.minWomenShare! * s.delegates - 1e-9, problem: withPolicy({ ...p, minWomenShare: to }) });
  }
  for (const [region, min] of Object.entries(p.regionMin ?? {}) as [Region, number][]) {
    if (min <= 0) continue;
    out.push({ rule: `regionMin.${region}`, stated: min, relaxedTo: min - 1, name: `the regional minimum for ${region} (${REGION_NAMES[region]}, at least ${min})`,
      tight: (s) => s.regions[region] <= min, problem: withPolicy({ ...p, regionMin: { ...p.regionMin, [region]: min - 1 } }) });
  }
  for (const [region, max] of Object.entries(p.regionMax ?? {}) as [Region, number][]) {
    out.push({ rule: `regionMax.${region}`, stated: max, relaxedTo: max + 1, name: `the regional maximum for ${region} (${REGION_NAMES[region]}, at most ${max})`,
      tight: (s) => s.regions[region] >= max, problem: withPolicy({ ...p, regionMax: { ...p.regionMax, [region]: max + 1 } }) });
  }
  if (p.minOutreach !== undefined && p.minOutreach > 0) {
    out.push({ rule: "minOutreach", stated: p.minOutreach, relaxedTo: p.minOutreach - 1, name: `the outreach minimum (at least ${p.minOutreach} from signatories and States not party)`,
      tight: (s) => s.outreach <= p.minOutreach!, problem: withPolicy({ ...p, minOutreach: p.minOutreach - 1 }) });
  }
  if (locks) {
    problem.requests.forEach((r, i) => {
      if (!r.lock) return;
      const { lock: _lock, ...unlocked } = r;
      out.push({ rule: `lock.${r.id}`, stated: `locked ${r.lock}`, relaxedTo: null, name: `the lock of ${r.id} (${r.lock})`, tight: () => true,
        problem: { ...problem, requests: problem.requests.map((q, k) => (k === i ? unlocked : q)) } });
    });
  }
  if (earmarks) {
    (problem.donors ?? []).forEach((d, i) => {
      if (!d.regions && !d.statuses && !d.states) return;
      const terms = [d.regions && `regions ${d.regions.join(", ")}`, d.statuses && `status ${d.statuses.join(", ")}`, d.states && `States ${d.states.join(", ")}`].filter(Boolean).join("; ");
      out.push({ rule: `earmark.${d.id}`, stated: terms, relaxedTo: null, name: `${d.id}'s earmark (${terms}; CHF ${chf(d.amount)})`, tight: () => true,
        problem: { ...problem, donors: problem.donors!.map((x, k) => (k === i ? { id: x.id, amount: x.amount } : x)) } });
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
  const byState = new Map<string, number>();
  for (const i of base.solution.chosen.keys()) {
    const state = base.prep.requests[i]!.req.state;
    byState.set(state, (byState.get(state) ?? 0) + 1);
  }
  const perState = Math.max(0, ...byState.values());
  const picks = picksOf(base.prep, base.solution.chosen);
  const rules: RuleSensitivity[] = [];
  for (const rel of relaxations(problem, opts.womenShareStep, opts.locks, opts.earmarks)) {
    const out = await solveProblem(rel.problem, glpk, { incumbent: opts.warmStart ? picks : undefined, timeLimit: opts.timeLimit });
    const value = out.solution ? summarise(out.prep, out.solution.chosen, new Map()).value : null;
    const cost = base.status === "optimal" && out.status === "optimal" && value !== null ? round2(Math.max(0, value - summary.value)) : null;
    const now2 = out.solution ? picksOf(out.prep, out.solution.chosen) : [];
    const was = new Set(picks.map((p) => p.id));
    const is = new Set(now2.map((p) => p.id));
    const entered = now2.filter((p) => !was.has(p.id));
    const left = picks.filter((p) => !is.has(p.id));
    const relaxedWord = rel.relaxedTo === null ? "lifted" : `relaxed to ${rel.relaxedTo}`;
    const text =
      cost === null
        ? `${rel.name}: the re-solve with the rule ${relaxedWord} did not finish (${out.status})`
        : cost > 0
          ? `${capitalise(rel.name)} costs ${cost} points: ${relaxedWord}, ${entered.map((p) => p.id).join(", ") || "nobody"} would enter and ${left.map((p) => p.id).join(", ") || "nobody"} would leave`
          : `${capitalise(rel.name)} costs nothing: ${relaxedWord}, the optimum stays the same value`;
    rules.push({ rule: rel.rule, stated: rel.stated, relaxedTo: rel.relaxedTo, tight: rel.tight(summary, perState), status: out.status, cost, entered, left, text });
  }
  const order = rules.map((r, k) => ({ r, k }));
  order.sort((a, b) => (b.r.cost ?? 0) - (a.r.cost ?? 0) || a.k - b.k);
  return { status: base.status, value: summary.value, rules: order.map((o) => o.r), ms: Math.round(now() - t0) };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
