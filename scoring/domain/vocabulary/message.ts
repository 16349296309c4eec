// The outbox: who a message is for, and where its delivery stands.
import { vocabulary } from "./define.js";

export const MESSAGE_STATUS = vocabulary("message status", {
  queued: { en: "waiting to be sent", fr: "en attente d'envoi", es: "pendiente de envío" },
  sending: { en: "being sent", fr: "en cours d'envoi", es: "enviándose" },
  sent: { en: "sent", fr: "envoyé", es: "enviado" },
  failed: { en: "not delivered", fr: "non distribué", es: "no entregado" },
});
export type MessageStatus = (typeof MESSAGE_STATUS.codes)[number];

export const AUDIENCE = vocabulary("message audience", {
  applicant: { en: "applicant", fr: "demandeur", es: "solicitante" },
  staff: { en: "ISU staff", fr: "personnel de l'ISU", es: "personal de la ISU" },
});
export type Audience = (typeof AUDIENCE.codes)[number];
