// Decisions after an allocation: approving a run (offers to the funded, a waitlist, the rest not
// funded), offers' answers and actual costs, replacement proposals after declines and lapsed offers, and
// applying a proposal. Each change is one transaction with its audit entry; the routes only parse,
// authorise and answer.
import { randomUUID } from "node:crypto";
import type { ReplacementResult } from "../../scoring/analytics/index.js";
import {
  chf,
  dayInWords,
  APPROVAL_DECIDES,
  offerMoveRefused,
  proposalMoveRefused,
  ROUND_STATUS,
  REQUEST_STATUS,
  SETTLED_OFFERS,
  type OfferStatus,
} from "../../scoring/domain/index.js";
import { audit } from "../audit.js";
import { tx } from "../db/database.js";
import { checkVersion, conflict, DomainError, invalid, notFound } from "../errors.js";
import type { Services } from "../http/index.js";
import { runInWorker } from "../workers/solve-in-worker.js";
import { today } from "../store/rows.js";
import {
  assertRoundOpenForMoney,
  clearDecisions,
  discardOpenReplacements,
  findDecision,
  findReplacement,
  fundedDecisions,
  getRequest,
  getRound,
  insertDecision,
  insertReplacement,
  listDecisions,
  listRequests,
  markNotFunded,
  markReplacementApplied,
  offersToRemind,
  overdueOffers,
  roundsWithPendingOffers,
  yearIsOpen,
  setActualCost,
  upsertOffer,
  type DecisionRecord,
} from "../store/index.js";
import { recordOfferAnswer, setRequestStatus, settleOffer } from "./request-status.js";
import { changeRoundStatus } from "./rounds.js";
import type { Actor } from "./actor.js";
import { tellApplicant, type ChangeActor } from "../mail/events.js";
import { doneRun } from "./runs.js";

export type { Actor };

/**
 * Approves a run: its funded requests get offers with the deadline given, the `waitlist` requests not
 * funded that cost the least value to bring in are waitlisted, the rest are not funded; the round moves
 * to decided.
 */
