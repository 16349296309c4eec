// The explanations' helper thread (see startExplainHelper in solve-in-worker.ts): it explains shares of
// the requests of one proposal, beside the thread that asks. Its own bundle holds the solver's modules
// only (no zod, no SQLite), so it is ready in about half the time of the run worker.
// Several messages may be in flight (worker-protocol.ts); the first of a `key` carries the
// problem (already validated by the thread that asks) and the proposal, kept here for the next ones; the
// first "funded requests" of a key carries what the requests not funded yielded.
import { explainFunded, explainNotFunded, Neighbours, type NotFundedExplained } from "../../scoring/explanations/index.js";
import { prepare, type Prepared, type Problem } from "../../scoring/problem/index.js";
import type { Solution } from "../../scoring/allocation/index.js";
import { loadGlpk } from "./glpk.js";
import { serve } from "./worker-protocol.js";

export type HelperMessage =
  | {
      type: "not-funded";
      id: number;
      key: number;
      problem?: Problem;
      chosen?: [number, number][];
      units?: number;
      indexes: number[];
      seconds: number;
      timeLimit: number;
    }
  | {
      type: "funded";
      id: number;
      key: number;
      notFundedResult?: NotFundedExplained;
      indexes: number[];
      seconds: number;
      timeLimit: number;
    };

// Loaded as soon as the thread starts, so that the wasm is ready when the first message comes.
const glpkReady = loadGlpk();

/** The problem of the explanation this thread helps with (one at a time). */
let helping: {
  key: number;
  prep: Prepared;
  base: Solution;
  outGuess: Neighbours;
  inGuess: Neighbours;
  notFundedResult?: NotFundedExplained;
} | null = null;

async function help(msg: HelperMessage): Promise<unknown> {
  const glpk = await glpkReady;
  if (msg.type === "not-funded" && msg.problem !== undefined) {
    const base = { chosen: new Map(msg.chosen), flows: new Map<string, number>(), units: msg.units ?? 0 };
    helping = { key: msg.key, prep: prepare(msg.problem), base, outGuess: new Neighbours(), inGuess: new Neighbours() };
  }
  if (!helping || helping.key !== msg.key) throw new Error(`explain helper: no problem for key ${msg.key}`);
  const h = helping;
  if (msg.type === "not-funded") return explainNotFunded(h.prep, glpk, h.base, msg.indexes, msg.seconds, msg.timeLimit, h.outGuess);
  if (msg.notFundedResult) h.notFundedResult = msg.notFundedResult;
  if (!h.notFundedResult) throw new Error("explain helper: funded requests before the results of those not funded");
  return [...(await explainFunded(h.prep, glpk, h.base, h.notFundedResult, msg.indexes, msg.seconds, msg.timeLimit, h.inGuess))];
}

serve(help);
