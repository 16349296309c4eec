// The donors' rationale of a round's approved run: the weights and rules, each funded delegate's State,
// region, status, gender, score breakdown and paying donors (no personal contact data), the baselines, the
// money curve, the price of each rule and how firm each decision is.
import type { MoneyCurve, Robustness, Sensitivities } from "../../scoring/analytics/index.js";
import type { Problem, ProblemRequest } from "../../scoring/problem/index.js";
import type { ScoredRequest } from "../../scoring/criteria/index.js";
import { conflict } from "../errors.js";
import type { Services } from "../http/index.js";
import { runInWorker } from "../workers/solve-in-worker.js";
import { currentSettings, getRound, listDecisions, type RoundRecord } from "../store/index.js";
import { requireDonorOf, type Reader } from "./rounds.js";
import {
  REGION,
  byCode,
  RELEASED_OFFERS,
  NOT_TRAVELLED,
  round2,
  type AllocationResult,
  type AllocationSummary,
  type FundingShare,
  type Region,
} from "../../scoring/domain/index.js";
import { doneRun } from "./runs.js";
import { roundStatement } from "./finance.js";
import { offerMoney } from "../../scoring/ledger/index.js";
import type { DecisionRecord, Statement } from "../schemas/index.js";

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

/** The summary of the delegates as they stand now (the run's value stays: it is what the approval chose). */
function nowSummary(
  run: AllocationSummary,
  all: { state: string; region: Region; status: string; gender: string; cost: number; funding: FundingShare[]; offer: string }[],
  budget: number,
): AllocationSummary {
  // The delegates who travelled or are to travel; one who accepted but did not travel is not counted
  // among them (what their offer spent stays in the money, and they are counted apart).
  const funded = all.filter((f) => !NOT_TRAVELLED.has(f.offer));
  const women = funded.filter((f) => f.gender === "F").length;
  const totalCost = round2(all.reduce((t, f) => t + f.cost, 0));
  const byDonor = new Map<string, number>();
  for (const f of all) for (const sh of f.funding) byDonor.set(sh.donor, round2((byDonor.get(sh.donor) ?? 0) + sh.amount));
  const regions = byCode(REGION.codes, (region) => funded.filter((f) => f.region === region).length);
  return {
    ...run,
    delegates: funded.length,
    totalCost,
    moneyLeft: round2(budget - totalCost),
    women,
    womenShare: funded.length ? women / funded.length : null,
    outreach: funded.filter((f) => f.status !== "party").length,
    states: new Set(funded.map((f) => f.state)).size,
    regions,
    byDonor: [...byDonor].map(([donor, amount]) => ({ donor, amount })),
  };
}

/** An offer's cost as the ledger counts it: spent, or still committed. */
function costOf(d: { offerStatus: DecisionRecord["offerStatus"]; cost: number | null; actualCost: number | null }): number {
  const m = offerMoney({ offerStatus: d.offerStatus ?? "pending", cost: d.cost ?? 0, actualCost: d.actualCost });
  return m.spent + m.committed;
}

type Labelled = { label: string; labels?: { fr?: string; es?: string } };

/** Each scoring reason (by its label, with its French and Spanish labels when the rule set gives them) and how many delegates it applied to. */
function reasonCounts(reasons: Labelled[][]): (Labelled & { delegates: number })[] {
  const counts = new Map<string, Labelled & { delegates: number }>();
  for (const rs of reasons)
    for (const r of new Map(rs.map((x) => [x.label, x])).values()) {
      const c = counts.get(r.label) ?? { label: r.label, ...(r.labels ? { labels: r.labels } : {}), delegates: 0 };
      c.delegates++;
      counts.set(r.label, c);
    }
  return [...counts.values()].sort((a, b) => b.delegates - a.delegates || a.label.localeCompare(b.label));
}

/** The rationale as the donors' page reads it. */
export type Rationale = Awaited<ReturnType<typeof rationale>>;

/**
 * The delegates as they stand now (declined and lapsed offers out, replacements in), each with what the
 * ledger says they cost and who pays, their score's points and any exception to eligibility.
 */
function delegatesNow(
  live: DecisionRecord[],
  requestOf: ReadonlyMap<string, ProblemRequest>,
  result: AllocationResult,
  statement: Statement,
  scoreOf: ReadonlyMap<string, ScoredRequest>,
) {
  const inRun = new Map(result.funded.map((f) => [f.id, f]));
  const paid = new Map(statement.funding.map((f) => [f.requestId, f]));
  return live.flatMap((d) => {
    const q = requestOf.get(d.requestId);
    if (!q) return [];
    const f = inRun.get(d.requestId);
    const p = paid.get(d.requestId);
    const sc = scoreOf.get(d.requestId);
    return [
      {
        id: d.requestId,
        state: q.state,
        region: q.region,
        status: q.status,
        gender: q.gender,
        level: d.level ?? "full",
        // The ledger's cost: what the offer spent or still commits (a delegate who cost nothing has no share).
        cost: p?.cost ?? costOf(d),
        value: f?.value ?? null,
        funding: p?.shares ?? [],
        lossIfDropped: f?.lossIfDropped ?? null,
        offer: d.offerStatus!,
        /** Offered by a replacement after a decline or a lapsed offer (not by the approved run). */
        replacement: f === undefined,
        // The criteria's points only: the reasons name personal attributes (a survivor, a first
        // participation) that, beside the State and the gender, can identify a delegate. They are counted below.
        score: sc ? { criteria: sc.criteria, total: sc.total } : null,
        /** Admitted by the ISU although no eligibility condition holds: the ISU's justification (runs before eligibility have none). */
        exception: sc?.eligibility?.exception?.justification ?? null,
      },
    ];
  });
}

