// The solver's worker thread. glpk.js solves synchronously, so solves run here and the calling thread
// (the server's event loop) never blocks on them. Messages: "allocate" (a whole allocation), "outsiders"
// (half of the explanations of a proposal, beside the thread that asks) and the analytics (money curve,
// robustness, sensitivity, replacement, release), each answered with the scoring function's own JSON.
import { parentPort } from "node:worker_threads";
import { allocate } from "../scoring/allocate.js";
import { explainOutsiders } from "../scoring/explain.js";
import { InvalidInputError } from "../scoring/issues.js";
import { moneyCurve, type MoneyCurveOptions } from "../scoring/money-curve.js";
import { prepare } from "../scoring/prepare.js";
import { release, replace, type ExpiredOffer, type PriorResult, type ReplaceOptions } from "../scoring/replace.js";
import { robustness, type RobustnessOptions } from "../scoring/robustness.js";
import { ProblemSchema } from "../scoring/schemas.js";
import { sensitivities, type SensitivityOptions } from "../scoring/sensitivity.js";
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

export type AnalyticsMessage =
  | { type: "curve"; problem: unknown; options?: MoneyCurveOptions }
  | { type: "robustness"; problem: unknown; options?: RobustnessOptions }
  | { type: "sensitivity"; problem: unknown; options?: SensitivityOptions }
  | { type: "replace"; problem: unknown; result: PriorResult; declined: string[]; options?: ReplaceOptions }
  | { type: "release"; problem: unknown; result: PriorResult; expiredOffers: ExpiredOffer[]; options?: ReplaceOptions };

export type WorkerMessage = AllocateMessage | OutsidersMessage | AnalyticsMessage;

// Loaded as soon as the thread starts, so that the wasm is ready when the first message comes.
const glpkReady = loadGlpk();

async function handle(msg: WorkerMessage): Promise<unknown> {
  const problem = ProblemSchema.parse(msg.problem);
  const glpk = await glpkReady;
  switch (msg.type) {
    case "allocate":
      return allocate(problem, { glpk, timeLimit: msg.timeLimit, explain: msg.explain, baselines: msg.baselines });
    case "outsiders": {
      const base = { chosen: new Map(msg.chosen), flows: new Map<string, number>(), units: msg.units };
      return explainOutsiders(prepare(problem), glpk, base, msg.indexes, msg.seconds, msg.timeLimit);
    }
    case "curve":
      return moneyCurve(problem, glpk, msg.options);
    case "robustness":
      return robustness(problem, glpk, msg.options);
    case "sensitivity":
      return sensitivities(problem, glpk, msg.options);
    case "replace":
      return replace(problem, msg.result, msg.declined, glpk, msg.options);
    case "release":
      return release(problem, msg.result, msg.expiredOffers, glpk, msg.options);
  }
}

parentPort?.on("message", async (msg: WorkerMessage) => {
  try {
    parentPort!.postMessage({ ok: true, result: await handle(msg) });
  } catch (e) {
    const problems = e instanceof InvalidInputError ? e.problems : undefined;
    parentPort!.postMessage({ ok: false, error: (e as Error).message, problems });
  }
});
