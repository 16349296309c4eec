// The few words a message fills in besides its template: the greeting, the support offered, why a request
// was not funded, an offer's answer. In the applicants' three languages (the ISU's notices in English).
import { capitalised, type Language, type NotFundedReason } from "../../scoring/domain/index.js";

interface MailWords {
  greeting: (name: string | undefined) => string;
  /** Why a request was not funded, by the engine's reason; a rule by its family (the part before a dot). */
  reason: {
    price: string;
    ineligible: string;
    lockedOut: string;
    unexplained: string;
    rule: Record<string, string>;
    anyRule: string;
  };
  /** What staff see in place of a new access code (the code goes to the applicant only). */
  codeHidden: string;
}

const en: MailWords = {
  greeting: (name) => (name ? `Dear ${name},` : "Dear applicant,"),
  reason: {
    price:
      "other requests brought more to the Programme's published criteria for the money they need: funding yours would have meant leaving out delegates whose requests scored higher.",
    ineligible: "the request does not meet the Programme's conditions for this meeting.",
    lockedOut: "the Implementation Support Unit decided not to sponsor this request.",
    unexplained: "other requests brought more to the Programme's criteria within the money available.",
    rule: {
      budget: "the money available was not enough to fund it as well.",
      earmarks: "the donors' contributions are reserved for other States or purposes, and none could pay for this request.",
      donor: "the donors' contributions are reserved for other States or purposes, and none could pay for this request.",
      maxDelegates: "all the sponsored places were taken.",
      maxPerState: "the number of delegates one State can have sponsored was reached.",
      minWomenShare: "funding it would have broken the balance between women and men the Programme keeps.",
      regionMin: "funding it would have broken the balance between regions the Programme keeps.",
      regionMax: "funding it would have broken the balance between regions the Programme keeps.",
      maxRegionShare: "funding it would have broken the balance between regions the Programme keeps.",
      minOutreach: "places are kept for States not yet party to the Convention.",
      statusMin: "places are shared between States parties, signatories and States not party as the Programme's rules say.",
      statusMax: "places are shared between States parties, signatories and States not party as the Programme's rules say.",
    },
    anyRule: "funding it would have broken one of the Programme's rules.",
  },
  codeHidden: "(sent to the applicant only)",
};

const fr: MailWords = {
  greeting: (name) => (name ? `Bonjour ${name},` : "Madame, Monsieur,"),
  reason: {
    price:
      "d'autres demandes apportaient davantage aux critères publiés du Programme pour les fonds qu'elles demandent : financer la vôtre aurait obligé à écarter des délégués dont les demandes avaient obtenu un meilleur score.",
    ineligible: "la demande ne remplit pas les conditions du Programme pour cette réunion.",
    lockedOut: "l'Unité d'appui à l'application a décidé de ne pas parrainer cette demande.",
    unexplained: "d'autres demandes apportaient davantage aux critères du Programme dans la limite des fonds disponibles.",
    rule: {
      budget: "les fonds disponibles ne suffisaient pas pour la financer aussi.",
      earmarks:
        "les contributions des donateurs sont réservées à d'autres États ou à d'autres fins, et aucune ne pouvait financer cette demande.",
      donor:
        "les contributions des donateurs sont réservées à d'autres États ou à d'autres fins, et aucune ne pouvait financer cette demande.",
      maxDelegates: "toutes les places parrainées étaient prises.",
      maxPerState: "le nombre de délégués qu'un même État peut faire parrainer était atteint.",
      minWomenShare: "la financer aurait rompu l'équilibre entre femmes et hommes que maintient le Programme.",
      regionMin: "la financer aurait rompu l'équilibre entre régions que maintient le Programme.",
      regionMax: "la financer aurait rompu l'équilibre entre régions que maintient le Programme.",
      maxRegionShare: "la financer aurait rompu l'équilibre entre régions que maintient le Programme.",
      minOutreach: "des places sont réservées aux États qui ne sont pas encore parties à la Convention.",
      statusMin: "les places sont réparties entre États parties, signataires et États non parties selon les règles du Programme.",
      statusMax: "les places sont réparties entre États parties, signataires et États non parties selon les règles du Programme.",
    },
    anyRule: "la financer aurait enfreint l'une des règles du Programme.",
  },
  codeHidden: "(envoyé au seul demandeur)",
};

const es: MailWords = {
  greeting: (name) => (name ? `Estimado/a ${name}:` : "Estimado/a solicitante:"),
  reason: {
    price:
      "otras solicitudes aportaban más a los criterios publicados del Programa por los fondos que necesitan: financiar la suya habría obligado a dejar fuera a delegados cuyas solicitudes obtuvieron una puntuación más alta.",
    ineligible: "la solicitud no cumple las condiciones del Programa para esta reunión.",
    lockedOut: "la Dependencia de Apoyo a la Aplicación decidió no patrocinar esta solicitud.",
    unexplained: "otras solicitudes aportaban más a los criterios del Programa dentro de los fondos disponibles.",
    rule: {
      budget: "los fondos disponibles no alcanzaban para financiarla también.",
      earmarks: "las contribuciones de los donantes están reservadas a otros Estados o fines, y ninguna podía pagar esta solicitud.",
      donor: "las contribuciones de los donantes están reservadas a otros Estados o fines, y ninguna podía pagar esta solicitud.",
      maxDelegates: "todas las plazas patrocinadas estaban ocupadas.",
      maxPerState: "se alcanzó el número de delegados que un mismo Estado puede tener patrocinados.",
      minWomenShare: "financiarla habría roto el equilibrio entre mujeres y hombres que mantiene el Programa.",
      regionMin: "financiarla habría roto el equilibrio entre regiones que mantiene el Programa.",
      regionMax: "financiarla habría roto el equilibrio entre regiones que mantiene el Programa.",
      maxRegionShare: "financiarla habría roto el equilibrio entre regiones que mantiene el Programa.",
      minOutreach: "se reservan plazas para los Estados que aún no son parte de la Convención.",
      statusMin: "las plazas se reparten entre Estados partes, signatarios y Estados no partes según las reglas del Programa.",
      statusMax: "las plazas se reparten entre Estados partes, signatarios y Estados no partes según las reglas del Programa.",
    },
    anyRule: "financiarla habría incumplido una de las reglas del Programa.",
  },
  codeHidden: "(enviado solo al solicitante)",
};

export const MAIL_WORDS: Record<Language, MailWords> = { en, fr, es };

/** Why a request was not funded, in plain words in the applicant's language (a sentence ending with a full stop). */
export function reasonInWords(lang: Language, reason: (Pick<NotFundedReason, "kind"> & { rule?: string }) | undefined | null): string {
  const r = MAIL_WORDS[lang].reason;
  const sentence = ((): string => {
    switch (reason?.kind) {
      case "price-of-inclusion":
        return r.price;
      case "ineligible":
        return r.ineligible;
      case "locked-out":
        return r.lockedOut;
      case "excluded-by-rule":
        return r.rule[(reason.rule ?? "").split(".")[0]!] ?? r.anyRule;
      default:
        return r.unexplained;
    }
  })();
  return capitalised(sentence);
}
