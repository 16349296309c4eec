// The live what-if's Web Worker: the round file and its States once, then each change of the settings
// scored and allocated exactly here, with glpk.js and the same core as a server run (scoring/), off the
// page's thread. One solve at a time: the page sends the latest change only when the last one is answered.
import GLPK from "glpk.js";
import { liveAllocation } from "../../../../../scoring/index.js";
import { RoundFileSchema, scoreRound, type ReferenceData, type RoundFile } from "../../../../../scoring/criteria/index.js";
import { DatedFactSchema, StateSchema } from "../../../../../scoring/domain/index.js";
import { z } from "zod";
import type { WhatIfChange, WhatIfInputs, WhatIfAnswer } from "./protocol.js";

let file: RoundFile | null = null;
let lastRun: WhatIfInputs["lastRun"] = null;
let reference: ReferenceData | null = null;
const glpk = GLPK();

async function solve(change: WhatIfChange): Promise<WhatIfAnswer> {
  if (!file || !reference) throw new Error("the what-if's inputs are not loaded");
  const t0 = performance.now();
  const parsed = RoundFileSchema.safeParse({
    ...file,
    weights: change.weights,
    policy: change.policy,
    ...(change.rules ? { rules: change.rules } : {}),
  });
  if (!parsed.success) return { seq: change.seq, kind: "invalid", ms: performance.now() - t0 };
  const scored = scoreRound(parsed.data, reference);
  const result = await liveAllocation(scored.problem, await glpk, { timeLimit: change.timeLimit });
  // Who enters and who leaves against the last finished run (nobody without one).
  const stateOf = new Map(file.requests.map((r) => [r.id, r.state]));
  const now = new Set(result.funded.map((f) => f.id));
  const was = new Set(lastRun?.funded ?? []);
  const entered = lastRun
    ? result.funded.filter((f) => !was.has(f.id)).map((f) => ({ id: f.id, state: f.state, reason: lastRun!.reasons[f.id] }))
    : [];
  const left = lastRun ? lastRun.funded.filter((id) => !now.has(id)).map((id) => ({ id, state: stateOf.get(id) ?? "" })) : [];
  return { seq: change.seq, kind: "solved", result, entered, left, ms: performance.now() - t0 };
}

self.onmessage = (e: MessageEvent<{ type: "load"; inputs: WhatIfInputs } | ({ type: "solve" } & WhatIfChange)>) => {
  const msg = e.data;
  if (msg.type === "load") {
    file = RoundFileSchema.parse(msg.inputs.file);
    lastRun = msg.inputs.lastRun;
    const states = z.array(StateSchema).parse(msg.inputs.reference.states);
    reference = {
      asOf: msg.inputs.reference.asOf,
      unverified: msg.inputs.reference.unverified,
      states: new Map(states.map((s) => [s.iso3, s])),
      dated: new Map(msg.inputs.reference.dated.map(([iso3, facts]) => [iso3, z.array(DatedFactSchema).parse(facts)])),
    };
    return;
  }
  solve(msg).then(
    (answer) => self.postMessage(answer),
    (err: unknown) => self.postMessage({ seq: msg.seq, kind: "failed", message: err instanceof Error ? err.message : String(err), ms: 0 }),
  );
};