/** The money curve, and the price of each rule (locks left out: they name people). */
function pricesAndCurve(curve: MoneyCurve, sensitivity: Sensitivities) {
  return {
    moneyCurve: curve,
    // The price of each rule (locks left out: they name people), and how firm each decision is.
    rulePrices: sensitivity.rules.map((r) => ({
      rule: r.rule,
      stated: r.stated,
      relaxedTo: r.relaxedTo,
      cost: r.cost,
      entered: r.entered.map((p) => p.id),
      left: r.left.map((p) => p.id),
      text: r.text,
    })),
  };
}

/** How firm each decision is: the borderline requests under perturbed weights and costs. */
function firmness(robustness: Robustness) {
  return {
    samples: robustness.samples,
    solved: robustness.solved,
    counts: robustness.counts,
    borderline: robustness.requests.filter((q) => q.class === "borderline").map((q) => ({ id: q.id, share: q.share, inBase: q.inBase })),
  };
}

/** Who may be sponsored: how many requests were not eligible, the exceptions made, and the regions counted as under-represented with their figures. */
function eligibilitySummary(
  scores: ReturnType<typeof doneRun>["scores"],
  funded: { id: string; state: string; exception: string | null }[],
) {
  const eligibility = scores.requests.map((s) => s.eligibility).filter((e) => e !== undefined);
  return {
    ineligible: eligibility.filter((e) => !e.eligible).length,
    exceptions: funded.flatMap((f) => (f.exception === null ? [] : [{ id: f.id, state: f.state, why: f.exception }])),
    // The staff's reason for setting the groups by hand, if they did ("why": no field here is named like an applicant's).
    underrepresented: scores.underrepresented
      ? {
          regions: scores.underrepresented.regions,
          derived: scores.underrepresented.derived,
          why: scores.underrepresented.justification,
          figures: scores.underrepresented.figures,
          overall: scores.underrepresented.overall,
        }
      : null,
  };
}

/** The meeting a rationale is about, with its words in French and Spanish (null: the English). */
const meetingOf = (round: RoundRecord) => ({
  id: round.id,
  meeting: round.meeting,
  venue: round.venue,
  meetingFr: round.meetingFr ?? null,
  meetingEs: round.meetingEs ?? null,
  venueFr: round.venueFr ?? null,
  venueEs: round.venueEs ?? null,
  startDate: round.startDate,
  endDate: round.endDate,
});

/** A baseline (first come first served, greedy) as the donors read it. */
function baselineView(b: AllocationResult["baselines"][number]) {
  return {
    name: b.name,
    description: b.description,
    value: b.value,
    count: b.count,
    totalCost: b.totalCost,
    broken: b.broken,
    // Runs solved before the rules were named by id have only the sentences.
    brokenRules: b.brokenRules ?? [],
  };
}

export async function rationale({ db, runs }: Services, roundId: string, user: Reader) {
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
  // The delegates as they stand now (declined and lapsed offers out, replacements in), with what each
  // costs and who pays for it from the ledger: the same money as the dashboard's and the statement's.
  const statement = roundStatement(db, roundId);
  const offers = listDecisions(db, roundId).filter((d) => d.offerStatus !== null);
  const live = offers.filter((d) => !RELEASED_OFFERS.has(d.offerStatus!));
  const requestOf = new Map(problem.requests.map((q) => [q.id, q]));
  const funded = delegatesNow(live, requestOf, result, statement, scoreOf);
  return {
    round: meetingOf(round),
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
    /** Who may be sponsored: how many requests were not eligible, the exceptions made, and the regions counted as under-represented with their figures. */
    eligibility: eligibilitySummary(scores, funded),
    value: result.value,
    // The summary of the delegates as they stand (the run's own, for its value, is in the baselines' comparison).
    summary: nowSummary(summary, funded, problem.budget),
    /** Who accepted an offer but did not travel (no-show, travel cancelled), and what their offers spent. */
    notTravelled: funded.filter((f) => NOT_TRAVELLED.has(f.offer)).map((f) => ({ id: f.id, state: f.state, offer: f.offer, cost: f.cost })),
    /**
     * The approved run as it solved the round: its delegates and value. The analyses (other methods, the
     * rules' prices, the money curve, the firmness) are of this run, before any decline or replacement since.
     */
    asApproved: { delegates: result.funded.length, value: result.value },
    // Each delegate as it stands by reference: State, region, status, gender, level, cost, score
    // breakdown, paying donors. No name, e-mail, title, organisation or justification.
    funded,
    /** How many of the delegates each scoring reason applied to (sensitive attributes only as counts). */
    reasonCounts: reasonCounts(funded.map((f) => Object.values(scoreOf.get(f.id)?.reasons ?? {}).flat())),
    /** Offers declined or lapsed: their money went back to the programme. */
    released: offers
      .filter((d) => RELEASED_OFFERS.has(d.offerStatus!))
      .map((d) => ({ id: d.requestId, state: requestOf.get(d.requestId)?.state ?? "", offer: d.offerStatus! })),
    /** The money from the ledger: Table 3 and the balances, as the statement and the dashboard show them. */
    money: {
      balances: statement.balances,
      expenditures: statement.expenditures,
      revenues: statement.revenues,
      deferredTo: statement.deferredTo,
      provisional: statement.provisional,
    },
    notFunded: result.notFunded.map((n) => ({ id: n.id, reason: n.reason })),
    baselines: result.baselines.map(baselineView),
    ...pricesAndCurve(curve, sensitivity),
    /** Each request of the run by its State (the references the sentences name, with no personal data). */
    states: Object.fromEntries(problem.requests.map((q) => [q.id, q.state])),
    robustness: firmness(robustness),
  };
}
