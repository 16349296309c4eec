// Turns a parsed problem into the numbers the model and the baselines share: each request's value per
// support level in integer units (hundredths of a point), the deterministic tie-break, the donors'
// eligibility classes. Computed once, used by every solve of the same problem.
import { CRITERION, type CcmStatus, type Donor, type Region } from "../domain/index.js";
import { instancesOf, type RuleInstance } from "../policy/index.js";
import type { Problem, ProblemRequest } from "./schema.js";

/** Values are counted in hundredths of a point: two allocations whose values differ differ by ≥ 1 unit. */
export const VALUE_UNITS = 100;

export interface PreparedLevel {
  level: ProblemRequest["levels"][number]["level"];
  cost: number;
  /** Value in units (hundredths of a point). */
  units: number;
  /** Tie-break penalty, < 0.5 units summed over any set of requests: lower cost first, then lower id. */
  tie: number;
}

export interface PreparedRequest {
  index: number;
  req: ProblemRequest;
  /** Full-support value before the level's share, in points. */
  score: number;
  levels: PreparedLevel[];
  /** Index into `classes`: the set of donors whose earmarks admit the request (-1 without donors). */
  donorClass: number;
  woman: boolean;
  outreach: boolean;
}

export interface DonorClass {
  /** Donor indexes admitting the requests of this class. */
  donors: number[];
  requests: number[];
}

export interface Prepared {
  problem: Problem;
  requests: PreparedRequest[];
  byId: Map<string, PreparedRequest>;
  states: Map<string, number[]>;
  regions: Map<Region, number[]>;
  statuses: Map<CcmStatus, number[]>;
  donors: Donor[];
  hasDonors: boolean;
  classes: DonorClass[];
  /** Requests locked in or out. */
  locked: number[];
  stateBonusUnits: number;
  regionBonusUnits: number;
  /** The bounds the policy writes, one per rule instance, in the registry's order. */
  rules: RuleInstance[];
}

export function weightedScore(criteria: ProblemRequest["criteria"], weights: Problem["weights"]): number {
  let sum = 0;
  let wsum = 0;
  for (const c of CRITERION.codes) {
    sum += weights[c] * criteria[c];
    wsum += weights[c];
  }
  return wsum > 0 ? sum / wsum : 0;
}

/**
 * Whether a donor's earmarks admit a delegate. A region or status not known (null: a State missing from
 * the round's data) is admitted only by a donor without that earmark.
 */
export function donorAdmits(donor: Donor, req: { region: Region | null; status: CcmStatus | null; state: string }): boolean {
  if (donor.regions && (req.region === null || !donor.regions.includes(req.region))) return false;
  if (donor.statuses && (req.status === null || !donor.statuses.includes(req.status))) return false;
  if (donor.states && !donor.states.includes(req.state)) return false;
  return true;
}

