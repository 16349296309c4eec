// The solver's worker thread. glpk.js solves synchronously, so solves run here and the calling thread
// (the server's event loop) never blocks on them. Messages: "allocate" (a whole allocation), "run" (a
// round's run, stored by this thread) and the analytics (money curve, robustness, sensitivity,
// replacement, release), each answered with the scoring function's own JSON.
import { setPriority } from "node:os";
import { allocate, allocateRound } from "../../scoring/allocate.js";
import { parseOrThrow, type AllocationResult } from "../../scoring/domain/index.js";
import {
  moneyCurve,
  type MoneyCurveOptions,
  release,
  replace,
  type ExpiredOffer,
  type PriorResult,
  type ReplaceOptions,
  robustness,
  type RobustnessOptions,
  sensitivities,
  type SensitivityOptions,
} from "../../scoring/analytics/index.js";
import { RoundFileSchema, type ReferenceData } from "../../scoring/criteria/index.js";
import { ProblemSchema } from "../../scoring/problem/index.js";
import { explainHelperAt, HELPER_FROM, type ExplainHelperThread } from "./explain-helper.js";
import { loadGlpk } from "./glpk.js";
import { serve } from "./worker-protocol.js";
import { RunWriter } from "../store/runs.js";

export interface AllocateMessage {
  type: "allocate";
  problem: unknown;
  timeLimit?: number;
  explain?: boolean;
  baselines?: boolean;
}

export type AnalyticsMessage =
  | { type: "curve"; problem: unknown; options?: MoneyCurveOptions }
  | { type: "robustness"; problem: unknown; options?: RobustnessOptions }
  | { type: "sensitivity"; problem: unknown; options?: SensitivityOptions }
  | { type: "replace"; problem: unknown; result: PriorResult; declined: string[]; options?: ReplaceOptions }
  | { type: "release"; problem: unknown; result: PriorResult; expiredOffers: ExpiredOffer[]; options?: ReplaceOptions };

/**
 * A server run: the round file as read from the records, validated, scored and solved here. With `store`,
 * the snapshot (megabytes for thousands of requests) is written here, through this thread's own
 * connection, into the run's row while it is still "running"; the server's thread then only marks it
 * done. Without, the snapshot comes back serialised.
 */
export interface RunMessage {
  type: "run";
  /** The round file as JSON text (server/store/round-file.ts roundFileTextOf). */
  fileText: string;
  reference: ReferenceData;
  timeLimit: number;
  store?: { dbPath: string; runId: string };
  /** The explanations' helper bundle: from HELPER_FROM requests, this thread starts it and shares the explanations with it. */
  helperUrl?: string;
}

export interface RunOutput {
  /** The snapshot, serialised (null when it was stored by the worker). */
  snapshot: { problem: string; scores: string; result: string } | null;
  value: number | null;
  status: AllocationResult["status"];
  solver: AllocationResult["solver"];
}

export type WorkerMessage = AllocateMessage | AnalyticsMessage | RunMessage;

// Solves yield the CPU to the thread that serves requests: on Linux a thread's nice value is its own, so
// this lowers the solver thread's priority alone (elsewhere it would lower the whole process: skipped).
// A long solve then takes the cores the server's requests leave, and an applicant's status look-up or a
// reviewer's read is not queued behind it (bench/LOAD.md).
if (process.platform === "linux") {
  try {
    setPriority(10);
  } catch {
    // not permitted here: solve at normal priority
  }
}

// Loaded as soon as the thread starts, so that the wasm is ready when the first message comes.
const glpkReady = loadGlpk();

async function run(msg: RunMessage): Promise<RunOutput> {
  const file = parseOrThrow(RoundFileSchema, JSON.parse(msg.fileText));
  const db = msg.store ? new RunWriter(msg.store.dbPath, msg.store.runId) : null;
  let helper: ExplainHelperThread | undefined;
  let problem = "";
  let scores = "";
  try {
    // The proposal is written as soon as it is solved (the run still running): staff see it while the
    // explanations come; the explained result replaces it. The reasons then fill in as they come,
    // written at most every 150 ms.
    let proposed = false;
    let written = 0;
    const onProposal = db
      ? (proposal: AllocationResult) => {
          if (proposed && Date.now() - written < 150) return;
          written = Date.now();
          db.proposal({ problem, scores, result: JSON.stringify(proposal) }, proposal.value, proposal.status);
          proposed = true;
        }
      : undefined;
    const { result } = await allocateRound(file, msg.reference, async (scored) => {
      // The second core: the helper starts while this thread solves the proposal (it needs ~30 ms to load).
      // Started from this thread, it inherits its lowered priority, so it too yields to the requests served.
      if (msg.helperUrl && scored.problem.requests.length >= HELPER_FROM) helper = explainHelperAt(new URL(msg.helperUrl));
      problem = JSON.stringify(scored.problem);
      scores = JSON.stringify({
        rules: scored.rules,
        referenceData: scored.referenceData,
        underrepresented: scored.underrepresented,
        requests: scored.requests,
      });
      return { glpk: await glpkReady, timeLimit: msg.timeLimit, helper, onProposal };
    }).finally(() => helper?.close());
    const snapshot = { problem, scores, result: JSON.stringify(result) };
    const out = { value: result.value, status: result.status, solver: result.solver };
    if (!db) return { snapshot, ...out };
    db.result(snapshot, result.value, result.status, proposed);
    return { snapshot: null, ...out };
  } finally {
    db?.close();
  }
}

async function handle(msg: WorkerMessage): Promise<unknown> {
  if (msg.type === "run") return run(msg);
  const problem = ProblemSchema.parse(msg.problem);
  const glpk = await glpkReady;
  switch (msg.type) {
    case "allocate":
      return allocate(problem, { glpk, timeLimit: msg.timeLimit, explain: msg.explain, baselines: msg.baselines });
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

serve<WorkerMessage & { id: number }>(handle);
