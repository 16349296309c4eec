// The one owner of a request's status: every change goes through the lifecycle's guard, writes its history
// line and audit entry, and tells whom it concerns (the outbox), in the caller's transaction. Offers'
// answers and settlements change the request's status through here too.
import {
  REQUEST_STATUS_OF_OFFER,
  offerDayRefused,
  requestMoveRefused,
  type OfferStatus,
  type NotFundedReason,
  type RequestStatus,
  type SETTLED_OFFERS,
} from "../../scoring/domain/index.js";
import { audit } from "../audit.js";
import type { Db } from "../db/database.js";
import { conflict } from "../errors.js";
import { tellStatusChange, type ChangeActor } from "../mail/events.js";
import { decisionOfRequest, getRequest, getRound, writeOfferAnswer, writeRequestStatus, writeSettlement } from "../store/index.js";
import { today } from "../store/rows.js";

/** An answer (accepted, declined), a lapse, or any other move that ends an offer before the meeting. */
type Answer = Exclude<OfferStatus, Settlement | "pending">;
type Settlement = (typeof SETTLED_OFFERS)[number];

/** Moves a request to a new status, refused in words when the lifecycle does not allow the move. */
export function setRequestStatus(
  db: Db,
  id: string,
  status: RequestStatus,
  note: string,
  actor: ChangeActor,
  /** Why a request is not funded (the engine's reason, told to the applicant in plain words). */
  detail: { reason?: NotFundedReason } = {},
): void {
  const from = getRequest(db, id).status;
  const refused = requestMoveRefused(id, from, status);
  if (refused) throw conflict("request-status", refused);
  const historyId = writeRequestStatus(db, id, status, note, actor.id);
  audit(db, { actor: actor.name, action: "status", entity: "request", entityId: id, data: { status, note } });
  tellStatusChange(db, { requestId: id, from, to: status, historyId, actor, reason: detail.reason });
}

/** Refuses an offer's move on a day the calendar makes impossible (the core's words), 409. */
function assertOfferDay(db: Db, roundId: string, requestId: string, to: OfferStatus, on: string): void {
  const deadline = decisionOfRequest(db, requestId)?.offerDeadline ?? null;
  const refused = offerDayRefused(requestId, to, on, { deadline, meetingStarts: getRound(db, roundId).startDate });
  if (refused) throw conflict("offer-date", refused);
}

/**
 * An offer answered (accepted, declined) or lapsed (expired) on `on`: the decision and the request's
 * status, with its history note. The calendar is checked (an answer by the deadline, a lapse after it),
 * except for an acceptance that a settlement implies (the delegate travelled: they accepted, in time).
 */
export function recordOfferAnswer(
  db: Db,
  roundId: string,
  requestId: string,
  status: Answer,
  note: string,
  actor: ChangeActor,
  on = today(),
  implied = false,
): void {
  if (!implied) assertOfferDay(db, roundId, requestId, status, on);
  writeOfferAnswer(db, roundId, requestId, status, on);
  setRequestStatus(db, requestId, REQUEST_STATUS_OF_OFFER[status], note, actor);
}

/** Settles an accepted offer after the meeting (travelled, no-show, cancelled late) with what it cost, and the request's status. */
export function settleOffer(
  db: Db,
  roundId: string,
  requestId: string,
  status: Settlement,
  actualCost: number,
  note: string,
  actor: ChangeActor,
  on = today(),
): void {
  assertOfferDay(db, roundId, requestId, status, on);
  writeSettlement(db, roundId, requestId, status, actualCost, on);
  setRequestStatus(db, requestId, REQUEST_STATUS_OF_OFFER[status], note, actor);
}
