// The live allocation of the settings being tried: each change (a weight, a policy field, the rule set)
// is allocated exactly in a Web Worker; the latest change wins (a change made while a solve runs waits,
// and only the newest waiting one is sent; an answer to an older change is dropped). Each change is
// marked on the page's performance timeline ("what-if:change:N"), as are its sending to the worker
// ("what-if:sent:N") and the worker's answer ("what-if:answered:N"), and measured once its result is
// shown ("what-if:N"), for the latency bench.
import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Weights } from "../../../../../scoring/domain/index.js";
import type { Policy } from "../../../../../scoring/policy/index.js";
import { api, call } from "../../../api.js";
import { keys } from "../../../query-keys.js";
import type { RoundFacts, WhatIfAnswer, WhatIfChange, WhatIfInputs, WhyNotAnswer } from "./protocol.js";

/** Seconds a live solve may take before it answers with its best allocation so far. */
const TIME_CAP = 2;

/** What a what-if needs to allocate in the browser: the round file, its States, the last run's selection. */
const useWhatIfInputs = (roundId: string) =>
  useQuery({
    queryKey: keys.whatIf(roundId),
    queryFn: (): Promise<WhatIfInputs> => call(api.api.rounds[":roundId"]["what-if"].$get({ param: { roundId } })),
  });

export function useLiveAllocation(roundId: string, weights: Weights | null, policy: Policy | null, rules: unknown, facts: RoundFacts) {
  const inputs = useWhatIfInputs(roundId);
  const worker = useRef<Worker | null>(null);
  const seq = useRef(0);
  const busy = useRef(false);
  const waiting = useRef<WhatIfChange | null>(null);
  const [answer, setAnswer] = useState<WhatIfAnswer | null>(null);
  const [solving, setSolving] = useState(false);
  const [whyNot, setWhyNot] = useState<WhyNotAnswer | null>(null);

  useEffect(() => {
    if (!inputs.data) return;
    const w = new Worker(new URL("./what-if.worker.ts", import.meta.url), { type: "module" });
    w.postMessage({ type: "load", inputs: inputs.data });
    w.onmessage = (e: MessageEvent<WhatIfAnswer | WhyNotAnswer>) => {
      if (e.data.kind === "why-not") {
        // Shown only if it is about the allocation on screen.
        if (e.data.seq === seq.current) setWhyNot(e.data);
        return;
      }
      performance.mark(`what-if:answered:${e.data.seq}`);
      busy.current = false;
      const next = waiting.current;
      waiting.current = null;
      if (next) {
        // A newer change waits: this answer is stale, and the newer one is solved now.
        busy.current = true;
        performance.mark(`what-if:sent:${next.seq}`);
        w.postMessage({ type: "solve", ...next });
        return;
      }
      if (e.data.seq === seq.current) {
        setAnswer(e.data);
        setWhyNot(null);
        setSolving(false);
      }
    };
    worker.current = w;
    return () => {
      w.terminate();
      worker.current = null;
      busy.current = false;
    };
  }, [inputs.data]);

  useEffect(() => {
    const w = worker.current;
    if (!w || !weights || !policy) return;
    const change: WhatIfChange = { seq: ++seq.current, weights, policy, ...(rules ? { rules } : {}), facts, timeLimit: TIME_CAP };
    performance.mark(`what-if:change:${change.seq}`);
    setSolving(true);
    if (busy.current) waiting.current = change;
    else {
      busy.current = true;
      performance.mark(`what-if:sent:${change.seq}`);
      w.postMessage({ type: "solve", ...change });
    }
  }, [weights, policy, rules, facts, inputs.data]);

  // Once a result is on screen: the time from its change; a why-not's, from its question.
  useMeasure(answer ? [`what-if:${answer.seq}`, `what-if:change:${answer.seq}`] : null);
  useMeasure(whyNot ? [`why-not:${whyNot.id}`, `why-not:ask:${whyNot.id}`] : null);

  /** Asks why a request is not funded in the allocation on screen (one function for the page's life: the answer's view is memoised). */
  const askWhyNot = useCallback((id: string) => {
    setWhyNot(null);
    performance.mark(`why-not:ask:${id}`);
    worker.current?.postMessage({ type: "why-not", id });
  }, []);

  return { inputs, answer, solving, whyNot, askWhyNot };
}

/** Measures `name` from its start mark once what it measures is on screen (a render committed). */
function useMeasure(entry: [name: string, start: string] | null): void {
  const [name, start] = entry ?? [null, null];
  useEffect(() => {
    if (name && start && performance.getEntriesByName(start).length) performance.measure(name, start);
  }, [name, start]);
}
