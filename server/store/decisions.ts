// Decisions of a round (one per request of the approved run: funded with its offer, waitlisted, not
// funded), their offers' answers and actual costs; and the replacement proposals made after declines.
import type { ReplacementResult } from "../../scoring/analytics/index.js";
import type { DecisionKind, OfferStatus, ProposalStatus, ReplacementCause, SupportLevel } from "../../scoring/domain/index.js";
import type { Db } from "../db/database.js";
import { dayFrom, now, today } from "./rows.js";
import type { DecisionRecord } from "../schemas/index.js";

export type { DecisionKind };
export type { OfferStatus };

interface DecisionRow {
  round_id: string;
  request_id: string;
  run_id: string;
  decision: DecisionKind;
  level: SupportLevel | null;
  cost: number | null;
  offer_deadline: string | null;
  offer_status: OfferStatus | null;
  actual_cost: number | null;
  committed_on: string | null;
  answered_on: string | null;
  settled_on: string | null;
  version: number;
}

export type { DecisionRecord };

const decisionOf = (d: DecisionRow): DecisionRecord => ({
  requestId: d.request_id,
  runId: d.run_id,
  decision: d.decision,
  level: d.level,
  cost: d.cost,
  offerDeadline: d.offer_deadline,
  offerStatus: d.offer_status,
  actualCost: d.actual_cost,
  committedOn: d.committed_on,
  answeredOn: d.answered_on,
  settledOn: d.settled_on,
  version: d.version,
});

/** A round's decisions, by request. */
export function listDecisions(db: Db, roundId: string): DecisionRecord[] {
  return (db.prepare("SELECT * FROM decisions WHERE round_id = ? ORDER BY request_id").all(roundId) as DecisionRow[]).map(decisionOf);
}

/** The round's funded decisions (with their offers). */
export function fundedDecisions(db: Db, roundId: string): DecisionRecord[] {
  return (db.prepare("SELECT * FROM decisions WHERE round_id = ? AND decision = 'funded'").all(roundId) as DecisionRow[]).map(decisionOf);
}

export function findDecision(db: Db, roundId: string, requestId: string): DecisionRecord | null {
  const row = db.prepare("SELECT * FROM decisions WHERE round_id = ? AND request_id = ?").get(roundId, requestId) as
    DecisionRow | undefined;
  return row ? decisionOf(row) : null;
}

/** A request's decision, in whichever round (a request belongs to one). */
export function decisionOfRequest(db: Db, requestId: string): DecisionRecord | null {
  const row = db.prepare("SELECT * FROM decisions WHERE request_id = ?").get(requestId) as DecisionRow | undefined;
  return row ? decisionOf(row) : null;
}

export function clearDecisions(db: Db, roundId: string): void {
  db.prepare("DELETE FROM decisions WHERE round_id = ?").run(roundId);
}

export function insertDecision(
  db: Db,
  d: {
    roundId: string;
    requestId: string;
    runId: string;
    decision: DecisionKind;
    level: SupportLevel | null;
    cost: number | null;
    offerDeadline: string | null;
    /** The day of the commitment (default today). */
    on?: string;
  },
): void {
  db.prepare(
    "INSERT INTO decisions (round_id, request_id, run_id, decision, level, cost, offer_deadline, offer_status, committed_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
  ).run(
    d.roundId,
    d.requestId,
    d.runId,
    d.decision,
    d.level,
    d.cost,
    d.offerDeadline,
    d.decision === "funded" ? "pending" : null,
    d.decision === "funded" ? (d.on ?? today()) : null,
  );
}

/** A replacement's offer: a new funded decision, or the request's earlier one made funded again. */
export function upsertOffer(
  db: Db,
  d: { roundId: string; requestId: string; runId: string; level: SupportLevel; cost: number; offerDeadline: string },
): void {
  db.prepare(
    "INSERT INTO decisions (round_id, request_id, run_id, decision, level, cost, offer_deadline, offer_status, committed_on) VALUES (?, ?, ?, 'funded', ?, ?, ?, 'pending', ?) ON CONFLICT (round_id, request_id) DO UPDATE SET decision = 'funded', level = excluded.level, cost = excluded.cost, offer_deadline = excluded.offer_deadline, offer_status = 'pending', committed_on = excluded.committed_on, version = version + 1",
  ).run(d.roundId, d.requestId, d.runId, d.level, d.cost, d.offerDeadline, today());
}

export function markNotFunded(db: Db, roundId: string, requestId: string): void {
  db.prepare("UPDATE decisions SET decision = 'not-funded', version = version + 1 WHERE round_id = ? AND request_id = ?").run(
    roundId,
    requestId,
  );
}

