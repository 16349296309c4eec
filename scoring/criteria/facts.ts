// The scoring facts a rule's condition may test, each declared once: what it is (for the rule set's
// readers), its name in a reason, the values it takes (a vocabulary's codes, yes or no, or a number: the
// settings form's field follows) and how it is read from a request, its State and the round's history.
import {
  CCM_STATUS,
  GENDER,
  INCOME_GROUP,
  INTEREST_STANDING,
  MEETING_ROLE,
  PREVIOUS_OUTCOME,
  REGION,
  type Said,
  type SomeVocabulary,
  type State,
} from "../domain/index.js";
import type { Gender, InterestReview, MeetingRole } from "../domain/index.js";
import type { RotationFacts } from "./rotation.js";

/** What the facts read of a request (its attributes: score.ts's RequestAttributes). */
interface RequestFacts {
  gender: Gender;
  role: MeetingRole;
  operationalExpertise: boolean;
  technicalRating?: number | undefined;
  survivor: boolean;
  firstParticipation: boolean;
  previousSponsorships: number;
  interestEvidence: string;
  interestReview?: { decision: InterestReview } | undefined;
}

/** What a fact is read from. */
export interface FactSource {
  request: RequestFacts;
  state: State;
  recent: RotationFacts;
  underrepresented: ReadonlySet<string>;
}

interface FactDefinition {
  /** What it is, for the rule set's readers. */
  about: string;
  /** Its name in a reason's evidence and in the settings form, in each working language. */
  name: Said;
  /** The values it takes: a vocabulary's codes, yes or no, or a number. */
  values: SomeVocabulary | "yes-no" | "number";
  read: (s: FactSource) => string | number | boolean;
}

