// The domain's shapes, as zod schemas (parsed once at the edge) and the types inferred from them.
// The problem file (format v1, scoring/problem/) is a public contract: an auditor re-runs a published
// allocation from it, so every object here is strict (unknown fields are rejected, not ignored).
import { z } from "zod";
import {
  CCM_STATUS,
  CRITERION,
  GENDER,
  INCOME_GROUP,
  REGION,
  ROUND_STATUS,
  SUPPORT_LEVEL,
  type CcmStatus,
  type Gender,
  type Region,
  type SupportLevel,
  type RunOutcome,
} from "./vocabulary/index.js";

export const RegionSchema = z.enum(REGION.codes);
export const CcmStatusSchema = z.enum(CCM_STATUS.codes);
export const GenderSchema = z.enum(GENDER.codes);
export const IncomeGroupSchema = z.enum(INCOME_GROUP.codes);
export const CriterionSchema = z.enum(CRITERION.codes);

/** Reports every item whose key repeats an earlier one, at `list[index].field`, with the caller's message. */
export function reportDuplicates<T>(
  ctx: z.RefinementCtx,
  items: readonly T[],
  key: (item: T) => string,
  [list, field]: [string, string],
  message: (key: string, firstIndex: number) => string,
): void {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const k = key(item);
    const seen = first.get(k);
    if (seen !== undefined) ctx.addIssue({ code: "custom", path: [list, i, field], message: message(k, seen) });
    else first.set(k, i);
  });
}

export const Iso3Schema = z.string().regex(/^[A-Z]{3}$/, "must be an ISO 3166-1 alpha-3 code in capitals, e.g. LAO");
const Points = z.number().finite().min(0).max(100);
export const Money = z.number().finite().min(0).max(1e9);

/** The facts of a State that change over time (data/states-dated.csv). */
export const DATED_FACTS = ["ccmStatus", "ldc", "incomeGroup", "art4Clearance", "art4ExtensionRequest", "art5VictimAssistance"] as const;
export type DatedFactName = (typeof DATED_FACTS)[number];

/** One fact's value over a period: from and to are inclusive ISO dates, empty when open. */
export const DatedFactSchema = z.strictObject({
  fact: z.enum(DATED_FACTS),
  value: z.string().min(1).max(50),
  from: z.union([z.iso.date(), z.literal("")]),
  to: z.union([z.iso.date(), z.literal("")]),
  source: z.string().max(500),
  verify: z.string().max(500).default(""),
});
export type DatedFact = z.infer<typeof DatedFactSchema>;

/** A State as the reference data describes it (one row of data/states.csv, possibly edited per round). */
export const StateSchema = z.strictObject({
  iso3: Iso3Schema,
  name: z.string().min(1).max(200),
  region: RegionSchema,
  ccmStatus: CcmStatusSchema,
  ldc: z.boolean(),
  incomeGroup: IncomeGroupSchema,
  art4Clearance: z.boolean(),
  art4ExtensionRequest: z.boolean(),
  art5VictimAssistance: z.boolean(),
  /** Not in the shipped data: set per round by the ISU from its Article 7 records. */
  art7ReportOutstanding: z.boolean().default(false),
  /** Not in the shipped data: whether the State keeps a permanent mission in Geneva; unknown counts as yes. */
  genevaMission: z.boolean().default(true),
  /** What in the row is not confirmed by a source (from the data's `verify` column). */
  verify: z.string().max(500).default(""),
  /** Where a round's correction of the row comes from (staff give it with the correction). */
  source: z.string().max(500).default(""),
  /** The dated facts in effect on the date the row is read as of, each with its validity and source. */
  dated: z.array(DatedFactSchema).max(50).default([]),
});
export type State = z.infer<typeof StateSchema>;

/** Per-round corrections of the reference data, keyed by ISO3. */
export const StateOverrideSchema = StateSchema.partial().extend({ iso3: Iso3Schema }).strict();
export type StateOverride = z.infer<typeof StateOverrideSchema>;

export const WeightsSchema = z
  .strictObject({
    implementation: z.number().finite().min(0).max(1000),
    technical: z.number().finite().min(0).max(1000),
    universalization: z.number().finite().min(0).max(1000),
    capacity: z.number().finite().min(0).max(1000),
    representation: z.number().finite().min(0).max(1000),
  })
  .refine((w) => CRITERION.codes.some((c) => w[c] > 0), { message: "at least one weight must be positive" });
export type Weights = z.infer<typeof WeightsSchema>;

export const DonorSchema = z.strictObject({
  id: z.string().min(1).max(64),
  amount: Money,
  regions: z.array(RegionSchema).min(1).max(5).optional(),
  statuses: z.array(CcmStatusSchema).min(1).max(3).optional(),
  states: z.array(Iso3Schema).min(1).max(300).optional(),
});
export type Donor = z.infer<typeof DonorSchema>;

export const SupportLevelSchema = z.enum(SUPPORT_LEVEL.codes);

export const LevelSchema = z.strictObject({
  level: SupportLevelSchema,
  cost: Money,
  valueShare: z.number().finite().gt(0).max(1),
});
export type Level = z.infer<typeof LevelSchema>;

