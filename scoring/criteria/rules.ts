// Criteria rules as data. A rule set is a list of rules, each adding points to one criterion when its
// condition holds; ISU staff can read every rule and change it without touching code. The default set
// follows paragraph 102 of the ISU's 2024 report (the five criteria and what each prioritises).
import { z } from "zod";
import { RotationSchema } from "./rotation.js";
import { CriterionSchema, RegionSchema, reportDuplicates } from "../domain/index.js";

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

export const RuleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, "lower-case letters, digits and dashes"),
  criterion: CriterionSchema,
  label: z.string().min(1).max(200),
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
    underrepresentedRegions: z.array(RegionSchema).default([]),
    /** Share of a request's value kept at each support level. */
    levelValueShare: z.strictObject({ full: z.number().gt(0).max(1), ticket: z.number().gt(0).max(1), allowance: z.number().gt(0).max(1) }),
    rules: z.array(RuleSchema).min(1).max(500),
    /** Lowers the priority of States and delegates sponsored recently (see rotation.ts); needs the round's history. */
    rotation: RotationSchema.optional(),
  })
  .superRefine((rs, ctx) => {
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

export const ROLES = ["none", "art4-extension", "presenter", "panellist", "coordinator", "statement"] as const;
export const SPEAKING_ROLES: string[] = ["art4-extension", "presenter", "panellist", "coordinator", "statement"];

/** The default rule set: paragraph 102 of the 2024 report, one criterion at a time. Points per criterion are capped at 100. */
export const DEFAULT_RULES: RuleSetInput = {
  id: "ccm-para102-v1",
  description:
    "Default rules derived from para. 102 of the ISU's 2024 annual report: implementation relevance, technical value, universalization potential, capacity strengthening, inclusive representation.",
  underrepresentedRegions: ["APG", "EEG"],
  levelValueShare: { full: 1, ticket: 0.6, allowance: 0.4 },
  // Rotation (with the round's history): 10 % less priority per recent round in which the State was
  // sponsored, 15 % per round for the same delegate, the last three rounds, never below half.
  rotation: { window: 3, statePerRound: 0.1, delegatePerRound: 0.15, floor: 0.5 },
  rules: [
    // Implementation relevance: least developed States Parties with active or pending obligations,
    // above all those preparing Art. 4 extension requests or submitting Art. 7 reports.
    {
      id: "ldc-state-party",
      criterion: "implementation",
      label: "Least developed State Party",
      points: 25,
      when: {
        all: [
          { fact: "state.ldc", eq: true },
          { fact: "state.ccmStatus", eq: "party" },
        ],
      },
    },
    {
      id: "art4-extension-request",
      criterion: "implementation",
      label: "Preparing or presenting an Article 4 extension request",
      points: 35,
      when: {
        any: [
          { fact: "state.art4ExtensionRequest", eq: true },
          { fact: "request.role", eq: "art4-extension" },
        ],
      },
    },
    {
      id: "art4-clearance",
      criterion: "implementation",
      label: "Article 4 clearance obligations",
      points: 15,
      when: {
        all: [
          { fact: "state.art4Clearance", eq: true },
          { fact: "state.ccmStatus", eq: "party" },
        ],
      },
    },
    {
      id: "art5-victim-assistance",
      criterion: "implementation",
      label: "Article 5 victim-assistance obligations",
      points: 10,
      when: {
        all: [
          { fact: "state.art5VictimAssistance", eq: true },
          { fact: "state.ccmStatus", eq: "party" },
        ],
      },
    },
    {
      id: "art7-report",
      criterion: "implementation",
      label: "Article 7 transparency report outstanding (to be submitted)",
      points: 15,
      when: {
        all: [
          { fact: "state.art7ReportOutstanding", eq: true },
          { fact: "state.ccmStatus", eq: "party" },
        ],
      },
    },
    // Technical value: specialised knowledge or operational experience that informs the discussions.
    {
      id: "reviewer-rating",
      criterion: "technical",
      label: "Reviewers' rating of technical value (12 points a step, 0–5)",
      points: 12,
      per: "request.technicalRating",
    },
    {
      id: "operational-expertise",
      criterion: "technical",
      label: "Operational expertise (clearance, stockpile destruction, victim assistance)",
      points: 20,
      when: { fact: "request.operationalExpertise", eq: true },
    },
    {
      id: "speaking-role",
      criterion: "technical",
      label: "Speaking role at the meeting",
      points: 20,
      when: { fact: "request.role", in: SPEAKING_ROLES },
    },
    // Universalization potential: signatories and States not party showing concrete interest in accession,
    // with a focus on under-represented regions.
    {
      id: "signatory-interest",
      criterion: "universalization",
      label: "Signatory with evidence of interest in ratification",
      points: 60,
      when: {
        all: [
          { fact: "state.ccmStatus", eq: "signatory" },
          { fact: "request.interestEvidence", eq: true },
        ],
      },
    },
    {
      id: "nonparty-interest",
      criterion: "universalization",
      label: "State not party with evidence of interest in accession",
      points: 60,
      when: {
        all: [
          { fact: "state.ccmStatus", eq: "nonparty" },
          { fact: "request.interestEvidence", eq: true },
        ],
      },
    },
    {
      id: "not-party-no-evidence",
      criterion: "universalization",
      label: "Signatory or State not party (no evidence of interest given)",
      points: 20,
      when: {
        all: [
          { fact: "state.ccmStatus", in: ["signatory", "nonparty"] },
          { fact: "request.interestEvidence", eq: false },
        ],
      },
    },
    {
      id: "underrepresented-region-outreach",
      criterion: "universalization",
      label: "Not yet party, from an under-represented region",
      points: 40,
      when: {
        all: [
          { fact: "state.ccmStatus", in: ["signatory", "nonparty"] },
          { fact: "state.underrepresentedRegion", eq: true },
        ],
      },
    },
    // Capacity strengthening: States with limited technical or financial resources.
    { id: "income-low", criterion: "capacity", label: "Low-income economy", points: 50, when: { fact: "state.incomeGroup", eq: "low" } },
    {
      id: "income-lower-middle",
      criterion: "capacity",
      label: "Lower-middle-income economy",
      points: 35,
      when: { fact: "state.incomeGroup", eq: "lower-middle" },
    },
    {
      id: "income-upper-middle",
      criterion: "capacity",
      label: "Upper-middle-income economy",
      points: 15,
      when: { fact: "state.incomeGroup", eq: "upper-middle" },
    },
    { id: "ldc-capacity", criterion: "capacity", label: "Least developed country", points: 20, when: { fact: "state.ldc", eq: true } },
    {
      id: "no-geneva-mission",
      criterion: "capacity",
      label: "No permanent mission in Geneva",
      points: 30,
      when: { fact: "state.genevaMission", eq: false },
    },
    // Inclusive representation: gender balance, regional diversity, affected individuals.
    {
      id: "woman",
      criterion: "representation",
      label: "Woman delegate (gender balance)",
      points: 35,
      when: { fact: "request.gender", eq: "F" },
    },
    {
      id: "survivor",
      criterion: "representation",
      label: "Survivor or affected-community representative",
      points: 35,
      when: { fact: "request.survivor", eq: true },
    },
    {
      id: "first-participation",
      criterion: "representation",
      label: "First participation in a formal meeting",
      points: 20,
      when: { fact: "request.firstParticipation", eq: true },
    },
    {
      id: "underrepresented-region",
      criterion: "representation",
      label: "From an under-represented region (regional diversity)",
      points: 10,
      when: { fact: "state.underrepresentedRegion", eq: true },
    },
    {
      id: "funded-before",
      criterion: "representation",
      label: "Sponsored in previous rounds (10 points less per round)",
      points: -10,
      per: "request.previousSponsorships",
    },
  ],
};
