// Seeded generator of problem files (format v1) with every rule type, for the tests and the benchmark.
import { rng, REGION, type Region } from "../scoring/domain/index.js";
import { type ProblemInput } from "../scoring/problem/index.js";

export interface GenerateOptions {
  n: number;
  seed: number;
  /** Four earmarked donors (default true). */
  donors?: boolean;
  /** Earmarked donors hold most of the money (default false). */
  tightEarmarks?: boolean;
  /** Requests accept ticket-only / allowance-only levels too (default true). */
  levels?: boolean;
  /** Some requests locked in or out (default true). */
  locks?: boolean;
  /** Coverage bonuses (default true). */
  bonuses?: boolean;
  /** A mix by CCM status: a minimum for signatories and a maximum for States not party (default false). */
  statusQuotas?: boolean;
  /** Seats (default a quarter of n, at most 400): the money, the donors and the minimums follow them. */
  seats?: number;
  /** A maximum share of the delegates from any one regional group (default none). */
  maxRegionShare?: number;
  /** The minimum share of women (default 0.4). */
  minWomenShare?: number;
}

export function generateProblem(o: GenerateOptions): ProblemInput {
  const r = rng(o.seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const n = o.n;
  const stateCount = Math.max(3, Math.round(n / 2.5));
  const states = Array.from({ length: stateCount }, (_, k) => ({
    iso3: code(k),
    region: pick(REGION.codes) as Region,
    status: pick(["party", "party", "party", "signatory", "nonparty"] as const),
  }));
  const requests: ProblemInput["requests"] = [];
  let fullCostSum = 0;
  for (let i = 0; i < n; i++) {
    const s = pick(states);
    const full = int(2000, 6500);
    fullCostSum += full;
    const levels: ProblemInput["requests"][number]["levels"] = [{ level: "full", cost: full, valueShare: 1 }];
    if (o.levels !== false) {
      const u = r();
      if (u < 0.25) levels.push({ level: "ticket", cost: Math.round(full * 0.6), valueShare: 0.6 });
      else if (u < 0.35) levels.push({ level: "allowance", cost: Math.round(full * 0.35), valueShare: 0.4 });
    }
    const req: ProblemInput["requests"][number] = {
      id: `R-${String(i + 1).padStart(5, "0")}`,
      state: s.iso3,
      region: s.region,
      status: s.status,
      gender: r() < 0.45 ? "F" : r() < 0.95 ? "M" : "X",
      submittedAt: new Date(Date.UTC(2025, 4, 1) + int(0, 75 * 86400) * 1000).toISOString(),
      criteria: {
        implementation: int(0, 100),
        technical: int(0, 100),
        universalization: s.status === "party" ? int(0, 20) : int(20, 100),
        capacity: int(0, 100),
        representation: int(0, 100),
      },
      levels,
    };
    if (o.locks !== false) {
      // 3 % locked in and 3 % out, but never more than an eighth of the seats locked in (from n = 1'600,
      // where the seats stop growing with n).
      const u = r();
      const pIn = Math.min(0.03, (0.12 * seatsFor(n)) / n);
      if (u < pIn) req.lock = "in";
      else if (u < 2 * pIn) req.lock = "out";
    }
    requests.push(req);
  }
  const seats = o.seats ?? seatsFor(n);
  const meanCost = fullCostSum / n;
  const budget = Math.round(seats * meanCost * 0.8);
  const regionsPresent = [...new Set(requests.map((q) => q.region))];
  const regionMin: Partial<Record<Region, number>> = {};
  for (const reg of regionsPresent.slice(0, 2)) regionMin[reg] = Math.max(1, Math.round(seats * 0.08));
  const regionMax: Partial<Record<Region, number>> = {};
  if (regionsPresent[2]) regionMax[regionsPresent[2]] = Math.max(1, Math.round(seats * 0.3));
  const problem: ProblemInput = {
    version: 1,
    budget,
    weights: { implementation: 30, technical: 20, universalization: 20, capacity: 15, representation: 15 },
    policy: {
      maxDelegates: seats,
      maxPerState: 2,
      minWomenShare: o.minWomenShare ?? 0.4,
      regionMin,
      regionMax,
      minOutreach: Math.max(1, Math.round(seats * 0.1)),
      ...(o.bonuses !== false ? { stateBonus: 3, regionBonus: 5 } : {}),
      ...(o.maxRegionShare !== undefined ? { maxRegionShare: o.maxRegionShare } : {}),
      ...(o.statusQuotas
        ? { statusMin: { signatory: Math.max(1, Math.round(seats * 0.05)) }, statusMax: { nonparty: Math.max(1, Math.round(seats * 0.1)) } }
        : {}),
    },
    requests,
  };
  if (o.donors !== false) {
    const earmarked = o.tightEarmarks ? 0.85 : 0.5;
    const free = budget * (1 - earmarked) + budget * 0.05;
    const share = (budget * earmarked) / 3;
    problem.donors = [
      { id: "D-REG", amount: Math.round(share), regions: [regionsPresent[0]!, regionsPresent[1] ?? regionsPresent[0]!] },
      { id: "D-OUT", amount: Math.round(share), statuses: ["signatory", "nonparty"] },
      {
        id: "D-STA",
        amount: Math.round(share),
        states: states.slice(0, Math.min(250, Math.max(1, Math.round(stateCount / 3)))).map((s) => s.iso3),
      },
      { id: "D-ANY", amount: Math.round(free) },
    ];
  }
  return problem;
}

function seatsFor(n: number): number {
  return Math.max(2, Math.min(Math.round(n * 0.25), 400));
}

function code(k: number): string {
  const a = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  return a[Math.floor(k / 676) % 26]! + a[Math.floor(k / 26) % 26]! + a[k % 26]!;
}
