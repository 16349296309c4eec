// Robustness: a hand-made round with one request always funded, one never, and two that trade places as
// the weights move; the same seed gives the same answer.
import { describe, expect, it } from "vitest";
import { generateProblem } from "../../../bench/generate.js";
import { InvalidInputError } from "../../../scoring/domain/issues.js";
import { rng } from "../../../scoring/domain/random.js";
import { perturb, robustness } from "../../../scoring/analytics/robustness.js";
import { ProblemSchema, type ProblemInput } from "../../../scoring/problem/index.js";
import { loadGlpk } from "../../../server/workers/glpk.js";
import { req } from "../../helpers/problems.js";

const glpk = await loadGlpk();
const crit = (implementation: number, technical: number) => ({
  implementation,
  technical,
  universalization: 0,
  capacity: 0,
  representation: 0,
});

// Two seats. C scores 100 on every criterion: always first. D costs more than the money: never. A is all
// implementation, B all technical, with equal weights: whichever weight the sample draws higher wins.
const input: ProblemInput = {
  version: 1,
  budget: 500,
  weights: { implementation: 25, technical: 25, universalization: 10, capacity: 10, representation: 10 },
  policy: { maxDelegates: 2 },
  requests: [
    { ...req("A", { v: 0, cost: 100 }), criteria: crit(100, 0) },
    { ...req("B", { v: 0, cost: 100, state: "SEN", region: "AFR" }), criteria: crit(0, 100) },
    req("C", { v: 100, cost: 100, state: "PER", region: "GRULAC" }),
    req("D", { v: 90, cost: 1000, state: "KEN", region: "AFR" }),
  ],
};

describe("robustness", () => {
  it("classifies always, borderline (with the share) and never funded", async () => {
    const r = await robustness(ProblemSchema.parse(input), glpk, { samples: 40, seed: 7 });
    expect(r).toMatchObject({ samples: 40, solved: 40, infeasible: 0, unsolved: 0, counts: { always: 1, borderline: 2, never: 1 } });
    const by = new Map(r.requests.map((q) => [q.id, q]));
    expect(by.get("C")).toMatchObject({ class: "always", funded: 40, share: 1, inBase: true });
    expect(by.get("D")).toMatchObject({ class: "never", funded: 0, share: 0, inBase: false });
    // Exactly one of A and B takes the second seat in each sample.
    expect(by.get("A")!.class).toBe("borderline");
    expect(by.get("B")!.class).toBe("borderline");
    expect(by.get("A")!.funded + by.get("B")!.funded).toBe(40);
    // Borderline first, by share.
    expect(r.requests.slice(0, 2).map((q) => q.class)).toEqual(["borderline", "borderline"]);
    expect(r.requests[0]!.share).toBeGreaterThanOrEqual(r.requests[1]!.share);
  });

  it("gives the same answer for the same seed, and samples that differ for another", async () => {
    const p = ProblemSchema.parse(generateProblem({ n: 40, seed: 3 }));
    const strip = (x: Awaited<ReturnType<typeof robustness>>) => ({ ...x, ms: 0 });
    const a = await robustness(p, glpk, { samples: 12, seed: 11 });
    const b = await robustness(p, glpk, { samples: 12, seed: 11 });
    expect(strip(a)).toEqual(strip(b));
    const s1 = perturb(p, rng(11), 0.2, 0.15);
    const s2 = perturb(p, rng(12), 0.2, 0.15);
    expect(s1.weights).not.toEqual(s2.weights);
  });

  it("perturbs weights and each request's costs within the jitter, all levels of a request alike", () => {
    const p = ProblemSchema.parse(generateProblem({ n: 30, seed: 5 }));
    const s = perturb(p, rng(1), 0.2, 0.15);
    for (const c of Object.keys(p.weights) as (keyof typeof p.weights)[]) {
      expect(s.weights[c]).toBeGreaterThanOrEqual(p.weights[c] * 0.8 - 0.01);
      expect(s.weights[c]).toBeLessThanOrEqual(p.weights[c] * 1.2 + 0.01);
    }
    s.requests.forEach((r, i) => {
      const ratios = r.levels.map((l, k) => l.cost / p.requests[i]!.levels[k]!.cost);
      for (const x of ratios) {
        expect(x).toBeGreaterThanOrEqual(0.85 - 1e-3);
        expect(x).toBeLessThanOrEqual(1.15 + 1e-3);
        expect(Math.abs(x - ratios[0]!)).toBeLessThan(0.01);
      }
    });
  });

  it("counts infeasible samples apart: a lock that costs more than the money in some samples", async () => {
    const locked: ProblemInput = { ...input, budget: 105, requests: [{ ...input.requests[2]!, lock: "in" }, input.requests[0]!] };
    const r = await robustness(ProblemSchema.parse(locked), glpk, { samples: 30, seed: 2, weightJitter: 0, costJitter: 0.15 });
    expect(r.infeasible).toBeGreaterThan(0);
    expect(r.solved).toBeGreaterThan(0);
    expect(r.solved + r.infeasible).toBe(30);
    expect(r.requests.find((q) => q.id === "C")).toMatchObject({ class: "always", funded: r.solved });
  });

  it("rejects bad options by name", async () => {
    const err = (await robustness(ProblemSchema.parse(input), glpk, { samples: 0, weightJitter: 2 }).catch(
      (e: unknown) => e,
    )) as InvalidInputError;
    expect(err).toBeInstanceOf(InvalidInputError);
    expect(err.problems.map((p) => p.path)).toEqual(["samples", "weightJitter"]);
  });
});
