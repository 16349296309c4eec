// The states of rounds and requests, and the round's allowed moves: defined once here, read by the
// server's guards and by the UI's buttons and labels. Also the settings a new round starts from.
import type { CRITERIA } from "./constants.js";

export const ROUND_STATUSES = ["draft", "open", "review", "decided", "closed"] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

/** The round's status transitions, each allowed only from the status before it (a round may also go back a step). */
export const ROUND_TRANSITIONS: Record<RoundStatus, readonly RoundStatus[]> = {
  draft: ["open"],
  open: ["review"],
  review: ["decided", "open"],
  decided: ["closed", "review"],
  closed: [],
};

/** Whether a round may move from one status to another. */
export function canMove(from: RoundStatus, to: RoundStatus): boolean {
  return ROUND_TRANSITIONS[from].includes(to);
}

/** Rounds whose decisions are published. */
export const DECIDED_ROUND_STATUSES: readonly RoundStatus[] = ["decided", "closed"];

/** Whether a round's decisions are published (any status string, as an answer carries it). */
export function isDecided(status: string): boolean {
  return (DECIDED_ROUND_STATUSES as readonly string[]).includes(status);
}

export const REQUEST_STATUSES = [
  "submitted",
  "under-review",
  "withdrawn",
  "ineligible",
  "funded",
  "waitlisted",
  "not-funded",
  "accepted",
  "declined",
  "expired",
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Requests that take part in an allocation run. */
export const IN_RUN: readonly RequestStatus[] = ["submitted", "under-review"];

/** Decided requests whose decision a re-approval may still change (no offer answered yet). */
export const REDECIDABLE: readonly RequestStatus[] = ["funded", "waitlisted", "not-funded"];

/**
 * A request's allowed moves. Staff move requests in the running (submitted, under review, withdrawn,
 * ineligible); an approval decides them (funded, waitlisted, not funded) and a re-approval may decide
 * them again until an offer is answered; a replacement funds a waitlisted or not-funded request; an offer
 * is answered once (accepted, declined, expired), and an answer is final.
 */
export const REQUEST_TRANSITIONS: Record<RequestStatus, readonly RequestStatus[]> = {
  submitted: ["under-review", "withdrawn", "ineligible", "funded", "waitlisted", "not-funded"],
  "under-review": ["submitted", "withdrawn", "ineligible", "funded", "waitlisted", "not-funded"],
  withdrawn: ["submitted", "under-review"],
  ineligible: ["submitted", "under-review"],
  funded: ["accepted", "declined", "expired", "funded", "waitlisted", "not-funded"],
  waitlisted: ["funded", "waitlisted", "not-funded"],
  "not-funded": ["funded", "waitlisted", "not-funded"],
  accepted: [],
  declined: [],
  expired: [],
};

const STATUS_WORDS: Record<RequestStatus, string> = {
  submitted: "submitted",
  "under-review": "under review",
  withdrawn: "withdrawn",
  ineligible: "ineligible",
  funded: "funded",
  waitlisted: "on the waiting list",
  "not-funded": "not funded",
  accepted: "accepted (its offer)",
  declined: "declined (its offer)",
  expired: "lapsed (its offer)",
};

/** Why a request cannot move from one status to another, in words; null when it can. */
export function requestMoveRefused(id: string, from: RequestStatus, to: RequestStatus): string | null {
  if (REQUEST_TRANSITIONS[from].includes(to)) return null;
  const final = REQUEST_TRANSITIONS[from].length === 0 ? ": that answer is final" : "";
  return `request ${id} is ${STATUS_WORDS[from]}${final}; it cannot become ${STATUS_WORDS[to]}`;
}

/** The weights a new round starts with (para. 102's order of priority). */
export const DEFAULT_WEIGHTS: Record<(typeof CRITERIA)[number], number> = {
  implementation: 30,
  technical: 20,
  universalization: 20,
  capacity: 15,
  representation: 15,
};

/** The policy a new round starts with: 20 seats, one delegate per State, at least half women. */
export const DEFAULT_POLICY = { maxDelegates: 20, maxPerState: 1, minWomenShare: 0.5 } as const;
