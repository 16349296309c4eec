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
import { conflict, DomainError } from "../errors.js";
import { runInWorker, SolveCancelled, withHelper, type Running } from "../workers/solve-in-worker.js";
import type { RunOutput } from "../workers/solver-worker.js";
import { roundFileTextOf } from "../store/index.js";
import {
  failUnfinishedRuns,
  insertRun,
  latestApprovedRunId,
  listRunSummaries,
  markApproved,
  markDone,
  markRunning,
  markStopped,
  runRow,
  runSummary,
  summaryOf,
  writeSnapshot,
  type RunStatus,
} from "../store/runs.js";
import type { RunRecord, RunSummary } from "../schemas/index.js";

export type { RunStatus, RunSummary };

export type { RunRecord };

/** A done run's snapshot: its problem file, scores and result (a conflict when the run has none yet). */
export function doneRun(run: RunRecord): { problem: Problem; scores: NonNullable<RunRecord["scores"]>; result: AllocationResult } {
  if (run.status !== "done" || !run.result || !run.problem || !run.scores)
    throw conflict("not-done", `run ${run.id} is ${run.status}: it has no result yet`);
  return { problem: run.problem, scores: run.scores, result: run.result };
}

export class RunManager {
  private readonly active = new Map<string, Running<RunOutput>>();
  /** Who started each run not yet finished (running or queued), for the per-user limit. */
  private readonly owners = new Map<string, number>();
  /** Runs waiting for a slot, in order. */
  private readonly queue: { id: string; text: string; reference: ReferenceData; timeLimit: number }[] = [];

  constructor(
    private readonly db: Db,
    private readonly defaultTimeLimit: number,
    /** Runs one user may have unfinished at once (beyond: 429), and runs solved at once (the rest queue). */
    private readonly limits: { perUser: number; global: number } = { perUser: Number.POSITIVE_INFINITY, global: Number.POSITIVE_INFINITY },
  ) {}

  /** Reads the round as it is now and starts its run (scored and solved in a worker); returns the run's id at once. */
  start(roundId: string, actor: { id: number; name: string }, opts: { timeLimit?: number; settingsVersion?: number } = {}): string {
    const { text, requests, reference, settingsVersion } = roundFileTextOf(this.db, roundId, opts.settingsVersion);
    if (requests === 0) throw new DomainError("conflict", "no-requests", "the round has no request to allocate");
    const mine = [...this.owners.values()].filter((u) => u === actor.id).length;
    if (mine >= this.limits.perUser)
      throw new DomainError("rate-limited", "too-many-running", `you have ${mine} runs unfinished: wait for one to end, or cancel it`, {
        retryAfterSeconds: 10,
      });
    const id = randomUUID();
    const timeLimit = opts.timeLimit ?? this.defaultTimeLimit;
    tx(this.db, () => {
      insertRun(this.db, { id, roundId, settingsVersion, timeLimit, by: actor.id });
      audit(this.db, { actor: actor.name, action: "start", entity: "run", entityId: id, data: { roundId, settingsVersion, timeLimit } });
    });
    this.owners.set(id, actor.id);
    // Solved now when a slot is free; else queued (status "queued") until one is.
    if (this.active.size < this.limits.global) this.execute(id, text, reference, timeLimit);
    else this.queue.push({ id, text, reference, timeLimit });
    return id;
  }

  /** Starts the next queued run when a slot is free (a cancelled one is skipped). */
  private next(): void {
    while (this.active.size < this.limits.global && this.queue.length) {
      const job = this.queue.shift()!;
      if (this.summary(job.id).status === "queued") this.execute(job.id, job.text, job.reference, job.timeLimit);
      else this.owners.delete(job.id);
    }
  }

  private execute(id: string, fileText: string, reference: ReferenceData, timeLimit: number): void {
    // A database file: the worker writes the snapshot into the run's row itself (megabytes for large
    // rounds), so that this thread, which serves requests, only marks the run done.
    const store = this.db.memory ? undefined : { dbPath: this.db.name, runId: id };
    const solve = runInWorker<RunOutput>(withHelper({ type: "run", fileText, reference, timeLimit, store }));
    this.active.set(id, solve);
    markRunning(this.db, id);
    solve.result
      .then((out) => {
        tx(this.db, () => {
          if (out.snapshot) writeSnapshot(this.db, id, out.snapshot, out.value, out.status);
          markDone(this.db, id, out.solver);
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
          markStopped(this.db, id, cancelled ? "cancelled" : "failed", cancelled ? "cancelled" : (e as Error).message);
          if (!cancelled)
            audit(this.db, { actor: "solver", action: "fail", entity: "run", entityId: id, data: { error: (e as Error).message } });
        });
      })
      // The database refused even the failure (disk full, read-only): the run stays "running" until the
      // next start marks it failed (recover); the server itself keeps serving.
      .catch((e: unknown) => console.error(`run ${id}: its outcome could not be recorded:`, e))
      .finally(() => {
        this.active.delete(id);
        this.owners.delete(id);
        this.next();
      });
  }

  async cancel(id: string, actor: { name: string }): Promise<RunSummary> {
    const run = this.summary(id);
    if (run.status !== "queued" && run.status !== "running")
      throw new DomainError("conflict", "not-running", `run ${id} is ${run.status}: only a queued or running run can be cancelled`);
    tx(this.db, () => {
      markStopped(this.db, id, "cancelled", "cancelled");
      audit(this.db, { actor: actor.name, action: "cancel", entity: "run", entityId: id });
    });
    if (!this.active.has(id)) {
      // Queued: it leaves the queue, and its owner's slot.
      const i = this.queue.findIndex((q) => q.id === id);
      if (i >= 0) this.queue.splice(i, 1);
      this.owners.delete(id);
    }
    await this.active.get(id)?.cancel();
    return this.summary(id);
  }

  /** Resolves when the run has finished (for tests and the CLI), queued ones included. */
  async settled(id: string): Promise<RunSummary> {
    while (this.queue.some((q) => q.id === id)) await new Promise((r) => setTimeout(r, 20));
    await this.active.get(id)?.result.catch(() => undefined);
    return this.summary(id);
  }

  summary(id: string): RunSummary {
    return runSummary(this.db, id);
  }

  get(id: string): RunRecord {
    const r = runRow(this.db, id);
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
    const r = runRow(this.db, id);
    return `${JSON.stringify(summaryOf(r)).slice(0, -1)},"problem":${r.problem},"scores":${r.scores},"result":${r.result ?? "null"}}`;
  }

  list(roundId: string): RunSummary[] {
    return listRunSummaries(this.db, roundId);
  }

  /** Records the run's approval (its decisions are written by the decisions service, in the same transaction). */
  markApproved(id: string, userId: number): void {
    markApproved(this.db, id, userId);
  }

  /** The round's most recently approved run, with its snapshot (null: none approved). */
  latestApproved(roundId: string): RunRecord | null {
    const id = latestApprovedRunId(this.db, roundId);
    return id ? this.get(id) : null;
  }

  /** Terminates every solve (server shutdown); their runs are marked failed. */
  async close(): Promise<void> {
    for (const s of this.active.values()) await s.cancel();
  }

  /** Runs left queued or running by a previous process are failed at start: their worker is gone. */
  recover(): void {
    tx(this.db, () => {
      for (const id of failUnfinishedRuns(this.db)) {
        audit(this.db, {
          actor: "server",
          action: "fail",
          entity: "run",
          entityId: id,
          data: { error: "the server stopped during the run" },
        });
      }
    });
  }
}
