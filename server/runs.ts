// Allocation runs: each run scores the round and solves it in a worker thread (the event loop never
// blocks on glpk.js). POST answers at once with the run id; the run's record moves queued → running →
// done | failed | cancelled, and once done it is an immutable snapshot: the problem file as solved, the
// scores with their reasons, the result with explanations and baselines, the solver's name and version.
import { randomUUID } from "node:crypto";
import { scoreRound } from "../scoring/round-file.js";
import type { AllocationResult, Problem } from "../scoring/schemas.js";
import { audit } from "./audit.js";
import { tx, type Db } from "./db/database.js";
import { ApiError, notFound } from "./http.js";
import { solveInWorker, SolveCancelled, type RunningSolve } from "./solve-in-worker.js";
import { roundFileOf } from "./store.js";

export type RunStatus = "queued" | "running" | "done" | "failed" | "cancelled";

export interface RunSummary {
  id: string;
  roundId: string;
  settingsVersion: number;
  status: RunStatus;
  timeLimit: number;
  error: string | null;
  solver: { name: string; version: string } | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  approvedAt: string | null;
  /** Seconds since the run started (running) or its duration (finished). */
  elapsedSeconds: number | null;
  value: number | null;
  resultStatus: AllocationResult["status"] | null;
}

export interface RunRecord extends RunSummary {
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
}

function summaryOf(r: RunRow): RunSummary {
  const end = r.finished_at ? Date.parse(r.finished_at) : Date.now();
  const result = r.result ? (JSON.parse(r.result) as AllocationResult) : null;
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
    value: result?.value ?? null,
    resultStatus: result?.status ?? null,
  };
}

export class RunManager {
  private readonly active = new Map<string, RunningSolve>();

  constructor(
    private readonly db: Db,
    private readonly defaultTimeLimit: number,
  ) {}

  /** Scores the round as it is now and starts its solve; returns the queued run's id at once. */
  start(roundId: string, actor: { id: number; name: string }, opts: { timeLimit?: number; settingsVersion?: number } = {}): string {
    const { file, reference, settingsVersion } = roundFileOf(this.db, roundId, opts.settingsVersion);
    if (file.requests.length === 0) throw new ApiError(409, "no-requests", "the round has no request to allocate");
    const scored = scoreRound(file, reference);
    const id = randomUUID();
    const timeLimit = opts.timeLimit ?? this.defaultTimeLimit;
    tx(this.db, () => {
      this.db
        .prepare("INSERT INTO runs (id, round_id, settings_version, status, time_limit, problem, scores, created_at, created_by) VALUES (?, ?, ?, 'queued', ?, ?, ?, ?, ?)")
        .run(id, roundId, settingsVersion, timeLimit, JSON.stringify(scored.problem), JSON.stringify({ rules: scored.rules, referenceData: scored.referenceData, requests: scored.requests }), new Date().toISOString(), actor.id);
      audit(this.db, { actor: actor.name, action: "start", entity: "run", entityId: id, data: { roundId, settingsVersion, timeLimit } });
    });
    this.execute(id, scored.problem, timeLimit);
    return id;
  }

  private execute(id: string, problem: Problem, timeLimit: number): void {
    const solve = solveInWorker({ problem, timeLimit });
    this.active.set(id, solve);
    this.db.prepare("UPDATE runs SET status = 'running', started_at = ? WHERE id = ? AND status = 'queued'").run(new Date().toISOString(), id);
    solve.result
      .then((result) => {
        tx(this.db, () => {
          this.db
            .prepare("UPDATE runs SET status = 'done', result = ?, solver_name = ?, solver_version = ?, finished_at = ? WHERE id = ? AND status = 'running'")
            .run(JSON.stringify(result), result.solver.name, result.solver.version, new Date().toISOString(), id);
          audit(this.db, { actor: "solver", action: "finish", entity: "run", entityId: id, data: { status: result.status, value: result.value } });
        });
      })
      .catch((e: unknown) => {
        const cancelled = e instanceof SolveCancelled;
        tx(this.db, () => {
          this.db
            .prepare("UPDATE runs SET status = ?, error = ?, finished_at = ? WHERE id = ? AND status IN ('queued', 'running')")
            .run(cancelled ? "cancelled" : "failed", cancelled ? "cancelled" : (e as Error).message, new Date().toISOString(), id);
          if (!cancelled) audit(this.db, { actor: "solver", action: "fail", entity: "run", entityId: id, data: { error: (e as Error).message } });
        });
      })
      // The database refused even the failure (disk full, read-only): the run stays "running" until the
      // next start marks it failed (recover); the server itself keeps serving.
      .catch((e: unknown) => console.error(`run ${id}: its outcome could not be recorded:`, e))
      .finally(() => this.active.delete(id));
  }

  async cancel(id: string, actor: { name: string }): Promise<RunSummary> {
    const run = this.get(id);
    if (run.status !== "queued" && run.status !== "running") throw new ApiError(409, "not-running", `run ${id} is ${run.status}: only a queued or running run can be cancelled`);
    tx(this.db, () => {
      this.db.prepare("UPDATE runs SET status = 'cancelled', error = 'cancelled', finished_at = ? WHERE id = ?").run(new Date().toISOString(), id);
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
    return summaryOf(this.row(id));
  }

  get(id: string): RunRecord {
    const r = this.row(id);
    return { ...summaryOf(r), problem: JSON.parse(r.problem), scores: JSON.parse(r.scores), result: r.result ? JSON.parse(r.result) : null };
  }

  list(roundId: string): RunSummary[] {
    return (this.db.prepare("SELECT * FROM runs WHERE round_id = ? ORDER BY created_at DESC").all(roundId) as RunRow[]).map(summaryOf);
  }

  private row(id: string): RunRow {
    const r = this.db.prepare("SELECT * FROM runs WHERE id = ?").get(id) as RunRow | undefined;
    if (!r) throw notFound(`run "${id}"`);
    return r;
  }

  /** Terminates every solve (server shutdown); their runs are marked failed. */
  async close(): Promise<void> {
    for (const s of this.active.values()) await s.cancel();
  }

  /** Runs left queued or running by a previous process are failed at start: their worker is gone. */
  recover(): void {
    this.db.prepare("UPDATE runs SET status = 'failed', error = 'the server stopped during the run', finished_at = ? WHERE status IN ('queued', 'running')").run(new Date().toISOString());
  }
}
