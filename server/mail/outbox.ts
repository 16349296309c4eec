// The outbox: the messages table's rows. A message is written by the change that causes it, inside that
// change's transaction (one per event: its event key is unique, a second write of the same event is
// ignored); the sender then moves it queued → sending → sent, or back to queued with a later attempt,
// or to failed with the mail server's answer. Staff may resend a failed one (the same message, again).
import { byCode, MESSAGE_STATUS, SENDABLE_BY_STAFF, type Audience, type MessageStatus } from "../../scoring/domain/index.js";
import { randomUUID } from "node:crypto";
import type { Language } from "../../scoring/domain/index.js";
import type { Db } from "../db/database.js";
import { checkVersion, conflict, notFound } from "../errors.js";
import { now } from "../store/rows.js";
import { firstAttempt, held, type MessageLimits } from "./limits.js";
import type { MessageKind } from "./templates.js";

export type { MessageStatus };

export interface MessageRecord {
  id: number;
  kind: MessageKind;
  audience: Audience;
  requestId: string | null;
  roundId: string | null;
  recipient: string;
  language: Language;
  subject: string;
  body: string;
  status: MessageStatus;
  attempts: number;
  nextAttemptAt: string;
  /** The mail server's last answer (or why it could not be reached). */
  lastAnswer: string | null;
  /** How often the server stopped while this message was being handed over: each time it was sent again (so it may arrive once more). */
  interrupted: number;
  messageId: string;
  createdAt: string;
  sentAt: string | null;
  updatedAt: string;
  version: number;
}

interface MessageRow {
  id: number;
  event_key: string;
  kind: MessageKind;
  audience: Audience;
  request_id: string | null;
  round_id: string | null;
  recipient: string;
  language: Language;
  subject: string;
  body: string;
  status: MessageStatus;
  attempts: number;
  next_attempt_at: string;
  last_answer: string | null;
  interrupted: number;
  message_id: string;
  created_at: string;
  sent_at: string | null;
  updated_at: string;
  version: number;
}

const messageOf = (r: MessageRow): MessageRecord => ({
  id: r.id,
  kind: r.kind,
  audience: r.audience,
  requestId: r.request_id,
  roundId: r.round_id,
  recipient: r.recipient,
  language: r.language,
  subject: r.subject,
  body: r.body,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  lastAnswer: r.last_answer,
  interrupted: r.interrupted,
  messageId: r.message_id,
  createdAt: r.created_at,
  sentAt: r.sent_at,
  updatedAt: r.updated_at,
  version: r.version,
});

export interface NewMessage {
  eventKey: string;
  kind: MessageKind;
  audience: Audience;
  requestId: string | null;
  roundId: string | null;
  recipient: string;
  language: Language;
  subject: string;
  body: string;
  /** The domain of the Message-ID header (the sender's address's). */
  domain: string;
  /** For a message anyone may cause by typing a form: the limits past which it is held (null: the product's own, never held). */
  limits: MessageLimits | null;
}

export type { MessageLimits };

/** Writes a message (inside the caller's transaction): true when written, false when its event already has one. */
export function insertMessage(db: Db, m: NewMessage): boolean {
  const t = now();
  const status: MessageStatus = held(db, m, t) ? "held" : "queued";
  const info = db
    .prepare(
      `INSERT INTO messages (event_key, kind, audience, request_id, round_id, recipient, language, subject, body, status, next_attempt_at, message_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_key) DO NOTHING`,
    )
    .run(
      m.eventKey,
      m.kind,
      m.audience,
      m.requestId,
      m.roundId,
      m.recipient,
      m.language,
      m.subject,
      m.body,
      status,
      firstAttempt(db, m, t),
      `<${randomUUID()}@${m.domain}>`,
      t,
      t,
    );
  return info.changes === 1;
}

export function hasMessage(db: Db, eventKey: string): boolean {
  return db.prepare("SELECT 1 FROM messages WHERE event_key = ?").get(eventKey) !== undefined;
}

export function getMessage(db: Db, id: number): MessageRecord {
  const row = db.prepare("SELECT * FROM messages WHERE id = ?").get(id) as MessageRow | undefined;
  if (!row) throw notFound(`message ${id}`);
  return messageOf(row);
}

