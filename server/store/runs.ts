// Allocation runs' rows: queued → running → done | failed | cancelled, the snapshot (problem, scores,
// result: megabytes for large rounds) and the approval. The one place that writes the runs table: the
// run manager (services/runs.ts) on the server's thread, and the run's worker for the snapshot, which it
// writes through its own connection (so the thread that serves requests never copies megabytes).
import Database from "better-sqlite3";
import { ACTIVE_RUNS, type AllocationResult, type NotFundedReason, type StoppedRun } from "../../scoring/domain/index.js";
import type { Db } from "../db/database.js";
import { notFound } from "../errors.js";
import type { RunSummary } from "../schemas/index.js";
import { now } from "./rows.js";

export type RunStatus = RunSummary["status"];

/** The placeholders of the runs still active (queued or running), bound to ACTIVE_RUNS. */
const ACTIVE = ACTIVE_RUNS.map(() => "?").join(", ");

export interface RunRow {
  id: string;
  round_id: string;
  settings_version: number;
  status: RunStatus;
  time_limit: number;
  problem: string;
  scores: string;
  result: string | null;
  error: string | null;
  solver_name: string | null;
  solver_version: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  approved_at: string | null;
  value: number | null;
  result_status: AllocationResult["status"] | null;
}

/** A run's snapshot as its worker serialised it. */
export interface Snapshot {
  problem: string;
  scores: string;
  result: string;
}

/** The columns of a summary: not the problem, scores and result (megabytes each for large rounds). */
const SUMMARY =
  "id, round_id, settings_version, status, time_limit, error, solver_name, solver_version, created_at, started_at, finished_at, approved_at, value, result_status";

export function summaryOf(r: Omit<RunRow, "problem" | "scores" | "result">): RunSummary {
  const end = r.finished_at ? Date.parse(r.finished_at) : Date.now();
  return {
    id: r.id,
    roundId: r.round_id,
    settingsVersion: r.settings_version,
    status: r.status,
    timeLimit: r.time_limit,
    error: r.error,
    solver: r.solver_name ? { name: r.solver_name, version: r.solver_version ?? "" } : null,
    createdAt: r.created_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    approvedAt: r.approved_at,
    elapsedSeconds: r.started_at ? Math.round((end - Date.parse(r.started_at)) / 100) / 10 : null,
    value: r.value,
    resultStatus: r.result_status,
  };
}

/** A queued run: its problem and scores are filled in when the worker has made them (JSON null until then). */
export function insertRun(db: Db, r: { id: string; roundId: string; settingsVersion: number; timeLimit: number; by: number }): void {
  db.prepare(
    "INSERT INTO runs (id, round_id, settings_version, status, time_limit, problem, scores, created_at, created_by) VALUES (?, ?, ?, 'queued', ?, 'null', 'null', ?, ?)",
  ).run(r.id, r.roundId, r.settingsVersion, r.timeLimit, now(), r.by);
}

export function markRunning(db: Db, id: string): void {
  db.prepare("UPDATE runs SET status = 'running', started_at = ? WHERE id = ? AND status = 'queued'").run(now(), id);
}

/** The snapshot into a running run's row (by the worker's own connection, or by the server's thread). */
export function writeSnapshot(db: Db, id: string, snapshot: Snapshot, value: number | null, status: AllocationResult["status"]): void {
  db.prepare("UPDATE runs SET problem = ?, scores = ?, result = ?, value = ?, result_status = ? WHERE id = ? AND status = 'running'").run(
    snapshot.problem,
    snapshot.scores,
    snapshot.result,
    value,
    status,
    id,
  );
}

/** The explained result over a proposal already written with its problem and scores (a running run's row). */
export function writeResult(db: Db, id: string, result: string, value: number | null, status: AllocationResult["status"]): void {
  db.prepare("UPDATE runs SET result = ?, value = ?, result_status = ? WHERE id = ? AND status = 'running'").run(result, value, status, id);
}

export function markDone(db: Db, id: string, solver: { name: string; version: string }): void {
  db.prepare(
    "UPDATE runs SET status = 'done', solver_name = ?, solver_version = ?, finished_at = ? WHERE id = ? AND status = 'running'",
  ).run(solver.name, solver.version, now(), id);
}

/** A run that did not finish: failed (with the error) or cancelled; only while it is queued or running. */
export function markStopped(db: Db, id: string, status: StoppedRun, error: string): void {
  db.prepare(`UPDATE runs SET status = ?, error = ?, finished_at = ? WHERE id = ? AND status IN (${ACTIVE})`).run(
    status,
    error,
    now(),
    id,
    ...ACTIVE_RUNS,
  );
}

