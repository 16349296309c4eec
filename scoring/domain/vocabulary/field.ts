// The input fields people type into, in words: an error names the field as the form labels it, never
// by the API's identifier ("offerDeadline" → "the offers' deadline"). The policy's fields are named by
// their rules (scoring/policy: fieldInWords); the criteria's weights by the criterion list.
// Not a closed list of the domain (any form may add a field), so not a vocabulary: a table of words.
import type { Language } from "../format.js";
import type { Said } from "./define.js";

const FIELD_WORDS: ReadonlyMap<string, Said> = new Map(
  Object.entries({
    offerDeadline: { en: "offers to be accepted by", fr: "offres à accepter avant le", es: "ofertas que aceptar antes del" },
    waitlist: { en: "waitlist size", fr: "taille de la liste d'attente", es: "tamaño de la lista de espera" },
    amount: { en: "amount (CHF)", fr: "montant (CHF)", es: "importe (CHF)" },
    receivedOn: { en: "received on", fr: "reçu le", es: "recibido el" },
    pledgedOn: { en: "pledged on", fr: "annoncé le", es: "anunciado el" },
    actualCost: { en: "actual cost (CHF)", fr: "coût réel (CHF)", es: "costo real (CHF)" },
    on: { en: "day", fr: "jour", es: "día" },
    note: { en: "note", fr: "note", es: "nota" },
    reason: { en: "reason", fr: "motif", es: "motivo" },
    donor: { en: "donor", fr: "donateur", es: "donante" },
    donorId: { en: "donor", fr: "donateur", es: "donante" },
    name: { en: "name", fr: "nom", es: "nombre" },
    email: { en: "e-mail", fr: "courriel", es: "correo electrónico" },
    state: { en: "State", fr: "État", es: "Estado" },
    status: { en: "status", fr: "statut", es: "estado" },
    decision: { en: "decision", fr: "décision", es: "decisión" },
    gender: { en: "gender", fr: "genre", es: "género" },
    startDate: { en: "meeting's first day", fr: "premier jour de la réunion", es: "primer día de la reunión" },
    endDate: { en: "meeting's last day", fr: "dernier jour de la réunion", es: "último día de la reunión" },
    windowOpens: { en: "requests taken from", fr: "demandes reçues à partir du", es: "solicitudes recibidas desde" },
    windowCloses: { en: "requests taken until", fr: "demandes reçues jusqu'au", es: "solicitudes recibidas hasta" },
    carryOver: { en: "money carried in (CHF)", fr: "report (CHF)", es: "remanente (CHF)" },
    reserve: { en: "reserve (CHF)", fr: "réserve (CHF)", es: "reserva (CHF)" },
    adminEstimate: {
      en: "administrative costs, estimate (CHF)",
      fr: "frais administratifs, estimation (CHF)",
      es: "gastos administrativos, estimación (CHF)",
    },
    adminActual: {
      en: "administrative costs, actual (CHF)",
      fr: "frais administratifs réels (CHF)",
      es: "gastos administrativos reales (CHF)",
    },
    allowanceRate: { en: "daily allowance (CHF)", fr: "indemnité journalière (CHF)", es: "dieta diaria (CHF)" },
    nights: { en: "nights", fr: "nuits", es: "noches" },
    meeting: { en: "meeting", fr: "réunion", es: "reunión" },
    venue: { en: "place", fr: "lieu", es: "lugar" },
    justification: { en: "justification", fr: "justification", es: "justificación" },
    username: { en: "user name", fr: "nom d'utilisateur", es: "nombre de usuario" },
    password: { en: "password", fr: "mot de passe", es: "contraseña" },
    current: { en: "current password", fr: "mot de passe actuel", es: "contraseña actual" },
    technicalRating: { en: "technical rating", fr: "note technique", es: "calificación técnica" },
    version: { en: "version read", fr: "version lue", es: "versión leída" },
    roundVersion: { en: "version read", fr: "version lue", es: "versión leída" },
  } satisfies Record<string, Said>),
);

/** A field's name in words (null: the table has no words for it). */
export function fieldSaid(name: string, lang: Language = "en"): string | null {
  return FIELD_WORDS.get(name)?.[lang] ?? null;
}