export function approveRun(
  { db, runs }: Pick<Services, "db" | "runs">,
  runId: string,
  input: {
    offerDeadline: string;
    waitlist: number;
    roundVersion: number;
    /** The day of the approval (default today: a history's import gives its own). */ on?: string;
  },
  actor: Actor,
): DecisionRecord[] {
  const run = runs.get(runId);
  const { result } = doneRun(run);
  if (result.status !== "optimal" && result.status !== "time-limit") throw conflict("infeasible", "an infeasible run cannot be approved");
  return tx(db, () => {
    const round = getRound(db, run.roundId);
    checkVersion(round, input.roundVersion);
    assertRoundOpenForMoney(db, run.roundId, "an approval");
    if (round.status !== "review")
      throw conflict(
        "round-status",
        `round ${round.id} is "${ROUND_STATUS.say(round.status)}": runs are approved while it is "${ROUND_STATUS.say("review")}"`,
      );
    checkDeadline(input.offerDeadline, input.on ?? today(), round);
    // A re-approval never loses what was recorded after the last one.
    const recorded = listDecisions(db, run.roundId).filter(
      (d) => (d.offerStatus !== null && d.offerStatus !== "pending") || d.actualCost !== null,
    );
    if (recorded.length)
      throw conflict(
        "answers-recorded",
        `offers of this round have been answered or given actual costs (${recorded.map((d) => d.requestId).join(", ")}): a new approval would lose them`,
      );
    // The run acts only on requests still in the running (or decided by the previous approval, unanswered).
    for (const id of [...result.funded.map((f) => f.id), ...result.notFunded.map((n) => n.id)]) {
      const status = getRequest(db, id).status;
      if (!APPROVAL_DECIDES.has(status))
        throw conflict(
          "not-in-running",
          `the run decides ${id}, which is now ${REQUEST_STATUS.say(status)}: start a new run, then approve it`,
        );
    }
    runs.markApproved(run.id, actor.id);
    clearDecisions(db, run.roundId);
    // A proposal computed on the decisions this approval replaces can no longer be applied.
    discardOpenReplacements(db, run.roundId);
    for (const f of result.funded) {
      insertDecision(db, {
        roundId: run.roundId,
        requestId: f.id,
        runId,
        decision: "funded",
        level: f.level,
        cost: f.cost,
        offerDeadline: input.offerDeadline,
        ...(input.on ? { on: input.on } : {}),
      });
      setRequestStatus(
        db,
        f.id,
        "funded",
        `offered ${f.level === "full" ? "full support" : f.level === "ticket" ? "the air ticket" : "the daily allowance"} (CHF ${chf(f.cost)}) by the approved allocation`,
        actor,
      );
    }
    // Waitlist: the requests not funded that cost the least value to bring in.
    const ranked = result.notFunded
      .filter((n) => n.reason.kind === "price-of-inclusion")
      .sort((a, b) => (a.reason as { price: number }).price - (b.reason as { price: number }).price);
    const waitlisted = new Set(ranked.slice(0, input.waitlist).map((n) => n.id));
    for (const n of result.notFunded) {
      const decision = waitlisted.has(n.id) ? "waitlisted" : "not-funded";
      insertDecision(db, { roundId: run.roundId, requestId: n.id, runId: run.id, decision, level: null, cost: null, offerDeadline: null });
      setRequestStatus(db, n.id, decision, n.reason.text, actor, { reason: n.reason });
    }
    changeRoundStatus(db, getRound(db, run.roundId), "decided");
    audit(db, {
      actor: actor.name,
      action: "approve",
      entity: "run",
      entityId: run.id,
      data: { roundId: run.roundId, funded: result.funded.length, waitlisted: waitlisted.size, offerDeadline: input.offerDeadline },
    });
    return listDecisions(db, run.roundId);
  });
}

/** What staff may record of an offer: its answer, its settlement after the meeting, or a corrected actual cost. */
export interface OfferInput {
  offerStatus?: Exclude<OfferStatus, "pending">;
  actualCost?: number;
  /** The day the answer came or the offer was settled (default today; never in the future). */
  on?: string;
  version: number;
}

/**
 * Records an offer's answer (accepted, declined, expired) or its settlement after the meeting (travelled
 * with its actual cost; a no-show or a late cancellation with what could not be refunded, 0 by default),
 * or corrects a settled offer's actual cost. Each move is checked by the core's offer lifecycle; an
 * actual cost alone settles an accepted offer as travelled; a settlement of an offer whose acceptance was
 * not recorded records the acceptance first.
 */
export function recordOffer(
  { db }: Pick<Services, "db">,
  roundId: string,
  requestId: string,
  input: OfferInput,
  actor: Actor,
): DecisionRecord {
  return tx(db, () => {
    const d = findDecision(db, roundId, requestId);
    if (!d || d.offerStatus === null) throw new DomainError("not-found", "not-found", `no offer to ${requestId} in round ${roundId}`);
    checkVersion(d, input.version);
    assertRoundOpenForMoney(db, roundId, "an offer's answer or cost");
    const from = d.offerStatus;
    const on = input.on ?? today();
    if (on > today()) throw invalid([{ path: "on", message: "must not be in the future" }]);
    const target: OfferStatus = input.offerStatus ?? (input.actualCost === undefined || SETTLED_OFFERS.has(from) ? from : "travelled");
    const settles = SETTLED_OFFERS.has(target);
    if (input.actualCost !== undefined && !settles)
      throw invalid([
        { path: "actualCost", message: "only an offer settled after the meeting (travelled, no-show, cancelled late) has an actual cost" },
      ]);
    if (target === "travelled" && input.actualCost === undefined && from !== "travelled")
      throw invalid([{ path: "actualCost", message: "required: what the delegate's travel cost" }]);
    const path: OfferStatus[] = from === "pending" && settles ? ["accepted", target] : target === from ? [] : [target];
    let at = from;
    for (const step of path) {
      const refused = offerMoveRefused(requestId, at, step);
      if (refused) throw conflict("offer-status", refused);
      if (step === "accepted" || step === "declined" || step === "expired")
        recordOfferAnswer(db, roundId, requestId, step, `offer ${step}`, actor, on);
      else if (step !== "pending") settleOffer(db, roundId, requestId, step, input.actualCost ?? 0, `offer settled: ${step}`, actor, on);
      at = step;
    }
    if (path.length === 0 && settles && input.actualCost !== undefined) setActualCost(db, roundId, requestId, input.actualCost);
    audit(db, {
      actor: actor.name,
      action: "offer",
      entity: "request",
      entityId: requestId,
      data: { from, to: target, actualCost: input.actualCost ?? null },
    });
    return findDecision(db, roundId, requestId)!;
  });
}

