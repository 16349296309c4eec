// Invariants over generated problems (fast-check, seeded): never over budget or over a donor's amount,
// every rule holds, locks honoured, same input → same output.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkRules } from "../../scoring/allocation/evaluate.js";
import { prepare, ProblemSchema, type ProblemInput } from "../../scoring/problem/index.js";
import type { Region } from "../../scoring/domain/index.js";
import { solve } from "../helpers/glpk.js";

const STATES = ["LAO", "IRQ", "SEN", "KEN", "PER", "COL", "BIH", "VNM"] as const;
const REGION_OF: Record<string, Region> = {
  LAO: "APG",
  IRQ: "APG",
  VNM: "APG",
  SEN: "AFR",
  KEN: "AFR",
  PER: "GRULAC",
  COL: "GRULAC",
  BIH: "EEG",
};

const requestArb = fc.record({
  state: fc.constantFrom(...STATES),
  status: fc.constantFrom("party", "signatory", "nonparty" as const),
  gender: fc.constantFrom("F", "M", "X" as const),
  day: fc.integer({ min: 0, max: 60 }),
  crit: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 5, maxLength: 5 }),
  cost: fc.integer({ min: 500, max: 6500 }),
  ticket: fc.boolean(),
  lock: fc.constantFrom(undefined, undefined, undefined, undefined, undefined, undefined, "in", "out" as const),
});

const problemArb = fc
  .record({
    requests: fc.array(requestArb, { minLength: 1, maxLength: 25 }),
    budgetShare: fc.double({ min: 0.1, max: 1, noNaN: true }),
    maxDelegates: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
    maxPerState: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    minWomenShare: fc.option(fc.constantFrom(0.2, 0.3, 0.4, 0.5), { nil: undefined }),
    regionMin: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
    regionMax: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
    minOutreach: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
    statusMin: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
    statusMax: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    stateBonus: fc.constantFrom(0, 0, 2, 5),
    regionBonus: fc.constantFrom(0, 3),
    donors: fc.boolean(),
  })
  .map((g): ProblemInput => {
    const requests = g.requests.map((r, i) => ({
      id: `P-${String(i).padStart(3, "0")}`,
      state: r.state,
      region: REGION_OF[r.state]!,
      status: r.status,
      gender: r.gender,
      submittedAt: new Date(Date.UTC(2025, 4, 1 + r.day)).toISOString(),
      criteria: {
        implementation: r.crit[0]!,
        technical: r.crit[1]!,
        universalization: r.crit[2]!,
        capacity: r.crit[3]!,
        representation: r.crit[4]!,
      },
      levels: r.ticket
        ? [
            { level: "full" as const, cost: r.cost, valueShare: 1 },
            { level: "ticket" as const, cost: Math.round(r.cost * 0.6), valueShare: 0.6 },
          ]
        : [{ level: "full" as const, cost: r.cost, valueShare: 1 }],
      ...(r.lock ? { lock: r.lock } : {}),
    }));
    const total = requests.reduce((s, r) => s + r.levels[0]!.cost, 0);
    const budget = Math.round(total * g.budgetShare);
    return {
      version: 1,
      budget,
      weights: { implementation: 30, technical: 20, universalization: 20, capacity: 15, representation: 15 },
      policy: {
        maxDelegates: g.maxDelegates,
        maxPerState: g.maxPerState,
        minWomenShare: g.minWomenShare,
        regionMin: g.regionMin !== undefined ? { AFR: g.regionMin } : undefined,
        regionMax: g.regionMax !== undefined ? { APG: g.regionMax } : undefined,
        minOutreach: g.minOutreach,
        statusMin: g.statusMin !== undefined ? { signatory: g.statusMin } : undefined,
        statusMax: g.statusMax !== undefined ? { nonparty: g.statusMax } : undefined,
        stateBonus: g.stateBonus,
        regionBonus: g.regionBonus,
      },
      ...(g.donors
        ? {
            donors: [
              { id: "AFRO", amount: Math.round(budget * 0.4), regions: ["AFR" as const] },
              { id: "OUT", amount: Math.round(budget * 0.3), statuses: ["signatory" as const, "nonparty" as const] },
              { id: "ANY", amount: Math.round(budget * 0.4) },
            ],
          }
        : {}),
      requests,
    };
  });

const params = { seed: 20251916, numRuns: 150, endOnFailure: true };

describe("allocation invariants", () => {
  it("never spends more than the budget or a donor's amount, and pays each funded request in full from admitting donors", async () => {
    await fc.assert(
      fc.asyncProperty(problemArb, async (input) => {
        const result = await solve(input, { explain: false, baselines: false });
        if (result.status !== "optimal") return;
        expect(result.totalCost).toBeLessThanOrEqual(input.budget + 1e-6);
        if (!input.donors) return;
        const p = ProblemSchema.parse(input);
        const byId = new Map(p.requests.map((r) => [r.id, r]));
        const spent = new Map<string, number>();
        for (const f of result.funded) {
          expect(f.funding.reduce((s, x) => s + x.amount, 0)).toBeCloseTo(f.cost, 1);
          for (const share of f.funding) {
            const d = p.donors!.find((x) => x.id === share.donor)!;
            const r = byId.get(f.id)!;
            expect(!d.regions || d.regions.includes(r.region)).toBe(true);
            expect(!d.statuses || d.statuses.includes(r.status)).toBe(true);
            spent.set(d.id, (spent.get(d.id) ?? 0) + share.amount);
          }
        }
        for (const d of p.donors!) expect(spent.get(d.id) ?? 0).toBeLessThanOrEqual(d.amount + 0.01);
      }),
      params,
    );
  });

  it("keeps every rule and every lock", async () => {
    await fc.assert(
      fc.asyncProperty(problemArb, async (input) => {
        const result = await solve(input, { explain: false, baselines: false });
        if (result.status !== "optimal") {
          expect(result.status).toBe("infeasible");
          expect(result.diagnosis?.infeasible).toBe(true);
          return;
        }
        const prep = prepare(ProblemSchema.parse(input));
        const chosen = new Map(
          result.funded.map((f) => {
            const r = prep.byId.get(f.id)!;
            return [r.index, r.levels.findIndex((l) => l.level === f.level)] as [number, number];
          }),
        );
        expect(checkRules(prep, chosen)).toEqual([]);
        for (const r of input.requests) {
          if (r.lock === "in") expect(chosen.has(prep.byId.get(r.id)!.index)).toBe(true);
          if (r.lock === "out") expect(chosen.has(prep.byId.get(r.id)!.index)).toBe(false);
        }
      }),
      params,
    );
  });

  it("gives the same output for the same input, and the same allocation whatever the order of the requests", async () => {
    await fc.assert(
      fc.asyncProperty(problemArb, async (input) => {
        const a = await solve(input, { explain: true });
        const b = await solve(input, { explain: true });
        const strip = (r: typeof a) => ({ ...r, solver: { ...r.solver, ms: 0, explainMs: 0 } });
        expect(strip(b)).toEqual(strip(a));
        const reversed = await solve({ ...input, requests: [...input.requests].reverse() }, { explain: false });
        expect(reversed.status).toBe(a.status);
        if (a.status === "optimal") {
          expect(reversed.value).toBe(a.value);
          // The tie-break (value, then lower cost, then id) makes the allocation independent of input order.
          expect(reversed.funded.map((f) => `${f.id}:${f.level}`)).toEqual(a.funded.map((f) => `${f.id}:${f.level}`));
        }
      }),
      { ...params, numRuns: 40 },
    );
  });
});
