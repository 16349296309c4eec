// An independent formulation of the problem file for HiGHS (the oracle of the tests and the anchor of the
// benchmark). Written from the format's definition, not from scoring/allocation/model.ts: one flow per (donor,
// request) rather than per eligibility class, continuous coverage columns, locks as bounds, and the plain
// value objective in hundredths of a point (no tie-break), so that the optimum is comparable in units.
import highsLoader from "highs";
import { CRITERION, type CcmStatus, type Region } from "../scoring/domain/index.js";
import { ProblemSchema, type ProblemInput } from "../scoring/problem/index.js";

export type HighsSolver = Awaited<ReturnType<typeof highsLoader>>;

let loaded: Promise<HighsSolver> | null = null;
export function loadHighs(): Promise<HighsSolver> {
  loaded ??= highsLoader();
  return loaded;
}

export function valueUnits(
  criteria: Record<(typeof CRITERION.codes)[number], number>,
  weights: Record<(typeof CRITERION.codes)[number], number>,
  share: number,
): number {
  let s = 0;
  let w = 0;
  for (const c of CRITERION.codes) {
    s += weights[c] * criteria[c];
    w += weights[c];
  }
  return Math.round((w > 0 ? s / w : 0) * share * 100);
}

export function highsLp(input: ProblemInput): string {
  const p = ProblemSchema.parse(input);
  const obj: string[] = [];
  const rows: string[] = [];
  const bounds: string[] = [];
  const bins: string[] = [];
  const term = (c: number, v: string): string => `${c >= 0 ? "+" : "-"} ${Math.abs(c)} ${v}`;
  const xs = p.requests.map((r, i) => r.levels.map((_, l) => `x_${i}_${l}`));
  p.requests.forEach((r, i) => {
    r.levels.forEach((lv, l) => {
      const x = xs[i]![l]!;
      bins.push(x);
      obj.push(term(valueUnits(r.criteria, p.weights, lv.valueShare), x));
    });
    rows.push(`one_${i}: ${xs[i]!.map((x) => `+ ${x}`).join(" ")} ${r.lock === "in" ? "= 1" : r.lock === "out" ? "= 0" : "<= 1"}`);
  });
  const all = (pred: (i: number) => boolean, coef: (i: number) => number = () => 1): string =>
    p.requests.flatMap((_, i) => (pred(i) ? xs[i]!.map((x) => term(coef(i), x)) : [])).join(" ") || "+ 0 x_0_0";
  rows.push(`budget: ${p.requests.flatMap((r, i) => r.levels.map((lv, l) => term(lv.cost, xs[i]![l]!))).join(" ")} <= ${p.budget}`);
  const pol = p.policy;
  if (pol.maxDelegates !== undefined) rows.push(`seats: ${all(() => true)} <= ${pol.maxDelegates}`);
  if (pol.maxPerState !== undefined) {
    for (const s of new Set(p.requests.map((r) => r.state)))
      rows.push(`state_${s}: ${all((i) => p.requests[i]!.state === s)} <= ${pol.maxPerState}`);
  }
  if (pol.minWomenShare !== undefined) {
    const sh = pol.minWomenShare;
    rows.push(
      `women: ${all(
        () => true,
        (i) => (p.requests[i]!.gender === "F" ? 1 - sh : -sh),
      )} >= 0`,
    );
  }
  for (const [reg, m] of Object.entries(pol.regionMin ?? {}) as [Region, number][])
    rows.push(`rmin_${reg}: ${all((i) => p.requests[i]!.region === reg)} >= ${m}`);
  for (const [reg, m] of Object.entries(pol.regionMax ?? {}) as [Region, number][])
    rows.push(`rmax_${reg}: ${all((i) => p.requests[i]!.region === reg)} <= ${m}`);
  if (pol.minOutreach !== undefined) rows.push(`outreach: ${all((i) => p.requests[i]!.status !== "party")} >= ${pol.minOutreach}`);
  for (const [st, m] of Object.entries(pol.statusMin ?? {}) as [CcmStatus, number][])
    rows.push(`smin_${st}: ${all((i) => p.requests[i]!.status === st)} >= ${m}`);
  for (const [st, m] of Object.entries(pol.statusMax ?? {}) as [CcmStatus, number][])
    rows.push(`smax_${st}: ${all((i) => p.requests[i]!.status === st)} <= ${m}`);
  const bonus = (key: "state" | "region", units: number): void => {
    if (units <= 0) return;
    for (const k of new Set(p.requests.map((r) => r[key]))) {
      const y = `cov_${key}_${k}`;
      obj.push(term(units, y));
      bounds.push(`0 <= ${y} <= 1`);
      rows.push(
        `c_${y}: + ${y} ${all(
          (i) => p.requests[i]![key] === k,
          () => -1,
        )} <= 0`,
      );
    }
  };
  bonus("state", Math.round((pol.stateBonus ?? 0) * 100));
  bonus("region", Math.round((pol.regionBonus ?? 0) * 100));
  if (p.donors?.length) {
    const admits = (d: (typeof p.donors)[number], r: (typeof p.requests)[number]): boolean =>
      (!d.regions || d.regions.includes(r.region)) &&
      (!d.statuses || d.statuses.includes(r.status)) &&
      (!d.states || d.states.includes(r.state));
    const perDonor: string[][] = p.donors.map(() => []);
    p.requests.forEach((r, i) => {
      const flows: string[] = [];
      p.donors!.forEach((d, di) => {
        if (!admits(d, r)) return;
        const f = `f_${di}_${i}`;
        flows.push(`+ ${f}`);
        perDonor[di]!.push(`+ ${f}`);
      });
      rows.push(`pay_${i}: ${flows.join(" ")} ${r.levels.map((lv, l) => term(-lv.cost, xs[i]![l]!)).join(" ")} = 0`);
    });
    p.donors.forEach((d, di) => {
      if (perDonor[di]!.length) rows.push(`donor_${di}: ${perDonor[di]!.join(" ")} <= ${d.amount}`);
    });
  }
  return [
    "Maximize",
    ` obj: ${obj.join(" ") || "0 x_0_0"}`,
    "Subject To",
    ...rows.map((r) => ` ${r}`),
    "Bounds",
    ...bounds.map((b) => ` ${b}`),
    "Binary",
    ` ${bins.join(" ")}`,
    "End",
    "",
  ].join("\n");
}

