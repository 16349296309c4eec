// The default scoring rule set: para. 102 of the ISU's 2024 report as rules (rules.ts), used when a
// round has none of its own.
import { NOT_YET_PARTY, SPEAKING_ROLES } from "../domain/index.js";
import type { RuleSetInput } from "./rules.js";
import { DEFAULT_ELIGIBILITY } from "./default-eligibility.js";

/** The default rule set: paragraph 102 of the 2024 report, one criterion at a time. Points per criterion are capped at 100. */
export const DEFAULT_RULES: RuleSetInput = {
  id: "ccm-para102-v1",
  description:
    "Default rules derived from para. 102 of the ISU's 2024 annual report: implementation relevance, technical value, universalization potential, capacity strengthening, inclusive representation.",
  // Under-represented regions are derived from the reference data as of the meeting (regions.ts).
  eligibility: DEFAULT_ELIGIBILITY,
  levelValueShare: { full: 1, ticket: 0.6, allowance: 0.4 },
  // Rotation (with the round's history): 10 % less priority per recent round in which the State was
  // sponsored, 15 % per round for the same delegate, the last three rounds, never below half.
  rotation: { window: 3, statePerRound: 0.1, delegatePerRound: 0.15, floor: 0.5 },
  rules: [
    // Implementation relevance: least developed States Parties with active or pending obligations,
    // above all those preparing Art. 4 extension requests or submitting Art. 7 reports.
    {
      id: "ldc-state-party",
      criterion: "implementation",
      label: "Least developed State Party",
      labels: { fr: "État partie parmi les moins avancés", es: "Estado parte menos adelantado" },
      points: 25,
      when: {
        all: [
          { fact: "state.ldc", eq: true },
          { fact: "state.ccmStatus", eq: "party" },
        ],
      },
    },
    {
      id: "art4-extension-request",
      criterion: "implementation",
      label: "Preparing or presenting an Article 4 extension request",
      labels: {
        fr: "Prépare ou présente une demande de prolongation au titre de l'article 4",
        es: "Prepara o presenta una solicitud de prórroga en virtud del artículo 4",
      },
      points: 35,
      when: {
        any: [
          { fact: "state.art4ExtensionRequest", eq: true },
          { fact: "request.role", eq: "art4-extension" },
        ],
      },
    },
    {
      id: "art4-clearance",
      criterion: "implementation",
      label: "Article 4 clearance obligations",
      labels: { fr: "Obligations de dépollution (article 4)", es: "Obligaciones de limpieza (artículo 4)" },
      points: 15,
      when: {
        all: [
          { fact: "state.art4Clearance", eq: true },
          { fact: "state.ccmStatus", eq: "party" },
        ],
      },
    },
    {
      id: "art5-victim-assistance",
      criterion: "implementation",
      label: "Article 5 victim-assistance obligations",
      labels: { fr: "Obligations d'assistance aux victimes (article 5)", es: "Obligaciones de asistencia a las víctimas (artículo 5)" },
      points: 10,
      when: {
        all: [
          { fact: "state.art5VictimAssistance", eq: true },
          { fact: "state.ccmStatus", eq: "party" },
        ],
      },
    },
    {
      id: "art7-report",
      criterion: "implementation",
      label: "Article 7 transparency report outstanding (to be submitted)",
      labels: { fr: "Rapport de transparence (article 7) en attente", es: "Informe de transparencia (artículo 7) pendiente" },
      points: 15,
      when: {
        all: [
          { fact: "state.art7ReportOutstanding", eq: true },
          { fact: "state.ccmStatus", eq: "party" },
        ],
      },
    },
    // Technical value: specialised knowledge or operational experience that informs the discussions.
    {
      id: "reviewer-rating",
      criterion: "technical",
      label: "Reviewers' rating of technical value (12 points a step, 0–5)",
      labels: {
        fr: "Note des examinateurs pour la valeur technique (12 points par degré, 0 à 5)",
        es: "Calificación de los evaluadores del valor técnico (12 puntos por grado, 0 a 5)",
      },
      points: 12,
      per: "request.technicalRating",
    },
    {
      id: "operational-expertise",
      criterion: "technical",
      label: "Operational expertise (clearance, stockpile destruction, victim assistance)",
      labels: {
        fr: "Expérience opérationnelle (dépollution, destruction des stocks, assistance aux victimes)",
        es: "Experiencia operacional (limpieza, destrucción de existencias, asistencia a las víctimas)",
      },
      points: 20,
      when: { fact: "request.operationalExpertise", eq: true },
    },
    {
      id: "speaking-role",
      criterion: "technical",
      label: "Speaking role at the meeting",
      labels: { fr: "Prend la parole à la réunion", es: "Interviene en la reunión" },
      points: 20,
      when: { fact: "request.role", in: [...SPEAKING_ROLES] },
    },
    // Universalization potential: signatories and States not party showing concrete interest in accession,
    // with a focus on under-represented regions.
    {
      id: "signatory-interest",
      criterion: "universalization",
      label: "Signatory with evidence of interest in ratification, accepted by the ISU",
      labels: {
        fr: "Signataire dont l'intérêt pour la ratification a été accepté par l'ISU",
        es: "Signatario cuyo interés en la ratificación fue aceptado por la ISU",
      },
      points: 60,
      when: {
        all: [
          { fact: "state.ccmStatus", eq: "signatory" },
          { fact: "request.interestReview", eq: "accepted" },
        ],
      },
    },
    {
      id: "nonparty-interest",
      criterion: "universalization",
      label: "State not party with evidence of interest in accession, accepted by the ISU",
      labels: {
        fr: "État non partie dont l'intérêt pour l'adhésion a été accepté par l'ISU",
        es: "Estado no parte cuyo interés en la adhesión fue aceptado por la ISU",
      },
      points: 60,
      when: {
        all: [
          { fact: "state.ccmStatus", eq: "nonparty" },
          { fact: "request.interestReview", eq: "accepted" },
        ],
      },
    },
    {
      id: "underrepresented-region-outreach",
      criterion: "universalization",
      label: "Not yet party, showing interest, from an under-represented region",
      labels: {
        fr: "Pas encore partie, intéressé, d'un groupe régional sous-représenté",
        es: "Aún no es parte, muestra interés y pertenece a un grupo regional subrepresentado",
      },
      points: 40,
      when: {
        all: [
          { fact: "state.ccmStatus", in: [...NOT_YET_PARTY] },
          { fact: "request.interestReview", eq: "accepted" },
          { fact: "state.underrepresentedRegion", eq: true },
        ],
      },
    },
    // Capacity strengthening: States with limited technical or financial resources.
    {
      id: "income-low",
      criterion: "capacity",
      label: "Low-income economy",
      labels: { fr: "Économie à faible revenu", es: "Economía de ingreso bajo" },
      points: 50,
      when: { fact: "state.incomeGroup", eq: "low" },
    },
    {
      id: "income-lower-middle",
      criterion: "capacity",
      label: "Lower-middle-income economy",
      labels: { fr: "Économie à revenu intermédiaire de la tranche inférieure", es: "Economía de ingreso mediano bajo" },
      points: 35,
      when: { fact: "state.incomeGroup", eq: "lower-middle" },
    },
    {
      id: "income-upper-middle",
      criterion: "capacity",
      label: "Upper-middle-income economy",
      labels: { fr: "Économie à revenu intermédiaire de la tranche supérieure", es: "Economía de ingreso mediano alto" },
      points: 15,
      when: { fact: "state.incomeGroup", eq: "upper-middle" },
    },
    {
      id: "ldc-capacity",
      criterion: "capacity",
      label: "Least developed country",
      labels: { fr: "Pays parmi les moins avancés", es: "País menos adelantado" },
      points: 20,
      when: { fact: "state.ldc", eq: true },
    },
    {
      id: "no-geneva-mission",
      criterion: "capacity",
      label: "No permanent mission in Geneva",
      labels: { fr: "Pas de mission permanente à Genève", es: "Sin misión permanente en Ginebra" },
      points: 30,
      when: { fact: "state.genevaMission", eq: false },
    },
    // Inclusive representation: gender balance, regional diversity, affected individuals.
    {
      id: "woman",
      criterion: "representation",
      label: "Woman delegate (gender balance)",
      labels: { fr: "Déléguée (équilibre entre les sexes)", es: "Delegada (equilibrio de género)" },
      points: 35,
      when: { fact: "request.gender", eq: "F" },
    },
    {
      id: "survivor",
      criterion: "representation",
      label: "Survivor or affected-community representative",
      labels: { fr: "Survivant ou représentant d'une communauté touchée", es: "Sobreviviente o representante de una comunidad afectada" },
      points: 35,
      when: { fact: "request.survivor", eq: true },
    },
    {
      id: "first-participation",
      criterion: "representation",
      label: "First participation in a formal meeting",
      labels: { fr: "Première participation à une réunion officielle", es: "Primera participación en una reunión oficial" },
      points: 20,
      when: { fact: "request.firstParticipation", eq: true },
    },
    {
      id: "underrepresented-region",
      criterion: "representation",
      label: "From an under-represented region (regional diversity)",
      labels: {
        fr: "D'un groupe régional sous-représenté (diversité régionale)",
        es: "De un grupo regional subrepresentado (diversidad regional)",
      },
      points: 10,
      when: { fact: "state.underrepresentedRegion", eq: true },
    },
    {
      id: "funded-before",
      criterion: "representation",
      label: "Sponsored in previous rounds (10 points less per round)",
      labels: {
        fr: "Parrainé lors de cycles précédents (10 points de moins par cycle)",
        es: "Patrocinado en ciclos anteriores (10 puntos menos por ciclo)",
      },
      points: -10,
      per: "request.previousSponsorships",
    },
  ],
};
