// What a sponsorship pays for: the air ticket and the daily allowance, or one of them.
import type { Said } from "./define.js";
import { vocabulary } from "./define.js";

export const SUPPORT_LEVEL = vocabulary("support level", {
  full: { en: "full support", fr: "prise en charge complète", es: "apoyo completo" },
  ticket: { en: "air ticket only", fr: "billet d'avion seulement", es: "solo billete de avión" },
  allowance: { en: "allowance only", fr: "indemnité journalière seulement", es: "solo dietas" },
});
export type SupportLevel = (typeof SUPPORT_LEVEL.codes)[number];

/** What each level pays for, as the applicant's form and the offer's e-mail say it. */
export const SUPPORT_LEVEL_PAYS: Readonly<Record<SupportLevel, Said>> = {
  full: {
    en: "full support (air ticket and daily allowance)",
    fr: "un soutien complet (billet d'avion et indemnité journalière)",
    es: "apoyo completo (billete de avión y dietas)",
  },
  ticket: { en: "the air ticket", fr: "le billet d'avion", es: "el billete de avión" },
  allowance: { en: "the daily allowance", fr: "l'indemnité journalière", es: "las dietas" },
};

/** What each level of support pays for, as an offer tells the applicant ({{nights}}: the nights of the meeting). */
export const SUPPORT_LEVEL_COVERS: Readonly<Record<SupportLevel, Said>> = {
  full: {
    en: "your return air ticket, booked by the ISU, and the daily allowance for {{nights}} nights",
    fr: "votre billet d'avion aller-retour, réservé par l'ISU, et l'indemnité journalière pour {{nights}} nuits",
    es: "su billete de avión de ida y vuelta, reservado por la ISU, y las dietas de {{nights}} noches",
  },
  ticket: {
    en: "your return air ticket, booked by the ISU; your stay is not covered",
    fr: "votre billet d'avion aller-retour, réservé par l'ISU ; votre séjour n'est pas couvert",
    es: "su billete de avión de ida y vuelta, reservado por la ISU; su estancia no está cubierta",
  },
  allowance: {
    en: "the daily allowance for {{nights}} nights; your air ticket is not covered",
    fr: "l'indemnité journalière pour {{nights}} nuits ; votre billet d'avion n'est pas couvert",
    es: "las dietas de {{nights}} noches; su billete de avión no está cubierto",
  },
};
