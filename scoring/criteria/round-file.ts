// The round file: a round's requests with their attributes, its money and its rules, as the `score` CLI
// reads it. scoreRound() scores every request and derives the problem file (format v1) from it.
import { z } from "zod";
import {
  round2,
  InvalidInputError,
  DonorSchema,
  reportDuplicates,
  RoundSchema,
  StateOverrideSchema,
  WeightsSchema,
  type CriteriaScores,
  type Criterion,
} from "../domain/index.js";
import { HistorySchema, recentRounds } from "./rotation.js";
import { RuleSetSchema, type RuleSet } from "./rules.js";
import { DEFAULT_RULES } from "./default-rules.js";
import { facts, RequestAttributesSchema, score, supportLevels, totalScore, type Reason } from "./score.js";
import { eligibility, type Eligibility } from "./eligibility.js";
import { underrepresentedRegions, type UnderrepresentedRegions } from "./regions.js";
import { PolicySchema } from "../policy/index.js";
import { type Problem } from "../problem/index.js";
import { applyOverrides, referenceAsOf, type ReferenceData } from "./states.js";

export const CARRY_OVER_DONOR = "carry-over";

export const RoundFileSchema = z
  .strictObject({
    version: z.literal(1),
    round: RoundSchema,
    weights: WeightsSchema,
    policy: PolicySchema.default({}),
    /** Contributions for this round; the carry-over becomes an unearmarked donor of its own. */
    donors: z
      .array(DonorSchema.extend({ name: z.string().max(200).optional() }).strict())
      .max(100)
      .default([]),
    rules: RuleSetSchema.optional(),
    stateOverrides: z.array(StateOverrideSchema).max(300).default([]),
    /** Earlier rounds and who was sponsored at each, for the rule set's rotation (rotation.ts). */
    history: HistorySchema.optional(),
    requests: z.array(RequestAttributesSchema).max(100_000),
  })
  .superRefine((f, ctx) => {
    reportDuplicates(
      ctx,
      f.requests,
      (r) => r.id,
      ["requests", "id"],
      (id) => `duplicate request id "${id}"`,
    );
  });
export type RoundFile = z.infer<typeof RoundFileSchema>;

export interface ScoredRequest {
  id: string;
  state: string;
  criteria: CriteriaScores;
  total: number;
  reasons: Record<Criterion, Reason[]>;
  eligibility: Eligibility;
}

export interface ScoredRound {
  referenceData: { asOf: string; unverifiedRows: number; unverifiedUsed: { state: string; verify: string }[] };
  rules: string;
  /** The round's under-represented regions, with the figures they were derived from. */
  underrepresented: Omit<UnderrepresentedRegions, "evidence">;
  requests: ScoredRequest[];
  problem: Problem;
}

export class UnknownStateError extends InvalidInputError {}

export function scoreRound(file: RoundFile, reference: ReferenceData): ScoredRound {
  // The facts as of the meeting's first day (a withdrawal, an accession, a graduation, a new income group).
  const ref = applyOverrides(referenceAsOf(reference, file.round.startDate), file.stateOverrides);
  const rules: RuleSet = file.rules ?? RuleSetSchema.parse(DEFAULT_RULES);
  const problems = file.requests.flatMap((r, i) =>
    ref.states.has(r.state) ? [] : [{ path: `requests[${i}].state`, message: `unknown State "${r.state}"` }],
  );
  if (problems.length) throw new UnknownStateError(problems);

  const recent = file.history ? recentRounds(file.history, file.round.startDate, rules.rotation?.window ?? 3) : null;
  const scored: ScoredRequest[] = [];
  const requests: Problem["requests"] = [];
  const unverified = new Map<string, string>();
  const regions = underrepresentedRegions(rules, ref);
  for (const r of file.requests) {
    const state = ref.states.get(r.state)!;
    if (state.verify) unverified.set(state.iso3, state.verify);
    const rotation = recent?.of(r.state, r.delegateId);
    const s = score(r, state, rules, rotation, regions);
    const elig = eligibility(r, state, rules, facts(r, state, rules, rotation, new Set(regions.regions)));
    scored.push({
      id: r.id,
      state: r.state,
      criteria: s.criteria,
      total: totalScore(s.criteria, file.weights),
      reasons: s.reasons,
      eligibility: elig,
    });
    requests.push({
      id: r.id,
      state: r.state,
      region: state.region,
      status: state.ccmStatus,
      gender: r.gender,
      submittedAt: r.submittedAt,
      criteria: s.criteria,
      levels: supportLevels(r, file.round, rules),
      // Not eligible: never allocated, whatever its lock, with the reason in words.
      ...(elig.eligible ? (r.lock ? { lock: r.lock } : {}) : { lock: "out" as const, ineligible: elig.text }),
    });
  }
  const { round } = file;
  const contributions = file.donors.reduce((s, d) => s + d.amount, 0);
  const budget = Math.max(0, contributions + round.carryOver - round.reserve - round.adminEstimate);
  const donors = file.donors.length
    ? [
        ...file.donors.map(({ name: _name, ...d }) => d),
        ...(round.carryOver > 0 ? [{ id: CARRY_OVER_DONOR, amount: round.carryOver }] : []),
      ]
    : undefined;
  const problem: Problem = {
    version: 1,
    budget: round2(budget),
    weights: file.weights,
    policy: file.policy,
    ...(donors ? { donors } : {}),
    requests,
  };
  return {
    referenceData: {
      asOf: ref.asOf,
      unverifiedRows: ref.unverified,
      unverifiedUsed: [...unverified].map(([state, verify]) => ({ state, verify })),
    },
    rules: rules.id,
    underrepresented: {
      regions: regions.regions,
      derived: regions.derived,
      justification: regions.justification,
      figures: regions.figures,
      overall: regions.overall,
    },
    requests: scored,
    problem,
  };
}
