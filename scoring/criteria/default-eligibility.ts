// The default eligibility paths (para. 100 of the ISU's 2024 report), used when a round has none of its own.
import { LOWER_INCOME, NOT_YET_PARTY } from "../domain/index.js";
import type { RuleSetInput } from "./rules.js";

/**
 * Who may be sponsored (para. 100): affected and low-income States Parties, and signatories and States
 * not party that show interest in the Convention (evidence accepted by the ISU). */
export const DEFAULT_ELIGIBILITY: NonNullable<RuleSetInput["eligibility"]> = [
  {
    id: "affected-state-party",
    label: "State Party with clearance or victim-assistance obligations, or an Article 4 extension request",
    labels: {
      fr: "État partie ayant des obligations de dépollution ou d'assistance aux victimes, ou une demande de prolongation au titre de l'article 4",
      es: "Estado parte con obligaciones de limpieza o de asistencia a las víctimas, o con una solicitud de prórroga en virtud del artículo 4",
    },
    when: {
      all: [
        { fact: "state.ccmStatus", eq: "party" },
        {
          any: [
            { fact: "state.art4Clearance", eq: true },
            { fact: "state.art5VictimAssistance", eq: true },
            { fact: "state.art4ExtensionRequest", eq: true },
          ],
        },
      ],
    },
  },
  {
    id: "low-income-state-party",
    label: "Least developed, low-income or lower-middle-income State Party",
    labels: {
      fr: "État partie parmi les moins avancés, à faible revenu ou à revenu intermédiaire de la tranche inférieure",
      es: "Estado parte menos adelantado, de ingreso bajo o de ingreso mediano bajo",
    },
    when: {
      all: [
        { fact: "state.ccmStatus", eq: "party" },
        {
          any: [
            { fact: "state.ldc", eq: true },
            { fact: "state.incomeGroup", in: [...LOWER_INCOME] },
          ],
        },
      ],
    },
  },
  {
    id: "interested-non-party",
    label: "Signatory or State not party with evidence of interest accepted by the ISU",
    labels: {
      fr: "Signataire ou État non partie dont l'intérêt, attesté, a été accepté par l'ISU",
      es: "Signatario o Estado no parte cuyo interés, acreditado, fue aceptado por la ISU",
    },
    when: {
      all: [
        { fact: "state.ccmStatus", in: [...NOT_YET_PARTY] },
        { fact: "request.interestReview", eq: "accepted" },
      ],
    },
  },
];
