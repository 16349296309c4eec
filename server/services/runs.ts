// Allocation runs: each run sends the round as read from the records to a worker thread, which validates,
// scores, solves and serialises it there (the event loop never blocks on glpk.js, nor on scoring or
// serialising thousands of requests). POST answers at once with the run id; the run's record moves queued → running →
// done | failed | cancelled, and once done it is an immutable snapshot: the problem file as solved, the
// scores with their reasons, the result with explanations and baselines, the solver's name and version.
import { randomUUID } from "node:crypto";
import type { ReferenceData } from "../../scoring/criteria/index.js";
import type { AllocationResult } from "../../scoring/domain/index.js";
import type { Problem } from "../../scoring/problem/index.js";
import { audit } from "../audit.js";
import { tx, type Db } from "../db/database.js";
import { DomainError, notFound } from "../errors.js";
import { runInWorker, SolveCancelled, withHelper, type Running } from "../solve-in-worker.js";
import type { RunOutput } from "../solver-worker.js";
import { roundFileTextOf } from "../store/index.js";
import type { RunSummary } from "../schemas.js";

export type RunStatus = "queued" | "running" | "done" | "failed" | "cancelled";

export type { RunSummary };

export interface RunRecord extends RunSummary {
  /** The problem and the scores (null until the run is done: they are made in the worker). */
  problem: Problem;
  scores: unknown;
  result: AllocationResult | null;
}

