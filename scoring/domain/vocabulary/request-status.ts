// A request's status, from its submission to the meeting: its words, what the applicant is told of it, the
// moves between statuses, and the named groups the rest of the code asks about.
import type { Said } from "./define.js";
import { subset, vocabulary } from "./define.js";

export const REQUEST_STATUS = vocabulary("request status", {
  submitted: { en: "submitted", fr: "reçue", es: "recibida" },
  "under-review": { en: "under review", fr: "en cours d'examen", es: "en examen" },
  withdrawn: { en: "withdrawn", fr: "retirée", es: "retirada" },
  ineligible: { en: "not eligible", fr: "non éligible", es: "no admisible" },
  funded: { en: "offered sponsorship", fr: "parrainage proposé", es: "patrocinio ofrecido" },
  waitlisted: { en: "on the waiting list", fr: "sur la liste d'attente", es: "en la lista de espera" },
  "not-funded": { en: "not sponsored", fr: "non parrainée", es: "no patrocinada" },
  accepted: { en: "offer accepted", fr: "offre acceptée", es: "oferta aceptada" },
  declined: { en: "offer declined", fr: "offre refusée", es: "oferta rechazada" },
  expired: { en: "offer lapsed", fr: "offre expirée", es: "oferta caducada" },
  travelled: { en: "travelled", fr: "voyage effectué", es: "viaje realizado" },
  "no-show": { en: "did not travel", fr: "voyage non effectué", es: "viaje no realizado" },
  cancelled: { en: "travel cancelled", fr: "voyage annulé", es: "viaje cancelado" },
  "offer-withdrawn": { en: "offer withdrawn by the ISU", fr: "offre retirée par l'ISU", es: "oferta retirada por la ISU" },
});
export type RequestStatus = (typeof REQUEST_STATUS.codes)[number];

/** What the applicant's status page says of each status ({{level}} and {{deadline}} are filled in). */
export const REQUEST_STATUS_TO_APPLICANT: Readonly<Record<RequestStatus, Said>> = {
  submitted: {
    en: "Your request has been received and will be reviewed.",
    fr: "Votre demande a été reçue et sera examinée.",
    es: "Su solicitud se ha recibido y será examinada.",
  },
  "under-review": {
    en: "Your request is being reviewed.",
    fr: "Votre demande est en cours d'examen.",
    es: "Su solicitud está en examen.",
  },
  withdrawn: { en: "Your request was withdrawn.", fr: "Votre demande a été retirée.", es: "Su solicitud fue retirada." },
  ineligible: {
    en: "Your request does not meet the conditions of the Programme.",
    fr: "Votre demande ne remplit pas les conditions du Programme.",
    es: "Su solicitud no cumple las condiciones del Programa.",
  },
  funded: {
    en: "You are offered sponsorship ({{level}}). Please answer by {{deadline}}.",
    fr: "Un parrainage vous est proposé ({{level}}). Merci de répondre avant le {{deadline}}.",
    es: "Se le ofrece patrocinio ({{level}}). Responda antes del {{deadline}}.",
  },
  waitlisted: {
    en: "You are on the waiting list: an offer may follow if a sponsored delegate cannot travel.",
    fr: "Vous êtes sur la liste d'attente : une offre pourrait suivre si un délégué parrainé ne peut pas voyager.",
    es: "Está en la lista de espera: podría recibir una oferta si un delegado patrocinado no puede viajar.",
  },
  "not-funded": {
    en: "The money available and the Programme's rules did not allow sponsoring your request this time.",
    fr: "Les fonds disponibles et les règles du Programme n'ont pas permis de parrainer votre demande cette fois-ci.",
    es: "Los fondos disponibles y las reglas del Programa no permitieron patrocinar su solicitud esta vez.",
  },
  accepted: { en: "You accepted the offer.", fr: "Vous avez accepté l'offre.", es: "Aceptó la oferta." },
  declined: { en: "You declined the offer.", fr: "Vous avez refusé l'offre.", es: "Rechazó la oferta." },
  expired: {
    en: "The offer was not accepted by its deadline.",
    fr: "L'offre n'a pas été acceptée dans le délai.",
    es: "La oferta no se aceptó antes de su plazo.",
  },
  travelled: {
    en: "You travelled to the meeting with the Programme's sponsorship.",
    fr: "Vous avez participé à la réunion grâce au parrainage du Programme.",
    es: "Usted viajó a la reunión con el patrocinio del Programa.",
  },
  "no-show": {
    en: "You accepted the offer but did not travel.",
    fr: "Vous avez accepté l'offre mais n'avez pas voyagé.",
    es: "Usted aceptó la oferta pero no viajó.",
  },
  "offer-withdrawn": {
    en: "The ISU has withdrawn its offer of sponsorship. It has written to you with the reason; reply to that message with any question.",
    fr: "L'ISU a retiré son offre de parrainage. Elle vous a écrit pour vous en donner la raison ; répondez à ce message pour toute question.",
    es: "La ISU ha retirado su oferta de patrocinio. Le ha escrito para explicarle el motivo; responda a ese mensaje con cualquier pregunta.",
  },
  cancelled: {
    en: "Your sponsored travel was cancelled after you accepted the offer.",
    fr: "Votre voyage parrainé a été annulé après l'acceptation de l'offre.",
    es: "Su viaje patrocinado se canceló después de aceptar la oferta.",
  },
};

