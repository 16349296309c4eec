// Criteria rules as data. A rule set is a list of rules, each adding points to one criterion when its
// condition holds; ISU staff can read every rule and change it without touching code. The default set
// follows paragraph 102 of the ISU's 2024 report (the five criteria and what each prioritises).
import { z } from "zod";
import { RotationSchema } from "./rotation.js";
import {
  CCM_STATUS,
  CriterionSchema,
  GENDER,
  INCOME_GROUP,
  INTEREST_STANDING,
  MEETING_ROLE,
  REGION,
  RegionSchema,
  reportDuplicates,
  type SomeVocabulary,
} from "../domain/index.js";

/** Facts a condition may test: the request's State (after the round's overrides) and the request. */
export const FACTS = {
  "state.region": "UN regional group of the nominating State",
  "state.ccmStatus": "party, signatory or nonparty",
  "state.ldc": "on the UN list of least developed countries",
  "state.incomeGroup": "World Bank income group",
  "state.art4Clearance": "State Party with cluster munition remnants to clear (Art. 4)",
  "state.art4ExtensionRequest": "Art. 4 extension request due at the meeting",
  "state.art5VictimAssistance": "State Party with victim-assistance obligations (Art. 5)",
  "state.art7ReportOutstanding": "initial or annual transparency report (Art. 7) outstanding",
  "state.genevaMission": "the State keeps a permanent mission in Geneva",
  "state.underrepresentedRegion": "the State's region is one the rule set marks as under-represented",
  "request.gender": "F, M or X",
  "request.role": "role at the meeting",
  "request.operationalExpertise": "the delegate has operational experience (clearance, stockpile destruction, victim assistance)",
  "request.technicalRating": "reviewers' rating of technical value, 0–5 (mean)",
  "request.survivor": "survivor or affected-community representative",
  "request.firstParticipation": "first participation in a formal CCM meeting",
  "request.previousSponsorships": "rounds in which this delegate was sponsored before",
  "request.interestEvidence": "evidence of interest in accession was given",
  "request.interestReview": "staff's review of the evidence of interest: accepted, not-accepted, not-reviewed, or none (no evidence given)",
  "history.stateRecentRounds": "recent rounds (the rotation window) in which the State had a sponsored delegate",
  "history.delegateRecentRounds": "recent rounds (the rotation window) in which this delegate was sponsored",
} as const;
export type Fact = keyof typeof FACTS;
const FactSchema = z.enum(Object.keys(FACTS) as [Fact, ...Fact[]]);

export type Scalar = string | number | boolean;
const ScalarSchema = z.union([z.string(), z.number(), z.boolean()]);

export type Condition =
  { fact: Fact; eq?: Scalar; in?: Scalar[]; gte?: number; lte?: number } | { all: Condition[] } | { any: Condition[] } | { not: Condition };

export const ConditionSchema: z.ZodType<Condition> = z
  .lazy(() =>
    z.union([
      z
        .strictObject({
          fact: FactSchema,
          eq: ScalarSchema.optional(),
          in: z.array(ScalarSchema).min(1).optional(),
          gte: z.number().optional(),
          lte: z.number().optional(),
        })
        .refine((c) => [c.eq, c.in, c.gte, c.lte].filter((x) => x !== undefined).length === 1, {
          message: "give exactly one of eq, in, gte, lte",
        }),
      z.strictObject({ all: z.array(ConditionSchema).min(1) }),
      z.strictObject({ any: z.array(ConditionSchema).min(1) }),
      z.strictObject({ not: ConditionSchema }),
    ]),
  )
  .meta({ id: "Condition", description: "A condition on facts: { fact, eq | in | gte | lte }, or all / any / not of conditions" });

/** A label in French and Spanish, for the donors' and applicants' pages (absent: the English label is shown). */
export const LabelsSchema = z.strictObject({ fr: z.string().min(1).max(300).optional(), es: z.string().min(1).max(300).optional() });
export type Labels = z.infer<typeof LabelsSchema>;

export const RuleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, "lower-case letters, digits and dashes"),
  criterion: CriterionSchema,
  label: z.string().min(1).max(200),
  labels: LabelsSchema.optional(),
  when: ConditionSchema.optional(),
  /** Points added when the condition holds (negative lowers the criterion). */
  points: z.number().finite().min(-100).max(100),
  /** Multiply the points by this numeric fact (e.g. 12 points per rating step). */
  per: FactSchema.optional(),
});
export type Rule = z.infer<typeof RuleSchema>;