/**
 * Proposes replacements for the declined and lapsed offers (everyone else kept at their level), solved
 * by the engine in a worker. Offers still pending after their deadline are recorded as expired first.
 */
export async function proposeReplacements(
  { db, runs }: Services,
  roundId: string,
  actor: Actor,
): Promise<{ id: string; status: "proposed"; proposal: ReplacementResult }> {
  assertRoundOpenForMoney(db, roundId, "a replacement");
  expireOverdueOffers(db, roundId, today(), actor);
  const decisions = fundedDecisions(db, roundId);
  if (decisions.length === 0) throw conflict("no-decisions", "the round has no approved run");
  const runId = decisions[0]!.runId;
  const { problem: runProblem } = doneRun(runs.get(runId));
  const released = decisions.filter((d) => d.offerStatus === "declined" || d.offerStatus === "expired");
  if (released.length === 0) throw conflict("nothing-released", "no offer was declined or has expired");
  // The funded list as it stands now (earlier replacements applied).
  const current = { funded: decisions.flatMap((d) => (d.level ? [{ id: d.requestId, level: d.level }] : [])) };
  const declined = released.filter((d) => d.offerStatus === "declined").map((d) => d.requestId);
  const expired = released.filter((d) => d.offerStatus === "expired").map((d) => ({ id: d.requestId, deadline: d.offerDeadline! }));
  // Replacements come only from requests still in the running: a request whose offer was answered
  // (declined, expired, …) or that left the round since the run is locked out, even once an earlier
  // proposal closed its offer out (its decision is then no longer "funded", but its answer stands).
  const funded = new Set(decisions.map((d) => d.requestId));
  const statusOf = new Map(listRequests(db, roundId).map((r) => [r.id, r.status]));

  const inRunning = (id: string): boolean => funded.has(id) || APPROVAL_DECIDES.has(statusOf.get(id));
  const problem = {
    ...runProblem,
    requests: runProblem.requests.map((r) => (inRunning(r.id) ? r : { ...r, lock: "out" as const })),
  };
  const proposal = declined.length
    ? await runInWorker<ReplacementResult>({
        type: "replace",
        problem,
        result: current,
        declined: [...declined, ...expired.map((e) => e.id)],
      }).result
    : await runInWorker<ReplacementResult>({ type: "release", problem, result: current, expiredOffers: expired }).result;
  const id = randomUUID();
  tx(db, () => {
    const discarded = discardOpenReplacements(db, roundId);
    insertReplacement(db, {
      id,
      roundId,
      runId,
      cause: declined.length ? "declined" : "expired",
      input: { declined, expired },
      proposal,
      by: actor.id,
    });
    audit(db, {
      actor: actor.name,
      action: "propose",
      entity: "replacement",
      entityId: id,
      data: { declined, expired, replacements: proposal.replacements.map((r) => r.id), replaces: discarded },
    });
  });
  return { id, status: "proposed", proposal };
}