interface RunRow {
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

/** The columns of a summary: not the problem, scores and result (megabytes each for large rounds). */
const SUMMARY =
  "id, round_id, settings_version, status, time_limit, error, solver_name, solver_version, created_at, started_at, finished_at, approved_at, value, result_status";

function summaryOf(r: Omit<RunRow, "problem" | "scores" | "result">): RunSummary {
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

export class RunManager {
  private readonly active = new Map<string, Running<RunOutput>>();

  constructor(
    private readonly db: Db,
    private readonly defaultTimeLimit: number,
  ) {}

  /** Reads the round as it is now and starts its run (scored and solved in a worker); returns the run's id at once. */
  start(roundId: string, actor: { id: number; name: string }, opts: { timeLimit?: number; settingsVersion?: number } = {}): string {
    const { text, requests, reference, settingsVersion } = roundFileTextOf(this.db, roundId, opts.settingsVersion);
    if (requests === 0) throw new DomainError("conflict", "no-requests", "the round has no request to allocate");
    const id = randomUUID();
    const timeLimit = opts.timeLimit ?? this.defaultTimeLimit;
    tx(this.db, () => {
      // The problem and the scores are filled in when the worker has made them (JSON null until then).
      this.db
        .prepare(
          "INSERT INTO runs (id, round_id, settings_version, status, time_limit, problem, scores, created_at, created_by) VALUES (?, ?, ?, 'queued', ?, 'null', 'null', ?, ?)",
        )
        .run(id, roundId, settingsVersion, timeLimit, new Date().toISOString(), actor.id);
      audit(this.db, { actor: actor.name, action: "start", entity: "run", entityId: id, data: { roundId, settingsVersion, timeLimit } });
    });
    this.execute(id, text, reference, timeLimit);
    return id;
  }

  private execute(id: string, fileText: string, reference: ReferenceData, timeLimit: number): void {
    // A database file: the worker writes the snapshot into the run's row itself (megabytes for large
    // rounds), so that this thread, which serves requests, only marks the run done.
    const store = this.db.memory ? undefined : { dbPath: this.db.name, runId: id };
    const solve = runInWorker<RunOutput>(withHelper({ type: "run", fileText, reference, timeLimit, store }));
    this.active.set(id, solve);
    this.db
      .prepare("UPDATE runs SET status = 'running', started_at = ? WHERE id = ? AND status = 'queued'")
      .run(new Date().toISOString(), id);
    solve.result
      .then((out) => {
        tx(this.db, () => {
          if (out.snapshot) {
            this.db
              .prepare(
                "UPDATE runs SET problem = ?, scores = ?, result = ?, value = ?, result_status = ? WHERE id = ? AND status = 'running'",
              )
              .run(out.snapshot.problem, out.snapshot.scores, out.snapshot.result, out.value, out.status, id);
          }
          this.db
            .prepare(
              "UPDATE runs SET status = 'done', solver_name = ?, solver_version = ?, finished_at = ? WHERE id = ? AND status = 'running'",
            )
            .run(out.solver.name, out.solver.version, new Date().toISOString(), id);
          audit(this.db, {
            actor: "solver",
            action: "finish",
            entity: "run",
            entityId: id,
            data: { status: out.status, value: out.value },
          });
        });
      })
      .catch((e: unknown) => {
        const cancelled = e instanceof SolveCancelled;
        tx(this.db, () => {
          this.db
            .prepare("UPDATE runs SET status = ?, error = ?, finished_at = ? WHERE id = ? AND status IN ('queued', 'running')")
            .run(cancelled ? "cancelled" : "failed", cancelled ? "cancelled" : (e as Error).message, new Date().toISOString(), id);
          if (!cancelled)
            audit(this.db, { actor: "solver", action: "fail", entity: "run", entityId: id, data: { error: (e as Error).message } });
        });
      })
      // The database refused even the failure (disk full, read-only): the run stays "running" until the
      // next start marks it failed (recover); the server itself keeps serving.
      .catch((e: unknown) => console.error(`run ${id}: its outcome could not be recorded:`, e))
      .finally(() => this.active.delete(id));
  }

  async cancel(id: string, actor: { name: string }): Promise<RunSummary> {
    const run = this.summary(id);
    if (run.status !== "queued" && run.status !== "running")
      throw new DomainError("conflict", "not-running", `run ${id} is ${run.status}: only a queued or running run can be cancelled`);
    tx(this.db, () => {
      this.db
        .prepare("UPDATE runs SET status = 'cancelled', error = 'cancelled', finished_at = ? WHERE id = ?")
        .run(new Date().toISOString(), id);
      audit(this.db, { actor: actor.name, action: "cancel", entity: "run", entityId: id });
    });
    await this.active.get(id)?.cancel();
    return this.summary(id);
  }

  /** Resolves when the run has finished (for tests and the CLI). */
  async settled(id: string): Promise<RunSummary> {
    await this.active.get(id)?.result.catch(() => undefined);
    return this.summary(id);
  }

  summary(id: string): RunSummary {
    const r = this.db.prepare(`SELECT ${SUMMARY} FROM runs WHERE id = ?`).get(id) as RunRow | undefined;
    if (!r) throw notFound(`run "${id}"`);
    return summaryOf(r);
  }

  get(id: string): RunRecord {
    const r = this.row(id);
    return {
      ...summaryOf(r),
      problem: JSON.parse(r.problem),
      scores: JSON.parse(r.scores),
      result: r.result ? JSON.parse(r.result) : null,
    };
  }

  /**
   * The run as the API answers it, as JSON text: the stored problem, scores and result are spliced in as
   * they are, never parsed and serialised again (a client polling a large run's progress costs the
   * server a read, not megabytes of JSON work).
   */
  json(id: string): string {
    const r = this.row(id);
    return `${JSON.stringify(summaryOf(r)).slice(0, -1)},"problem":${r.problem},"scores":${r.scores},"result":${r.result ?? "null"}}`;
  }

  list(roundId: string): RunSummary[] {
    return (this.db.prepare(`SELECT ${SUMMARY} FROM runs WHERE round_id = ? ORDER BY created_at DESC`).all(roundId) as RunRow[]).map(
      summaryOf,
    );
  }

  private row(id: string): RunRow {
    const r = this.db.prepare("SELECT * FROM runs WHERE id = ?").get(id) as RunRow | undefined;
    if (!r) throw notFound(`run "${id}"`);
    return r;
  }

  /** Records the run's approval (its decisions are written by the decisions service, in the same transaction). */
  markApproved(id: string, userId: number): void {
    this.db.prepare("UPDATE runs SET approved_at = ?, approved_by = ? WHERE id = ?").run(new Date().toISOString(), userId, id);
  }

  /** The round's most recently approved run, with its snapshot (null: none approved). */
  latestApproved(roundId: string): RunRecord | null {
    const id = this.db
      .prepare("SELECT id FROM runs WHERE round_id = ? AND approved_at IS NOT NULL ORDER BY approved_at DESC LIMIT 1")
      .pluck()
      .get(roundId) as string | undefined;
    return id ? this.get(id) : null;
  }

  /** Terminates every solve (server shutdown); their runs are marked failed. */
  async close(): Promise<void> {
    for (const s of this.active.values()) await s.cancel();
  }

  /** Runs left queued or running by a previous process are failed at start: their worker is gone. */
  recover(): void {
    this.db
      .prepare(
        "UPDATE runs SET status = 'failed', error = 'the server stopped during the run', finished_at = ? WHERE status IN ('queued', 'running')",
      )
      .run(new Date().toISOString());
  }
}
