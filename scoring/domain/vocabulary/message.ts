// The outbox: who a message is for, and where its delivery stands.
import { subset, vocabulary } from "./define.js";

export const MESSAGE_STATUS = vocabulary("message status", {
  queued: { en: "waiting to be sent", fr: "en attente d'envoi", es: "pendiente de envío" },
  sending: { en: "being sent", fr: "en cours d'envoi", es: "enviándose" },
  sent: { en: "sent", fr: "envoyé", es: "enviado" },
  failed: { en: "not delivered", fr: "non distribué", es: "no entregado" },
  // Past a limit per recipient or per reference (a flood): kept for staff to see, never sent by itself.
  held: {
    en: "held: too many to one address",
    fr: "retenu : trop d'envois à une adresse",
    es: "retenido: demasiados envíos a una dirección",
  },
});
export type MessageStatus = (typeof MESSAGE_STATUS.codes)[number];
/** The messages staff may send (again): one that failed, one held past a limit. */
export const SENDABLE_BY_STAFF = subset(MESSAGE_STATUS, ["failed", "held"]);

export const AUDIENCE = vocabulary("message audience", {
  applicant: { en: "applicant", fr: "demandeur", es: "solicitante" },
  staff: { en: "ISU staff", fr: "personnel de l'ISU", es: "personal de la ISU" },
});
export type Audience = (typeof AUDIENCE.codes)[number];
