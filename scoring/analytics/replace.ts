// Replacement: funded delegates decline, cannot travel, or let their offer expire. Everyone else keeps
// the offer they have (locked in at the same support level), the released stay out, and the optimiser
// proposes the best replacement(s) for the money freed and any money left, with every rule (budget,
// earmarks, seats, women share, regions, outreach) still holding. When no replacement can keep the rules
// with everyone else kept, the answer is infeasible with the diagnosis of what cannot hold.
import { z } from "zod";
import { diagnose } from "../explanations/index.js";
import { plural } from "../policy/index.js";
import {
  chf,
  GENDER,
  OFFER_STATE,
  REGION,
  round2,
  stateName,
  SUPPORT_LEVEL,
  InvalidInputError,
  parseOrThrow,
  type FieldProblem,
  FundingShareSchema,
  SupportLevelSchema,
  type Diagnosis,
  type FundedRequest,
  type SupportLevel,
  type RunOutcome,
  type ReplacementCause,
} from "../domain/index.js";
import { prepare, type Prepared, type Problem } from "../problem/index.js";
import { fundedOf, selectionOf, solveProblem, now, Deadline, type Glpk, summarise, type AllocationSummary } from "../allocation/index.js";

/** What replace() reads of a published result: the funded requests, their levels and who pays. */
export const PriorResultSchema = z.looseObject({
  funded: z
    .array(z.looseObject({ id: z.string().min(1).max(64), level: SupportLevelSchema, funding: z.array(FundingShareSchema).optional() }))
    .max(100_000),
});
/** Any result with a funded list: allocate()'s, a replacement's, or one read back from a file. */
export interface PriorResult {
  funded: readonly { id: string; level: SupportLevel; funding?: readonly { donor: string; amount: number }[] }[];
}

export const DeclinedSchema = z.array(z.string().min(1).max(64)).min(1, "name at least one funded request").max(10_000);

export const ExpiredOfferSchema = z.strictObject({
  id: z.string().min(1).max(64),
  deadline: z.iso.datetime({ offset: true }).or(z.iso.date()),
});
export const ExpiredOffersSchema = z.array(ExpiredOfferSchema).min(1, "name at least one expired offer").max(10_000);
export type ExpiredOffer = z.infer<typeof ExpiredOfferSchema>;

export interface Released {
  id: string;
  level: SupportLevel;
  cost: number;
  reason: string;
}

export interface ReplacementResult {
  status: RunOutcome;
  cause: ReplacementCause;
  released: Released[];
  /** Money the released offers free, CHF. */
  freed: number;
  /** Funded delegates kept at their level. */
  kept: number;
  /** Who is proposed in their place (empty when nothing that fits adds value). */
  replacements: FundedRequest[];
  /** The value and the whole allocation after the replacement (null and empty when infeasible). */
  value: number | null;
  funded: FundedRequest[];
  before: AllocationSummary;
  after: AllocationSummary | null;
  /** Value after minus value before, points. */
  valueChange: number | null;
  diagnosis: Diagnosis | null;
  text: string;
  ms: number;
}

export interface ReplaceOptions {
  /** Seconds for the whole answer (default 60). */
  timeLimit?: number;
}

/** Funded delegates who declined or cannot travel: the best replacements with everyone else kept. */
export async function replace(
  problem: Problem,
  result: PriorResult,
  declined: readonly string[],
  glpk: Glpk,
  opts: ReplaceOptions = {},
): Promise<ReplacementResult> {
  const ids = parseOrThrow(DeclinedSchema, declined, "declined");
  return reallocate(
    problem,
    result,
    ids.map((id) => ({ id, reason: "declined or cannot travel" })),
    "declined",
    glpk,
    opts,
    "declined",
  );
}

/** Offers whose acceptance deadline passed: released like declined ones, each with its deadline as the reason. */
export async function release(
  problem: Problem,
  result: PriorResult,
  expiredOffers: readonly ExpiredOffer[],
  glpk: Glpk,
  opts: ReplaceOptions = {},
): Promise<ReplacementResult> {
  const offers = parseOrThrow(ExpiredOffersSchema, expiredOffers, "expiredOffers");
  return reallocate(
    problem,
    result,
    offers.map((o) => ({ id: o.id, reason: `offer not accepted by its deadline (${o.deadline})` })),
    "expired",
    glpk,
    opts,
    "expiredOffers",
  );
}

/** The released ids, each funded in the result and named once (every problem by its path otherwise). */
function releasedOnce(released: readonly { id: string }[], funded: ReadonlyMap<string, unknown>, field: string): Set<string> {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  released.forEach((r, i) => {
    const path = field === "declined" ? `declined[${i}]` : `expiredOffers[${i}].id`;
    if (!funded.has(r.id)) problems.push({ path, message: `"${r.id}" is not funded in the result` });
    else if (seen.has(r.id)) problems.push({ path, message: `"${r.id}" is named twice` });
    seen.add(r.id);
  });
  if (problems.length) throw new InvalidInputError(problems);
  return seen;
}