export interface HighsOutcome {
  status: "optimal" | "infeasible" | "other";
  raw: string;
  units: number | null;
  ms: number;
}

export function solveHighs(highs: HighsSolver, input: ProblemInput, timeLimit = 600): HighsOutcome {
  const lp = highsLp(input);
  const t0 = performance.now();
  const out = highs.solve(lp, { mip_rel_gap: 0, time_limit: timeLimit, output_flag: false } as never);
  const ms = performance.now() - t0;
  if (out.Status === "Optimal") return { status: "optimal", raw: out.Status, units: Math.round(out.ObjectiveValue), ms };
  if (out.Status === "Infeasible") return { status: "infeasible", raw: out.Status, units: null, ms };
  return { status: "other", raw: out.Status, units: null, ms };
}

// The diagnosis's oracle (tests/scoring/explanations/diagnosis-oracle.proof.test.ts) and bench rounds: the same formulation
// with another objective, for feasibility, the most of a group, and the largest share of women.

/** HiGHS on the formulation with another objective (zero: feasibility) and extra rows. */
function highsWith(h: HighsSolver, input: ProblemInput, objective: string, rows: string[] = []) {
  const lines = highsLp(input).split("\n");
  const at = lines.findIndex((l) => l.startsWith(" obj:"));
  lines[at] = ` obj: ${objective}`;
  lines.splice(lines.indexOf("Bounds"), 0, ...rows.map((r) => ` ${r}`));
  return h.solve(lines.join("\n"), { mip_rel_gap: 0, time_limit: 600, output_flag: false } as never);
}

