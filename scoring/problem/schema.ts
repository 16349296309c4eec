// The problem file, format v1 (README: "The problem file"): the budget, the weights, the policy (its
// fields are the policy rules', scoring/policy/), the donors and the scored requests. Strict: unknown
// fields are rejected, so that an auditor re-running a published allocation reads exactly what it ran.
import { z } from "zod";
import {
  CcmStatusSchema,
  CriteriaScoresSchema,
  DonorSchema,
  GenderSchema,
  Iso3Schema,
  LevelSchema,
  Money,
  RegionSchema,
  reportDuplicates,
  WeightsSchema,
} from "../domain/index.js";
import { PolicySchema } from "../policy/index.js";

export const ProblemRequestSchema = z
  .strictObject({
    id: z.string().min(1).max(64),
    state: Iso3Schema,
    region: RegionSchema,
    status: CcmStatusSchema,
    gender: GenderSchema,
    submittedAt: z.iso.datetime({ offset: true }),
    criteria: CriteriaScoresSchema,
    levels: z.array(LevelSchema).min(1).max(3),
    lock: z.enum(["in", "out"]).optional(),
    /** Why the request may not be sponsored (its eligibility, in words): it comes with lock "out". */
    ineligible: z.string().min(1).max(4000).optional(),
  })
  .superRefine((r, ctx) => {
    if (r.ineligible && r.lock !== "out") ctx.addIssue({ code: "custom", path: ["lock"], message: "an ineligible request is locked out" });
    reportDuplicates(
      ctx,
      r.levels,
      (l) => l.level,
      ["levels", "level"],
      (level) => `support level "${level}" is listed twice`,
    );
  });
export type ProblemRequest = z.infer<typeof ProblemRequestSchema>;

/** The problem file, format v1 (see README: "The problem file"). */
export const ProblemSchema = z
  .strictObject({
    version: z.literal(1),
    budget: Money,
    weights: WeightsSchema,
    policy: PolicySchema.default({}),
    donors: z.array(DonorSchema).max(100).optional(),
    requests: z.array(ProblemRequestSchema).max(100_000),
  })
  .superRefine((p, ctx) => {
    reportDuplicates(
      ctx,
      p.requests,
      (r) => r.id,
      ["requests", "id"],
      (id, first) => `duplicate request id "${id}" (first at requests[${first}])`,
    );
    reportDuplicates(
      ctx,
      p.donors ?? [],
      (d) => d.id,
      ["donors", "id"],
      (id) => `duplicate donor id "${id}"`,
    );
  });
export type Problem = z.infer<typeof ProblemSchema>;
export type ProblemInput = z.input<typeof ProblemSchema>;
