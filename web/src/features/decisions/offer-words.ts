// The words of the offers' table: each offer status, the answer buttons, and what recording each does.
import type { OfferStatus } from "../../../../scoring/domain/index.js";

export type Settled = "travelled" | "no-show" | "cancelled";

export const OFFER_WORDS: Record<OfferStatus, string> = {
  pending: "Awaiting an answer",
  accepted: "Accepted",
  declined: "Declined",
  expired: "Lapsed (no answer by the deadline)",
  travelled: "Travelled",
  "no-show": "Did not travel",
  cancelled: "Cancelled late",
};
export type Answered = "accepted" | "declined" | "expired";
export const ANSWER_BUTTONS: Record<Answered, string> = { accepted: "Accepted", declined: "Declined", expired: "Lapsed" };
/** What recording each answer or outcome does (each is final: the lifecycle has no way back). */
export const CONSEQUENCE: Record<Exclude<OfferStatus, "pending">, string> = {
  accepted: "accepted the offer: the ISU books the travel, and the money stays committed.",
  declined: "declined the offer: the seat and its money are released for a replacement.",
  expired: "did not answer by the deadline: the offer lapses, and its seat and money are released for a replacement.",
  travelled: "travelled: the offer is settled at its actual cost.",
  "no-show": "did not travel: the offer is settled at what could not be refunded.",
  cancelled: "cancelled late: the offer is settled at what could not be refunded.",
};
export type Save = { offerStatus?: Exclude<OfferStatus, "pending">; actualCost?: number };
export const isAnswer = (s: OfferStatus): s is Answered => s in ANSWER_BUTTONS;
export const SETTLE: readonly Settled[] = ["travelled", "no-show", "cancelled"];
export const SETTLE_OPTIONS = SETTLE.map((value) => ({ value, label: OFFER_WORDS[value] }));
