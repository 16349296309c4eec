// Seats: at most N delegates are sponsored.
import { plural, whole } from "../helpers.js";
import { defineRule } from "../types.js";

export const maxDelegates = defineRule({
  key: "maxDelegates",
  field: "count",
  sense: "max",
  step: 1,
  instances: (value) => [{ bound: value }],
  withBound: (_value, _scope, bound) => bound,
  rows(w, bound) {
    w.row("maxDelegates", "seats", w.x(w.candidates.map((c) => c.index)), "<=", bound, w.candidates.length);
  },
  broken: (t, bound) => (t.delegates > bound ? [`${t.delegates} delegates, more than the ${plural(bound, "seat", "seats")}`] : []),
  tight: (t, bound) => t.delegates >= bound,
  admits: (t, _c, bound) => t.delegates < bound,
  reachable: async (bound, _scope, slack) => bound + whole(await slack()),
  unreachable: (bound, _scope, reachable, { withOthers }) =>
    `${plural(bound, "seat is", "seats are")} too few${withOthers}: ${reachable} are needed`,
  sensitivityName: (bound) => `the limit of ${plural(bound, "delegate", "delegates")}`,
  words: {
    en: {
      name: "Seats (delegates at most)",
      statement: (b) => `At most ${plural(b, "delegate is", "delegates are")} sponsored.`,
      applicant: "Every seat the programme can pay for went to requests that add more value.",
    },
    fr: {
      name: "Places (délégués au plus)",
      statement: (b) => `Au plus ${plural(b, "délégué est parrainé", "délégués sont parrainés")}.`,
      applicant: "Toutes les places que le programme peut financer sont allées à des demandes qui apportent davantage.",
    },
    es: {
      name: "Plazas (delegados como máximo)",
      statement: (b) => `Se patrocina como máximo a ${plural(b, "delegado", "delegados")}.`,
      applicant: "Todas las plazas que el programa puede financiar fueron a solicitudes que aportan más valor.",
    },
  },
});
