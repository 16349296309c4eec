// What the page and the what-if's worker say to each other.
import type { LiveAllocation, NotFundedRequest, RoundFacts } from "../../../../../scoring/index.js";
export type { RoundFacts };
import type { Weights } from "../../../../../scoring/domain/index.js";
import type { Policy } from "../../../../../scoring/policy/index.js";

/** The round's inputs, as GET /api/rounds/{id}/what-if answers them (the worker validates them). */
export interface WhatIfInputs {
  file: unknown;
  reference: { asOf: string; unverified: number; states: unknown[]; dated: [string, unknown[]][] };
  settingsVersion: number;
  lastRun: { id: string; funded: string[]; reasons: Record<string, string> } | null;
}

/** A change of the settings to allocate with; `seq` orders the changes (the latest wins). */
export interface WhatIfChange {
  facts: RoundFacts;
  seq: number;
  weights: Weights;
  policy: Policy;
  rules?: unknown;
  /** Seconds before the solve stops with its best allocation so far. */
  timeLimit: number;
}

/** A request that enters or leaves the selection against the last finished run, with its State and why. */
export interface Move {
  id: string;
  state: string;
  /** For a request that enters: why the last run did not fund it. */
  reason?: string;
}

export type WhatIfAnswer =
  | { seq: number; kind: "solved"; result: LiveAllocation; entered: Move[]; left: Move[]; notFunded: Move[]; ms: number }
  | { seq: number; kind: "invalid"; ms: number }
  | { seq: number; kind: "failed"; message: string; ms: number };

/** Why a request is not funded in the optimum of change `seq` (null: it could not be said). */
export interface WhyNotAnswer {
  kind: "why-not";
  seq: number;
  id: string;
  reason: NotFundedRequest["reason"] | null;
  ms: number;
}
