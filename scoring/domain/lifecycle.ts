// The moves between states, derived from the vocabulary (vocabulary/): whether a round, a request, an offer or
// a replacement proposal may move, and why not in words. Also the settings a new round starts from.
import { dayInWords } from "./format.js";
import {
  APPLICANT_ANSWERS,
  SETTLED_OFFERS,
  OFFER_RULES,
  OFFER_STATE,
  PROPOSAL_TRANSITIONS,
  REQUEST_STATUS,
  ROUND_STATUS,
  ROUND_TRANSITIONS,
  DECIDED_ROUND_STATUSES,
  MOVES_BEFORE_ANSWER,
  byCode,
  type Criterion,
  type OfferStatus,
  type ProposalStatus,
  type RequestStatus,
  type RoundStatus,
} from "./vocabulary/index.js";

/** Whether a round may move from one status to another. */
export function canMove(from: RoundStatus, to: RoundStatus): boolean {
  return ROUND_TRANSITIONS[from].includes(to);
}

/** Why a round cannot move from one status to another, in words; null when it can. */
export function roundMoveRefused(id: string, from: RoundStatus, to: RoundStatus): string | null {
  if (canMove(from, to)) return null;
  const allowed = ROUND_TRANSITIONS[from].map((s) => `"${ROUND_STATUS.say(s)}"`);
  return `round ${id} is "${ROUND_STATUS.say(from)}": it cannot move to "${ROUND_STATUS.say(to)}" (it may move to ${allowed.join(" or ") || "no other status"})`;
}

/** Whether a round's decisions are published (any status string, as an answer carries it). */
export function isDecided(status: string): boolean {
  return DECIDED_ROUND_STATUSES.has(status);
}

export const OFFER_TRANSITIONS = byCode(OFFER_STATE.codes, (s) => OFFER_RULES[s].next);

/** The request's status that mirrors an offer's state. */
export const REQUEST_STATUS_OF_OFFER = byCode(OFFER_STATE.codes, (s) => OFFER_RULES[s].request);

/** A request's allowed moves: those before an answer (request-status.ts), and once it has an offer, its offer's, in the request's words. */
export const REQUEST_TRANSITIONS: Readonly<Record<RequestStatus, readonly RequestStatus[]>> = byCode(REQUEST_STATUS.codes, (s) => {
  const offer = OFFER_STATE.codes.find((o) => OFFER_RULES[o].request === s);
  const afterOffer = offer ? OFFER_RULES[offer].next.map((t) => OFFER_RULES[t].request) : [];
  return [...afterOffer, ...(MOVES_BEFORE_ANSWER[s] ?? [])];
});

/** Why a request cannot move from one status to another, in words; null when it can. */
export function requestMoveRefused(id: string, from: RequestStatus, to: RequestStatus): string | null {
  if (REQUEST_TRANSITIONS[from].includes(to)) return null;
  const final = REQUEST_TRANSITIONS[from].length === 0 ? ": that answer is final" : "";
  return `the status of request ${id} is "${REQUEST_STATUS.say(from)}"${final}; it cannot become "${REQUEST_STATUS.say(to)}"`;
}

/** Why an offer cannot move from one state to another, in words; null when it can. */
export function offerMoveRefused(id: string, from: OfferStatus, to: OfferStatus): string | null {
  if (OFFER_TRANSITIONS[from].includes(to)) return null;
  if (from === to) return `the offer to ${id} is ${OFFER_STATE.say(from)} already`;
  const next = OFFER_TRANSITIONS[from];
  const then = next.length ? `; from here it can only become ${next.map((s) => OFFER_STATE.say(s)).join(", or ")}` : ": that is final";
  return `the offer to ${id} is ${OFFER_STATE.say(from)}${then}`;
}

/**
 * The one rule for when offers can be made: an offer's deadline lies between the day it is made and the
 * meeting's first day (answered before the travel; a deadline after the meeting would leave the money
 * committed to no one). So offers can be made up to and including the meeting's first day, never after.
 */
export const offersClosed = (meetingStarts: string, on: string): boolean => on > meetingStarts;

/** Why an offer's deadline is refused on a day (YYYY-MM-DD), in words (the field's message); null when it holds. */
export function offerDeadlineRefused(deadline: string, on: string, meetingStarts: string): string | null {
  if (deadline < on) return `must not be before the day the offers are made (${dayInWords(on)})`;
  if (deadline > meetingStarts)
    return `must be on or before the meeting's first day (${dayInWords(meetingStarts)}): offers are answered before the travel`;
  return null;
}

/** What the calendar says of an offer: its answer's deadline (none before it is made) and the meeting's first day. */
export interface OfferCalendar {
  deadline: string | null;
  meetingStarts: string;
}

/**
 * Why an offer cannot move into a state on a day (YYYY-MM-DD), by the calendar, in words; null when it
 * can. An answer counts only on or before the deadline; a lapse comes only after it; a settlement
 * (travelled, did not travel, cancelled late) only once the meeting has begun. The move itself is
 * checked by offerMoveRefused.
 */
export function offerDayRefused(id: string, to: OfferStatus, on: string, when: OfferCalendar): string | null {
  const day = dayInWords(on);
  if (SETTLED_OFFERS.has(to) && on < when.meetingStarts)
    return `the offer to ${id} cannot be recorded as ${OFFER_STATE.say(to)} on ${day}: the meeting begins on ${dayInWords(when.meetingStarts)}, and an offer is settled only once it has begun`;
  if (when.deadline === null) return null;
  if (APPLICANT_ANSWERS.has(to) && on > when.deadline)
    return `the offer to ${id} cannot be ${OFFER_STATE.say(to)} on ${day}: its deadline was ${dayInWords(when.deadline)}, and an answer counts only on or before it`;
  if (to === "expired" && on <= when.deadline)
    return `the offer to ${id} cannot lapse on ${day}: its deadline is ${dayInWords(when.deadline)}, and an offer lapses only after it`;
  return null;
}

/** Why a proposal cannot move, in words; null when it can. */
export function proposalMoveRefused(from: ProposalStatus, to: ProposalStatus): string | null {
  if (PROPOSAL_TRANSITIONS[from].includes(to)) return null;
  if (from === "discarded") return "a later proposal (or a new approval) replaced this one: apply the latest";
  return `the proposal is ${from} already`;
}

/** The weights a new round starts with (para. 102's order of priority). */
export const DEFAULT_WEIGHTS: Record<Criterion, number> = {
  implementation: 30,
  technical: 20,
  universalization: 20,
  capacity: 15,
  representation: 15,
};

/** The policy a new round starts with: 20 seats, one delegate per State, at least half women. */
export const DEFAULT_POLICY = { maxDelegates: 20, maxPerState: 1, minWomenShare: 0.5 } as const;
