// Gender balance: at least a given share of the sponsored delegates are women.
import { percent } from "../helpers.js";
import { defineRule } from "../types.js";

export const minWomenShare = defineRule({
  key: "minWomenShare",
  field: "share",
  sense: "min",
  step: 0.05,
  instances: (value) => (value > 0 ? [{ bound: value }] : []),
  withBound: (_value, _scope, bound) => bound,
  rows(w, share) {
    const all = w.candidates.map((c) => c.index);
    w.row(
      "minWomenShare",
      "women",
      w.x(all, (i) => (w.candidates[i]!.woman ? 1 - share : -share)),
      ">=",
      0,
      w.candidates.length,
    );
    if (w.plain && w.seats !== undefined) {
      // A Chvátal–Gomory cut of the women-share and seats rows: men ≤ (1 − share) × funded ≤ (1 − share) ×
      // seats, and men are counted in whole delegates. It removes the LP's half-delegates.
      const cap = Math.floor((1 - share) * w.seats + 1e-9);
      const men = w.x(w.candidates.filter((c) => !c.woman).map((c) => c.index));
      if (men.length > cap) w.cut("cg_men", men, "<=", cap);
    }
  },
  broken: (t, share) =>
    t.women < share * t.delegates - 1e-9 ? [`${t.women} of ${t.delegates} delegates are women, fewer than ${percent(share)}`] : [],
  // Tight when one woman fewer would break it.
  tight: (t, share) => t.women - 1 < share * t.delegates - 1e-9,
  // Dinkelbach's method: the largest share of women any allocation reaches under the other rules.
  async reachable(_share, _scope, _slack, probe) {
    let t = 0;
    for (let iter = 0; iter < 30; iter++) {
      const funded = await probe.maximise((c) => (c.woman ? 1 : 0) - t);
      if (funded === null) return iter === 0 ? null : Math.floor(t * 100 + 1e-9) / 100;
      if (funded.length === 0) return null;
      const share = funded.filter((c) => c.woman).length / funded.length;
      if (share <= t + 1e-9) break;
      t = share;
    }
    return Math.floor(t * 100 + 1e-9) / 100;
  },
  unreachable: (share, _scope, reachable, { withOthers, withLocks }) =>
    reachable === null
      ? `at least ${percent(share)} women cannot be met${withOthers}`
      : `at least ${percent(share)} women cannot be met${withLocks}${withOthers}: ${percent(reachable)} at most`,
  sensitivityName: (share) => `the minimum share of women (${percent(share)})`,
  words: {
    en: {
      name: "Share of women at least",
      statement: (b) => `At least ${percent(b)} of the sponsored delegates are women.`,
      applicant: "The programme keeps a balance of women and men among the delegates it sponsors.",
    },
    fr: {
      name: "Part de femmes au moins",
      statement: (b) => `Au moins ${percent(b)} des délégués parrainés sont des femmes.`,
      applicant: "Le programme veille à l'équilibre entre femmes et hommes parmi les délégués qu'il parraine.",
    },
    es: {
      name: "Proporción de mujeres como mínimo",
      statement: (b) => `Al menos el ${percent(b)} de los delegados patrocinados son mujeres.`,
      applicant: "El programa mantiene un equilibrio entre mujeres y hombres entre los delegados que patrocina.",
    },
  },
});
