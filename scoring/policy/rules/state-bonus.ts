// Coverage: points of value for each State represented (the model's coverage columns; see allocation/model.ts).
import { defineRule } from "../types.js";

export const stateBonus = defineRule({
  key: "stateBonus",
  field: "points",
  sense: "bonus",
  step: 0,
  instances: () => [],
  withBound: (_value, _scope, bound) => bound,
  words: {
    en: {
      name: "Bonus per State funded (points)",
      statement: (b) => `Each State represented adds ${b} points (spread across States).`,
      applicant: "The programme gives extra weight to reaching more States.",
    },
    fr: {
      name: "Bonus par État financé (points)",
      statement: (b) => `Chaque État représenté ajoute ${b} points (répartition entre les États).`,
      applicant: "Le programme accorde un poids supplémentaire à la représentation d'un plus grand nombre d'États.",
    },
    es: {
      name: "Bonificación por Estado financiado (puntos)",
      statement: (b) => `Cada Estado representado suma ${b} puntos (distribución entre Estados).`,
      applicant: "El programa da un peso adicional a llegar a más Estados.",
    },
  },
});
