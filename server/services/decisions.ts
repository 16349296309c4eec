// Decisions after an allocation: approving a run (offers to the funded, a waitlist, the rest not
// funded), offers' answers and actual costs, and the calendar's lapses and reminders (replacements:
// replacements.ts). Each change is one transaction with its audit entry; the routes only parse,
// authorise and answer.
import {
  chf,
  APPROVAL_DECIDES,
  offerMoveRefused,
  OFFER_RULES,
  OFFER_STATE,
  type AllocationResult,
  ROUND_STATUS,
  REQUEST_STATUS,
  SETTLED_OFFERS,
  type OfferStatus,
} from "../../scoring/domain/index.js";
import { audit } from "../audit.js";
import { tx } from "../db/database.js";
import { checkVersion, conflict, DomainError, invalid } from "../errors.js";
import type { Services } from "../http/index.js";
import { today } from "../store/rows.js";
import {
  assertRoundOpenForMoney,
  assertDayOpen,
  clearDecisions,
  discardOpenReplacements,
  findDecision,
  getRequest,
  getRound,
  insertDecision,
  listDecisions,
  offersToRemind,
  roundFileOf,
  overdueOffers,
  roundsWithPendingOffers,
  yearIsOpen,
  setActualCost,
  type DecisionRecord,
  type RoundRecord,
} from "../store/index.js";
import { recordOfferAnswer, setRequestStatus, settleOffer } from "./request-status.js";
import { changeRoundStatus } from "./rounds.js";
import type { Actor } from "./actor.js";
import { tellApplicant, type ChangeActor } from "../mail/events.js";
import { doneRun, type RunRecord } from "./runs.js";
import { scoreRound } from "../../scoring/criteria/index.js";
import { offerDeadlineRefused, stateName } from "../../scoring/domain/index.js";
import { changesSince } from "../../scoring/problem/index.js";

export type { Actor };

/**
 * The guards of an approval: the round's version read, its year open, the round in review, a deadline the
 * calendar allows, nothing recorded since the last approval, and every request the run decides still in
 * the running.
 */
function checkApprovable(
  db: Services["db"],
  round: RoundRecord,
  result: AllocationResult,
  input: { offerDeadline: string; roundVersion: number; on?: string },
): void {
  checkVersion(round, input.roundVersion);
  assertRoundOpenForMoney(db, round.id, "an approval");
  assertDayOpen(db, input.on ?? today(), "an approval");
  if (round.status !== "review")
    throw conflict(
      "round-status",
      `round ${round.id} is "${ROUND_STATUS.say(round.status)}": runs are approved while it is "${ROUND_STATUS.say("review")}"`,
    );
  checkDeadline(input.offerDeadline, input.on ?? today(), round);
  // A re-approval never loses what was recorded after the last one.
  const recorded = listDecisions(db, round.id).filter(
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
}

/**
 * Approves a run: its funded requests get offers with the deadline given, the `waitlist` requests not
 * funded that cost the least value to bring in are waitlisted, the rest are not funded; the round moves
 * to decided.
 */
/**
 * What changed in the round since a run read it (money, weights, rules, contributions, requests in the
 * running, their points, costs and eligibility), in words; empty when the run is of the round as it is.
 */
export function runChanges({ db, runs }: Pick<Services, "db" | "runs">, runId: string): string[] {
  return changesOf(db, runs.get(runId));
}

/** The changes since a run already read (the approval has it in hand). */
function changesOf(db: Services["db"], run: RunRecord): string[] {
  const { problem, scores } = doneRun(run);
  const { file, reference } = roundFileOf(db, run.roundId, undefined, APPROVAL_DECIDES);
  const now = scoreRound(file, reference);
  const totals = (scored: { id: string; total: number }[]) => new Map(scored.map((r) => [r.id, r.total]));
  return changesSince({ problem, totals: totals(scores.requests) }, { problem: now.problem, totals: totals(now.requests) }, stateName);
}

export function approveRun(
  { db, runs }: Pick<Services, "db" | "runs">,
  runId: string,
  input: {
    offerDeadline: string;
    waitlist: number;
    roundVersion: number;
    /** The approver has read what changed since the run and approves the run as it was. */
    outOfDate?: "approve-as-it-was";
    /** The day of the approval (default today: a history's import gives its own). */ on?: string;
  },
  actor: Actor,
): DecisionRecord[] {
  const run = runs.get(runId);
  const { result } = doneRun(run);
  if (result.status !== "optimal" && result.status !== "time-limit") throw conflict("infeasible", "an infeasible run cannot be approved");
  return tx(db, () => {
    const round = getRound(db, run.roundId);
    checkApprovable(db, round, result, input);
    // A run out of date is approved only by someone told what changed since, who chose to approve it as it was.
    const changes = input.outOfDate ? [] : changesOf(db, run);
    if (changes.length)
      throw conflict(
        "out-of-date",
        `the round has changed since this run: ${changes.join(" ")} Start a new run, or approve this one as it was.`,
        { changes },
      );
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
  /** Why (kept in the request's history and the audit log); required where the state asks for a reason. */
  note?: string;
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
    assertDayOpen(db, on, "an offer's answer or cost");
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
    const note = input.note?.trim() ?? "";
    if (OFFER_RULES[target].needsReason && target !== from && !note)
      throw invalid([{ path: "note", message: `say why the offer is ${OFFER_STATE.say(target)}` }]);
    const said = (words: string) => (note ? `${words}: ${note}` : words);
    for (const step of path) {
      const refused = offerMoveRefused(requestId, at, step);
      if (refused) throw conflict("offer-status", refused);
      if (SETTLED_OFFERS.has(step))
        settleOffer(db, roundId, requestId, step, input.actualCost ?? 0, said(`offer settled: ${OFFER_STATE.say(step)}`), actor, on);
      else if (step !== "pending")
        recordOfferAnswer(db, roundId, requestId, step, said(`offer ${OFFER_STATE.say(step)}`), actor, on, step !== target);
      at = step;
    }
    if (path.length === 0 && settles && input.actualCost !== undefined) setActualCost(db, roundId, requestId, input.actualCost);
    audit(db, {
      actor: actor.name,
      action: "offer",
      entity: "request",
      entityId: requestId,
      data: { from, to: target, actualCost: input.actualCost ?? null, ...(note ? { note } : {}) },
    });
    return findDecision(db, roundId, requestId)!;
  });
}

/** Records the round's offers still pending after their deadline as lapsed (each applicant is told). */
export function expireOverdueOffers(db: Services["db"], roundId: string, day: string, actor: ChangeActor): number {
  return tx(db, () => {
    const overdue = overdueOffers(db, roundId, day);
    for (const id of overdue) recordOfferAnswer(db, roundId, id, "expired", "offer not accepted by its deadline", actor, day);
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

/**
 * An offer's deadline lies between the day it is made and the meeting's first day: an offer is answered
 * before the travel, and a deadline after the meeting would leave the money committed to no one.
 */
export function checkDeadline(deadline: string, on: string, round: { startDate: string }): void {
  const refused = offerDeadlineRefused(deadline, on, round.startDate);
  if (refused) throw invalid([{ path: "offerDeadline", message: refused }]);
}