async function reallocate(
  problem: Problem,
  prior: PriorResult,
  released: { id: string; reason: string }[],
  cause: ReplacementResult["cause"],
  glpk: Glpk,
  opts: ReplaceOptions,
  field: string,
): Promise<ReplacementResult> {
  const t0 = now();
  const result = parseOrThrow(PriorResultSchema, prior, "result");
  const prep = prepare(problem);
  const before = priorSelection(prep, result);
  const funded = new Map(result.funded.map((f) => [f.id, f]));
  const seen = releasedOnce(released, funded, field);

  // Everyone funded and not released: locked in at their level. The released: locked out.
  const changed: Problem = {
    ...problem,
    requests: problem.requests.map((r) => {
      const f = funded.get(r.id);
      if (seen.has(r.id)) return { ...r, lock: "out" as const };
      if (f) return { ...r, lock: "in" as const, levels: r.levels.filter((l) => l.level === f.level) };
      return r;
    }),
  };
  const releasedOut: Released[] = released.map((r) => {
    const f = funded.get(r.id)!;
    const lv = prep.byId.get(r.id)!.levels.find((l) => l.level === f.level)!;
    return { id: r.id, level: f.level, cost: lv.cost, reason: r.reason };
  });
  const freed = round2(releasedOut.reduce((s, r) => s + r.cost, 0));
  const beforeSummary = summarise(
    prep,
    before,
    new Map([...before.keys()].map((i) => [i, funded.get(prep.requests[i]!.req.id)!.funding ?? []])),
  );
  const kept = result.funded.length - released.length;
  const common = { cause, released: releasedOut, freed, kept, before: beforeSummary };

  const deadline = Deadline.after(opts.timeLimit ?? 60);
  const solved = await solveProblem(changed, glpk, { timeLimit: deadline });
  if (!solved.solution) {
    const diagnosis = solved.status === "infeasible" ? await diagnose(solved.prep, glpk, deadline) : null;
    const why = diagnosis ? diagnosis.text : "The time limit passed before any allocation was found.";
    return {
      ...common,
      status: solved.status,
      replacements: [],
      value: null,
      funded: [],
      after: null,
      valueChange: null,
      diagnosis,
      text: `No replacement keeps every rule with the ${plural(kept, "other funded delegate", "other funded delegates")} kept. ${why}`,
      ms: Math.round(now() - t0),
    };
  }
  const { funded: after, summary } = fundedOf(solved.prep, solved.solution);
  const replacements = after.filter((f) => !funded.has(f.id));
  const valueChange = round2(summary.value - beforeSummary.value);
  return {
    ...common,
    status: solved.status,
    replacements,
    value: summary.value,
    funded: after,
    after: summary,
    valueChange,
    diagnosis: null,
    text: replacementText(prep, { released: releasedOut, cause, freed, replacements, kept, valueChange, left: summary.moneyLeft }),
    ms: Math.round(now() - t0),
  };
}

/** The proposal in words: who is released and why, what it frees, who is proposed (their State, gender, group, level, cost). */
function replacementText(
  prep: Prepared,
  p: {
    released: Released[];
    cause: ReplacementCause;
    freed: number;
    replacements: FundedRequest[];
    kept: number;
    valueChange: number;
    left: number;
  },
): string {
  const who = p.replacements.length
    ? `${p.replacements
        .map(
          (r) =>
            `${r.id} (${stateName(r.state)}: ${GENDER.say(r.gender)}, ${REGION.say(r.region)}, ${SUPPORT_LEVEL.say(r.level)}, CHF ${chf(r.cost)})`,
        )
        .join(", ")} proposed in their place`
    : "no request that fits the rules and the money adds value; the money stays unspent";
  const released = p.released.map((r) => `${r.id} (${stateName(prep.byId.get(r.id)!.req.state)})`).join(", ");
  const others = p.kept === 1 ? "The 1 other keeps its offer" : `The ${p.kept} others keep their offers`;
  return `${released} released (${OFFER_STATE.say(p.cause)}), CHF ${chf(p.freed)} freed; ${who}. ${others}; value ${p.valueChange >= 0 ? "+" : ""}${p.valueChange} points, CHF ${chf(p.left)} left.`;
}

/** The prior result's selection in this problem; every funded id and level must be the problem's. */
function priorSelection(prep: Prepared, result: PriorResult): Map<number, number> {
  const problems: FieldProblem[] = [];
  result.funded.forEach((f, i) => {
    const r = prep.byId.get(f.id);
    if (!r) problems.push({ path: `result.funded[${i}].id`, message: `"${f.id}" is not a request of the problem` });
    else if (!r.levels.some((l) => l.level === f.level))
      problems.push({ path: `result.funded[${i}].level`, message: `"${f.id}" has no "${f.level}" support level in the problem` });
  });
  if (problems.length) throw new InvalidInputError(problems);
  return selectionOf(prep, result.funded)!;
}
