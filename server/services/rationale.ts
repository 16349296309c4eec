// The donors' rationale of a round's approved run: the weights and rules, each funded delegate's State,
// region, status, gender, score breakdown and paying donors (no personal contact data), the baselines, the
// money curve, the price of each rule and how firm each decision is.
import type { MoneyCurve, Robustness, Sensitivities } from "../../scoring/analytics/index.js";
import type { Problem } from "../../scoring/problem/index.js";
import { conflict } from "../errors.js";
import type { Services } from "../http.js";
import { runInWorker } from "../solve-in-worker.js";
import { currentSettings, getRound, requireDonorOf } from "../store/index.js";
import { doneRun } from "./runs.js";

/**
 * The engine's analytics on an approved run's problem, each in its own worker (in parallel). A run's
 * problem never changes and the analytics are seeded, so they are computed once per run and kept (a few
 * runs are approved a year; the donors' page is read many times).
 */
const analytics = new Map<string, Promise<[MoneyCurve, Sensitivities, Robustness]>>();
function analyticsOf(runId: string, problem: Problem): Promise<[MoneyCurve, Sensitivities, Robustness]> {
  let pending = analytics.get(runId);
  if (!pending) {
    pending = Promise.all([
      runInWorker<MoneyCurve>({ type: "curve", problem }).result,
      runInWorker<Sensitivities>({ type: "sensitivity", problem, options: { locks: false } }).result,
      runInWorker<Robustness>({ type: "robustness", problem, options: { samples: 30, seed: 1 } }).result,
    ]);
    analytics.set(runId, pending);
    pending.catch(() => analytics.delete(runId)); // a failure is not kept: the next read tries again
  }
  return pending;
}

/** The rationale as the donors' page reads it. */
export type Rationale = Awaited<ReturnType<typeof rationale>>;

export async function rationale({ db, runs }: Services, roundId: string, user: { role: string; donorId: string | null }) {
  const round = getRound(db, roundId);
  requireDonorOf(db, user, roundId);
  const run = runs.latestApproved(roundId);
  if (!run) throw conflict("not-approved", `round ${roundId} has no approved allocation yet`);
  const { problem, result, scores } = doneRun(run);
  // An approved run has its approval's time and, being feasible, a summary.
  const approvedAt = run.approvedAt;
  const summary = result.summary;
  if (approvedAt === null || summary === null) throw conflict("not-approved", `round ${roundId} has no approved allocation yet`);
  const scoreOf = new Map(scores.requests.map((s) => [s.id, s]));
  const settings = currentSettings(db, roundId);
  const [curve, sensitivity, robustness] = await analyticsOf(run.id, problem);
  return {
    round: { id: round.id, meeting: round.meeting, venue: round.venue, startDate: round.startDate, endDate: round.endDate },
    runId: run.id,
    approvedAt,
    yourDonor: user.donorId,
    budget: problem.budget,
    // The donors with their amounts and earmarks (how each earmark was honoured is in each funded delegate's funding).
    donors: (problem.donors ?? []).map((d) => ({
      id: d.id,
      amount: d.amount,
      regions: d.regions ?? null,
      statuses: d.statuses ?? null,
      states: d.states ?? null,
    })),
    weights: problem.weights,
    policy: problem.policy,
    rules: scores.rules,
    settingsVersion: run.settingsVersion,
    settingsNote: settings.version === run.settingsVersion ? settings.note : null,
    referenceData: scores.referenceData,
    value: result.value,
    summary,
    // Each funded delegate by reference: State, region, status, gender, level, cost, score breakdown,
    // paying donors. No name, e-mail, title, organisation or justification.
    funded: result.funded.map((f) => ({
      id: f.id,
      state: f.state,
      region: f.region,
      status: f.status,
      gender: f.gender,
      level: f.level,
      cost: f.cost,
      value: f.value,
      funding: f.funding,
      lossIfDropped: f.lossIfDropped ?? null,
      score: scoreOf.get(f.id)
        ? { criteria: scoreOf.get(f.id)!.criteria, total: scoreOf.get(f.id)!.total, reasons: scoreOf.get(f.id)!.reasons }
        : null,
    })),
    notFunded: result.notFunded.map((n) => ({ id: n.id, reason: n.reason })),
    baselines: result.baselines.map((b) => ({
      name: b.name,
      description: b.description,
      value: b.value,
      count: b.count,
      totalCost: b.totalCost,
      broken: b.broken,
    })),
    moneyCurve: curve,
    // The price of each rule (locks left out: they name people), and how firm each decision is.
    rulePrices: sensitivity.rules.map((r) => ({
      rule: r.rule,
      stated: r.stated,
      relaxedTo: r.relaxedTo,
      cost: r.cost,
      text: r.text,
    })),
    robustness: {
      samples: robustness.samples,
      solved: robustness.solved,
      counts: robustness.counts,
      borderline: robustness.requests.filter((q) => q.class === "borderline").map((q) => ({ id: q.id, share: q.share, inBase: q.inBase })),
    },
  };
}