export const FACT_DEFINITIONS = {
  "state.region": {
    about: "UN regional group of the nominating State",
    name: { en: "regional group", fr: "groupe régional", es: "grupo regional" },
    values: REGION,
    read: (s) => s.state.region,
  },
  "state.ccmStatus": {
    about: "party, signatory or nonparty",
    name: { en: "CCM status", fr: "statut au regard de la CCM", es: "situación respecto de la CMR" },
    values: CCM_STATUS,
    read: (s) => s.state.ccmStatus,
  },
  "state.ldc": {
    about: "on the UN list of least developed countries",
    name: { en: "least developed country", fr: "pays moins avancé", es: "país menos adelantado" },
    values: "yes-no",
    read: (s) => s.state.ldc,
  },
  "state.incomeGroup": {
    about: "World Bank income group",
    name: { en: "income group", fr: "groupe de revenu", es: "grupo de ingresos" },
    values: INCOME_GROUP,
    read: (s) => s.state.incomeGroup,
  },
  "state.art4Clearance": {
    about: "State Party with cluster munition remnants to clear (Art. 4)",
    name: { en: "Art. 4 clearance obligations", fr: "obligations de dépollution (art. 4)", es: "obligaciones de limpieza (art. 4)" },
    values: "yes-no",
    read: (s) => s.state.art4Clearance,
  },
  "state.art4ExtensionRequest": {
    about: "Art. 4 extension request due at the meeting",
    name: {
      en: "Art. 4 extension request due",
      fr: "demande de prolongation (art. 4) attendue",
      es: "solicitud de prórroga (art. 4) pendiente",
    },
    values: "yes-no",
    read: (s) => s.state.art4ExtensionRequest,
  },
  "state.art5VictimAssistance": {
    about: "State Party with victim-assistance obligations (Art. 5)",
    name: {
      en: "Art. 5 victim-assistance obligations",
      fr: "obligations d'assistance aux victimes (art. 5)",
      es: "obligaciones de asistencia a las víctimas (art. 5)",
    },
    values: "yes-no",
    read: (s) => s.state.art5VictimAssistance,
  },
  "state.art7ReportOutstanding": {
    about: "initial or annual transparency report (Art. 7) outstanding",
    name: { en: "Art. 7 report outstanding", fr: "rapport (art. 7) en attente", es: "informe (art. 7) pendiente" },
    values: "yes-no",
    read: (s) => s.state.art7ReportOutstanding,
  },
  "state.genevaMission": {
    about: "the State keeps a permanent mission in Geneva",
    name: { en: "mission in Geneva", fr: "mission à Genève", es: "misión en Ginebra" },
    values: "yes-no",
    read: (s) => s.state.genevaMission,
  },
  "state.underrepresentedRegion": {
    about: "the State's region is one the rule set marks as under-represented",
    name: { en: "under-represented region", fr: "région sous-représentée", es: "región subrepresentada" },
    values: "yes-no",
    read: (s) => s.underrepresented.has(s.state.region),
  },
  "request.gender": {
    about: "F, M or X",
    name: { en: "gender", fr: "genre", es: "género" },
    values: GENDER,
    read: (s) => s.request.gender,
  },
  "request.role": {
    about: "role at the meeting",
    name: { en: "role at the meeting", fr: "rôle à la réunion", es: "función en la reunión" },
    values: MEETING_ROLE,
    read: (s) => s.request.role,
  },
  "request.operationalExpertise": {
    about: "the delegate has operational experience (clearance, stockpile destruction, victim assistance)",
    name: { en: "operational experience", fr: "expérience opérationnelle", es: "experiencia operacional" },
    values: "yes-no",
    read: (s) => s.request.operationalExpertise,
  },
  "request.technicalRating": {
    about: "reviewers' rating of technical value, 0–5 (mean)",
    name: { en: "reviewers' rating", fr: "note des évaluateurs", es: "calificación de los evaluadores" },
    values: "number",
    read: (s) => s.request.technicalRating ?? 0,
  },
  "request.survivor": {
    about: "survivor or affected-community representative",
    name: { en: "survivor or affected community", fr: "survivant ou communauté touchée", es: "sobreviviente o comunidad afectada" },
    values: "yes-no",
    read: (s) => s.request.survivor,
  },
  "request.firstParticipation": {
    about: "first participation in a formal CCM meeting",
    name: { en: "first participation", fr: "première participation", es: "primera participación" },
    values: "yes-no",
    read: (s) => s.request.firstParticipation,
  },
  "request.previousSponsorships": {
    about: "rounds in which this delegate was sponsored before",
    name: { en: "sponsored before (rounds)", fr: "déjà parrainé (cycles)", es: "patrocinado antes (ciclos)" },
    values: "number",
    read: (s) => s.request.previousSponsorships,
  },
  "request.interestEvidence": {
    about: "evidence of interest in accession was given",
    name: { en: "evidence of interest given", fr: "preuve d'intérêt fournie", es: "prueba de interés aportada" },
    values: "yes-no",
    read: (s) => s.request.interestEvidence.trim().length > 0,
  },
  "request.interestReview": {
    about: "staff's review of the evidence of interest: accepted, not-accepted, not-reviewed, or none (no evidence given)",
    name: { en: "evidence of interest reviewed", fr: "preuve d'intérêt examinée", es: "prueba de interés examinada" },
    values: INTEREST_STANDING,
    read: (s) => s.request.interestReview?.decision ?? (s.request.interestEvidence.trim() ? "not-reviewed" : "none"),
  },
  "history.stateRecentRounds": {
    about: "recent rounds (the rotation window) in which the State had a sponsored delegate",
    name: {
      en: "State's recent sponsored rounds",
      fr: "cycles récents parrainés de l'État",
      es: "ciclos recientes patrocinados del Estado",
    },
    values: "number",
    read: (s) => s.recent.state.length,
  },
  "history.previousOutcome": {
    about: "what the delegate's latest earlier sponsorship came to, as the round's history records it: travelled, no-show, or none",
    name: { en: "previous sponsorship outcome", fr: "issue du parrainage précédent", es: "resultado del patrocinio anterior" },
    values: PREVIOUS_OUTCOME,
    read: (s) => s.recent.lastOutcome ?? "none",
  },
  "history.delegateRecentRounds": {
    about: "recent rounds (the rotation window) in which this delegate was sponsored",
    name: {
      en: "delegate's recent sponsored rounds",
      fr: "cycles récents parrainés du délégué",
      es: "ciclos recientes patrocinados del delegado",
    },
    values: "number",
    read: (s) => s.recent.delegate.length,
  },
} as const satisfies Record<string, FactDefinition>;

export type Fact = keyof typeof FACT_DEFINITIONS;
export const FACT_LIST = Object.keys(FACT_DEFINITIONS) as [Fact, ...Fact[]];

/** A fact's definition, typed as any fact's (its values' kind, its reading). */
export const factDefinition = (fact: Fact): FactDefinition => FACT_DEFINITIONS[fact];