/** Requests that take part in an allocation run. */
export const IN_RUN = subset(REQUEST_STATUS, ["submitted", "under-review"]);
/** The statuses staff set by hand before a run decides: back into the running, withdrawn, or not eligible. */
export const SET_BY_STAFF = subset(REQUEST_STATUS, [...IN_RUN, "withdrawn", "ineligible"]);
/** An approval's decisions, which a re-approval may still change (no offer answered yet). */
export const DECISION_KINDS = subset(REQUEST_STATUS, ["funded", "waitlisted", "not-funded"]);
export type DecisionKind = (typeof DECISION_KINDS)[number];
/** The requests an approval may decide: in the running, or decided by the previous approval and unanswered. */
export const APPROVAL_DECIDES = subset(REQUEST_STATUS, [...IN_RUN, ...DECISION_KINDS]);

/**
 * The moves a request makes before its offer is answered: staff move requests in the running (submitted,
 * under review, withdrawn, ineligible); an approval decides them (funded, waitlisted, not funded) and a
 * re-approval may decide them again; a replacement funds a waitlisted or not-funded request. A status
 * that mirrors an offer's state moves as its offer does (offer-state.ts), besides these.
 */
export const MOVES_BEFORE_ANSWER: Readonly<Partial<Record<RequestStatus, readonly RequestStatus[]>>> = {
  submitted: ["under-review", "withdrawn", "ineligible", ...DECISION_KINDS],
  "under-review": ["submitted", "withdrawn", "ineligible", ...DECISION_KINDS],
  withdrawn: ["submitted", "under-review"],
  ineligible: ["submitted", "under-review"],
  funded: DECISION_KINDS,
  waitlisted: DECISION_KINDS,
  "not-funded": DECISION_KINDS,
};

/**
 * A request's eligibility as the rules of the round judge it (paragraph 102): a condition holds, none
 * holds but the ISU admitted it by exception with a justification, or none holds.
 */
export const ELIGIBILITY = vocabulary("eligibility", {
  eligible: { en: "eligible", fr: "éligible", es: "admisible" },
  exception: { en: "admitted by exception", fr: "admise à titre exceptionnel", es: "admitida a título excepcional" },
  ineligible: { en: "not eligible", fr: "non éligible", es: "no admisible" },
});
export type EligibilityVerdict = (typeof ELIGIBILITY.codes)[number];
/** The word for a verdict: eligible through a condition, by the ISU's exception, or not eligible. */
export function eligibilityOf(verdict: { eligible: boolean; exception?: unknown }): EligibilityVerdict {
  if (!verdict.eligible) return "ineligible";
  return verdict.exception ? "exception" : "eligible";
}
/** The colour a verdict is shown in (a Mantine colour and shade, dark enough for white text). */
export const ELIGIBILITY_SHADE: Readonly<Record<EligibilityVerdict, string>> = {
  eligible: "teal.9",
  exception: "orange.9",
  ineligible: "red.9",
};
