// Optimality against independent checks: HiGHS on 240 generated problems (n ≤ 80, every rule type), and
// exhaustive enumeration for n ≤ 12 with a feasibility check written here from the format's definition.
import { describe, expect, it } from "vitest";
import { generateProblem } from "../../bench/generate.js";
import { loadHighs, solveHighs, valueUnits } from "../../bench/highs-model.js";
import { ProblemSchema, type Problem, type ProblemInput } from "../../scoring/problem/index.js";
import { solve } from "../helpers/glpk.js";

describe("glpk.js reaches HiGHS's optimum", () => {
  const seeds = Array.from({ length: 240 }, (_, k) => k + 1);
  it(`on ${seeds.length} generated problems with every rule type (n ≤ 80)`, async () => {
    const highs = await loadHighs();
    let infeasible = 0;
    let withDonors = 0;
    for (const seed of seeds) {
      const n = 4 + ((seed * 37) % 77);
      const input = generateProblem({
        n,
        seed,
        donors: seed % 4 !== 0,
        tightEarmarks: seed % 3 === 0,
        levels: seed % 5 !== 0,
        statusQuotas: seed % 2 === 0,
      });
      if (input.donors) withDonors++;
      const g = await solve(input, { explain: false, baselines: false });
      const h = solveHighs(highs, input);
      expect(h.status, `seed ${seed}: HiGHS ${h.raw}`).not.toBe("other");
      if (h.status === "infeasible") {
        infeasible++;
        expect(g.status, `seed ${seed}`).toBe("infeasible");
      } else {
        expect(g.status, `seed ${seed}`).toBe("optimal");
        expect(Math.round(g.value! * 100), `seed ${seed} n ${n}`).toBe(h.units);
      }
    }
    // The generator must exercise both outcomes and the donors, or this test proves little.
    expect(infeasible).toBeGreaterThan(0);
    expect(infeasible).toBeLessThan(seeds.length / 4);
    expect(withDonors).toBeGreaterThan(seeds.length / 2);
  });
});

describe("identical requests", () => {
  it("are funded in id order, and the symmetry-breaking rows keep HiGHS's optimum", async () => {
    const highs = await loadHighs();
    for (const seed of [301, 302, 303, 304]) {
      const base = generateProblem({ n: 25, seed, locks: false });
      // Three copies of every request, ids interleaved so that copies are not neighbours in id order.
      const requests = base.requests.flatMap((r) => ["a", "b", "c"].map((c) => ({ ...r, id: `${c}-${r.id}` })));
      const input: ProblemInput = { ...base, requests, policy: { ...base.policy, maxPerState: 3, maxDelegates: 20 } };
      const g = await solve(input, { explain: false, baselines: false });
      const h = solveHighs(highs, input);
      expect(g.status, `seed ${seed}`).toBe(h.status === "optimal" ? "optimal" : "infeasible");
      if (g.status !== "optimal") continue;
      expect(Math.round(g.value! * 100)).toBe(h.units);
      const funded = new Set(g.funded.map((f) => f.id));
      for (const r of base.requests) {
        const copies = ["a", "b", "c"].map((c) => funded.has(`${c}-${r.id}`));
        // Funded copies come first: never "b" without "a", nor "c" without "b".
        expect(copies, r.id).toEqual([...copies].sort((x, y) => Number(y) - Number(x)));
      }
    }
  });

  it("near-copies (same request, slightly different costs) keep HiGHS's optimum under the dominance rows", async () => {
    const highs = await loadHighs();
    for (const seed of [311, 312, 313, 314]) {
      const base = generateProblem({ n: 25, seed, locks: false });
      const requests = base.requests.flatMap((r) =>
        [0, -10, 10].map((delta, k) => ({
          ...r,
          id: `${"abc"[k]}-${r.id}`,
          levels: r.levels.map((l) => ({ ...l, cost: l.cost + delta })),
        })),
      );
      const input: ProblemInput = { ...base, requests, policy: { ...base.policy, maxPerState: 3, maxDelegates: 20 } };
      const g = await solve(input, { explain: false, baselines: false });
      const h = solveHighs(highs, input);
      expect(g.status, `seed ${seed}`).toBe(h.status === "optimal" ? "optimal" : "infeasible");
      if (g.status === "optimal") expect(Math.round(g.value! * 100), `seed ${seed}`).toBe(h.units);
    }
  });
});

/** Exhaustive search: every assignment of a level (or none) to each request. */
function bruteForce(p: Problem): number | null {
  const n = p.requests.length;
  const choice = new Array<number>(n).fill(-1);
  let best: number | null = null;
  const visit = (i: number): void => {
    if (i === n) {
      const v = evaluate(p, choice);
      if (v !== null && (best === null || v > best)) best = v;
      return;
    }
    const r = p.requests[i]!;
    if (r.lock !== "in") {
      choice[i] = -1;
      visit(i + 1);
    }
    if (r.lock !== "out") {
      for (let l = 0; l < r.levels.length; l++) {
        choice[i] = l;
        visit(i + 1);
      }
    }
    choice[i] = -1;
  };
  visit(0);
  return best;
}

