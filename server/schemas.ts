// The API's answers, as zod schemas built from the domain's schemas (scoring/): the OpenAPI document
// describes them, and hc<AppType> infers every answer from them, so web/ reads typed data with no cast and
// no copy of a server type. The records' TypeScript types are inferred from these schemas (one source).
//
// The engine's results (an allocation, the analytics, a comparison) are TypeScript interfaces of the core,
// not zod schemas: they are the engine's own output, never parsed from a client. They are declared with
// `engineOutput<T>()`, which types the answer as the core's interface and documents it as an object.
import { z } from "@hono/zod-openapi";
import type { MoneyCurve, ReplacementResult, ResultDiff, Robustness, Sensitivities } from "../scoring/analytics/index.js";
import { HistorySchema, RequestAttributesSchema, RuleSetSchema, type ScoredRound } from "../scoring/criteria/index.js";
import {
  DonorSchema,
  REQUEST_STATUSES,
  RoundSchema,
  StateSchema,
  SUPPORT_LEVELS,
  WeightsSchema,
  type AllocationResult,
} from "../scoring/domain/index.js";
import { PolicySchema } from "../scoring/policy/index.js";
import type { Problem } from "../scoring/problem/index.js";

/** An answer the engine computed (a core interface): typed for the client, an object in the OpenAPI document. */
export function engineOutput<T>(description: string) {
  return z.custom<T>().openapi({ type: "object", description });
}

const Timestamp = z.string().describe("ISO 8601 date and time");

export const RoundRecordSchema = RoundSchema.safeExtend({
  adminActual: z.number().nullable(),
  deferredTo: z.number().nullable(),
  referenceAsOf: z.iso.date(),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type RoundRecord = z.infer<typeof RoundRecordSchema>;

export const RoundStateSchema = StateSchema.extend({ edited: z.boolean(), version: z.number().int() });
export const RoundStatesSchema = z.object({ states: z.array(RoundStateSchema), asOf: z.iso.date() });

export const DonorRecordSchema = DonorSchema.extend({ name: z.string(), version: z.number().int() });
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

export const RequestStatusSchema = z.enum(REQUEST_STATUSES);

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

export const HistoryEntrySchema = z.object({ status: z.string(), note: z.string(), at: Timestamp, by: z.string().nullable() });

export const RequestDetailSchema = RequestRecordSchema.extend({
  history: z.array(HistoryEntrySchema),
  reviews: z.array(ReviewRecordSchema.extend({ reviewer: z.string() })),
});

export const DecisionRecordSchema = z.object({
  requestId: z.string(),
  runId: z.string(),
  decision: z.enum(["funded", "waitlisted", "not-funded"]),
  level: z.enum(SUPPORT_LEVELS).nullable(),
  cost: z.number().nullable(),
  offerDeadline: z.iso.date().nullable(),
  offerStatus: z.enum(["pending", "accepted", "declined", "expired"]).nullable(),
  actualCost: z.number().nullable(),
  version: z.number().int(),
});
export type DecisionRecord = z.infer<typeof DecisionRecordSchema>;

export const RunStatusSchema = z.enum(["queued", "running", "done", "failed", "cancelled"]);
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
  resultStatus: z.enum(["optimal", "infeasible", "time-limit"]).nullable(),
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

export const StatementSchema = z.object({
  roundId: z.string(),
  provisional: z.boolean().describe("Some actual cost (travel or administrative) is not recorded yet"),
  expenditures: z.object({ travel: z.number(), generalAndAdministrative: z.number(), total: z.number() }),
  revenues: z.object({
    contributions: z.array(z.object({ donor: z.string(), amount: z.number() })),
    totalContributions: z.number(),
    deferredFrom: z.number(),
    total: z.number(),
  }),
  deferredTo: z.number(),
});
export type Statement = z.infer<typeof StatementSchema>;

export const ApplicantStatusSchema = z.object({
  reference: z.string(),
  roundId: z.string(),
  status: RequestStatusSchema,
  request: RequestAttributesSchema,
  history: z.array(z.object({ status: z.string(), at: Timestamp })),
  decision: DecisionRecordSchema.pick({
    decision: true,
    level: true,
    cost: true,
    offerDeadline: true,
    offerStatus: true,
    version: true,
  }).nullable(),
});

export const AuditViewSchema = z.object({
  seq: z.number().int(),
  at: Timestamp,
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
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
