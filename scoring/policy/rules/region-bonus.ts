// Coverage: points of value for each regional group represented (the model's coverage columns).
import { defineRule } from "../types.js";

export const regionBonus = defineRule({
  key: "regionBonus",
  field: "points",
  sense: "bonus",
  step: 0,
  instances: () => [],
  withBound: (_value, _scope, bound) => bound,
  words: {
    en: {
      name: "Bonus per region funded (points)",
      statement: (b) => `Each regional group represented adds ${b} points.`,
      applicant: "The programme gives extra weight to reaching every regional group.",
    },
    fr: {
      name: "Bonus par groupe régional financé (points)",
      statement: (b) => `Chaque groupe régional représenté ajoute ${b} points.`,
      applicant: "Le programme accorde un poids supplémentaire à la représentation de chaque groupe régional.",
    },
    es: {
      name: "Bonificación por grupo regional financiado (puntos)",
      statement: (b) => `Cada grupo regional representado suma ${b} puntos.`,
      applicant: "El programa da un peso adicional a llegar a todos los grupos regionales.",
    },
  },
});
