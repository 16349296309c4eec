// Regional balance: at most a given share of the sponsored delegates from any one regional group.
import { REGION } from "../../domain/index.js";
import { percent } from "../helpers.js";
import { defineRule, type Probe } from "../types.js";

export const maxRegionShare = defineRule({
  key: "maxRegionShare",
  field: "share",
  sense: "max",
  step: 0.05,
  // A share of 1 (100 %) asks nothing.
  instances: (value) => (value < 1 ? [{ bound: value }] : []),
  withBound: (_value, _scope, bound) => bound,
  rows(w, share) {
    // For each group: Σ_{i in group} x_i ≤ share · Σ_i x_i, written as Σ_i ([i in group] − share) x_i ≤ 0.
    const all = w.candidates.map((c) => c.index);
    for (const [region, idx] of w.byRegion) {
      if (idx.length === 0) continue;
      const inGroup = new Set(idx);
      w.row(
        "maxRegionShare",
        `rshare_${region}`,
        w.x(all, (i) => (inGroup.has(i) ? 1 - share : -share)),
        "<=",
        0,
        w.candidates.length,
      );
      if (w.plain && w.seats !== undefined) {
        // A Chvátal–Gomory cut of this row and the seats row: the group's delegates ≤ share × funded ≤
        // share × seats, counted in whole delegates. It removes the LP's fractions of a delegate in every
        // group at its cap (the LP bound of a 400-request round with 34 seats and a 21 % cap: 9 points
        // above the optimum without it).
        const cap = Math.floor(share * w.seats + 1e-9);
        if (idx.length > cap) w.cut(`cg_rshare_${region}`, w.x(idx), "<=", cap);
      }
    }
  },
  broken: (t, share) =>
    [...t.perRegion]
      .filter(([, c]) => c > share * t.delegates + 1e-9)
      .map(([region, c]) => `${c} of ${t.delegates} delegates from the ${REGION.say(region)}, more than ${percent(share)}`),
  // At the limit when one more delegate of the largest group would break it.
  tight: (t, share) => t.delegates > 0 && Math.max(...t.perRegion.values()) + 1 > share * (t.delegates + 1) + 1e-9,
  reachable: (share, _scope, _slack, probe) => leastShare(share, probe),
  unreachable: (share, _scope, reachable, { withOthers }) =>
    reachable === null
      ? `at most ${percent(share)} from one regional group cannot be met${withOthers}`
      : `at most ${percent(share)} from one regional group is too low${withOthers}: ${percent(reachable)} would be needed`,
  sensitivityName: (share) => `the largest share from one regional group (${percent(share)})`,
  words: {
    en: {
      name: "Share of delegates from one regional group at most",
      statement: (b) => `At most ${percent(b)} of the sponsored delegates come from any one regional group.`,
      applicant: "The programme keeps a balance between regional groups, and your group's share was reached.",
    },
    fr: {
      name: "Part des délégués d'un même groupe régional au plus",
      statement: (b) => `Au plus ${percent(b)} des délégués parrainés viennent d'un même groupe régional.`,
      applicant: "Le programme veille à l'équilibre entre groupes régionaux, et la part de votre groupe a été atteinte.",
    },
    es: {
      name: "Proporción de delegados de un mismo grupo regional como máximo",
      statement: (b) => `Como máximo el ${percent(b)} de los delegados patrocinados proceden de un mismo grupo regional.`,
      applicant: "El programa mantiene un equilibrio entre grupos regionales, y se alcanzó la proporción de su grupo.",
    },
  },
});

/**
 * The least share that holds with the other rules: it is a fraction c/n with n at most the delegates that
 * can be funded, and such fractions lie at least 1/n² apart, so bisection down to that width leaves one
 * candidate, found exactly. Feasibility only grows with the share. Rounded up to a whole percentage.
 */
async function leastShare(stated: number, probe: Probe): Promise<number | null> {
  if (!(await probe.feasibleAt(1))) return null;
  const most = Math.max(1, Math.min(probe.candidates.length, probe.seats ?? probe.candidates.length));
  let lo = stated;
  let hi = 1;
  while (hi - lo >= 1 / (most * most)) {
    const mid = (lo + hi) / 2;
    if (await probe.feasibleAt(mid)) hi = mid;
    else lo = mid;
  }
  let exact = hi;
  for (let n = 1; n <= most; n++) {
    const c = Math.floor(lo * n + 1e-12) + 1;
    if (c <= n && c / n <= hi && c / n < exact) exact = c / n;
  }
  return Math.ceil(exact * 100 - 1e-9) / 100;
}
