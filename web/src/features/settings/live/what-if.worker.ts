// The live what-if's Web Worker: the round file and its States once, then each change of the settings
// scored and allocated exactly here, with glpk.js and the same core as a server run (scoring/), off the
// page's thread. One solve at a time: the page sends the latest change only when the last one is answered.
import GLPK from "glpk.js";
import { liveAllocation, whyNot, withRoundFacts, type LiveBase } from "../../../../../scoring/index.js";
import type { Problem } from "../../../../../scoring/problem/index.js";
import { RoundFileSchema, RuleSetSchema, scoreRound, type ReferenceData, type RoundFile } from "../../../../../scoring/criteria/index.js";
import { PolicySchema } from "../../../../../scoring/policy/index.js";
import { DatedFactSchema, StateSchema, WeightsSchema } from "../../../../../scoring/domain/index.js";
import { z } from "zod";
import type { WhatIfChange, WhatIfInputs, WhatIfAnswer, WhyNotAnswer } from "./protocol.js";

let file: RoundFile | null = null;
let lastRun: WhatIfInputs["lastRun"] = null;
/** The latest optimum, for a why-not (its change's seq). */
let last: { seq: number; base: LiveBase } | null = null;
let reference: ReferenceData | null = null;
/** The scored problem of the last facts and rule set tried (its key), for the changes that keep them. */
let scoredFor: { key: string; problem: Problem } | null = null;
const glpk = GLPK();

async function solve(change: WhatIfChange): Promise<WhatIfAnswer> {
  if (!file || !reference) throw new Error("the what-if's inputs are not loaded");
  const t0 = performance.now();
  // The round file was validated once; a change is validated by its own parts' schemas.
  const weights = WeightsSchema.safeParse(change.weights);
  const policy = PolicySchema.safeParse(change.policy);
  const rules = change.rules === undefined ? null : RuleSetSchema.safeParse(change.rules);
  if (!weights.success || !policy.success || (rules && !rules.success))
    return { seq: change.seq, kind: "invalid", ms: performance.now() - t0 };
  // The requests' points depend on the round's facts and the rule set, not on the weights or the policy:
  // a move of a slider re-uses them (the weights weigh them in the allocation itself).
  const key = JSON.stringify([change.facts, change.rules ?? null]);
  if (scoredFor?.key !== key) {
    const tried = withRoundFacts(file, change.facts);
    if (!tried) return { seq: change.seq, kind: "invalid", ms: performance.now() - t0 };
    const scored = scoreRound(
      { ...tried, weights: weights.data, policy: policy.data, ...(rules?.success ? { rules: rules.data } : {}) },
      reference,
    );
    scoredFor = { key, problem: scored.problem };
  }
  const problem: Problem = { ...scoredFor.problem, weights: weights.data, policy: policy.data };
  const { result, base } = await liveAllocation(problem, await glpk, { timeLimit: change.timeLimit });
  last = base ? { seq: change.seq, base } : null;
  // Who enters and who leaves against the last finished run (nobody without one).
  const stateOf = new Map(file.requests.map((r) => [r.id, r.state]));
  const now = new Set(result.funded.map((f) => f.id));
  const was = new Set(lastRun?.funded ?? []);
  const reasons = lastRun?.reasons ?? {};
  const entered = lastRun
    ? result.funded.filter((f) => !was.has(f.id)).map((f) => ({ id: f.id, state: f.state, reason: reasons[f.id] }))
    : [];
  const left = lastRun ? lastRun.funded.filter((id) => !now.has(id)).map((id) => ({ id, state: stateOf.get(id) ?? "" })) : [];
  const notFunded = file.requests.filter((r) => !now.has(r.id)).map((r) => ({ id: r.id, state: r.state }));
  return { seq: change.seq, kind: "solved", result, entered, left, notFunded, ms: performance.now() - t0 };
}

/** Why a request is not funded in the latest optimum. */
async function explainOne(id: string): Promise<WhyNotAnswer> {
  const t0 = performance.now();
  if (!last) return { kind: "why-not", seq: 0, id, reason: null, ms: 0 };
  const { seq, base } = last;
  const { reason } = await whyNot(base, await glpk, id);
  return { kind: "why-not", seq, id, reason, ms: performance.now() - t0 };
}

type Message = { type: "load"; inputs: WhatIfInputs } | ({ type: "solve" } & WhatIfChange) | { type: "why-not"; id: string };

self.onmessage = (e: MessageEvent<Message>) => {
  const msg = e.data;
  if (msg.type === "why-not") {
    explainOne(msg.id).then(
      (answer) => self.postMessage(answer),
      () => self.postMessage({ kind: "why-not", seq: 0, id: msg.id, reason: null, ms: 0 }),
    );
    return;
  }
  if (msg.type === "load") {
    file = RoundFileSchema.parse(msg.inputs.file);
    scoredFor = null;
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