export function markApproved(db: Db, id: string, userId: number): void {
  db.prepare("UPDATE runs SET approved_at = ?, approved_by = ? WHERE id = ?").run(now(), userId, id);
}

/** Runs left queued or running by a previous process: failed, their worker is gone. Returns their ids. */
export function failUnfinishedRuns(db: Db): string[] {
  const ids = db
    .prepare(`SELECT id FROM runs WHERE status IN (${ACTIVE}) ORDER BY created_at`)
    .pluck()
    .all(...ACTIVE_RUNS) as string[];
  db.prepare(
    `UPDATE runs SET status = 'failed', error = 'the server stopped during the run', finished_at = ? WHERE status IN (${ACTIVE})`,
  ).run(now(), ...ACTIVE_RUNS);
  return ids;
}

export function runSummary(db: Db, id: string): RunSummary {
  const r = db.prepare(`SELECT ${SUMMARY} FROM runs WHERE id = ?`).get(id) as RunRow | undefined;
  if (!r) throw notFound(`run "${id}"`);
  return summaryOf(r);
}

export function runRow(db: Db, id: string): RunRow {
  const r = db.prepare("SELECT * FROM runs WHERE id = ?").get(id) as RunRow | undefined;
  if (!r) throw notFound(`run "${id}"`);
  return r;
}

export function listRunSummaries(db: Db, roundId: string): RunSummary[] {
  return (db.prepare(`SELECT ${SUMMARY} FROM runs WHERE round_id = ? ORDER BY created_at DESC`).all(roundId) as RunRow[]).map(summaryOf);
}

/** The round's most recently approved run's id (null: none approved). */
export function latestApprovedRunId(db: Db, roundId: string): string | null {
  return (
    (db
      .prepare("SELECT id FROM runs WHERE round_id = ? AND approved_at IS NOT NULL ORDER BY approved_at DESC LIMIT 1")
      .pluck()
      .get(roundId) as string | undefined) ?? null
  );
}

/**
 * Why a run left a request out, as an applicant may read it: the kind of reason and the rule that bound,
 * never the engine's sentence nor the requests it displaced (they name other people's requests).
 */
export type ApplicantReason = { kind: NotFundedReason["kind"]; rule?: string };
export function notFundedReasonOf(db: Db, runId: string, requestId: string): ApplicantReason | null {
  const result = db.prepare("SELECT result FROM runs WHERE id = ?").pluck().get(runId) as string | null | undefined;
  if (!result) return null;
  const reason = (JSON.parse(result) as AllocationResult).notFunded.find((n) => n.id === requestId)?.reason;
  if (!reason) return null;
  return reason.kind === "excluded-by-rule" ? { kind: reason.kind, rule: reason.rule } : { kind: reason.kind };
}

/** The round's most recent finished run with an allocation: its id, the requests it funded, and why the others were not. */
export function latestDoneRun(db: Db, roundId: string): { id: string; funded: string[]; reasons: Record<string, string> } | null {
  const row = db
    .prepare("SELECT id, result FROM runs WHERE round_id = ? AND status = 'done' AND result IS NOT NULL ORDER BY finished_at DESC LIMIT 1")
    .get(roundId) as { id: string; result: string } | undefined;
  if (!row) return null;
  const result = JSON.parse(row.result) as AllocationResult;
  return {
    id: row.id,
    funded: result.funded.map((f) => f.id),
    reasons: Object.fromEntries(result.notFunded.map((n) => [n.id, n.reason.text])),
  };
}

/**
 * The solver thread's own connection to the database file, to write a run's proposal and result as they
 * come: a proposal without waiting for the disk (a crash loses only it: the run is then failed and run
 * again), the explained result durably over it, then the write-ahead log copied into the file.
 */
export class RunWriter {
  private readonly db: Db;
  constructor(
    dbPath: string,
    private readonly runId: string,
  ) {
    this.db = new Database(dbPath, { fileMustExist: true });
    this.db.pragma("busy_timeout = 5000");
    this.db.pragma("synchronous = FULL");
  }
  proposal(snapshot: Snapshot, value: number | null, status: AllocationResult["status"]): void {
    this.db.pragma("synchronous = OFF");
    writeSnapshot(this.db, this.runId, snapshot, value, status);
    this.db.pragma("synchronous = FULL");
  }
  result(snapshot: Snapshot, value: number | null, status: AllocationResult["status"], proposed: boolean): void {
    if (proposed) writeResult(this.db, this.runId, snapshot.result, value, status);
    else writeSnapshot(this.db, this.runId, snapshot, value, status);
    // Those megabytes into the database file here too: otherwise the next commit of the server's
    // thread would find the write-ahead log over its limit and copy them back itself.
    this.db.pragma("wal_checkpoint(PASSIVE)");
  }
  close(): void {
    this.db.close();
  }
}
