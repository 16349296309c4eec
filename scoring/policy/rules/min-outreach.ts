// Outreach for universalization: at least N delegates from signatories and States not party.
import { plural, whole } from "../helpers.js";
import { defineRule } from "../types.js";

export const minOutreach = defineRule({
  key: "minOutreach",
  field: "count",
  sense: "min",
  step: 1,
  instances: (value) => (value > 0 ? [{ bound: value }] : []),
  withBound: (_value, _scope, bound) => bound,
  rows(w, bound) {
    w.row("minOutreach", "outreach", w.x(w.candidates.filter((c) => c.outreach).map((c) => c.index)), ">=", bound, bound);
  },
  broken: (t, bound) => (t.outreach < bound ? [`${t.outreach} from signatories and States not party, fewer than ${bound}`] : []),
  tight: (t, bound) => t.outreach <= bound,
  reachable: async (bound, _scope, slack) => Math.max(0, bound - whole(await slack())),
  unreachable: (bound, _scope, reachable, { withOthers }) =>
    `at least ${bound} from signatories and States not party cannot be met${withOthers}: ${reachable} at most`,
  sensitivityName: (bound) => `the outreach minimum (at least ${bound} from signatories and States not party)`,
  words: {
    en: {
      name: "Outreach at least (signatories, States not party)",
      statement: (b) =>
        `At least ${plural(b, "delegate", "delegates")} from signatories and States not party (outreach for universalization).`,
      applicant: "The programme reserves seats for delegates of signatories and States not party.",
    },
    fr: {
      name: "Ouverture au moins (signataires, États non parties)",
      statement: (b) => `Au moins ${plural(b, "délégué", "délégués")} d'États signataires et d'États non parties (universalisation).`,
      applicant: "Le programme réserve des places aux délégués d'États signataires et d'États non parties.",
    },
    es: {
      name: "Alcance como mínimo (signatarios, Estados no partes)",
      statement: (b) => `Al menos ${plural(b, "delegado", "delegados")} de Estados signatarios y Estados no partes (universalización).`,
      applicant: "El programa reserva plazas para delegados de Estados signatarios y Estados no partes.",
    },
  },
});
