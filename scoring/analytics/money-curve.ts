// The marginal value of money: the optimum re-solved over a range of budgets, with who enters and who
// leaves at each step. It answers a donor's question, "what would CHF 5'000 more buy?".
//
// Money above the budget has to come from somewhere: by default from an unearmarked donor
// ("additional-money") for whatever the donors' amounts do not already cover; with `donor`, the extra
// money raises that donor's amount (earmark included). Below the budget, the budget caps the total.
// Work is reused between budgets, exactly: more money only adds allocations, so the value never falls
// as the budget grows. Budgets are visited from the highest down; an optimum of a higher budget that
// still keeps every rule at a lower one is that budget's optimum too (nothing better exists there, and
// the tie-break, lower cost then id, orders allocations alike at every budget), so only the budgets where
// the previous optimum no longer fits are solved; and once a budget is infeasible, so is every lower one.
import { z } from "zod";
import { round2, fieldProblems, InvalidInputError, type FieldProblem, type SupportLevel, type RunOutcome } from "../domain/index.js";
import {
  feasible,
  fundedOf,
  picksOf,
  selectionOf,
  solveProblem,
  type Pick,
  type AllocationSummary,
  now,
  type Glpk,
} from "../allocation/index.js";
import { prepare, type Problem } from "../problem/index.js";

export const ADDITIONAL_DONOR = "additional-money";

export const MoneyCurveOptionsSchema = z.strictObject({
  /** Lowest budget, CHF (default half the budget). */
  from: z.number().finite().min(0).max(1e9).optional(),
  /** Highest budget, CHF (default 1.5 × the budget). */
  to: z.number().finite().min(0).max(1e9).optional(),
  /** Number of budgets, both ends included (default 21). */
  steps: z.number().int().min(2).max(201).default(21),
  /** The donor whose amount the extra money raises (default: an unearmarked donor of its own). */
  donor: z.string().min(1).max(64).optional(),
  /** Seconds per budget (default 60). */
  timeLimit: z.number().gt(0).max(86_400).default(60),
  /** Reuse a higher budget's optimum where it is proven optimal (default true; false solves every budget, for comparison). */
  reuse: z.boolean().default(true),
});
export type MoneyCurveOptions = z.input<typeof MoneyCurveOptionsSchema>;

export interface CurveChange {
  id: string;
  from: SupportLevel;
  to: SupportLevel;
}

export interface CurvePoint {
  budget: number;
  /** The problem's own budget. */
  base: boolean;
  status: RunOutcome;
  value: number | null;
  delegates: number;
  totalCost: number;
  moneyLeft: number;
  /** Value gained per CHF 1'000 since the previous budget (null at the first, or when either is unsolved). */
  valuePer1000: number | null;
  /** Against the previous budget (the first: against nobody funded): who is funded now and was not, who was and is not, who changed level. */
  entered: Pick[];
  left: Pick[];
  changed: CurveChange[];
  /** The budget whose optimum was proven optimal here without a solve (null when this budget was solved). */
  provenBy: number | null;
  ms: number;
}

export interface MoneyCurve {
  budget: number;
  from: number;
  to: number;
  steps: number;
  /** Who pays for money above the donors' amounts: a donor id, or "additional-money" (unearmarked). */
  extraMoneyFrom: string | null;
  points: CurvePoint[];
  ms: number;
}

/** The problem with budget `b`, the money above the current funds paid as the options say. */
export function withBudget(problem: Problem, b: number, donor?: string): Problem {
  if (!problem.donors?.length || b <= problem.budget) return { ...problem, budget: b };
  if (donor) {
    const extra = b - problem.budget;
    return { ...problem, budget: b, donors: problem.donors.map((d) => (d.id === donor ? { ...d, amount: round2(d.amount + extra) } : d)) };
  }
  const funds = problem.donors.reduce((s, d) => s + d.amount, 0);
  const extra = round2(b - funds);
  return { ...problem, budget: b, donors: extra > 0 ? [...problem.donors, { id: ADDITIONAL_DONOR, amount: extra }] : problem.donors };
}

