// The explanations' helper: a worker thread (explain-worker.ts) that takes a share of a run's
// explanations, the machine's second core. Started by the CLIs and the bench from the main thread, and by
// a server run's worker from inside it (solver-worker.ts), so that server runs use both cores too.
import { Worker } from "node:worker_threads";
import type { FundedRequest } from "../../scoring/domain/index.js";
import type { ExplainHelper, NotFundedExplained } from "../../scoring/explanations/index.js";
import type { HelperMessage } from "./explain-worker.js";
import { connect, SolveCancelled } from "./worker-protocol.js";

/** From this many requests the explanations are shared with a second thread (below, starting it costs more than it saves). */
export const HELPER_FROM = 100;

export type ExplainHelperThread = ExplainHelper & { close(): Promise<void> };

/** The bundle is plain JavaScript: the worker need not inherit tsx's loader (saves ~50 ms of start). */
export function spawn(url: URL): Worker {
  return new Worker(url, { execArgv: [] });
}

/**
 * A worker thread that takes a share of the explanations: the machine's second core. Start it as early as
 * possible (it needs ~100 ms to load), then pass it to allocate() for a problem of at least HELPER_FROM
 * requests. It sends each problem, proposal and requests not funded' result once, and keeps two requests in flight.
 */
export function explainHelperAt(url: URL): ExplainHelperThread {
  // Its own bundle (explain-worker.ts): ready in about half a run worker's time, and, unlike a run's
  // worker, at its normal priority (the thread it helps is solving, not serving requests).
  const worker = spawn(url);
  const { call } = connect(worker, () => new SolveCancelled());
  let nextKey = 1;
  // The worker keeps one problem (with its proposal and requests not funded' result): sent again whenever it changes.
  const keys = new WeakMap<object, number>();
  let held: { key: number; notFundedResult: object | null } | null = null;
  return {
    notFunded: (problem, base, indexes, seconds, timeLimit) => {
      let key = keys.get(problem);
      if (key === undefined) keys.set(problem, (key = nextKey++));
      const send = held?.key !== key;
      if (send) held = { key, notFundedResult: null };
      const payload = send ? { problem, chosen: [...base.chosen], units: base.units } : {};
      return call<NotFundedExplained>({ type: "not-funded", key, ...payload, indexes, seconds, timeLimit } satisfies Omit<
        HelperMessage,
        "id"
      >);
    },
    funded: (problem, _base, notFundedResult, indexes, seconds, timeLimit) => {
      const key = keys.get(problem);
      if (key === undefined || held?.key !== key)
        return Promise.reject(new Error("explain helper: funded requests of a problem it does not hold"));
      const send = held.notFundedResult !== notFundedResult;
      held.notFundedResult = notFundedResult;
      return call<[string, Partial<FundedRequest>][]>({
        type: "funded",
        key,
        ...(send ? { notFundedResult } : {}),
        indexes,
        seconds,
        timeLimit,
      } satisfies Omit<HelperMessage, "id">);
    },
    close: async () => {
      await worker.terminate();
    },
  };
}
