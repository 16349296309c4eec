// The outbox's limits on what anyone may cause: the messages a form without an account writes (a request
// received, a new access code) are counted per recipient address and per request, and held past a limit;
// the product's own messages are never held, but an applicant hears about a request at most once a day.
import type { Audience } from "../../scoring/domain/index.js";
import type { Db } from "../db/database.js";
import { isAsked, MESSAGE_KIND_LIST, type MessageKind } from "./templates.js";

/** The kinds anyone may cause (templates.ts: `asked`), as an SQL condition on `kind` and its values. */
const ASKED: readonly MessageKind[] = MESSAGE_KIND_LIST.filter(isAsked);
const ASKED_SQL = `kind IN (${ASKED.map(() => "?").join(", ")})`;

/** What the limits look at in a new message. */
interface Target {
  kind: MessageKind;
  audience: Audience;
  recipient: string;
  requestId: string | null;
  limits: MessageLimits | null;
}

/** How many messages anyone may cause to one target (see `held`). */
export interface MessageLimits {
  perAddressHour: number;
  perRequestHour: number;
  newCodesPerDay: number;
}

/**
 * Whether a message anyone may cause (a request received, a new code) is past a limit: more than
 * `perAddressHour` such messages to its address, or `perRequestHour` about its request, within the hour,
 * or `newCodesPerDay` new codes for its request within the day. Such a message is written "held" (staff
 * see it, and may send it), never sent by itself; whoever typed the form is told what a success says.
 */
export function held(db: Db, m: Target, at: string): boolean {
  if (!m.limits) return false;
  const ago = (ms: number) => new Date(Date.parse(at) - ms).toISOString();
  const hour = ago(3_600_000);
  const count = (sql: string, ...args: string[]) =>
    db
      .prepare(sql)
      .pluck()
      .get(...args) as number;
  // The messages anyone may cause, held ones included: a flood counts whole.
  const toAddress = `SELECT COUNT(*) FROM messages WHERE recipient = ? COLLATE NOCASE AND created_at > ? AND ${ASKED_SQL}`;
  if (count(toAddress, m.recipient, hour, ...ASKED) >= m.limits.perAddressHour) return true;
  if (!m.requestId) return false;
  const aboutRequest = `SELECT COUNT(*) FROM messages WHERE request_id = ? AND created_at > ? AND ${ASKED_SQL}`;
  if (count(aboutRequest, m.requestId, hour, ...ASKED) >= m.limits.perRequestHour) return true;
  const codes = "SELECT COUNT(*) FROM messages WHERE request_id = ? AND created_at > ? AND kind = ?";
  return m.kind === "new-code" && count(codes, m.requestId, ago(86_400_000), m.kind) >= m.limits.newCodesPerDay;
}

/**
 * When a message of the product's own to an applicant may leave: now, or, when one about the same request
 * was already sent today, at the start of the next day, so that an applicant hears about a request at
 * most once a day (the sender delivers the messages due together as one: see MailSender).
 */
export function firstAttempt(db: Db, m: Target, at: string): string {
  if (m.limits || m.audience !== "applicant" || !m.requestId) return at;
  const day = at.slice(0, 10);
  const sentToday = db
    .prepare(
      `SELECT 1 FROM messages WHERE request_id = ? AND audience = 'applicant' AND status = 'sent' AND sent_at >= ? AND NOT ${ASKED_SQL}`,
    )
    .get(m.requestId, `${day}T00:00:00.000Z`, ...ASKED);
  if (!sentToday) return at;
  const next = new Date(`${day}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString();
}
