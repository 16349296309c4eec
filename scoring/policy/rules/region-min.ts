// Regional spread: at least N delegates from a regional group.
import { REGION, type Region } from "../../domain/index.js";
import { plural, regionWords, whole } from "../helpers.js";
import { defineRule } from "../types.js";

type PerRegion = Partial<Record<Region, number>>;

export const regionMin = defineRule({
  key: "regionMin",
  field: "count-per-region",
  sense: "min",
  step: 1,
  instances: (value: PerRegion) =>
    Object.entries(value)
      .filter(([, min]) => min! > 0)
      .map(([scope, bound]) => ({ scope, bound: bound! })),
  withBound: (value: PerRegion | undefined, scope, bound) => ({ ...value, [scope!]: bound }),
  rows(w, bound, scope) {
    w.row(`regionMin.${scope}`, `rmin_${scope}`, w.x(w.byRegion.get(scope as Region) ?? []), ">=", bound, bound);
  },
  broken(t, bound, scope) {
    const c = t.perRegion.get(scope as Region) ?? 0;
    return c < bound ? [`${c} from the ${REGION.sayAny(scope ?? "")}, fewer than ${bound}`] : [];
  },
  tight: (t, bound, scope) => (t.perRegion.get(scope as Region) ?? 0) <= bound,
  reachable: async (bound, _scope, slack) => Math.max(0, bound - whole(await slack())),
  unreachable: (bound, scope, reachable, { withOthers }) =>
    `at least ${bound} from the ${REGION.sayAny(scope ?? "")} cannot be met${withOthers}: ${reachable} at most`,
  sensitivityName: (bound, scope) => `the minimum for the ${REGION.sayAny(scope ?? "")} (at least ${bound})`,
  words: {
    en: {
      name: "Delegates from a regional group at least",
      statement: (b, scope) => `At least ${plural(b, "delegate", "delegates")} from the ${regionWords("en", scope)}.`,
      applicant: "The programme reserves seats for delegates from each regional group.",
    },
    fr: {
      name: "Délégués d'un groupe régional au moins",
      statement: (b, scope) => `Au moins ${plural(b, "délégué", "délégués")} du ${regionWords("fr", scope)}.`,
      applicant: "Le programme réserve des places aux délégués de chaque groupe régional.",
    },
    es: {
      name: "Delegados de un grupo regional como mínimo",
      statement: (b, scope) => `Al menos ${plural(b, "delegado", "delegados")} del ${regionWords("es", scope)}.`,
      applicant: "El programa reserva plazas para delegados de cada grupo regional.",
    },
  },
});