export function prepare(problem: Problem): Prepared {
  const n = problem.requests.length;
  // Rank by id (code-unit order, locale-independent) for the last tie-break.
  const order = problem.requests.map((r, i) => i).sort((a, b) => cmp(problem.requests[a]!.id, problem.requests[b]!.id));
  const rank = new Array<number>(n);
  order.forEach((idx, pos) => (rank[idx] = pos + 1));
  // The tie-break must total less than half a unit over any allocation; the smallest scale that ensures
  // it (the most any allocation can spend, in cents: the budget, or the dearest requests that fit in the
  // seats) keeps its steps as far above the solver's tolerances as possible.
  const dearest = problem.requests.map((r) => Math.max(...r.levels.map((l) => Math.round(l.cost * 100)))).sort((a, b) => b - a);
  const seats = Math.min(n, problem.policy.maxDelegates ?? n);
  const mostSpent = Math.min(
    Math.round(problem.budget * 100),
    dearest.slice(0, seats).reduce((s, c) => s + c, 0),
  );
  const costScale = mostSpent + seats + 1;
  const rankScale = (n * (n + 1)) / 2 + 1;

  const donors = problem.donors ?? [];
  const hasDonors = donors.length > 0;
  const classKey = new Map<string, number>();
  const classes: DonorClass[] = [];

  const requests: PreparedRequest[] = problem.requests.map((req, index) => {
    const score = weightedScore(req.criteria, problem.weights);
    const levels = req.levels.map((l) => ({
      level: l.level,
      cost: l.cost,
      units: Math.round(score * l.valueShare * VALUE_UNITS),
      tie: (0.5 * (Math.round(l.cost * 100) + (0.5 * rank[index]!) / rankScale)) / costScale,
    }));
    let donorClass = -1;
    if (hasDonors) {
      const admitting = donors.flatMap((d, di) => (donorAdmits(d, req) ? [di] : []));
      const key = admitting.join(",");
      let k = classKey.get(key);
      if (k === undefined) {
        k = classes.length;
        classKey.set(key, k);
        classes.push({ donors: admitting, requests: [] });
      }
      classes[k]!.requests.push(index);
      donorClass = k;
    }
    return { index, req, score, levels, donorClass, woman: req.gender === "F", outreach: req.status !== "party" };
  });

  const states = new Map<string, number[]>();
  const regions = new Map<Region, number[]>();
  const statuses = new Map<CcmStatus, number[]>();
  for (const r of requests) {
    push(states, r.req.state, r.index);
    push(regions, r.req.region, r.index);
    push(statuses, r.req.status, r.index);
  }
  return {
    problem,
    requests,
    byId: new Map(requests.map((r) => [r.req.id, r])),
    states,
    regions,
    statuses,
    donors,
    hasDonors,
    classes,
    locked: requests.filter((r) => r.req.lock).map((r) => r.index),
    stateBonusUnits: Math.round((problem.policy.stateBonus ?? 0) * VALUE_UNITS),
    regionBonusUnits: Math.round((problem.policy.regionBonus ?? 0) * VALUE_UNITS),
    rules: instancesOf(problem.policy),
  };
}

/** The index of a request's cheapest level (the first of equal costs). */
export function cheapestLevel(r: PreparedRequest): number {
  return r.levels.reduce((best, l, k) => (l.cost < r.levels[best]!.cost ? k : best), 0);
}

export interface HallRow {
  /** The donors of the row, as a bit mask. */
  mask: number;
  money: number;
  /** Classes paid only by these donors. */
  classes: number[];
}

/**
 * Hall's condition for the donors: a selection can be paid iff, for every set T of donors, the requests
 * that only donors of T admit cost at most T's money. Only sets T that are exactly the donors of the
 * classes they cover can bind, and with money at or above the budget a row is implied by the budget.
 */
const hallCache = new WeakMap<Prepared, HallRow[]>();

export function hallRows(prep: Prepared): HallRow[] {
  let rows = hallCache.get(prep);
  if (!rows) {
    rows = computeHallRows(prep);
    hallCache.set(prep, rows);
  }
  return rows;
}

function computeHallRows(prep: Prepared): HallRow[] {
  const D = prep.donors.length;
  const masks = prep.classes.map((c) => c.donors.reduce((m, d) => m | (1 << d), 0));
  const rows: HallRow[] = [];
  for (let T = 0; T < 1 << D; T++) {
    const covered = masks.flatMap((m, k) => ((m & ~T) === 0 ? [k] : []));
    if (covered.length === 0 || covered.reduce((u, k) => u | masks[k]!, 0) !== T) continue;
    let money = 0;
    for (let d = 0; d < D; d++) if (T & (1 << d)) money += prep.donors[d]!.amount;
    if (money >= prep.problem.budget) continue;
    rows.push({ mask: T, money, classes: covered });
  }
  return rows;
}

/** Up to this many donors, earmarks are written as Hall rows (at most 2^D) rather than flow columns. */
export const HALL_MAX_DONORS = 10;

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function push<K>(m: Map<K, number[]>, k: K, v: number): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

export const units = {
  toPoints: (u: number): number => Math.round(u) / VALUE_UNITS,
};
