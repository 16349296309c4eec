// Criteria rules as data. A rule set is a list of rules, each adding points to one criterion when its
// condition holds; ISU staff can read every rule and change it without touching code. The default set
// follows paragraph 102 of the ISU's 2024 report (the five criteria and what each prioritises).
import { z } from "zod";
import { RotationSchema } from "./rotation.js";
import { factDefinition, FACT_LIST, type Fact } from "./facts.js";
import { CriterionSchema, RegionSchema, reportDuplicates, type Language } from "../domain/index.js";

/** Facts a condition may test: the request's State (after the round's overrides), the request, the history (facts.ts). */
export const FACTS: Readonly<Record<Fact, string>> = Object.fromEntries(FACT_LIST.map((f) => [f, factDefinition(f).about])) as Record<
  Fact,
  string
>;
export type { Fact };
const FactSchema = z.enum(FACT_LIST);

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

/** A fact's value in words: a code by its list, yes or no, a number as it is. */
export function factValueInWords(fact: Fact, v: Scalar | null | undefined): string {
  if (v === null || v === undefined) return "none";
  if (typeof v === "boolean") return v ? "yes" : "no";
  const values = factDefinition(fact).values;
  return typeof v === "string" ? (typeof values === "string" ? v : values.sayAny(v)) : String(v);
}

/** A fact and its value as a reason's evidence says them: "CCM status: State Party", "least developed country: yes". */
export function factInWords(fact: Fact, value: string | number | boolean | null | undefined): string {
  return `${factDefinition(fact).name.en}: ${factValueInWords(fact, value)}`;
}

/** A fact's name as a reason or a form shows it ("CCM status"). */
export const factName = (fact: Fact, lang: Language = "en"): string => factDefinition(fact).name[lang];

/** The facts a condition may test, with their names, for a form's list. */
export const FACT_CHOICES: { value: Fact; label: string }[] = FACT_LIST.map((f) => ({
  value: f,
  label: factDefinition(f).name.en,
}));

/** A condition in the staff's words: "CCM status is State Party and least developed country is yes". */
export function conditionInWords(c: Condition): string {
  // eslint-disable-next-line no-restricted-syntax -- narrowing a condition the schema parsed by its own key
  if ("all" in c) return c.all.map((x) => wrap(x)).join(" and ");
  // eslint-disable-next-line no-restricted-syntax -- narrowing a condition the schema parsed by its own key
  if ("any" in c) return c.any.map((x) => wrap(x)).join(" or ");
  // eslint-disable-next-line no-restricted-syntax -- narrowing a condition the schema parsed by its own key
  if ("not" in c) return `not (${conditionInWords(c.not)})`;
  const name = factDefinition(c.fact).name.en;
  if (c.eq !== undefined) return `${name} is ${factValueInWords(c.fact, c.eq)}`;
  if (c.in !== undefined) return `${name} is ${c.in.map((v) => factValueInWords(c.fact, v)).join(" or ")}`;
  if (c.gte !== undefined) return `${name} is at least ${c.gte}`;
  return `${name} is at most ${c.lte}`;
}

// eslint-disable-next-line no-restricted-syntax -- narrowing a condition the schema parsed by its own key
const wrap = (c: Condition): string => ("all" in c || "any" in c ? `(${conditionInWords(c)})` : conditionInWords(c));

/** The values a fact takes, for a form's choice (true/false facts; named values; numbers otherwise). */
export function factValues(fact: Fact): { value: string; label: string; scalar: Scalar }[] | "number" {
  const values = factDefinition(fact).values;
  if (values === "number") return "number";
  if (values === "yes-no")
    return [
      { value: "true", label: "yes", scalar: true },
      { value: "false", label: "no", scalar: false },
    ];
  return values.codes.map((v) => ({ value: v, label: values.sayAny(v), scalar: v }));
}
