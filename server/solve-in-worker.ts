// Runs allocate() and the analytics in a worker thread, with cancel; and lends a worker to take half of the explanations.
// terminate() stops even a long branch and bound at once (glpk.js cannot be interrupted otherwise).
import { Worker } from "node:worker_threads";
import type { ExplainHelper, OutsidersExplained } from "../scoring/explain.js";
import type { AllocationResult } from "../scoring/schemas.js";
import { InvalidInputError, type FieldProblem } from "../scoring/issues.js";
import type { AllocateMessage, WorkerMessage } from "./solver-worker.js";
import { workerUrl } from "./worker-bundle.js";

export class SolveCancelled extends Error {
  constructor() {
    super("the solve was cancelled");
  }
}

export interface Running<T> {
  result: Promise<T>;
  cancel(): Promise<void>;
}
export type RunningSolve = Running<AllocationResult>;

type Reply<T> = { ok: true; result: T } | { ok: false; error: string; problems?: FieldProblem[] };

/** One request, one answer; rejects with SolveCancelled when the worker is terminated first. */
function ask<T>(worker: Worker, message: unknown): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onMessage = (msg: Reply<T>): void => {
      cleanup();
      if (msg.ok) resolve(msg.result);
      else reject(msg.problems ? new InvalidInputError(msg.problems) : new Error(msg.error));
    };
    const onError = (e: Error): void => {
      cleanup();
      reject(e);
    };
    // A terminated worker never answers: its exit must settle the promise.
    const onExit = (): void => {
      cleanup();
      reject(new SolveCancelled());
    };
    const cleanup = (): void => {
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
    };
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
    worker.postMessage(message);
  });
}

/** Runs one message in a fresh worker thread; cancel() terminates it (and its branch and bound) at once. */
export function runInWorker<T>(message: WorkerMessage): Running<T> {
  const started = workerUrl().then(spawn);
  let cancelled = false;
  const result = started.then(async (worker) => {
    if (cancelled) {
      await worker.terminate();
      throw new SolveCancelled();
    }
    try {
      return await ask<T>(worker, message);
    } finally {
      void worker.terminate();
    }
  });
  return {
    result,
    cancel: async () => {
      cancelled = true;
      await (await started).terminate();
    },
  };
}

export function solveInWorker(request: Omit<AllocateMessage, "type">): RunningSolve {
  return runInWorker<AllocationResult>({ type: "allocate", ...request });
}

/** From this many requests the explanations are shared with a second thread (below, starting it costs more than it saves). */
export const HELPER_FROM = 100;

/** The bundle is plain JavaScript: the worker need not inherit tsx's loader (saves ~50 ms of start). */
function spawn(url: URL): Worker {
  return new Worker(url, { execArgv: [] });
}

/**
 * A worker thread that takes half of the explanations: the machine's second core. Start it as early as
 * possible (it needs ~100 ms to load), then pass it to allocate() for a problem of at least HELPER_FROM
 * requests.
 */
export async function startExplainHelper(): Promise<ExplainHelper & { close(): Promise<void> }> {
  const worker = spawn(await workerUrl());
  return {
    run: (problem, indexes, base, seconds, timeLimit) =>
      ask<OutsidersExplained>(worker, { type: "outsiders", problem, chosen: [...base.chosen], units: base.units, indexes, seconds, timeLimit }),
    close: async () => {
      await worker.terminate();
    },
  };
}