export interface MessageFilter {
  status?: MessageStatus | undefined;
  roundId?: string | undefined;
  requestId?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

/** Messages, newest first, with how many match in all. */
export function listMessages(db: Db, f: MessageFilter = {}): { messages: MessageRecord[]; total: number } {
  const given: [string, string | undefined][] = [
    ["status", f.status],
    ["round_id", f.roundId],
    ["request_id", f.requestId],
  ];
  const conditions = given.filter((c): c is [string, string] => c[1] !== undefined);
  const where = conditions.map(([column]) => `${column} = ?`);
  const args: (string | number)[] = conditions.map(([, value]) => value);
  const clause = where.length ? `WHERE ${where.join(" AND ")}` : "";
  const total = db
    .prepare(`SELECT COUNT(*) FROM messages ${clause}`)
    .pluck()
    .get(...args) as number;
  const rows = db
    .prepare(`SELECT * FROM messages ${clause} ORDER BY id DESC LIMIT ? OFFSET ?`)
    .all(...args, f.limit ?? 200, f.offset ?? 0) as MessageRow[];
  return { messages: rows.map(messageOf), total };
}

/** How many messages are in each status. */
export function messageCounts(db: Db, roundId?: string): Record<MessageStatus, number> {
  const rows = (
    roundId
      ? db.prepare("SELECT status, COUNT(*) AS n FROM messages WHERE round_id = ? GROUP BY status").all(roundId)
      : db.prepare("SELECT status, COUNT(*) AS n FROM messages GROUP BY status").all()
  ) as { status: MessageStatus; n: number }[];
  const n = new Map(rows.map((r) => [r.status, r.n]));
  return { ...byCode(MESSAGE_STATUS.codes, (s) => n.get(s) ?? 0) };
}

/** The queued messages whose attempt is due (`at`, an ISO time), oldest first. */
export function dueMessages(db: Db, at: string, limit: number): MessageRecord[] {
  return (
    db
      .prepare("SELECT * FROM messages WHERE status = 'queued' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?")
      .all(at, limit) as MessageRow[]
  ).map(messageOf);
}

/**
 * A message handed to the mail server: durable before the first byte leaves (see recoverInterrupted),
 * with the hash of the access code it carries, if any (the request's code changes only once it is accepted).
 */
export function markSending(db: Db, id: number, codeHash: string | null = null): void {
  db.prepare(
    "UPDATE messages SET status = 'sending', attempts = attempts + 1, code_hash = ?, updated_at = ?, version = version + 1 WHERE id = ? AND status = 'queued'",
  ).run(codeHash, now(), id);
}

/** Accepted by the mail server: the code it carried (and one an interrupted handover may have delivered), if any. */
export function markSent(db: Db, id: number, answer: string): { codeHash: string | null; spareHash: string | null } {
  const t = now();
  const codes = db.prepare("SELECT code_hash, spare_code_hash FROM messages WHERE id = ? AND status = 'sending'").get(id) as
    { code_hash: string | null; spare_code_hash: string | null } | undefined;
  db.prepare(
    "UPDATE messages SET status = 'sent', last_answer = ?, sent_at = ?, code_hash = NULL, spare_code_hash = NULL, updated_at = ?, version = version + 1 WHERE id = ? AND status = 'sending'",
  ).run(answer, t, t, id);
  return { codeHash: codes?.code_hash ?? null, spareHash: codes?.spare_code_hash ?? null };
}

/** Not delivered this time: queued again for `retryAt`, or failed for good; the code it carried is forgotten (it never arrived). */
export function markUndelivered(db: Db, id: number, answer: string, retryAt: string | null): void {
  db.prepare(
    "UPDATE messages SET status = ?, last_answer = ?, code_hash = NULL, next_attempt_at = COALESCE(?, next_attempt_at), updated_at = ?, version = version + 1 WHERE id = ? AND status = 'sending'",
  ).run(retryAt ? "queued" : "failed", answer, retryAt, now(), id);
}

/**
 * At start: the messages the last process was handing over when it stopped are queued again and marked
 * interrupted (counted). Whether the mail server took one cannot be known, so it is sent again: a message
 * is never lost, and at worst (a stop in the instant between the server's acceptance and our record of it)
 * arrives once more per such stop, with the same Message-ID (mail clients show one). The access code such
 * a handover carried may have arrived: it is kept as the message's spare, and works beside the new one
 * once the message is accepted.
 */
export function recoverInterrupted(db: Db): number {
  return db
    .prepare(
      "UPDATE messages SET status = 'queued', interrupted = interrupted + 1, spare_code_hash = COALESCE(code_hash, spare_code_hash), code_hash = NULL, updated_at = ?, version = version + 1 WHERE status = 'sending'",
    )
    .run(now()).changes;
}

/** Staff send a failed or held message (again): the same message, its event keeps one. */
export function requeueFailed(db: Db, id: number, version: number): MessageRecord {
  const m = getMessage(db, id);
  if (!SENDABLE_BY_STAFF.has(m.status))
    throw conflict("message-status", `only a message that failed or was held can be sent; this one is ${MESSAGE_STATUS.say(m.status)}`);
  checkVersion(m, version);
  const t = now();
  db.prepare(
    "UPDATE messages SET status = 'queued', attempts = 0, next_attempt_at = ?, updated_at = ?, version = version + 1 WHERE id = ?",
  ).run(t, t, id);
  return getMessage(db, id);
}