export async function moneyCurve(problem: Problem, glpk: Glpk, options: MoneyCurveOptions = {}): Promise<MoneyCurve> {
  const t0 = now();
  // Every problem at once: the options' own, then those against the problem.
  const parsed = MoneyCurveOptionsSchema.safeParse(options);
  const problems: FieldProblem[] = parsed.success ? [] : fieldProblems(parsed.error);
  const donor = typeof options.donor === "string" ? options.donor : undefined;
  if (donor !== undefined && !problem.donors?.some((d) => d.id === donor))
    problems.push({ path: "donor", message: `"${donor}" is not a donor of the problem` });
  if (donor === undefined && problem.donors?.some((d) => d.id === ADDITIONAL_DONOR))
    problems.push({
      path: "donor",
      message: `the problem already has a donor "${ADDITIONAL_DONOR}": name the donor the extra money raises`,
    });
  const from = round2(options.from ?? problem.budget * 0.5);
  const to = round2(options.to ?? problem.budget * 1.5);
  if (parsed.success && to <= from) problems.push({ path: "to", message: `must be above from (${from})` });
  if (problems.length || !parsed.success) throw new InvalidInputError(problems);
  const opts = parsed.data;
  if (problems.length) throw new InvalidInputError(problems);

  const budgets = Array.from({ length: opts.steps }, (_, k) => round2(from + ((to - from) * k) / (opts.steps - 1)));
  const answers = await solveDescending(problem, budgets, glpk, opts);
  const points: CurvePoint[] = [];
  let previous: { picks: Pick[]; value: number | null; budget: number } | null = null;
  budgets.forEach((budget, k) => {
    const { status, summary, picks, provenBy, ms } = answers[k]!;
    const value = summary?.value ?? null;
    const before = new Map((previous?.picks ?? []).map((p) => [p.id, p.level]));
    const after = new Map(picks.map((p) => [p.id, p.level]));
    points.push({
      budget,
      base: Math.abs(budget - problem.budget) < 0.005,
      status,
      value,
      delegates: summary?.delegates ?? 0,
      totalCost: summary?.totalCost ?? 0,
      moneyLeft: summary ? round2(budget - summary.totalCost) : budget,
      valuePer1000:
        previous && previous.value !== null && value !== null
          ? round2(((value - previous.value) * 1000) / (budget - previous.budget))
          : null,
      entered: picks.filter((p) => !before.has(p.id)),
      left: (previous?.picks ?? []).filter((p) => !after.has(p.id)),
      changed: picks.flatMap((p) => {
        const was = before.get(p.id);
        return was && was !== p.level ? [{ id: p.id, from: was, to: p.level }] : [];
      }),
      provenBy,
      ms,
    });
    previous = { picks, value, budget };
  });
  return {
    budget: problem.budget,
    from,
    to,
    steps: opts.steps,
    extraMoneyFrom: problem.donors?.length ? (opts.donor ?? ADDITIONAL_DONOR) : null,
    points,
    ms: Math.round(now() - t0),
  };
}

interface Answer {
  status: CurvePoint["status"];
  summary: AllocationSummary | null;
  picks: Pick[];
  provenBy: number | null;
  ms: number;
}

/** Each budget's answer, visiting them from the highest down and solving only where no higher optimum is proven. */
async function solveDescending(
  problem: Problem,
  budgets: number[],
  glpk: Glpk,
  opts: z.infer<typeof MoneyCurveOptionsSchema>,
): Promise<Answer[]> {
  const answers: Answer[] = new Array<Answer>(budgets.length);
  let known: { budget: number; picks: Pick[] } | null = null; // the last optimum found (at a higher budget)
  let infeasibleFrom: number | null = null;
  for (let k = budgets.length - 1; k >= 0; k--) {
    const t0 = now();
    const changed = withBudget(problem, budgets[k]!, opts.donor);
    if (opts.reuse && infeasibleFrom !== null) {
      answers[k] = { status: "infeasible", summary: null, picks: [], provenBy: infeasibleFrom, ms: 0 };
      continue;
    }
    if (opts.reuse && known) {
      const prep = prepare(changed);
      const sel = selectionOf(prep, known.picks);
      if (sel && feasible(prep, sel, new Map())) {
        const solution = { chosen: sel, flows: new Map<string, number>(), units: 0 };
        answers[k] = {
          status: "optimal",
          summary: fundedOf(prep, solution).summary,
          picks: known.picks,
          provenBy: known.budget,
          ms: Math.round(now() - t0),
        };
        continue;
      }
    }
    const solved = await solveProblem(changed, glpk, { timeLimit: opts.timeLimit });
    const picks = solved.solution ? picksOf(solved.prep, solved.solution.chosen) : [];
    answers[k] = {
      status: solved.status,
      summary: solved.solution ? fundedOf(solved.prep, solved.solution).summary : null,
      picks,
      provenBy: null,
      ms: solved.ms,
    };
    // Only a proven optimum proves anything below it; an infeasible budget makes every lower one so.
    known = solved.status === "optimal" ? { budget: budgets[k]!, picks } : null;
    if (solved.status === "infeasible") infeasibleFrom = budgets[k]!;
  }
  return answers;
}
