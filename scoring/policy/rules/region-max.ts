// Regional spread: at most N delegates from a regional group.
import { REGION, type Region } from "../../domain/index.js";
import { plural, regionWords, whole } from "../helpers.js";
import { defineRule } from "../types.js";

type PerRegion = Partial<Record<Region, number>>;

export const regionMax = defineRule({
  key: "regionMax",
  field: "count-per-region",
  sense: "max",
  step: 1,
  instances: (value: PerRegion) => Object.entries(value).map(([scope, bound]) => ({ scope, bound: bound! })),
  withBound: (value: PerRegion | undefined, scope, bound) => ({ ...value, [scope!]: bound }),
  rows(w, bound, scope) {
    const idx = w.byRegion.get(scope as Region) ?? [];
    if (idx.length > bound) w.row(`regionMax.${scope}`, `rmax_${scope}`, w.x(idx), "<=", bound, w.candidates.length);
  },
  broken(t, bound, scope) {
    const c = t.perRegion.get(scope as Region) ?? 0;
    return c > bound ? [`${c} from the ${REGION.sayAny(scope ?? "")}, more than ${bound}`] : [];
  },
  tight: (t, bound, scope) => (t.perRegion.get(scope as Region) ?? 0) >= bound,
  admits: (t, c, bound, scope) => c.req.region !== scope || (t.perRegion.get(c.req.region) ?? 0) < bound,
  reachable: async (bound, _scope, slack) => bound + whole(await slack()),
  unreachable: (bound, scope, reachable, { withOthers }) =>
    `at most ${bound} from the ${REGION.sayAny(scope ?? "")} is too few${withOthers}: ${reachable} would be needed`,
  sensitivityName: (bound, scope) => `the maximum for the ${REGION.sayAny(scope ?? "")} (at most ${bound})`,
  words: {
    en: {
      name: "Delegates from a regional group at most",
      statement: (b, scope) => `At most ${plural(b, "delegate", "delegates")} from the ${regionWords("en", scope)}.`,
      applicant: "The programme limits the number of delegates from each regional group, and that number was reached.",
    },
    fr: {
      name: "Délégués d'un groupe régional au plus",
      statement: (b, scope) => `Au plus ${plural(b, "délégué", "délégués")} du ${regionWords("fr", scope)}.`,
      applicant: "Le programme limite le nombre de délégués de chaque groupe régional, et ce nombre a été atteint.",
    },
    es: {
      name: "Delegados de un grupo regional como máximo",
      statement: (b, scope) => `Como máximo ${plural(b, "delegado", "delegados")} del ${regionWords("es", scope)}.`,
      applicant: "El programa limita el número de delegados de cada grupo regional, y ese número se alcanzó.",
    },
  },
});
