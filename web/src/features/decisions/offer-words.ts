// The offers' table's words, from the vocabulary (scoring/domain/vocabulary/offer-state.ts): each state as a
// label, the answers staff may record, the settlements after the meeting, and what recording each does.
import { capitalised, OFFER_RULES, OFFER_STATE, SETTLED_OFFERS, type OfferStatus } from "../../../../scoring/domain/index.js";

export type Settled = (typeof SETTLED_OFFERS)[number];
export type Save = { offerStatus?: Exclude<OfferStatus, "pending">; actualCost?: number; note?: string };

/** An offer's state as a label ("Awaiting an answer"). */
export const offerLabel = (s: OfferStatus): string => capitalised(OFFER_STATE.say(s));
/** What recording a move does, after the delegate's name. */
export const consequence = (s: OfferStatus): string => OFFER_RULES[s].recording?.en ?? "";
export const SETTLE_OPTIONS = SETTLED_OFFERS.map((value) => ({ value, label: offerLabel(value) }));
