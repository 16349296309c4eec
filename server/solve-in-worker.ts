// Runs allocate() and the analytics in a worker thread, with cancel; and lends a worker to take half of the explanations.
// terminate() stops even a long branch and bound at once (glpk.js cannot be interrupted otherwise).
import { Worker } from "node:worker_threads";
import type { ExplainHelper, OutsidersExplained } from "../scoring/explain.js";
import type { AllocationResult, FundedRequest } from "../scoring/schemas.js";
import { InvalidInputError, type FieldProblem } from "../scoring/issues.js";
import type { HelperMessage } from "./explain-worker.js";
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
 * A worker thread that takes a share of the explanations: the machine's second core. Start it as early as
 * possible (it needs ~100 ms to load), then pass it to allocate() for a problem of at least HELPER_FROM
 * requests. It sends each problem, proposal and outsiders' result once, and keeps two requests in flight.
 */
export async function startExplainHelper(): Promise<ExplainHelper & { close(): Promise<void> }> {
  // Its own bundle (explain-worker.ts): ready in about half a run worker's time, and, unlike a run's
  // worker, at its normal priority (the thread it helps is solving, not serving requests).
  const worker = spawn(await workerUrl("explain-worker"));
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  worker.on("message", (msg: { id?: number } & Reply<unknown>) => {
    const p = msg.id === undefined ? undefined : pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id!);
    if (msg.ok) p.resolve(msg.result);
    else p.reject(new Error(msg.error));
  });
  const failAll = (e: Error): void => {
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  worker.on("error", failAll);
  worker.on("exit", () => failAll(new SolveCancelled()));
  const call = <T>(message: Omit<HelperMessage, "id">): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ ...message, id });
    });
  // The worker keeps one problem (with its proposal and outsiders' result): sent again whenever it changes.
  const keys = new WeakMap<object, number>();
  let held: { key: number; outside: object | null } | null = null;
  return {
    outsiders: (problem, base, indexes, seconds, timeLimit) => {
      let key = keys.get(problem);
      if (key === undefined) keys.set(problem, (key = nextId++));
      const send = held?.key !== key;
      if (send) held = { key, outside: null };
      const payload = send ? { problem, chosen: [...base.chosen], units: base.units } : {};
      return call<OutsidersExplained>({ type: "outsiders", key, ...payload, indexes, seconds, timeLimit });
    },
    insiders: (problem, _base, outside, indexes, seconds, timeLimit) => {
      const key = keys.get(problem);
      if (key === undefined || held?.key !== key) return Promise.reject(new Error("explain helper: insiders of a problem it does not hold"));
      const send = held.outside !== outside;
      held.outside = outside;
      return call<[string, Partial<FundedRequest>][]>({ type: "insiders", key, ...(send ? { outside } : {}), indexes, seconds, timeLimit });
    },
    close: async () => {
      await worker.terminate();
    },
  };
}
