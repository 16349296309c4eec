// The solver's worker thread: receives a problem, answers with the allocation. glpk.js solves
// synchronously, so the solve runs here and the calling thread (the server's event loop) never blocks.
import { parentPort } from "node:worker_threads";
import { allocate } from "../scoring/allocate.js";
import { ProblemSchema } from "../scoring/schemas.js";
import { loadGlpk } from "./glpk.js";

export interface WorkerRequest {
  problem: unknown;
  timeLimit?: number;
  explain?: boolean;
  baselines?: boolean;
}

parentPort?.on("message", async (msg: WorkerRequest) => {
  try {
    const problem = ProblemSchema.parse(msg.problem);
    const glpk = await loadGlpk();
    const result = await allocate(problem, { glpk, timeLimit: msg.timeLimit, explain: msg.explain, baselines: msg.baselines });
    parentPort!.postMessage({ ok: true, result });
  } catch (e) {
    parentPort!.postMessage({ ok: false, error: (e as Error).message });
  }
});
