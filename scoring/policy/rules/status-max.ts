// The mix by CCM status: at most N delegates from States Parties, from signatories, or from States not
// party (with statusMin, an exact mix such as 2024's 16 / 2 / 2, para. 103).
import type { CcmStatus } from "../../domain/index.js";
import { plural, statusWords, whole } from "../helpers.js";
import { defineRule } from "../types.js";

type PerStatus = Partial<Record<CcmStatus, number>>;

export const statusMax = defineRule({
  key: "statusMax",
  field: "count-per-status",
  sense: "max",
  step: 1,
  instances: (value: PerStatus) => Object.entries(value).map(([scope, bound]) => ({ scope, bound: bound! })),
  withBound: (value: PerStatus | undefined, scope, bound) => ({ ...value, [scope!]: bound }),
  rows(w, bound, scope) {
    const idx = w.byStatus.get(scope as CcmStatus) ?? [];
    if (idx.length > bound) w.row(`statusMax.${scope}`, `smax_${scope}`, w.x(idx), "<=", bound, w.candidates.length);
  },
  broken(t, bound, scope) {
    const c = t.perStatus.get(scope as CcmStatus) ?? 0;
    return c > bound ? [`${c} from ${statusWords("en", scope)}, more than ${bound}`] : [];
  },
  tight: (t, bound, scope) => (t.perStatus.get(scope as CcmStatus) ?? 0) >= bound,
  admits: (t, c, bound, scope) => c.req.status !== scope || (t.perStatus.get(c.req.status) ?? 0) < bound,
  reachable: async (bound, _scope, slack) => bound + whole(await slack()),
  unreachable: (bound, scope, reachable, { withOthers }) =>
    `at most ${bound} from ${statusWords("en", scope)} is too few${withOthers}: ${reachable} would be needed`,
  sensitivityName: (bound, scope) => `the maximum for ${statusWords("en", scope)} (at most ${bound})`,
  words: {
    en: {
      name: "Delegates by CCM status at most",
      statement: (b, scope) => `At most ${plural(b, "delegate", "delegates")} from ${statusWords("en", scope)}.`,
      applicant:
        "The programme limits the number of delegates from States of each status under the Convention, and that number was reached.",
    },
    fr: {
      name: "Délégués par statut au regard de la Convention au plus",
      statement: (b, scope) => `Au plus ${plural(b, "délégué", "délégués")} d'${statusWords("fr", scope)}.`,
      applicant:
        "Le programme limite le nombre de délégués d'États de chaque statut au regard de la Convention, et ce nombre a été atteint.",
    },
    es: {
      name: "Delegados por condición respecto de la Convención como máximo",
      statement: (b, scope) => `Como máximo ${plural(b, "delegado", "delegados")} de ${statusWords("es", scope)}.`,
      applicant:
        "El programa limita el número de delegados de Estados de cada condición respecto de la Convención, y ese número se alcanzó.",
    },
  },
});
