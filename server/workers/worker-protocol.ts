// The one protocol between a thread and its worker threads: each message carries an id, and the worker
// answers it once, with the same id: { ok: true, result } or { ok: false, error, problems? } (problems
// when the input was invalid, rebuilt as an InvalidInputError by the caller). Ids let several messages be
// in flight (the explanations' helper); a run's worker gets one.
import { parentPort, type Worker } from "node:worker_threads";
import { InvalidInputError, type FieldProblem } from "../../scoring/domain/index.js";

type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string; problems?: FieldProblem[] };

/** Worker side: answers every message with `handle`'s result or error. */
export function serve<M extends { id: number }>(handle: (msg: M) => Promise<unknown>): void {
  parentPort?.on("message", async (msg: M) => {
    try {
      parentPort!.postMessage({ id: msg.id, ok: true, result: await handle(msg) } satisfies Reply);
    } catch (e) {
      const problems = e instanceof InvalidInputError ? e.problems : undefined;
      parentPort!.postMessage({ id: msg.id, ok: false, error: (e as Error).message, problems } satisfies Reply);
    }
  });
}

/**
 * Caller side: call(message) posts it with a fresh id and settles with the worker's answer. A worker that
 * fails, or exits (terminated) before answering, rejects every pending call, with `onExit()` for an exit.
 */
export function connect(worker: Worker, onExit: () => Error): { call<T>(message: object): Promise<T> } {
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  worker.on("message", (msg: Reply) => {
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.ok) p.resolve(msg.result);
    else p.reject(msg.problems ? new InvalidInputError(msg.problems) : new Error(msg.error));
  });
  const failAll = (e: Error): void => {
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  worker.on("error", failAll);
  worker.on("exit", () => failAll(onExit()));
  return {
    call: <T>(message: object) =>
      new Promise<T>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        worker.postMessage({ ...message, id });
      }),
  };
}

/** A solve stopped by its caller (its worker terminated). */
export class SolveCancelled extends Error {
  constructor() {
    super("the solve was cancelled");
  }
}
