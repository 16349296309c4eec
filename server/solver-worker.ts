// The solver's worker thread. glpk.js solves synchronously, so solves run here and the calling thread
// (the server's event loop) never blocks on them.
import { parentPort } from "node:worker_threads";
import { allocate } from "../scoring/allocate.js";
import { ProblemSchema } from "../scoring/schemas.js";
import { loadGlpk } from "./glpk.js";

export interface AllocateMessage {
  type: "allocate";
  problem: unknown;
  timeLimit?: number;
  explain?: boolean;
  baselines?: boolean;
}

// Loaded as soon as the thread starts, so that the wasm is ready when the first message comes.
const glpkReady = loadGlpk();

parentPort?.on("message", async (msg: AllocateMessage) => {
  try {
    const problem = ProblemSchema.parse(msg.problem);
    const glpk = await glpkReady;
    const result = await allocate(problem, { glpk, timeLimit: msg.timeLimit, explain: msg.explain, baselines: msg.baselines });
    parentPort!.postMessage({ ok: true, result });
  } catch (e) {
    parentPort!.postMessage({ ok: false, error: (e as Error).message });
  }
});
