// score(request, state, rules): 0–100 points per criterion, each with the reasons that produced them
// (rule, points, evidence), so that every number can be traced. Also turns scored requests into the
// problem file's requests (support levels and their costs).
import { z } from "zod";
import { type Condition, type Fact, type Rule, type RuleSet, factInWords } from "./rules.js";
import {
  CRITERION,
  type CriteriaScores,
  type Criterion,
  GenderSchema,
  type State,
  SupportLevelSchema,
  type SupportLevel,
  type Weights,
  round2,
  INTEREST_REVIEW,
  MEETING_ROLE,
  flattenControls,
  oneLine,
} from "../domain/index.js";
import { type ProblemRequest, weightedScore } from "../problem/index.js";
import { rotationFactor, type RotationFacts } from "./rotation.js";
import { factDefinition, FACT_LIST } from "./facts.js";
import { fixedRegions, type UnderrepresentedRegions } from "./regions.js";

const Iso3 = z.string().regex(/^[A-Z]{3}$/, "must be an ISO 3166-1 alpha-3 code in capitals, e.g. LAO");
const Money = z.number().finite().min(0).max(1e6);

/** A sponsorship request with the attributes the rules read (personal contact data is optional here). */
export const RequestAttributesSchema = z.strictObject({
  id: z.string().min(1).max(64),
  state: Iso3,
  /** The ISU's key for the person across rounds (for rotation; see rotation.ts). */
  delegateId: z.string().min(1).max(64).optional(),
  name: oneLine(200).optional(),
  gender: GenderSchema,
  title: oneLine(200).optional(),
  organisation: oneLine(200).optional(),
  email: z.email().optional(),
  /** The language the applicant writes in (English, French, Spanish): their messages come in it. */
  language: z.enum(["en", "fr", "es"]).optional(),
  expertise: z
    .array(oneLine(100).pipe(z.string().min(1)))
    .max(20)
    .default([]),
  role: z.enum(MEETING_ROLE.codes).default("none"),
  operationalExpertise: z.boolean().default(false),
  technicalRating: z.number().min(0).max(5).optional(),
  survivor: z.boolean().default(false),
  firstParticipation: z.boolean().default(false),
  previousSponsorships: z.number().int().min(0).max(50).default(0),
  interestEvidence: z.string().max(2000).default(""),
  justification: z.string().max(5000).default(""),
  submittedAt: z.iso.datetime({ offset: true }),
  travel: z.strictObject({
    airTicket: Money,
    nights: z.number().int().min(0).max(60).optional(),
    allowanceRate: Money.optional(),
    terminal: Money.default(0),
  }),
  acceptedLevels: z.array(SupportLevelSchema).min(1).max(3).default(["full"]),
  lock: z.enum(["in", "out"]).optional(),
  /** Staff's review of the evidence of interest (its own route; an applicant cannot set it). */
  interestReview: z
    .strictObject({ decision: z.enum(INTEREST_REVIEW), note: z.string().max(2000), by: z.string().max(200), on: z.iso.date() })
    .optional(),
  /** Admitted by the ISU although no eligibility path holds (its own route, with a justification). */
  exception: z.strictObject({ justification: z.string().min(1).max(2000), by: z.string().max(200), on: z.iso.date() }).optional(),
});
export type RequestAttributes = z.infer<typeof RequestAttributesSchema>;

/** The one-line texts of a request (oneLine above), besides the areas of expertise. */
const ONE_LINE_TEXTS = ["name", "title", "organisation"] as const;

/**
 * A request's attributes as stored (JSON). Those stored before the one-line rule (a name, title,
 * organisation or area of expertise with a line break, accepted until issue 30) are read with such
 * characters as spaces, so that no old row stops a page; every new write is checked by the schema.
 */
export function storedRequestAttributes(json: string): RequestAttributes {
  const raw = JSON.parse(json) as Record<string, unknown>;
  for (const key of ONE_LINE_TEXTS) {
    const value = raw[key];
    if (typeof value === "string") raw[key] = flattenControls(value);
  }
  if (Array.isArray(raw.expertise)) raw.expertise = raw.expertise.map((x: unknown) => (typeof x === "string" ? flattenControls(x) : x));
  return RequestAttributesSchema.parse(raw);
}

export interface Reason {
  rule: string;
  label: string;
  /** The label in French and Spanish, when the rule set gives them (the engine's own reasons always do). */
  labels?: { fr?: string; es?: string };
  points: number;
  evidence: string;
}

export interface RequestScore {
  criteria: CriteriaScores;
  reasons: Record<Criterion, Reason[]>;
}

type FactValue = string | number | boolean;

const NO_HISTORY: RotationFacts = { state: [], delegate: [] };

export function facts(
  request: RequestAttributes,
  state: State,
  rules: RuleSet,
  recent: RotationFacts = NO_HISTORY,
  underrepresented: ReadonlySet<string> = new Set(rules.underrepresentedRegions ?? []),
): Record<Fact, FactValue> {
  const source = { request, state, recent, underrepresented };
  return Object.fromEntries(FACT_LIST.map((f) => [f, factDefinition(f).read(source)])) as Record<Fact, FactValue>;
}

