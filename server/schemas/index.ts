// The API's answers, as zod schemas built from the domain's schemas (scoring/): the OpenAPI document
// describes them, and hc<AppType> infers every answer from them, so web/ reads typed data with no cast and
// no copy of a server type. The records' TypeScript types are inferred from these schemas (one source).
//
// The engine's results (an allocation, the analytics, a comparison) are TypeScript interfaces of the core,
// not zod schemas: they are the engine's own output, never parsed from a client. They are declared with
// `engineOutput<T>()`, which types the answer as the core's interface and documents it as an object.
import { z } from "@hono/zod-openapi";
import type { MoneyCurve, ReplacementResult, ResultDiff, Robustness, Sensitivities } from "../../scoring/analytics/index.js";
import { APPLICANT_FIELDS, HistorySchema, RequestAttributesSchema, RuleSetSchema, type ScoredRound } from "../../scoring/criteria/index.js";
import {
  DonorSchema,
  DATA_SOURCE,
  DECISION_KINDS,
  OFFER_STATE,
  MEETING_ROLE,
  REQUEST_STATUS,
  ROUND_STATUS,
  RoundSchema,
  RUN_OUTCOME,
  RUN_STATUS,
  StateSchema,
  SUPPORT_LEVEL,
  WeightsSchema,
  type AllocationResult,
} from "../../scoring/domain/index.js";
import { PolicySchema } from "../../scoring/policy/index.js";
import type { Problem } from "../../scoring/problem/index.js";

/** An answer the engine computed (a core interface): typed for the client, an object in the OpenAPI document. */
export function engineOutput<T>(description: string) {
  return z.custom<T>().openapi({ type: "object", description });
}

export * from "./money.js";

const Timestamp = z.string().describe("ISO 8601 date and time");

