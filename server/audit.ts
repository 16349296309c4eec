// The audit log: every change, who and when, append-only (triggers refuse UPDATE and DELETE) and
// hash-chained: each entry's hash covers its content and the previous entry's hash, so that a row changed
// or removed behind the application's back (with the file itself) breaks the chain at that row.
import { createHash } from "node:crypto";
import type { Db } from "./db/database.js";

export interface AuditEntry {
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  data?: unknown;
}

const GENESIS = "0".repeat(64);

interface Row {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  data: string;
  prev_hash: string;
  hash: string;
}

function hashOf(r: Omit<Row, "hash">): string {
  return createHash("sha256")
    .update(JSON.stringify([r.prev_hash, r.seq, r.at, r.actor, r.action, r.entity, r.entity_id, r.data]))
    .digest("hex");
}

/** Appends an entry; call it inside the transaction of the change it records. */
export function audit(db: Db, e: AuditEntry): void {
  const last = db.prepare("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").get() as { seq: number; hash: string } | undefined;
  const row = {
    seq: (last?.seq ?? 0) + 1,
    at: new Date().toISOString(),
    actor: e.actor,
    action: e.action,
    entity: e.entity,
    entity_id: e.entityId,
    data: JSON.stringify(e.data ?? null),
    prev_hash: last?.hash ?? GENESIS,
  };
  db.prepare(
    "INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, data, prev_hash, hash) VALUES (@seq, @at, @actor, @action, @entity, @entity_id, @data, @prev_hash, @hash)",
  ).run({ ...row, hash: hashOf(row) });
}

export interface ChainReport {
  ok: boolean;
  entries: number;
  /** The first entry whose hash or link does not match, with what is wrong. */
  firstBad: { seq: number; problem: string } | null;
}

export function verifyChain(db: Db): ChainReport {
  const rows = db.prepare("SELECT * FROM audit_log ORDER BY seq").iterate() as IterableIterator<Row>;
  let prev = GENESIS;
  let expectedSeq = 1;
  let entries = 0;
  for (const r of rows) {
    entries++;
    if (r.seq !== expectedSeq) return { ok: false, entries, firstBad: { seq: r.seq, problem: `entry ${expectedSeq} is missing` } };
    if (r.prev_hash !== prev)
      return { ok: false, entries, firstBad: { seq: r.seq, problem: "its link to the previous entry does not match" } };
    if (hashOf(r) !== r.hash) return { ok: false, entries, firstBad: { seq: r.seq, problem: "its content does not match its hash" } };
    prev = r.hash;
    expectedSeq++;
  }
  return { ok: true, entries, firstBad: null };
}

export interface AuditView {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  about: { state?: string; roundId?: string; at?: string; name?: string };
  data: unknown;
  hash: string;
}

export function auditEntries(db: Db, opts: { entity?: string; entityId?: string; limit: number; before?: number }): AuditView[] {
  const where: string[] = [];
  const args: Record<string, unknown> = { limit: opts.limit };
  if (opts.entity) {
    where.push("entity = @entity");
    args.entity = opts.entity;
  }
  if (opts.entityId) {
    where.push("entity_id = @entityId");
    args.entityId = opts.entityId;
  }
  if (opts.before) {
    where.push("seq < @before");
    args.before = opts.before;
  }
  const rows = db
    .prepare(`SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY seq DESC LIMIT @limit`)
    .all(args) as Row[];
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    about: about(db, r.entity, r.entity_id),
    data: JSON.parse(r.data),
    hash: r.hash,
  }));
}

/** What a record is, for people reading the log (the record may be gone: then nothing more than its id). */
function about(db: Db, entity: string, id: string): AuditView["about"] {
  const one = <T>(sql: string, ...args: unknown[]): T | undefined => db.prepare(sql).get(...args) as T | undefined;
  switch (entity) {
    case "request": {
      const r = one<{ state: string; roundId: string }>(
        "SELECT json_extract(attributes, '$.state') AS state, round_id AS roundId FROM requests WHERE id = ?",
        id,
      );
      return r ?? {};
    }
    case "run": {
      const r = one<{ roundId: string; at: string }>("SELECT round_id AS roundId, created_at AS at FROM runs WHERE id = ?", id);
      return r ?? {};
    }
    case "replacement": {
      const r = one<{ roundId: string; at: string }>("SELECT round_id AS roundId, created_at AS at FROM replacements WHERE id = ?", id);
      return r ?? {};
    }
    case "user":
      return { name: one<{ name: string }>("SELECT display_name AS name FROM users WHERE username = ?", id)?.name };
    case "state": {
      const [roundId, state] = id.split("/");
      return { roundId, state };
    }
    default:
      return {};
  }
}

/** The fields that changed between two versions of a record: { field: { from, to } } (values compared as JSON). */
export function changes(before: object, after: object): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  for (const k of new Set([...Object.keys(b), ...Object.keys(a)]))
    if (JSON.stringify(b[k]) !== JSON.stringify(a[k])) out[k] = { from: b[k] ?? null, to: a[k] ?? null };
  return out;
}
