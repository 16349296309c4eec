// The lists of the reference data: a State's income group, and where a figure comes from.
import { subset, vocabulary } from "./define.js";

export const INCOME_GROUP = vocabulary("income group", {
  low: { en: "low income", fr: "revenu faible", es: "ingreso bajo" },
  "lower-middle": { en: "lower-middle income", fr: "revenu intermédiaire inférieur", es: "ingreso mediano bajo" },
  "upper-middle": { en: "upper-middle income", fr: "revenu intermédiaire supérieur", es: "ingreso mediano alto" },
  high: { en: "high income", fr: "revenu élevé", es: "ingreso alto" },
  unclassified: { en: "not classified", fr: "non classé", es: "sin clasificar" },
});
export type IncomeGroup = (typeof INCOME_GROUP.codes)[number];
/** The World Bank's low and lower-middle income groups: the States the default rules favour. */
export const LOWER_INCOME = subset(INCOME_GROUP, ["low", "lower-middle"]);

/**
 * Where a figure comes from: read from a document (sourced), computed from sourced figures (derived, its
 * note says how), or made up for a demonstration (invented).
 */
export const DATA_SOURCE = vocabulary("data source", {
  sourced: { en: "from a document", fr: "tiré d'un document", es: "tomado de un documento" },
  derived: { en: "derived", fr: "déduit", es: "deducido" },
  invented: { en: "invented for the demonstration", fr: "inventé pour la démonstration", es: "inventado para la demostración" },
});
export type DataSource = (typeof DATA_SOURCE.codes)[number];
/** A past year's figures are sourced or derived, never invented. */
export const RECORDED_SOURCES = subset(DATA_SOURCE, ["sourced", "derived"]);