function evaluate(p: Problem, choice: number[]): number | null {
  const pol = p.policy;
  const sel = p.requests.flatMap((r, i) => (choice[i]! >= 0 ? [{ r, lv: r.levels[choice[i]!]! }] : []));
  const cost = sel.reduce((s, x) => s + x.lv.cost, 0);
  if (cost > p.budget + 1e-9) return null;
  if (pol.maxDelegates !== undefined && sel.length > pol.maxDelegates) return null;
  const count = (f: (x: (typeof sel)[number]) => boolean): number => sel.filter(f).length;
  if (pol.maxPerState !== undefined && new Set(sel.map((x) => x.r.state)).size > 0) {
    for (const s of new Set(sel.map((x) => x.r.state))) if (count((x) => x.r.state === s) > pol.maxPerState) return null;
  }
  if (pol.minWomenShare !== undefined && count((x) => x.r.gender === "F") < pol.minWomenShare * sel.length - 1e-9) return null;
  for (const [reg, m] of Object.entries(pol.regionMin ?? {})) if (count((x) => x.r.region === reg) < m) return null;
  for (const [reg, m] of Object.entries(pol.regionMax ?? {})) if (count((x) => x.r.region === reg) > m) return null;
  if (pol.minOutreach !== undefined && count((x) => x.r.status !== "party") < pol.minOutreach) return null;
  for (const [st, m] of Object.entries(pol.statusMin ?? {})) if (count((x) => x.r.status === st) < m) return null;
  for (const [st, m] of Object.entries(pol.statusMax ?? {})) if (count((x) => x.r.status === st) > m) return null;
  if (
    p.donors?.length &&
    !donorsCanPay(
      p,
      sel.map((x) => ({ r: x.r, cost: x.lv.cost })),
    )
  )
    return null;
  let v = sel.reduce((s, x) => s + valueUnits(x.r.criteria, p.weights, x.lv.valueShare), 0);
  v += new Set(sel.map((x) => x.r.state)).size * Math.round((pol.stateBonus ?? 0) * 100);
  v += new Set(sel.map((x) => x.r.region)).size * Math.round((pol.regionBonus ?? 0) * 100);
  return v;
}

/** Max flow source → requests (cost) → admitting donors → sink (amount), by augmenting paths on reals. */
function donorsCanPay(p: Problem, sel: { r: Problem["requests"][number]; cost: number }[]): boolean {
  const donors = p.donors!;
  const admits = (d: (typeof donors)[number], r: Problem["requests"][number]): boolean =>
    (!d.regions || d.regions.includes(r.region)) &&
    (!d.statuses || d.statuses.includes(r.status)) &&
    (!d.states || d.states.includes(r.state));
  // Nodes: 0 source, 1..k requests, k+1..k+D donors, k+D+1 sink.
  const k = sel.length;
  const D = donors.length;
  const N = k + D + 2;
  const cap = Array.from({ length: N }, () => new Array<number>(N).fill(0));
  sel.forEach((x, i) => {
    cap[0]![i + 1] = x.cost;
    donors.forEach((d, j) => {
      if (admits(d, x.r)) cap[i + 1]![k + 1 + j] = Infinity;
    });
  });
  donors.forEach((d, j) => (cap[k + 1 + j]![N - 1] = d.amount));
  let flow = 0;
  for (;;) {
    const prev = new Array<number>(N).fill(-1);
    prev[0] = 0;
    const q = [0];
    while (q.length && prev[N - 1] === -1) {
      const u = q.shift()!;
      for (let v = 0; v < N; v++) {
        if (prev[v] === -1 && cap[u]![v]! > 1e-9) {
          prev[v] = u;
          q.push(v);
        }
      }
    }
    if (prev[N - 1] === -1) break;
    let f = Infinity;
    for (let v = N - 1; v !== 0; v = prev[v]!) f = Math.min(f, cap[prev[v]!]![v]!);
    for (let v = N - 1; v !== 0; v = prev[v]!) {
      cap[prev[v]!]![v]! -= f;
      cap[v]![prev[v]!]! += f;
    }
    flow += f;
  }
  return flow >= sel.reduce((s, x) => s + x.cost, 0) - 1e-6;
}

describe("glpk.js matches exhaustive search", () => {
  const seeds = Array.from({ length: 60 }, (_, k) => 1000 + k);
  it(`on ${seeds.length} generated problems with n ≤ 12`, async () => {
    let feasible = 0;
    for (const seed of seeds) {
      const n = 3 + (seed % 10);
      const input: ProblemInput = generateProblem({
        n,
        seed,
        donors: seed % 3 !== 0,
        tightEarmarks: seed % 2 === 0,
        locks: seed % 3 === 0,
        statusQuotas: seed % 4 === 1,
      });
      const p = ProblemSchema.parse(input);
      const best = bruteForce(p);
      const g = await solve(input, { explain: false, baselines: false });
      if (best === null) expect(g.status, `seed ${seed}`).toBe("infeasible");
      else {
        feasible++;
        expect(g.status, `seed ${seed}`).toBe("optimal");
        expect(Math.round(g.value! * 100), `seed ${seed}`).toBe(best);
      }
    }
    expect(feasible).toBeGreaterThan(seeds.length / 2);
  });
});
