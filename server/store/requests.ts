// Requests: their records, references, status changes with their history, offers' answers, ratings.
import { storedRequestAttributes, type RequestAttributes } from "../../scoring/criteria/index.js";
import { audit } from "../audit.js";
import { type Db } from "../db/database.js";

import type { RequestStatus } from "../../scoring/domain/index.js";
import { byId, now } from "./rows.js";
import { getRound } from "./rounds.js";
import type { RequestRecord } from "../schemas/index.js";

// --- requests ----------------------------------------------------------------------------------

export type { RequestRecord };

interface RequestRow {
  id: string;
  round_id: string;
  attributes: string;
  status: RequestStatus;
  created_at: string;
  updated_at: string;
  version: number;
}

const requestOf = (r: RequestRow): RequestRecord => ({
  id: r.id,
  roundId: r.round_id,
  status: r.status,
  attributes: storedRequestAttributes(r.attributes),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: r.version,
});

export function getRequest(db: Db, id: string): RequestRecord {
  return byId(db, "requests", id, "request", requestOf);
}

export function listRequests(db: Db, roundId: string): RequestRecord[] {
  getRound(db, roundId);
  return (db.prepare("SELECT * FROM requests WHERE round_id = ? ORDER BY id").all(roundId) as RequestRow[]).map(requestOf);
}

/** The next free reference of a round for staff: ROUND-001, ROUND-002, … (skipping any id taken in any round). */
export function nextReference(db: Db, roundId: string): string {
  const prefix = `${roundId}-`;
  const ids = db.prepare("SELECT id FROM requests WHERE substr(id, 1, ?) = ?").pluck().all(prefix.length, prefix) as string[];
  const max = Math.max(0, ...ids.map((x) => Number(x.slice(prefix.length)) || 0));
  return `${prefix}${String(max + 1).padStart(3, "0")}`;
}

/** Inserts a request (inside the caller's transaction). The attributes' id is the reference. */
export function insertRequest(
  db: Db,
  roundId: string,
  attributes: RequestAttributes,
  status: RequestStatus,
  accessCodeHash: string | null,
  actor: { id: number | null; name: string },
): void {
  const t = now();
  db.prepare(
    "INSERT INTO requests (id, round_id, attributes, status, access_code_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
  ).run(attributes.id, roundId, JSON.stringify(attributes), status, accessCodeHash, t, t);
  db.prepare("INSERT INTO request_history (request_id, status, note, at, by_user) VALUES (?, ?, ?, ?, ?)").run(
    attributes.id,
    status,
    "created",
    t,
    actor.id,
  );
  audit(db, { actor: actor.name, action: "create", entity: "request", entityId: attributes.id, data: { roundId, status } });
}

/**
 * Writes a request's new status and its history line; returns the line's id. The caller (services/request-status.ts)
 * guards the move, audits it and tells whom it concerns, in the same transaction.
 */
export function writeRequestStatus(db: Db, id: string, status: RequestStatus, note: string, byUser: number | null): number {
  const t = now();
  db.prepare("UPDATE requests SET status = ?, updated_at = ?, version = version + 1 WHERE id = ?").run(status, t, id);
  const line = db
    .prepare("INSERT INTO request_history (request_id, status, note, at, by_user) VALUES (?, ?, ?, ?, ?)")
    .run(id, status, note, t, byUser);
  return Number(line.lastInsertRowid);
}

export function requestHistory(db: Db, id: string): { status: RequestStatus; note: string; at: string; by: string | null }[] {
  return db
    .prepare(
      "SELECT h.status, h.note, h.at, u.display_name AS by FROM request_history h LEFT JOIN users u ON u.id = h.by_user WHERE h.request_id = ? ORDER BY h.id",
    )
    .all(id) as { status: RequestStatus; note: string; at: string; by: string | null }[];
}

/** Mean reviewers' rating of each request (conflicts excluded), for the technical-value rule. */
export function meanRatings(db: Db, roundId: string): Map<string, number> {
  const rows = db
    .prepare(
      "SELECT r.request_id AS id, AVG(r.rating) AS mean FROM reviews r JOIN requests q ON q.id = r.request_id WHERE q.round_id = ? AND r.conflict = 0 AND r.rating IS NOT NULL GROUP BY r.request_id",
    )
    .all(roundId) as { id: string; mean: number }[];
  return new Map(rows.map((r) => [r.id, Math.round(r.mean * 100) / 100]));
}

export function requestExists(db: Db, id: string): boolean {
  return db.prepare("SELECT 1 FROM requests WHERE id = ?").get(id) !== undefined;
}

/** Replaces a request's attributes (a new version). */
export function updateAttributes(db: Db, id: string, attributes: RequestAttributes): void {
  db.prepare("UPDATE requests SET attributes = ?, updated_at = ?, version = version + 1 WHERE id = ?").run(
    JSON.stringify(attributes),
    now(),
    id,
  );
}

/** A line in the request's history that keeps its status (a lock set or lifted, with its justification). */
export function addHistory(db: Db, id: string, status: RequestStatus, note: string, actorId: number | null): void {
  db.prepare("INSERT INTO request_history (request_id, status, note, at, by_user) VALUES (?, ?, ?, ?, ?)").run(
    id,
    status,
    note,
    now(),
    actorId,
  );
}

/** The stored reference an applicant typed, whatever its case (the exact one first): undefined when none. */
export function referenceOf(db: Db, typed: string): string | undefined {
  return (db.prepare("SELECT id FROM requests WHERE id = ? COLLATE NOCASE ORDER BY id = ? DESC LIMIT 1").pluck().get(typed, typed) ??
    undefined) as string | undefined;
}

/** Replaces the request's access code (its hash: the code itself is never stored). */
/**
 * The request's access code, as hashes: the code of the message the mail server accepted, and (when an
 * earlier handover of that message was cut by a stop, so that its code may have arrived too) that code.
 */
export function setAccessCodeHash(db: Db, id: string, hash: string, spare: string | null = null): void {
  db.prepare("UPDATE requests SET access_code_hash = ?, spare_code_hash = ?, version = version + 1 WHERE id = ?").run(hash, spare, id);
}

/** The hashes of the codes that open the request (none: entered by staff, or an unknown reference). */
export function accessCodeHashes(db: Db, id: string): string[] {
  const row = db.prepare("SELECT access_code_hash, spare_code_hash FROM requests WHERE id = ?").get(id) as
    { access_code_hash: string | null; spare_code_hash: string | null } | undefined;
  return [row?.access_code_hash, row?.spare_code_hash].filter((h): h is string => typeof h === "string");
}

/** The request's statuses over time, as its applicant sees them (no notes, no names). */
export function statusTimeline(db: Db, id: string): { status: RequestStatus; at: string }[] {
  return db.prepare("SELECT status, at FROM request_history WHERE request_id = ? ORDER BY id").all(id) as {
    status: RequestStatus;
    at: string;
  }[];
}
