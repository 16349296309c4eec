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
  "travelled",
  "no-show",
  "cancelled",
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Requests that take part in an allocation run. */
export const IN_RUN: readonly RequestStatus[] = ["submitted", "under-review"];

/** Decided requests whose decision a re-approval may still change (no offer answered yet). */
export const REDECIDABLE: readonly RequestStatus[] = ["funded", "waitlisted", "not-funded"];

/**
 * An offer's states. Pending until answered; accepted, then settled after the meeting: travelled (its
 * actual cost), a no-show or a late cancellation (what could not be refunded, e.g. a ticket already
 * bought); declined or lapsed (expired) release the money committed.
 */
export const OFFER_STATUSES = ["pending", "accepted", "declined", "expired", "travelled", "no-show", "cancelled"] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export const OFFER_TRANSITIONS: Record<OfferStatus, readonly OfferStatus[]> = {
  pending: ["accepted", "declined", "expired"],
  accepted: ["travelled", "no-show", "cancelled"],
  declined: [],
  expired: [],
  travelled: [],
  "no-show": [],
  cancelled: [],
};

/** The request's status that mirrors an offer's state. */
export const REQUEST_STATUS_OF_OFFER: Record<OfferStatus, RequestStatus> = {
  pending: "funded",
  accepted: "accepted",
  declined: "declined",
  expired: "expired",
  travelled: "travelled",
  "no-show": "no-show",
  cancelled: "cancelled",
};

/** A request's moves once it has an offer: those of its offer, in the request's words. */
const afterOffer = (o: OfferStatus): RequestStatus[] => OFFER_TRANSITIONS[o].map((t) => REQUEST_STATUS_OF_OFFER[t]);

/**
 * A request's allowed moves. Staff move requests in the running (submitted, under review, withdrawn,
 * ineligible); an approval decides them (funded, waitlisted, not funded) and a re-approval may decide
 * them again until an offer is answered; a replacement funds a waitlisted or not-funded request; an offer
 * is answered once (accepted, declined, expired), and an answer is final; an accepted offer is settled
 * once (travelled, a no-show, or cancelled late), with what it cost.
 */
export const REQUEST_TRANSITIONS: Record<RequestStatus, readonly RequestStatus[]> = {
  submitted: ["under-review", "withdrawn", "ineligible", "funded", "waitlisted", "not-funded"],
  "under-review": ["submitted", "withdrawn", "ineligible", "funded", "waitlisted", "not-funded"],
  withdrawn: ["submitted", "under-review"],
  ineligible: ["submitted", "under-review"],
  funded: [...afterOffer("pending"), "funded", "waitlisted", "not-funded"],
  waitlisted: ["funded", "waitlisted", "not-funded"],
  "not-funded": ["funded", "waitlisted", "not-funded"],
  accepted: afterOffer("accepted"),
  declined: afterOffer("declined"),
  expired: afterOffer("expired"),
  travelled: afterOffer("travelled"),
  "no-show": afterOffer("no-show"),
  cancelled: afterOffer("cancelled"),
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
  travelled: "travelled",
  "no-show": "a no-show (accepted, did not travel)",
  cancelled: "cancelled late (after accepting)",
};

/** Why a request cannot move from one status to another, in words; null when it can. */
export function requestMoveRefused(id: string, from: RequestStatus, to: RequestStatus): string | null {
  if (REQUEST_TRANSITIONS[from].includes(to)) return null;
  const final = REQUEST_TRANSITIONS[from].length === 0 ? ": that answer is final" : "";
  return `request ${id} is ${STATUS_WORDS[from]}${final}; it cannot become ${STATUS_WORDS[to]}`;
}

/** Offers whose money is still committed (not yet spent or released). */
export const OPEN_OFFERS: readonly OfferStatus[] = ["pending", "accepted"];
/** Offers settled after the meeting: each has its actual cost (what was spent on it, 0 or more). */
export const SETTLED_OFFERS: readonly OfferStatus[] = ["travelled", "no-show", "cancelled"];
/** Offers whose money went back without being spent. */
export const RELEASED_OFFERS: readonly OfferStatus[] = ["declined", "expired"];

const OFFER_WORDS: Record<OfferStatus, string> = {
  pending: "awaiting an answer",
  accepted: "accepted",
  declined: "declined",
  expired: "lapsed",
  travelled: "travelled",
  "no-show": "a no-show",
  cancelled: "cancelled late",
};

/** Why an offer cannot move from one state to another, in words; null when it can. */
export function offerMoveRefused(id: string, from: OfferStatus, to: OfferStatus): string | null {
  if (OFFER_TRANSITIONS[from].includes(to)) return null;
  if (from === to) return `the offer to ${id} is ${OFFER_WORDS[from]} already`;
  const next = OFFER_TRANSITIONS[from];
  const then = next.length ? `; from here it can only become ${next.map((s) => OFFER_WORDS[s]).join(", or ")}` : ": that is final";
  return `the offer to ${id} is ${OFFER_WORDS[from]}${then}`;
}

/**
 * A replacement proposal's states: proposed (open: only the round's latest is), applied once, or
 * discarded (a later proposal or an approval replaced it). Applied and discarded are final.
 */
export const PROPOSAL_STATUSES = ["proposed", "applied", "discarded"] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export const PROPOSAL_TRANSITIONS: Record<ProposalStatus, readonly ProposalStatus[]> = {
  proposed: ["applied", "discarded"],
  applied: [],
  discarded: [],
};

/** Why a proposal cannot move, in words; null when it can. */
export function proposalMoveRefused(from: ProposalStatus, to: ProposalStatus): string | null {
  if (PROPOSAL_TRANSITIONS[from].includes(to)) return null;
  if (from === "discarded") return "a later proposal (or a new approval) replaced this one: apply the latest";
  return `the proposal is ${from} already`;
}

/** A programme (financial) year: open while its money moves; closed, its figures locked. */
export const YEAR_STATUSES = ["open", "closed"] as const;
export type YearStatus = (typeof YEAR_STATUSES)[number];

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