export const RoundRecordSchema = RoundSchema.safeExtend({
  carryOver: z.number().describe("The money the round starts from: the year's opening balance, or what the year's earlier rounds left"),
  adminActual: z.number().nullable(),
  deferredTo: z.number().describe("What the round leaves to the next round of the year, or to the next year"),
  referenceAsOf: z.iso.date(),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type RoundRecord = z.infer<typeof RoundRecordSchema>;

/** What anyone may read of a round (an allow-list: no money, no internal figures). */
export const PublicRoundSchema = z
  .object({
    id: z.string(),
    meeting: z.string(),
    venue: z.string(),
    startDate: z.iso.date(),
    endDate: z.iso.date(),
    windowOpens: z.iso.date(),
    windowCloses: z.iso.date(),
    status: z.enum(ROUND_STATUS.codes),
    /** Whether the round takes requests today, by the server's calendar: open, and today within the window. */
    acceptingRequests: z.boolean(),
  })
  .strip();

export const RoundStateSchema = StateSchema.extend({ edited: z.boolean(), version: z.number().int() });
export const RoundStatesSchema = z.object({ states: z.array(RoundStateSchema), asOf: z.iso.date() });

/** A contribution's own facts beside its amount and earmark: when it came, and whether its amount is sourced or derived. */
export const ContributionFieldsSchema = z.object({
  receivedOn: z.iso.date().nullable().default(null).describe("When the contribution was received"),
  source: z
    .enum(DATA_SOURCE.codes)
    .default("sourced")
    .describe("sourced: read from a document; derived: computed (e.g. as a remainder), the note says how"),
  note: z.string().max(1000).default(""),
});
export const DonorRecordSchema = DonorSchema.extend({ name: z.string(), version: z.number().int() }).extend(
  ContributionFieldsSchema.required().shape,
);
export type DonorRecord = z.infer<typeof DonorRecordSchema>;

export const SettingsRecordSchema = z.object({
  roundId: z.string(),
  version: z.number().int(),
  weights: WeightsSchema,
  policy: PolicySchema,
  rules: RuleSetSchema.nullable(),
  note: z.string(),
  createdAt: Timestamp,
});
export type SettingsRecord = z.infer<typeof SettingsRecordSchema>;

export const RequestStatusSchema = z.enum(REQUEST_STATUS.codes);

export const RequestRecordSchema = z.object({
  id: z.string(),
  roundId: z.string(),
  status: RequestStatusSchema,
  attributes: RequestAttributesSchema,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: z.number().int(),
});
export type RequestRecord = z.infer<typeof RequestRecordSchema>;

export const ReviewRecordSchema = z.object({
  rating: z.number().nullable(),
  comment: z.string(),
  conflict: z.boolean(),
  updatedAt: Timestamp,
  version: z.number().int(),
});
export type ReviewRecord = z.infer<typeof ReviewRecordSchema>;

/** A reviewer's queue (server/services/review-queue.ts): per round, its requests with the reviewer's own review. */
export const ReviewQueueSchema = z.object({
  rounds: z.array(
    z.object({
      id: z.string(),
      meeting: z.string(),
      status: z.enum(ROUND_STATUS.codes),
      toReview: z.number().int().describe("How many of its requests you have not reviewed yet"),
      requests: z.array(
        z.object({
          requestId: z.string(),
          state: z.string(),
          role: z.enum(MEETING_ROLE.codes),
          status: z.enum(REQUEST_STATUS.codes),
          submittedAt: z.string(),
          ratings: z.number().int().describe("Ratings given by all reviewers (declared conflicts not counted)"),
          mine: z.object({ rating: z.number().nullable(), conflict: z.boolean() }).nullable(),
        }),
      ),
    }),
  ),
});

export const HistoryEntrySchema = z.object({
  status: z.enum(REQUEST_STATUS.codes),
  note: z.string(),
  at: Timestamp,
  by: z.string().nullable(),
});

export const RequestDetailSchema = RequestRecordSchema.extend({
  history: z.array(HistoryEntrySchema),
  reviews: z.array(ReviewRecordSchema.extend({ reviewer: z.string() })),
});

export const DecisionRecordSchema = z.object({
  requestId: z.string(),
  runId: z.string(),
  decision: z.enum(DECISION_KINDS),
  level: z.enum(SUPPORT_LEVEL.codes).nullable(),
  cost: z.number().nullable(),
  offerDeadline: z.iso.date().nullable(),
  offerStatus: z.enum(OFFER_STATE.codes).nullable(),
  actualCost: z.number().nullable().describe("What was spent on a settled offer (travelled, no-show, cancelled late)"),
  committedOn: z.iso.date().nullable(),
  answeredOn: z.iso.date().nullable(),
  settledOn: z.iso.date().nullable(),
  version: z.number().int(),
});
export type DecisionRecord = z.infer<typeof DecisionRecordSchema>;

export const RunStatusSchema = z.enum(RUN_STATUS.codes);
export const RunSummarySchema = z.object({
  id: z.string(),
  roundId: z.string(),
  settingsVersion: z.number().int(),
  status: RunStatusSchema,
  timeLimit: z.number(),
  error: z.string().nullable(),
  solver: z.object({ name: z.string(), version: z.string() }).nullable(),
  createdAt: Timestamp,
  startedAt: Timestamp.nullable(),
  finishedAt: Timestamp.nullable(),
  approvedAt: Timestamp.nullable(),
  elapsedSeconds: z.number().nullable().describe("Seconds since the run started (running) or its duration (finished)"),
  value: z.number().nullable(),
  resultStatus: z.enum(RUN_OUTCOME.codes).nullable(),
});
export type RunSummary = z.infer<typeof RunSummarySchema>;

/** A run with its snapshot: the problem file, the scores and the result (null until the run is done). */
export type RunRecord = z.infer<typeof RunRecordSchema>;
export const RunRecordSchema = RunSummarySchema.extend({
  problem: engineOutput<Problem>("The problem file (format v1), null until the run is done").nullable(),
  scores: engineOutput<Omit<ScoredRound, "problem">>(
    "The scores of every request with their reasons, null until the run is done",
  ).nullable(),
  result: engineOutput<AllocationResult>("The allocation with its explanations and baselines, null until the run is done").nullable(),
});

/** What applicants read of their own request: what they said, and when. */
export const ApplicantViewSchema = RequestAttributesSchema.pick({ ...APPLICANT_FIELDS, submittedAt: true }).strip();

export const ApplicantStatusSchema = z.object({
  reference: z.string(),
  roundId: z.string(),
  status: RequestStatusSchema,
  request: ApplicantViewSchema,
  history: z.array(z.object({ status: z.enum(REQUEST_STATUS.codes), at: Timestamp })),
  decision: DecisionRecordSchema.pick({
    decision: true,
    level: true,
    cost: true,
    offerDeadline: true,
    offerStatus: true,
    version: true,
  })
    .extend({
      /** Whether the offer can still be answered: pending, and its deadline not passed by the server's calendar. */
      answerable: z.boolean(),
    })
    .nullable(),
  /** The meeting the request is for. */
  meeting: z.object({
    name: z.string(),
    venue: z.string(),
    /** Its name and place in French and Spanish, when staff gave them (null: read the English). */
    nameFr: z.string().nullable(),
    nameEs: z.string().nullable(),
    venueFr: z.string().nullable(),
    venueEs: z.string().nullable(),
    startDate: z.iso.date(),
    endDate: z.iso.date(),
    nights: z.number(),
  }),
  /** Why the approved run did not fund it: the kind of reason and the rule that bound, naming no other request. */
  reason: z.object({ kind: z.string(), rule: z.string().optional() }).nullable(),
  /** The ISU's address, to write to with any question. */
  contact: z.string(),
});

export const AuditViewSchema = z.object({
  seq: z.number().int(),
  at: Timestamp,
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  /** What the record is, for people: a request's State, a run's round and start, an account's or donor's name. */
  about: z.object({ state: z.string().optional(), roundId: z.string().optional(), at: z.string().optional(), name: z.string().optional() }),
  data: z.unknown(),
  hash: z.string(),
});

export const ChainReportSchema = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  firstBad: z.object({ seq: z.number().int(), problem: z.string() }).nullable(),
});

export const ScoresSchema = engineOutput<Omit<ScoredRound, "problem"> & { settingsVersion: number }>(
  "Every request scored with the round's settings: points per criterion with their reasons",
);
export const MoneyCurveSchema = engineOutput<MoneyCurve>("The money curve: the optimum re-solved over a range of budgets");
export const SensitivitiesSchema = engineOutput<Sensitivities>("What each rule, lock and earmark costs");
export const RobustnessSchema = engineOutput<Robustness>("Who is always, sometimes or never funded under perturbed weights and costs");
export const DiffSchema = engineOutput<ResultDiff>("Two runs side by side");
export const ReplacementProposalSchema = z.object({
  id: z.string(),
  status: z.literal("proposed"),
  proposal: engineOutput<ReplacementResult>("The replacement proposal"),
});

export { HistorySchema };

/** What a what-if allocates with in the browser (GET /api/rounds/{id}/what-if): staff only. */
export const WhatIfInputsSchema = z.object({
  file: z.unknown().openapi({ description: "The round file (scoring/criteria/round-file.ts)" }),
  reference: z.object({
    asOf: z.string(),
    unverified: z.number(),
    states: z.array(z.unknown()),
    dated: z.array(z.tuple([z.string(), z.array(z.unknown())])),
  }),
  settingsVersion: z.number(),
  lastRun: z.object({ id: z.string(), funded: z.array(z.string()), reasons: z.record(z.string(), z.string()) }).nullable(),
});