const xs = (
  input: ProblemInput,
  pred: (r: ProblemInput["requests"][number]) => boolean,
  coef: (r: ProblemInput["requests"][number]) => number = () => 1,
) =>
  input.requests
    .flatMap((r, i) => (pred(r) ? r.levels.map((_, l) => `${coef(r) >= 0 ? "+" : "-"} ${Math.abs(coef(r))} x_${i}_${l}`) : []))
    .join(" ") || "0 x_0_0";

/** Whether an allocation keeps every rule of the round (HiGHS, a zero objective). */
export function highsFeasible(highs: HighsSolver, input: ProblemInput): boolean {
  const out = highsWith(highs, input, "0 x_0_0");
  if (out.Status !== "Optimal" && out.Status !== "Infeasible") throw new Error(`HiGHS: ${out.Status}`);
  return out.Status === "Optimal";
}

/** The most requests of a group any allocation keeping the other rules funds. */
export function highsMostOf(highs: HighsSolver, input: ProblemInput, pred: (r: ProblemInput["requests"][number]) => boolean): number {
  const out = highsWith(highs, input, xs(input, pred));
  if (out.Status !== "Optimal") throw new Error(`HiGHS: ${out.Status}`);
  return Math.round(out.ObjectiveValue);
}

/** The largest share of women any allocation keeping the other rules reaches (Dinkelbach, on HiGHS), as a fraction. */
export function highsMostWomen(highs: HighsSolver, input: ProblemInput): { women: number; funded: number } {
  let best = { women: 0, funded: 1 };
  for (let iter = 0; iter < 30; iter++) {
    const t = best.women / best.funded;
    const out = highsWith(
      highs,
      input,
      xs(
        input,
        () => true,
        (r) => (r.gender === "F" ? 1 : 0) - t,
      ),
      [`nonempty: ${xs(input, () => true)} >= 1`],
    );
    if (out.Status !== "Optimal") throw new Error(`HiGHS: ${out.Status}`);
    let women = 0;
    let funded = 0;
    input.requests.forEach((r, i) =>
      r.levels.forEach((_, l) => {
        const column = out.Columns[`x_${i}_${l}`];
        if (column && "Primal" in column && column.Primal > 0.5) {
          funded++;
          if (r.gender === "F") women++;
        }
      }),
    );
    if (women * best.funded <= best.women * funded) break;
    best = { women, funded };
  }
  return best;
}

/** The minimum a round is pushed beyond: a CCM status's, a regional group's, or the share of women. */
export type Minimum = { status: CcmStatus } | { region: Region } | "women";

/**
 * The round (changed in place) with one minimum set just beyond what the money and its other rules allow:
 * HiGHS's most plus `extra` delegates, or for women the largest share in whole percentages plus `extra` × 5
 * points, after two men are locked in (else funding one woman alone reaches 100 %). The hardest case of a
 * diagnosis, which must prove that one more cannot hold. Null when, with the men locked in, the round's
 * rules cannot hold.
 */
export function minimumBeyondReach(highs: HighsSolver, input: ProblemInput, minimum: Minimum, extra: number): ProblemInput | null {
  const policy = input.policy as { statusMin?: Record<string, number>; regionMin?: Record<string, number>; minWomenShare?: number };
  if (minimum === "women") {
    delete policy.minWomenShare;
    for (const r of input.requests.filter((q) => q.gender !== "F" && !q.lock).slice(0, 2)) r.lock = "in";
    if (!highsFeasible(highs, input)) return null;
    const { women, funded } = highsMostWomen(highs, input);
    policy.minWomenShare = Math.min(1, Math.floor((100 * women) / funded) / 100 + 0.05 * extra);
  } else if ("status" in minimum) {
    const { status } = minimum;
    policy.statusMin = { ...policy.statusMin, [status]: highsMostOf(highs, input, (r) => r.status === status) + extra };
  } else {
    const { region } = minimum;
    policy.regionMin = { ...policy.regionMin, [region]: highsMostOf(highs, input, (r) => r.region === region) + extra };
  }
  return input;
}
