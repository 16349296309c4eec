// The mix by CCM status: at least N delegates from States Parties, from signatories, or from States not
// party (2024's mix was 16 / 2 / 2, para. 103).
import type { CcmStatus } from "../../domain/index.js";
import { plural, statusWords, whole } from "../helpers.js";
import { defineRule } from "../types.js";

type PerStatus = Partial<Record<CcmStatus, number>>;

export const statusMin = defineRule({
  key: "statusMin",
  field: "count-per-status",
  sense: "min",
  step: 1,
  instances: (value: PerStatus) =>
    Object.entries(value)
      .filter(([, min]) => min! > 0)
      .map(([scope, bound]) => ({ scope, bound: bound! })),
  withBound: (value: PerStatus | undefined, scope, bound) => ({ ...value, [scope!]: bound }),
  rows(w, bound, scope) {
    w.row(`statusMin.${scope}`, `smin_${scope}`, w.x(w.byStatus.get(scope as CcmStatus) ?? []), ">=", bound, bound);
  },
  broken(t, bound, scope) {
    const c = t.perStatus.get(scope as CcmStatus) ?? 0;
    return c < bound ? [`${c} from ${statusWords("en", scope)}, fewer than ${bound}`] : [];
  },
  tight: (t, bound, scope) => (t.perStatus.get(scope as CcmStatus) ?? 0) <= bound,
  reachable: async (bound, _scope, slack) => Math.max(0, bound - whole(await slack())),
  unreachable: (bound, scope, reachable, { withOthers }) =>
    `at least ${bound} from ${statusWords("en", scope)} cannot be met${withOthers}: ${reachable} at most`,
  sensitivityName: (bound, scope) => `the minimum for ${statusWords("en", scope)} (at least ${bound})`,
  words: {
    en: {
      name: "Delegates by CCM status at least",
      statement: (b, scope) => `At least ${plural(b, "delegate", "delegates")} from ${statusWords("en", scope)}.`,
      applicant: "The programme reserves seats for delegates of States Parties, of signatories and of States not party.",
    },
    fr: {
      name: "Délégués par statut au regard de la Convention au moins",
      statement: (b, scope) => `Au moins ${plural(b, "délégué", "délégués")} d'${statusWords("fr", scope)}.`,
      applicant: "Le programme réserve des places aux délégués d'États parties, d'États signataires et d'États non parties.",
    },
    es: {
      name: "Delegados por condición respecto de la Convención como mínimo",
      statement: (b, scope) => `Al menos ${plural(b, "delegado", "delegados")} de ${statusWords("es", scope)}.`,
      applicant: "El programa reserva plazas para delegados de Estados partes, de Estados signatarios y de Estados no partes.",
    },
  },
});
