// Robustness: the optimum re-solved under K seeded perturbations of the weights and the costs, and each
// request classified as always funded, borderline (funded in some samples, with the share) or never
// funded, so that staff review only the borderline cases. Same seed, same samples, same answer.
import { z } from "zod";
import { round2, parseOrThrow, rng, CRITERION, type SupportLevel, type Weights } from "../domain/index.js";
import { cmp, type Problem } from "../problem/index.js";
import { picksOf, solveProblem, type Pick, now, type Glpk } from "../allocation/index.js";

export const RobustnessOptionsSchema = z.strictObject({
  samples: z.number().int().min(1).max(1000).default(50),
  /** Each weight is multiplied by a factor drawn uniformly in [1 − j, 1 + j] (default 0.2). */
  weightJitter: z.number().min(0).max(0.95).default(0.2),
  /** Each request's costs (all its levels) by a factor drawn in [1 − j, 1 + j] (default 0.15). */
  costJitter: z.number().min(0).max(0.95).default(0.15),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .default(1),
  /** Seconds per sample (default 60). */
  timeLimit: z.number().gt(0).max(86_400).default(60),
  /** Start each sample from the unperturbed optimum when it still fits (default true; false: from scratch). */
  warmStart: z.boolean().default(true),
});
export type RobustnessOptions = z.input<typeof RobustnessOptionsSchema>;

export type RobustnessClass = "always" | "borderline" | "never";

export interface RequestRobustness {
  id: string;
  class: RobustnessClass;
  /** Samples (solved ones) in which the request is funded, and that count over the solved samples. */
  funded: number;
  share: number;
  /** Funded in the unperturbed optimum. */
  inBase: boolean;
  /** How often each support level was chosen. */
  levels: Partial<Record<SupportLevel, number>>;
}

export interface Robustness {
  samples: number;
  seed: number;
  weightJitter: number;
  costJitter: number;
  /** Samples solved to optimality; the others (infeasible: costs above the money; or unsolved) are not counted. */
  solved: number;
  infeasible: number;
  unsolved: number;
  counts: Record<RobustnessClass, number>;
  /** Borderline first (by share, highest first), then always, then never; by id within each. */
  requests: RequestRobustness[];
  ms: number;
}

/** Sample k's problem: the weights and every request's costs scaled by seeded factors. */
export function perturb(problem: Problem, next: () => number, weightJitter: number, costJitter: number): Problem {
  const factor = (j: number): number => 1 + j * (2 * next() - 1);
  const weights = Object.fromEntries(CRITERION.codes.map((c) => [c, round2(problem.weights[c] * factor(weightJitter))])) as Weights;
  // A positive weight stays positive (a factor ≥ 0.05 keeps it so; the schema allows jitter up to 0.95).
  const requests = problem.requests.map((r) => {
    const f = factor(costJitter);
    return { ...r, levels: r.levels.map((l) => ({ ...l, cost: round2(l.cost * f) })) };
  });
  return { ...problem, weights, requests };
}

export async function robustness(problem: Problem, glpk: Glpk, options: RobustnessOptions = {}): Promise<Robustness> {
  const t0 = now();
  const opts = parseOrThrow(RobustnessOptionsSchema, options);
  const base = await solveProblem(problem, glpk, { timeLimit: opts.timeLimit });
  const inBase = new Set(base.solution ? picksOf(base.prep, base.solution.chosen).map((p) => p.id) : []);
  let incumbent: Pick[] | undefined = base.solution ? picksOf(base.prep, base.solution.chosen) : undefined;

  const next = rng(opts.seed);
  const count = new Map<string, number>();
  const levels = new Map<string, Partial<Record<SupportLevel, number>>>();
  let solved = 0;
  let infeasible = 0;
  let unsolved = 0;
  for (let k = 0; k < opts.samples; k++) {
    const sample = perturb(problem, next, opts.weightJitter, opts.costJitter);
    // The base optimum warm-starts the sample when it still fits the perturbed costs (solveProblem checks).
    const out = await solveProblem(sample, glpk, { incumbent: opts.warmStart ? incumbent : undefined, timeLimit: opts.timeLimit });
    if (out.status === "infeasible") infeasible++;
    if (out.status !== "optimal" || !out.solution) {
      if (out.status !== "infeasible") unsolved++;
      continue;
    }
    solved++;
    const picks = picksOf(out.prep, out.solution.chosen);
    incumbent ??= picks;
    for (const p of picks) {
      count.set(p.id, (count.get(p.id) ?? 0) + 1);
      const lv = levels.get(p.id) ?? {};
      lv[p.level] = (lv[p.level] ?? 0) + 1;
      levels.set(p.id, lv);
    }
  }
  const requests: RequestRobustness[] = problem.requests.map((r) => {
    const funded = count.get(r.id) ?? 0;
    const share = solved ? Math.round((funded / solved) * 1000) / 1000 : 0;
    const cls: RobustnessClass = solved === 0 || funded === 0 ? "never" : funded === solved ? "always" : "borderline";
    return { id: r.id, class: cls, funded, share, inBase: inBase.has(r.id), levels: levels.get(r.id) ?? {} };
  });
  const order: Record<RobustnessClass, number> = { borderline: 0, always: 1, never: 2 };
  requests.sort((a, b) => order[a.class] - order[b.class] || b.share - a.share || cmp(a.id, b.id));
  const counts = { always: 0, borderline: 0, never: 0 };
  for (const r of requests) counts[r.class]++;
  return {
    samples: opts.samples,
    seed: opts.seed,
    weightJitter: opts.weightJitter,
    costJitter: opts.costJitter,
    solved,
    infeasible,
    unsolved,
    counts,
    requests,
    ms: Math.round(now() - t0),
  };
}