/** Records the round's offers still pending after their deadline as lapsed (each applicant is told). */
function expireOverdueOffers(db: Services["db"], roundId: string, day: string, actor: ChangeActor): number {
  return tx(db, () => {
    const overdue = overdueOffers(db, roundId, day);
    for (const id of overdue) recordOfferAnswer(db, roundId, id, "expired", "offer not accepted by its deadline", actor);
    return overdue.length;
  });
}

/** Who lapses an offer at its deadline: the deadline itself, no one's decision. */
const DEADLINE: ChangeActor = { id: null, name: "the offer's deadline" };

/**
 * What the calendar decides on `day`, run by the outbox's sender: the offers pending past their deadline
 * lapse (in rounds whose year is open), and the reminders due are written, three days before a deadline
 * (or the first day after the offer when it gave less time), once per offer and deadline.
 */
export function runCalendar(db: Services["db"], day: string): { lapsed: number; reminders: number } {
  let lapsed = 0;
  for (const roundId of roundsWithPendingOffers(db)) {
    if (!yearIsOpen(db, roundId)) continue;
    lapsed += expireOverdueOffers(db, roundId, day, DEADLINE);
  }
  let reminders = 0;
  for (const o of offersToRemind(db, day)) {
    if (tx(db, () => tellApplicant(db, `reminder:${o.requestId}:${o.deadline}`, "reminder", o.requestId))) reminders++;
  }
  return { lapsed, reminders };
}

/** Applies a replacement proposal: the replacements get offers with the deadline given, the released are not funded. */
/**
 * An offer's deadline lies between the day it is made and the meeting's first day: an offer is answered
 * before the travel, and a deadline after the meeting would leave the money committed to no one.
 */
function checkDeadline(deadline: string, on: string, round: { startDate: string }): void {
  if (deadline < on)
    throw invalid([{ path: "offerDeadline", message: `must not be before the day the offers are made (${dayInWords(on)})` }]);
  if (deadline > round.startDate)
    throw invalid([
      {
        path: "offerDeadline",
        message: `must be on or before the meeting's first day (${dayInWords(round.startDate)}): offers are answered before the travel`,
      },
    ]);
}

export function applyReplacement({ db }: Services, replacementId: string, offerDeadline: string, actor: Actor): DecisionRecord[] {
  return tx(db, () => {
    const row = findReplacement(db, replacementId);
    if (!row) throw notFound(`replacement ${replacementId}`);
    const refused = proposalMoveRefused(row.status, "applied");
    if (refused) throw conflict("replacement-status", refused);
    const { proposal } = row;
    if (proposal.status === "infeasible") throw conflict("infeasible", "this proposal found no replacement that keeps the rules");
    assertRoundOpenForMoney(db, row.roundId, "a replacement");
    checkDeadline(offerDeadline, today(), getRound(db, row.roundId));
    // The proposal answers offers released under the decisions as they stand: they must still be released.
    for (const r of proposal.released) {
      const d = findDecision(db, row.roundId, r.id);
      if (!d || d.runId !== row.runId || (d.offerStatus !== "declined" && d.offerStatus !== "expired"))
        throw conflict(
          "replacement-stale",
          `the decisions changed since this proposal (${r.id} is no longer a released offer): propose again`,
        );
    }
    for (const r of proposal.replacements) {
      upsertOffer(db, { roundId: row.roundId, requestId: r.id, runId: row.runId, level: r.level, cost: r.cost, offerDeadline });
      const replaces = proposal.released.map((x) => x.id).join(", ");
      setRequestStatus(db, r.id, "funded", `offered as a replacement (for ${replaces}) by the ISU`, actor);
    }
    for (const r of proposal.released) markNotFunded(db, row.roundId, r.id);
    markReplacementApplied(db, replacementId);
    audit(db, {
      actor: actor.name,
      action: "apply",
      entity: "replacement",
      entityId: replacementId,
      data: { replacements: proposal.replacements.map((r) => r.id) },
    });
    return listDecisions(db, row.roundId);
  });
}