/** Corrects a settled offer's actual cost (the caller checked the offer is settled and its year open). */
export function setActualCost(db: Db, roundId: string, requestId: string, actualCost: number): void {
  db.prepare("UPDATE decisions SET actual_cost = ?, version = version + 1 WHERE round_id = ? AND request_id = ?").run(
    actualCost,
    roundId,
    requestId,
  );
}

/** Writes an offer's settlement after the meeting (travelled, no-show, cancelled late) with what it cost, on a day. */
export function writeSettlement(db: Db, roundId: string, requestId: string, status: OfferStatus, actualCost: number, on: string): void {
  db.prepare(
    "UPDATE decisions SET offer_status = ?, actual_cost = ?, settled_on = ?, version = version + 1 WHERE round_id = ? AND request_id = ?",
  ).run(status, actualCost, on, roundId, requestId);
}

/** Writes an offer's answer (accepted, declined) or its lapse (expired), on a day. */
export function writeOfferAnswer(db: Db, roundId: string, requestId: string, status: OfferStatus, on: string): void {
  db.prepare("UPDATE decisions SET offer_status = ?, answered_on = ?, version = version + 1 WHERE round_id = ? AND request_id = ?").run(
    status,
    on,
    roundId,
    requestId,
  );
}

/** Offers still pending after their deadline (`today`, an ISO date). */
export function overdueOffers(db: Db, roundId: string, today: string): string[] {
  return db
    .prepare(
      "SELECT request_id FROM decisions WHERE round_id = ? AND decision = 'funded' AND offer_status = 'pending' AND offer_deadline < ?",
    )
    .pluck()
    .all(roundId, today) as string[];
}

/** The rounds with an offer still pending. */
export function roundsWithPendingOffers(db: Db): string[] {
  return db
    .prepare("SELECT DISTINCT round_id FROM decisions WHERE decision = 'funded' AND offer_status = 'pending'")
    .pluck()
    .all() as string[];
}

/**
 * The pending offers whose reminder is due on `day`: the deadline within three days, and the offer made
 * before `day` (an offer made today says its deadline itself).
 */
export function offersToRemind(db: Db, day: string): { requestId: string; deadline: string }[] {
  const inThreeDays = dayFrom(day, 3);
  return db
    .prepare(
      "SELECT request_id AS requestId, offer_deadline AS deadline FROM decisions WHERE decision = 'funded' AND offer_status = 'pending' AND offer_deadline >= ? AND offer_deadline <= ? AND committed_on < ? ORDER BY request_id",
    )
    .all(day, inThreeDays, day) as { requestId: string; deadline: string }[];
}

// --- replacement proposals ------------------------------------------------------------------------

export interface ReplacementRecord {
  id: string;
  roundId: string;
  runId: string;
  /** discarded: a later proposal for the round replaced it before it was applied. */
  status: ProposalStatus;
  proposal: ReplacementResult;
}

/** A new proposal replaces the round's open ones: only the latest can be applied. */
export function discardOpenReplacements(db: Db, roundId: string): string[] {
  const open = db.prepare("SELECT id FROM replacements WHERE round_id = ? AND status = 'proposed'").pluck().all(roundId) as string[];
  db.prepare("UPDATE replacements SET status = 'discarded' WHERE round_id = ? AND status = 'proposed'").run(roundId);
  return open;
}

export function insertReplacement(
  db: Db,
  r: { id: string; roundId: string; runId: string; cause: ReplacementCause; input: unknown; proposal: ReplacementResult; by: number },
): void {
  db.prepare(
    "INSERT INTO replacements (id, round_id, run_id, cause, input, result, status, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, 'proposed', ?, ?)",
  ).run(r.id, r.roundId, r.runId, r.cause, JSON.stringify(r.input), JSON.stringify(r.proposal), now(), r.by);
}

export function findReplacement(db: Db, id: string): ReplacementRecord | null {
  const row = db.prepare("SELECT * FROM replacements WHERE id = ?").get(id) as
    { id: string; round_id: string; run_id: string; result: string; status: ProposalStatus } | undefined;
  return row
    ? { id: row.id, roundId: row.round_id, runId: row.run_id, status: row.status, proposal: JSON.parse(row.result) as ReplacementResult }
    : null;
}

/** The round's open proposal (the latest, not yet applied), or null. */
export function openReplacement(db: Db, roundId: string): ReplacementRecord | null {
  const id = db
    .prepare("SELECT id FROM replacements WHERE round_id = ? AND status = 'proposed' ORDER BY created_at DESC LIMIT 1")
    .pluck()
    .get(roundId) as string | undefined;
  return id ? findReplacement(db, id) : null;
}

export function markReplacementApplied(db: Db, id: string): void {
  db.prepare("UPDATE replacements SET status = 'applied' WHERE id = ?").run(id);
}
