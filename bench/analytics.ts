// The analytics' rows of `npm run bench`: the money curve (21 budgets), robustness (K = 50 samples) and
// every rule's sensitivity, at n = 150 (a realistic round) and n = 1'000 (a generated problem), each
// warm-started and, side by side in the same run, from scratch.
import { chf } from "../scoring/domain/index.js";
import { moneyCurve, robustness, sensitivities } from "../scoring/analytics/index.js";
import { scoreRound, type ReferenceData } from "../scoring/criteria/index.js";
import { ProblemSchema, type Problem } from "../scoring/problem/index.js";
import type { Glpk } from "../scoring/allocation/index.js";
import { generateProblem } from "./generate.js";
import { realisticRound } from "./realistic.js";

/** What a section of `npm run bench` is handed by bench/solver.ts. */
export interface BenchContext {
  glpk: Glpk;
  runs: number;
  timeLimit: number;
  print: (s: string) => void;
  median: (xs: number[]) => number;
  range: (xs: number[]) => string;
  fmtMs: (ms: number) => string;
  ref: ReferenceData;
}

export async function analyticsRows(c: BenchContext): Promise<void> {
  const { print } = c;
  print("");
  print("## Analytics: money curve, robustness, sensitivity of the rules");
  print("");
  print(
    `n = 150: the realistic round of seed 1 (bench/realistic.ts: the demo's money, donors and rules, 25 seats); n = 1'000: the generated problem of the table above. Median (range) of ${c.runs} runs, in one thread; "with reuse": the curve proves budgets from a higher budget's optimum without solving them, robustness and sensitivity start each solve from the optimum (reduced-cost fixing); "cold" solves every budget, sample or relaxation from scratch, alternating with the other in the same run. Targets: the curve under 2 s and K = 50 under 5 s at n = 150.`,
  );
  print("");
  print("| analysis | n | solves | with reuse | cold | ratio reuse/cold | answer |");
  print("| --- | --- | --- | --- | --- | --- | --- |");
  const cases: [number, Problem][] = [
    [150, scoreRound(realisticRound(150, 1, c.ref), c.ref).problem],
    [1000, ProblemSchema.parse(generateProblem({ n: 1000, seed: 2025 + 1000 }))],
  ];
  for (const [n, problem] of cases) {
    const timeLimit = c.timeLimit;
    await row(c, "money curve (21 budgets)", n, 21, async (reuse) => {
      const curve = await moneyCurve(problem, c.glpk, { timeLimit, reuse });
      const solved = curve.points.filter((p) => p.status === "optimal");
      const last = solved.at(-1);
      const proven = curve.points.filter((p) => p.provenBy !== null).length;
      return `${solved.length}/21 optimal, ${proven} proven without a solve; value ${solved[0]?.value} → ${last?.value} (CHF ${chf(curve.from)} → ${chf(curve.to)})`;
    });
    await row(c, "robustness (K = 50)", n, 51, async (warmStart) => {
      const r = await robustness(problem, c.glpk, { samples: 50, seed: 1, timeLimit, warmStart });
      return `${r.solved} solved; always ${r.counts.always}, borderline ${r.counts.borderline}, never ${r.counts.never}`;
    });
    let count = 0;
    await row(
      c,
      "sensitivity (every rule)",
      n,
      () => count + 1,
      async (warmStart) => {
        const s = await sensitivities(problem, c.glpk, { timeLimit, warmStart });
        count = s.rules.length;
        const binding = s.rules.filter((r) => (r.cost ?? 0) > 0);
        return `${s.rules.length} rules, ${binding.length} binding; dearest: ${binding[0]?.rule ?? "none"} ${binding[0]?.cost ?? ""}`;
      },
    );
  }
}

/** One row: the analysis with its reuse of work (warm) and without (cold), alternating, `runs` times. */
async function row(
  c: BenchContext,
  name: string,
  n: number,
  solves: number | (() => number),
  run: (warm: boolean) => Promise<string>,
): Promise<void> {
  const warm: number[] = [];
  const fresh: number[] = [];
  let answer = "";
  for (let k = 0; k < c.runs; k++) {
    let t0 = performance.now();
    answer = await run(true);
    warm.push(performance.now() - t0);
    t0 = performance.now();
    await run(false);
    fresh.push(performance.now() - t0);
  }
  const count = typeof solves === "number" ? solves : solves();
  const ratio = (c.median(warm) / c.median(fresh)).toFixed(2);
  c.print(`| ${name} | ${n.toLocaleString("en")} | ${count} | ${c.range(warm)} | ${c.range(fresh)} | ${ratio} | ${answer} |`);
}