export const CriteriaScoresSchema = z.strictObject({
  implementation: Points,
  technical: Points,
  universalization: Points,
  capacity: Points,
  representation: Points,
});
export type CriteriaScores = z.infer<typeof CriteriaScoresSchema>;

/** A round: one meeting, its window and allowance, and its status. */
export const RoundStatusSchema = z.enum(ROUND_STATUS.codes);
export const RoundSchema = z
  .strictObject({
    id: z.string().min(1).max(64),
    meeting: z.string().min(1).max(200),
    venue: z.string().min(1).max(200),
    /** The meeting's name and place in French and Spanish, for applicants and donors reading in them (scoring/domain/meeting.ts). */
    meetingFr: z.string().min(1).max(200).nullable().optional(),
    meetingEs: z.string().min(1).max(200).nullable().optional(),
    venueFr: z.string().min(1).max(200).nullable().optional(),
    venueEs: z.string().min(1).max(200).nullable().optional(),
    startDate: z.iso.date(),
    endDate: z.iso.date(),
    windowOpens: z.iso.date(),
    windowCloses: z.iso.date(),
    allowanceRate: Money,
    nights: z.number().int().min(0).max(60),
    status: RoundStatusSchema.default("draft"),
    carryOver: Money.default(0),
    reserve: Money.default(0),
    adminEstimate: Money.default(0),
  })
  .superRefine((r, ctx) => {
    if (r.endDate < r.startDate) ctx.addIssue({ code: "custom", path: ["endDate"], message: "must not be before startDate" });
    if (r.windowCloses < r.windowOpens) ctx.addIssue({ code: "custom", path: ["windowCloses"], message: "must not be before windowOpens" });
  });
export type Round = z.infer<typeof RoundSchema>;

// ---------------------------------------------------------------------------------------------
// The result of an allocation (the CLI's stdout, and later the server's run snapshot).

export const FundingShareSchema = z.object({ donor: z.string(), amount: z.number() });
export type FundingShare = z.infer<typeof FundingShareSchema>;

export interface FundedRequest {
  id: string;
  state: string;
  region: Region;
  status: CcmStatus;
  gender: Gender;
  level: SupportLevel;
  cost: number;
  value: number;
  funding: FundingShare[];
  /** Value the objective loses if this request is dropped (null when dropping it breaks a rule). */
  lossIfDropped?: number | null;
  /** Why dropping it is impossible, when it is. */
  requiredBy?: string;
  /** Why the loss was not computed, or not proven (the answer's time limit), in words. */
  note?: string;
}

export type NotFundedReason =
  | { kind: "locked-out"; text: string }
  | { kind: "ineligible"; text: string }
  | { kind: "excluded-by-rule"; rule: string; text: string }
  /** `proven: false` when the time limit stopped the counterfactual: `price` is then the most it costs (the best found). */
  | { kind: "price-of-inclusion"; price: number; level: SupportLevel; displaced: string[]; text: string; proven?: false }
  | { kind: "unexplained"; text: string };

export interface NotFundedRequest {
  id: string;
  reason: NotFundedReason;
}

export interface RuleRelaxation {
  rule: string;
  /** The rule as written. */
  stated: number;
  /** The least relaxation that lets it hold with the other rules (null when it alone cannot be relaxed). */
  reachable: number | null;
  /** Whether `reachable` is proven least; false when the time limit stopped the search (the best found). */
  proven: boolean;
  text: string;
}

export interface Diagnosis {
  infeasible: true;
  /** Whether every part of the diagnosis is proven (the fewest rules, each one's least change). */
  proven: boolean;
  rules: RuleRelaxation[];
  text: string;
}

export interface BaselineResult {
  name: "fcfs" | "greedy";
  description: string;
  value: number;
  count: number;
  totalCost: number;
  funded: { id: string; level: SupportLevel; cost: number; value: number }[];
  broken: string[];
  /** The rules broken, by id (a policy rule instance, "budget", "earmarks", "lock.ID", "eligibility.ID"), each once. */
  brokenRules: string[];
}

/** The figures of an allocation that donors and staff compare (computed by allocation/summary.ts). */
export interface AllocationSummary {
  delegates: number;
  /** Objective value in points (bonuses included). */
  value: number;
  totalCost: number;
  /** Budget minus total cost. */
  moneyLeft: number;
  women: number;
  /** Women among the funded (null when nobody is funded). */
  womenShare: number | null;
  /** Funded delegates from signatories and States not party. */
  outreach: number;
  /** Distinct States funded. */
  states: number;
  regions: Record<Region, number>;
  /** Money each donor pays, in the problem's donor order (empty without donors). */
  byDonor: FundingShare[];
}

export type SolveStatus = RunOutcome;

export interface AllocationResult {
  status: SolveStatus;
  value: number | null;
  totalCost: number;
  funded: FundedRequest[];
  notFunded: NotFundedRequest[];
  /** Delegates, money, women, outreach, regions and money per donor (null when nothing was solved). */
  summary: AllocationSummary | null;
  diagnosis: Diagnosis | null;
  baselines: BaselineResult[];
  solver: {
    name: string;
    version: string;
    ms: number;
    gap: number | null;
    explainMs?: number;
    /** Threads that computed the explanations (2: shared with the helper thread). */
    explainThreads?: 1 | 2;
  };
}
