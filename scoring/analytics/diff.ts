// Scenario diff: two allocations side by side (two weightings, two policies, before and after a
// replacement). Who enters and who leaves, who changes support level, and the change in value, cost,
// delegates, women, outreach, each region and each donor's money. diff(a, a) is empty.
import { z } from "zod";
import {
  round2,
  parseOrThrow,
  FundingShareSchema,
  REGION,
  RegionSchema,
  CcmStatusSchema,
  GenderSchema,
  SupportLevelSchema,
  type Region,
  type SupportLevel,
  type CcmStatus,
  type Gender,
} from "../domain/index.js";
import { cmp } from "../problem/index.js";

/** What diff() reads of a result: the funded list (as allocate() writes it) and the summary's value. */
const FundedSchema = z.looseObject({
  id: z.string(),
  state: z.string(),
  region: RegionSchema,
  status: CcmStatusSchema,
  gender: GenderSchema,
  level: SupportLevelSchema,
  cost: z.number(),
  value: z.number(),
  funding: z.array(FundingShareSchema).default([]),
});
export const DiffableResultSchema = z.looseObject({
  value: z.number().nullable().optional(),
  funded: z.array(FundedSchema),
});
/** Any result with a value and a funded list as allocate() writes it (a replacement's too). */
export interface DiffableResult {
  value?: number | null;
  funded: readonly {
    id: string;
    state: string;
    region: Region;
    status: CcmStatus;
    gender: Gender;
    level: SupportLevel;
    cost: number;
    value: number;
    funding?: readonly { donor: string; amount: number }[];
  }[];
}

export interface Change<T = number> {
  a: T;
  b: T;
  change: number;
}

export interface DiffEntry {
  id: string;
  state: string;
  region: Region;
  level: SupportLevel;
  cost: number;
  value: number;
}

export interface ResultDiff {
  /** True when both fund the same requests at the same levels, paid by the same donors. */
  same: boolean;
  entered: DiffEntry[];
  left: DiffEntry[];
  levelChanged: { id: string; from: SupportLevel; to: SupportLevel; costChange: number; valueChange: number }[];
  value: Change<number | null>;
  totalCost: Change;
  delegates: Change;
  women: Change;
  womenShare: Change<number | null>;
  outreach: Change;
  states: Change;
  regions: Record<Region, Change>;
  /** Money per donor, every donor of either result. */
  donors: Record<string, Change>;
}

const change = (a: number, b: number): Change => ({ a, b, change: round2(b - a) });

export function diff(resultA: DiffableResult, resultB: DiffableResult): ResultDiff {
  const a = parseOrThrow(DiffableResultSchema, resultA, "a");
  const b = parseOrThrow(DiffableResultSchema, resultB, "b");
  const inA = new Map(a.funded.map((f) => [f.id, f]));
  const inB = new Map(b.funded.map((f) => [f.id, f]));
  const entry = (f: z.infer<typeof FundedSchema>): DiffEntry => ({
    id: f.id,
    state: f.state,
    region: f.region,
    level: f.level,
    cost: f.cost,
    value: f.value,
  });
  const byId = (x: DiffEntry, y: DiffEntry): number => cmp(x.id, y.id);
  const entered = b.funded
    .filter((f) => !inA.has(f.id))
    .map(entry)
    .sort(byId);
  const left = a.funded
    .filter((f) => !inB.has(f.id))
    .map(entry)
    .sort(byId);
  const levelChanged = b.funded
    .flatMap((f) => {
      const was = inA.get(f.id);
      return was && was.level !== f.level
        ? [{ id: f.id, from: was.level, to: f.level, costChange: round2(f.cost - was.cost), valueChange: round2(f.value - was.value) }]
        : [];
    })
    .sort((x, y) => cmp(x.id, y.id));

  const figures = (funded: typeof a.funded) => {
    const regions = Object.fromEntries(REGION.codes.map((r) => [r, 0])) as Record<Region, number>;
    const donors = new Map<string, number>();
    let cost = 0;
    let women = 0;
    let outreach = 0;
    for (const f of funded) {
      cost += f.cost;
      if (f.gender === "F") women++;
      if (f.status !== "party") outreach++;
      regions[f.region]++;
      for (const s of f.funding) donors.set(s.donor, (donors.get(s.donor) ?? 0) + s.amount);
    }
    return { cost: round2(cost), women, outreach, regions, donors, states: new Set(funded.map((f) => f.state)).size, n: funded.length };
  };
  const fa = figures(a.funded);
  const fb = figures(b.funded);
  const share = (f: typeof fa): number | null => (f.n ? Math.round((f.women / f.n) * 10000) / 10000 : null);
  const donorIds = [...new Set([...fa.donors.keys(), ...fb.donors.keys()])];
  const donors = Object.fromEntries(donorIds.map((d) => [d, change(round2(fa.donors.get(d) ?? 0), round2(fb.donors.get(d) ?? 0))]));
  const sa = share(fa);
  const sb = share(fb);
  const sameFunding = a.funded.every((f) => {
    const g = inB.get(f.id);
    return g !== undefined && JSON.stringify(g.funding) === JSON.stringify(f.funding);
  });
  return {
    same: entered.length === 0 && left.length === 0 && levelChanged.length === 0 && sameFunding,
    entered,
    left,
    levelChanged,
    value: { a: valueOf(a), b: valueOf(b), change: valueOf(a) !== null && valueOf(b) !== null ? round2(valueOf(b)! - valueOf(a)!) : 0 },
    totalCost: change(fa.cost, fb.cost),
    delegates: change(fa.n, fb.n),
    women: change(fa.women, fb.women),
    womenShare: { a: sa, b: sb, change: sa !== null && sb !== null ? Math.round((sb - sa) * 10000) / 10000 : 0 },
    outreach: change(fa.outreach, fb.outreach),
    states: change(fa.states, fb.states),
    regions: Object.fromEntries(REGION.codes.map((r) => [r, change(fa.regions[r], fb.regions[r])])) as Record<Region, Change>,
    donors,
  };
}

/** The result's value; without one, the sum of its funded values (bonuses not counted). */
function valueOf(r: { value?: number | null; funded: { value: number }[] }): number | null {
  return r.value !== undefined ? r.value : round2(r.funded.reduce((s, f) => s + f.value, 0));
}
