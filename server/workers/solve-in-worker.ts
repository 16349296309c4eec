// Runs allocate() and the analytics in a worker thread, with cancel; and lends a worker to share the explanations.
// terminate() stops even a long branch and bound at once (glpk.js cannot be interrupted otherwise).
import type { AllocationResult } from "../../scoring/domain/index.js";
import { explainHelperAt, spawn, type ExplainHelperThread } from "./explain-helper.js";
import type { AllocateMessage, WorkerMessage } from "./solver-worker.js";
import { workerUrl } from "./worker-bundle.js";
import { connect, SolveCancelled } from "./worker-protocol.js";

export { SolveCancelled };

export interface Running<T> {
  result: Promise<T>;
  cancel(): Promise<void>;
}
export type RunningSolve = Running<AllocationResult>;

/** Runs one message in a fresh worker thread; cancel() terminates it (and its branch and bound) at once. */
export function runInWorker<T>(message: WorkerMessage | Promise<WorkerMessage>): Running<T> {
  const started = workerUrl().then(spawn);
  let cancelled = false;
  const result = started.then(async (worker) => {
    if (cancelled) {
      await worker.terminate();
      throw new SolveCancelled();
    }
    try {
      return await connect(worker, () => new SolveCancelled()).call<T>(await message);
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

export { HELPER_FROM } from "./explain-helper.js";

/** The explanations' helper, started from its bundle (see explain-helper.ts). */
export async function startExplainHelper(): Promise<ExplainHelperThread> {
  return explainHelperAt(await workerUrl("explain-worker"));
}

/** A server run's message, with the helper's bundle so that the run's worker can share its explanations. */
export async function withHelper<M extends WorkerMessage>(message: M): Promise<M & { helperUrl: string }> {
  return { ...message, helperUrl: (await workerUrl("explain-worker")).href };
}
