// Runs allocate() in a worker thread, with cancel. One worker per solve: start-up costs ~40 ms, and
// terminate() stops even a long branch-and-bound at once (glpk.js cannot be interrupted otherwise).
import { Worker } from "node:worker_threads";
import type { AllocationResult } from "../scoring/schemas.js";
import type { WorkerRequest } from "./solver-worker.js";

export class SolveCancelled extends Error {
  constructor() {
    super("the solve was cancelled");
  }
}

export interface RunningSolve {
  result: Promise<AllocationResult>;
  cancel(): Promise<void>;
}

const workerUrl = new URL("./solver-worker-entry.mjs", import.meta.url);

export function solveInWorker(request: WorkerRequest): RunningSolve {
  const worker = new Worker(workerUrl);
  let settled = false;
  const result = new Promise<AllocationResult>((resolve, reject) => {
    worker.once("message", (msg: { ok: true; result: AllocationResult } | { ok: false; error: string }) => {
      settled = true;
      void worker.terminate();
      if (msg.ok) resolve(msg.result);
      else reject(new Error(msg.error));
    });
    worker.once("error", (e) => {
      settled = true;
      reject(e);
    });
    // A terminated worker never answers: its exit must settle the promise.
    worker.once("exit", () => {
      if (!settled) reject(new SolveCancelled());
    });
  });
  worker.postMessage(request);
  return {
    result,
    cancel: async () => {
      await worker.terminate();
    },
  };
}
