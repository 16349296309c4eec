// The per-State cap: at most N delegates from any one State.
import { plural, whole } from "../helpers.js";
import { defineRule } from "../types.js";

export const maxPerState = defineRule({
  key: "maxPerState",
  field: "count",
  sense: "max",
  step: 1,
  instances: (value) => [{ bound: value }],
  withBound: (_value, _scope, bound) => bound,
  rows(w, bound) {
    for (const [state, idx] of w.byState) {
      if (idx.length > bound) w.row("maxPerState", `st_${state}`, w.x(idx), "<=", bound, w.candidates.length);
    }
  },
  broken: (t, bound) =>
    [...t.perState]
      .filter(([, c]) => c > bound)
      .map(([s, c]) => `${plural(c, "delegate", "delegates")} from ${s}, more than ${bound} per State`),
  tight: (t, bound) => Math.max(0, ...t.perState.values()) >= bound,
  admits: (t, c, bound) => (t.perState.get(c.req.state) ?? 0) < bound,
  reachable: async (bound, _scope, slack) => bound + whole(await slack()),
  unreachable: (bound, _scope, reachable, { withOthers }) =>
    `at most ${plural(bound, "delegate", "delegates")} per State is too few${withOthers}: ${reachable} would be needed`,
  sensitivityName: (bound) => `the limit of ${plural(bound, "delegate", "delegates")} per State`,
  words: {
    en: {
      name: "Delegates per State at most",
      statement: (b) => `At most ${plural(b, "delegate", "delegates")} per State.`,
      applicant: "The programme sponsors a limited number of delegates from each State, and that number was reached.",
    },
    fr: {
      name: "Délégués par État au plus",
      statement: (b) => `Au plus ${plural(b, "délégué", "délégués")} par État.`,
      applicant: "Le programme parraine un nombre limité de délégués par État, et ce nombre a été atteint.",
    },
    es: {
      name: "Delegados por Estado como máximo",
      statement: (b) => `Como máximo ${plural(b, "delegado", "delegados")} por Estado.`,
      applicant: "El programa patrocina un número limitado de delegados por Estado, y ese número se alcanzó.",
    },
  },
});
