// An offer of sponsorship's states: pending until answered; accepted, then settled after the meeting
// (travelled, a no-show, or cancelled late, each with what it cost); declined or lapsed, its money released.
// Each state says the request status it shows as, where the money stands, and the moves out of it.
import type { Said } from "./define.js";
import { subset, vocabulary } from "./define.js";
import type { RequestStatus } from "./request-status.js";

export const OFFER_STATE = vocabulary("offer state", {
  pending: { en: "awaiting an answer", fr: "en attente de réponse", es: "pendiente de respuesta" },
  accepted: { en: "accepted", fr: "acceptée", es: "aceptada" },
  declined: { en: "declined", fr: "refusée", es: "rechazada" },
  expired: { en: "lapsed", fr: "expirée", es: "caducada" },
  travelled: { en: "travelled", fr: "voyage effectué", es: "viaje realizado" },
  "no-show": { en: "did not travel", fr: "voyage non effectué", es: "viaje no realizado" },
  cancelled: { en: "cancelled late", fr: "annulée tardivement", es: "cancelada tarde" },
  withdrawn: { en: "withdrawn by the ISU", fr: "retirée par l'ISU", es: "retirada por la ISU" },
});
export type OfferStatus = (typeof OFFER_STATE.codes)[number];

interface OfferStateRule {
  /** The states it may move to (none: final). */
  next: readonly OfferStatus[];
  /** The request's status while its offer is in this state. */
  request: RequestStatus;
  /** What recording the move into this state does, after the delegate's name ("… declined the offer: …"). */
  recording: Said | null;
  /** Whether staff must say why when they record it (the note is kept in the request's history and the audit log). */
  needsReason?: boolean;
}

export const OFFER_RULES: Readonly<Record<OfferStatus, OfferStateRule>> = {
  pending: { next: ["accepted", "declined", "expired", "withdrawn"], request: "funded", recording: null },
  accepted: {
    next: ["travelled", "no-show", "cancelled", "withdrawn"],
    request: "accepted",
    recording: {
      en: "accepted the offer: the ISU books the travel, and the money stays committed.",
      fr: "a accepté l'offre : l'ISU réserve le voyage et les fonds restent engagés.",
      es: "aceptó la oferta: la ISU reserva el viaje y los fondos siguen comprometidos.",
    },
  },
  declined: {
    next: [],
    request: "declined",
    recording: {
      en: "declined the offer: the seat and its money are released for a replacement.",
      fr: "a refusé l'offre : la place et ses fonds sont libérés pour un remplacement.",
      es: "rechazó la oferta: la plaza y sus fondos quedan libres para un reemplazo.",
    },
  },
  expired: {
    next: [],
    request: "expired",
    recording: {
      en: "did not answer by the deadline: the offer lapses, and its seat and money are released for a replacement.",
      fr: "n'a pas répondu dans le délai : l'offre expire, et sa place et ses fonds sont libérés pour un remplacement.",
      es: "no respondió en el plazo: la oferta caduca, y su plaza y sus fondos quedan libres para un reemplazo.",
    },
  },
  travelled: {
    next: [],
    request: "travelled",
    recording: {
      en: "travelled: the offer is settled at its actual cost.",
      fr: "a voyagé : l'offre est réglée à son coût effectif.",
      es: "viajó: la oferta se liquida a su coste real.",
    },
  },
  "no-show": {
    next: [],
    request: "no-show",
    recording: {
      en: "did not travel: the offer is settled at what could not be refunded.",
      fr: "n'a pas voyagé : l'offre est réglée à ce qui n'a pu être remboursé.",
      es: "no viajó: la oferta se liquida por lo que no pudo reembolsarse.",
    },
  },
  // The ISU ends an offer itself (a visa refused, a delegate replaced by their State after the offer): not
  // the applicant's withdrawal of their request (request status "withdrawn"), and said so to them.
  withdrawn: {
    next: [],
    request: "offer-withdrawn",
    recording: {
      en: "was withdrawn by the ISU: the seat and its money are released for a replacement.",
      fr: "a été retirée par l'ISU : la place et ses fonds sont libérés pour un remplacement.",
      es: "fue retirada por la ISU: la plaza y sus fondos quedan libres para un reemplazo.",
    },
    needsReason: true,
  },
  cancelled: {
    next: [],
    request: "cancelled",
    recording: {
      en: "cancelled late: the offer is settled at what could not be refunded.",
      fr: "a annulé tardivement : l'offre est réglée à ce qui n'a pu être remboursé.",
      es: "canceló tarde: la oferta se liquida por lo que no pudo reembolsarse.",
    },
  },
};

/** Offers whose money is still committed (not yet spent or released). */
export const OPEN_OFFERS = subset(OFFER_STATE, ["pending", "accepted"]);
/** Offers settled after the meeting: each has its actual cost (what was spent on it, 0 or more). */
export const SETTLED_OFFERS = subset(OFFER_STATE, ["travelled", "no-show", "cancelled"]);
/** Offers whose money went back without being spent. */
export const RELEASED_OFFERS = subset(OFFER_STATE, ["declined", "expired", "withdrawn"]);
/** Offers accepted whose delegate did not travel: absent from the meeting, or the travel cancelled. */
export const NOT_TRAVELLED = subset(OFFER_STATE, ["no-show", "cancelled"]);
/** The offer's answers: the day one is recorded is the offer's answered day. */
export const ANSWERS = subset(OFFER_STATE, ["accepted", "declined", "expired"]);
/** The answers an applicant gives on the status page. */
export const APPLICANT_ANSWERS = subset(OFFER_STATE, ["accepted", "declined"]);
export type ApplicantAnswer = (typeof APPLICANT_ANSWERS)[number];
/** Why a seat is offered again to a replacement: its offer was declined or lapsed. */
export type ReplacementCause = (typeof RELEASED_OFFERS)[number];
/** The states staff record on an offer (every one but the pending it starts in). */
export const RECORDED_BY_STAFF = subset(OFFER_STATE, [...ANSWERS, ...SETTLED_OFFERS, "withdrawn"]);
/** What a past year's record says an offer came to (data/history/). */
export const PAST_OUTCOMES = subset(OFFER_STATE, [...SETTLED_OFFERS, "declined"]);

/** What a delegate's previous sponsorship came to, as the round's history records it (a scoring fact's values). */
export const PREVIOUS_OUTCOME = vocabulary("previous sponsorship outcome", {
  travelled: { en: "travelled", fr: "a voyagé", es: "viajó" },
  "no-show": { en: "did not travel", fr: "n'a pas voyagé", es: "no viajó" },
  none: { en: "none recorded", fr: "aucun enregistré", es: "ninguno registrado" },
});
export type PreviousOutcome = (typeof PREVIOUS_OUTCOME.codes)[number];
/** The outcomes a history records for a sponsored delegate. */
export const RECORDED_OUTCOMES = subset(PREVIOUS_OUTCOME, ["travelled", "no-show"]);
