// The solver's worker thread. glpk.js solves synchronously, so solves run here and the calling thread
// (the server's event loop) never blocks on them. Two messages: "allocate" (a whole allocation) and
// "outsiders" (half of the explanations of a proposal, beside the thread that asks).
import { parentPort } from "node:worker_threads";
import { allocate } from "../scoring/allocate.js";
import { explainOutsiders } from "../scoring/explain.js";
import { prepare } from "../scoring/prepare.js";
import { ProblemSchema } from "../scoring/schemas.js";
import { loadGlpk } from "./glpk.js";

export interface AllocateMessage {
  type: "allocate";
  problem: unknown;
  timeLimit?: number;
  explain?: boolean;
  baselines?: boolean;
}

export interface OutsidersMessage {
  type: "outsiders";
  problem: unknown;
  chosen: [number, number][];
  units: number;
  indexes: number[];
  seconds: number;
  timeLimit: number;
}

// Loaded as soon as the thread starts, so that the wasm is ready when the first message comes.
const glpkReady = loadGlpk();

parentPort?.on("message", async (msg: AllocateMessage | OutsidersMessage) => {
  try {
    const problem = ProblemSchema.parse(msg.problem);
    const glpk = await glpkReady;
    if (msg.type === "allocate") {
      const result = await allocate(problem, { glpk, timeLimit: msg.timeLimit, explain: msg.explain, baselines: msg.baselines });
      parentPort!.postMessage({ ok: true, result });
    } else {
      const base = { chosen: new Map(msg.chosen), flows: new Map<string, number>(), units: msg.units };
      const result = await explainOutsiders(prepare(problem), glpk, base, msg.indexes, msg.seconds, msg.timeLimit);
      parentPort!.postMessage({ ok: true, result });
    }
  } catch (e) {
    parentPort!.postMessage({ ok: false, error: (e as Error).message });
  }
});