export const RuleSetSchema = z
  .strictObject({
    id: z.string().min(1).max(64),
    description: z.string().max(2000).default(""),
    /** The regions staff mark as under-represented for the round; absent, they are derived from the reference data (regions.ts). */
    underrepresentedRegions: z.array(RegionSchema).optional(),
    /** Why staff set the list instead of deriving it (required with a list). */
    underrepresentedJustification: z.string().max(2000).default(""),
    /** Who may be sponsored: a request is eligible when one path holds (absent: every request). */
    eligibility: z
      .array(
        z.strictObject({
          id: z.string().regex(/^[a-z0-9-]+$/),
          label: z.string().min(1).max(300),
          labels: LabelsSchema.optional(),
          when: ConditionSchema,
        }),
      )
      .min(1)
      .max(20)
      .optional(),
    /** Share of a request's value kept at each support level. */
    levelValueShare: z.strictObject({ full: z.number().gt(0).max(1), ticket: z.number().gt(0).max(1), allowance: z.number().gt(0).max(1) }),
    rules: z.array(RuleSchema).min(1).max(500),
    /** Lowers the priority of States and delegates sponsored recently (see rotation.ts); needs the round's history. */
    rotation: RotationSchema.optional(),
  })
  .superRefine((rs, ctx) => {
    if (rs.underrepresentedRegions && !rs.underrepresentedJustification.trim())
      ctx.addIssue({
        code: "custom",
        path: ["underrepresentedJustification"],
        message: "say why the under-represented regions are set by hand instead of derived from the reference data",
      });
    reportDuplicates(
      ctx,
      rs.rules,
      (r) => r.id,
      ["rules", "id"],
      (id) => `duplicate rule id "${id}"`,
    );
  });
export type RuleSet = z.infer<typeof RuleSetSchema>;
export type RuleSetInput = z.input<typeof RuleSetSchema>;

/** Each fact as a reason's evidence names it, in the staff's words. */
const FACT_NAMES: Record<Fact, string> = {
  "state.region": "regional group",
  "state.ccmStatus": "CCM status",
  "state.ldc": "least developed country",
  "state.incomeGroup": "income group",
  "state.art4Clearance": "Art. 4 clearance obligations",
  "state.art4ExtensionRequest": "Art. 4 extension request due",
  "state.art5VictimAssistance": "Art. 5 victim-assistance obligations",
  "state.art7ReportOutstanding": "Art. 7 report outstanding",
  "state.genevaMission": "mission in Geneva",
  "state.underrepresentedRegion": "under-represented region",
  "request.gender": "gender",
  "request.role": "role at the meeting",
  "request.operationalExpertise": "operational experience",
  "request.technicalRating": "reviewers' rating",
  "request.survivor": "survivor or affected community",
  "request.firstParticipation": "first participation",
  "request.previousSponsorships": "sponsored before (rounds)",
  "request.interestEvidence": "evidence of interest given",
  "request.interestReview": "evidence of interest reviewed",
  "history.stateRecentRounds": "State's recent sponsored rounds",
  "history.delegateRecentRounds": "delegate's recent sponsored rounds",
};

/** The list a fact's named values come from (the other facts are yes/no or numbers). */
const FACT_VALUES: Partial<Record<Fact, SomeVocabulary>> = {
  "state.region": REGION,
  "state.ccmStatus": CCM_STATUS,
  "state.incomeGroup": INCOME_GROUP,
  "request.gender": GENDER,
  "request.role": MEETING_ROLE,
  "request.interestReview": INTEREST_STANDING,
};

/** A fact's value in words: a code by its list, yes or no, a number as it is. */
export function factValueInWords(fact: Fact, v: Scalar | null | undefined): string {
  if (v === null || v === undefined) return "none";
  if (typeof v === "boolean") return v ? "yes" : "no";
  return typeof v === "string" ? (FACT_VALUES[fact]?.sayAny(v) ?? v) : String(v);
}

/** A fact and its value as a reason's evidence says them: "CCM status: State Party", "least developed country: yes". */
export function factInWords(fact: Fact, value: string | number | boolean | null | undefined): string {
  return `${FACT_NAMES[fact]}: ${factValueInWords(fact, value)}`;
}

/** A fact's name as a reason or a form shows it ("CCM status"). */
export const factName = (fact: Fact): string => FACT_NAMES[fact];

/** The facts a condition may test, with their names, for a form's list. */
export const FACT_CHOICES: { value: Fact; label: string }[] = (Object.keys(FACTS) as Fact[]).map((f) => ({
  value: f,
  label: FACT_NAMES[f],
}));

/** A condition in the staff's words: "CCM status is State Party and least developed country is yes". */
export function conditionInWords(c: Condition): string {
  if ("all" in c) return c.all.map((x) => wrap(x)).join(" and ");
  if ("any" in c) return c.any.map((x) => wrap(x)).join(" or ");
  if ("not" in c) return `not (${conditionInWords(c.not)})`;
  const name = FACT_NAMES[c.fact];
  if (c.eq !== undefined) return `${name} is ${factValueInWords(c.fact, c.eq)}`;
  if (c.in !== undefined) return `${name} is ${c.in.map((v) => factValueInWords(c.fact, v)).join(" or ")}`;
  if (c.gte !== undefined) return `${name} is at least ${c.gte}`;
  return `${name} is at most ${c.lte}`;
}

const wrap = (c: Condition): string => ("all" in c || "any" in c ? `(${conditionInWords(c)})` : conditionInWords(c));

/** The values a fact takes, for a form's choice (true/false facts; named values; numbers otherwise). */
export function factValues(fact: Fact): { value: string; label: string; scalar: Scalar }[] | "number" {
  const list = FACT_VALUES[fact];
  if (list) return list.codes.map((v) => ({ value: v, label: list.sayAny(v), scalar: v }));
  switch (fact) {
    case "request.technicalRating":
    case "request.previousSponsorships":
    case "history.stateRecentRounds":
    case "history.delegateRecentRounds":
      return "number";
    default:
      return [
        { value: "true", label: "yes", scalar: true },
        { value: "false", label: "no", scalar: false },
      ];
  }
}