/** Evaluates a condition; `used` collects the facts it read, as evidence. */
export function holds(cond: Condition, f: Record<Fact, FactValue>, used: Map<Fact, FactValue>): boolean {
  // eslint-disable-next-line no-restricted-syntax -- narrowing a condition the schema parsed by its own key
  if ("all" in cond) return cond.all.every((c) => holds(c, f, used));
  // eslint-disable-next-line no-restricted-syntax -- narrowing a condition the schema parsed by its own key
  if ("any" in cond) {
    // Evidence of an "any" is the first branch that holds (or every branch read, when none does).
    for (const c of cond.any) {
      const local = new Map<Fact, FactValue>();
      if (holds(c, f, local)) {
        local.forEach((v, k) => used.set(k, v));
        return true;
      }
    }
    return false;
  }
  // eslint-disable-next-line no-restricted-syntax -- narrowing a condition the schema parsed by its own key
  if ("not" in cond) return !holds(cond.not, f, used);
  const v = f[cond.fact];
  used.set(cond.fact, v);
  if (cond.eq !== undefined) return v === cond.eq;
  if (cond.in !== undefined) return cond.in.includes(v);
  if (cond.gte !== undefined) return typeof v === "number" && v >= cond.gte;
  if (cond.lte !== undefined) return typeof v === "number" && v <= cond.lte;
  return false;
}

/**
 * Scores a request. `recent`: the rounds of the rotation window in which its State or its delegate was
 * sponsored (rotation.ts); with a rotation section in the rule set, every criterion is scaled by the
 * rotation factor, shown as the last reason of each criterion.
 */
export function score(
  request: RequestAttributes,
  state: State,
  rules: RuleSet,
  recent: RotationFacts = NO_HISTORY,
  regions: UnderrepresentedRegions = fixedRegions(rules),
): RequestScore {
  const f = facts(request, state, rules, recent, new Set(regions.regions));
  const rotation = rules.rotation ? rotationFactor(recent, rules.rotation) : null;
  const reasons = Object.fromEntries(CRITERION.codes.map((c) => [c, [] as Reason[]])) as Record<Criterion, Reason[]>;
  for (const rule of rules.rules) {
    const used = new Map<Fact, FactValue>();
    if (rule.when && !holds(rule.when, f, used)) continue;
    const points = pointsOf(rule, f, used);
    if (points === 0) continue;
    // The region's figures stand beside the points they give (derived, or the list staff set and why).
    const why = used.has("state.underrepresentedRegion") ? regions.evidence.get(state.region) : undefined;
    reasons[rule.criterion].push({
      rule: rule.id,
      label: rule.label,
      ...(rule.labels ? { labels: rule.labels } : {}),
      points,
      evidence: why ? `${evidence(used)} (${why})` : evidence(used),
    });
  }
  const criteria = {} as CriteriaScores;
  for (const c of CRITERION.codes) {
    const sum = reasons[c].reduce((s, r) => s + r.points, 0);
    // Reasons always add up to the score: the cap and the floor are reasons too.
    if (sum > 100)
      reasons[c].push({
        rule: "cap",
        label: "A criterion counts at most 100 points",
        labels: { fr: "Un critère compte au plus 100 points", es: "Un criterio cuenta como máximo 100 puntos" },
        points: round2(100 - sum),
        evidence: `sum of rules = ${round2(sum)}`,
      });
    if (sum < 0)
      reasons[c].push({
        rule: "floor",
        label: "A criterion counts at least 0 points",
        labels: { fr: "Un critère compte au moins 0 point", es: "Un criterio cuenta como mínimo 0 puntos" },
        points: round2(-sum),
        evidence: `sum of rules = ${round2(sum)}`,
      });
    const capped = round2(Math.min(100, Math.max(0, sum)));
    criteria[c] = capped;
    if (rotation && capped > 0) {
      criteria[c] = round2(capped * rotation.factor);
      reasons[c].push({
        rule: "rotation",
        label: "Sponsored recently: priority lowered (rotation)",
        labels: { fr: "Parrainé récemment : priorité abaissée (rotation)", es: "Patrocinado recientemente: prioridad reducida (rotación)" },
        points: round2(criteria[c] - capped),
        evidence: rotation.evidence,
      });
    }
  }
  return { criteria, reasons };
}

function pointsOf(rule: Rule, f: Record<Fact, FactValue>, used: Map<Fact, FactValue>): number {
  if (!rule.per) return rule.points;
  const v = f[rule.per];
  used.set(rule.per, v);
  return typeof v === "number" ? round2(rule.points * v) : 0;
}

function evidence(used: Map<Fact, FactValue>): string {
  return [...used].map(([k, v]) => factInWords(k, v)).join("; ");
}

export function totalScore(criteria: CriteriaScores, weights: Weights): number {
  return round2(weightedScore(criteria, weights));
}

/** Support levels with their costs: full = ticket + nights × allowance + terminal; ticket = ticket + terminal; allowance = nights × allowance. */
export function supportLevels(
  request: RequestAttributes,
  round: { nights: number; allowanceRate: number },
  rules: RuleSet,
): ProblemRequest["levels"] {
  const cost = levelCosts(request, round);
  return request.acceptedLevels.map((level) => ({ level, cost: cost[level], valueShare: rules.levelValueShare[level] }));
}

/** What each support level of a request costs: the ticket and terminal costs, the nights at the daily allowance. */
export function levelCosts(
  request: Pick<RequestAttributes, "travel">,
  round: { nights: number; allowanceRate: number },
): Record<SupportLevel, number> {
  const nights = request.travel.nights ?? round.nights;
  const rate = request.travel.allowanceRate ?? round.allowanceRate;
  return {
    full: round2(request.travel.airTicket + nights * rate + (request.travel.terminal ?? 0)),
    ticket: round2(request.travel.airTicket + (request.travel.terminal ?? 0)),
    allowance: round2(nights * rate),
  };
}
