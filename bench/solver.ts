// npm run bench: the allocation pipeline (glpk.js) beside HiGHS on the same generated problems, the
// baselines' value against the optimum, and the time to score, solve and explain a realistic round.
// Prints a Markdown table and writes it, with the machine's description, to bench/RESULTS.md.
// Options: --sizes 50,150 (default 50,150,300,1000,3000,10000) --runs 3 --time-limit 60
//          --sections solver,explain,limits,analytics,ui (default all five) --out FILE
import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import os, { tmpdir } from "node:os";
import { parseArgs } from "node:util";
import { allocate } from "../scoring/allocate.js";
import { baselines as computeBaselines } from "../scoring/explanations/index.js";
import { prepare, ProblemSchema, type ProblemInput } from "../scoring/problem/index.js";
import { solve } from "../scoring/allocation/index.js";
import { scoreRound, rankByWeights } from "../scoring/criteria/index.js";
import { type AllocationResult } from "../scoring/domain/index.js";
import { loadGlpk } from "../server/workers/glpk.js";
import { loadReferenceData } from "../server/io/reference.js";
import { HELPER_FROM, startExplainHelper } from "../server/workers/solve-in-worker.js";
import { generateProblem } from "./generate.js";
import { loadHighs, solveHighs, type HighsOutcome } from "./highs-model.js";
import { realisticRound } from "./realistic.js";
import { analyticsRows } from "./analytics.js";
import { limitsRows } from "./limits.js";
import { median } from "./stats.js";

const { values } = parseArgs({
  options: {
    sizes: { type: "string" },
    runs: { type: "string" },
    "time-limit": { type: "string" },
    out: { type: "string" },
    sections: { type: "string" },
  },
});
const sections = new Set((values.sections ?? "solver,explain,limits,analytics,ui").split(","));
const sizes = (values.sizes ?? "50,150,300,1000,3000,10000").split(",").map(Number);
const runs = Number(values.runs ?? 3);
const timeLimit = Number(values["time-limit"] ?? 60);
const outFile = values.out ?? new URL("./RESULTS.md", import.meta.url).pathname;

const fmtMs = (ms: number): string =>
  ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
const pct = (x: number): string => `${(100 * x).toFixed(2)} %`;

const glpk = await loadGlpk();
const highs = await loadHighs();
// Warm-up: V8 compiles each wasm module on first use (HiGHS's first solve is ~1 s); measure steady state.
const warm = generateProblem({ n: 60, seed: 99 });
await allocate(ProblemSchema.parse(warm), { glpk, explain: false });
solveHighs(highs, warm);

const ref = loadReferenceData();
const range = (xs: number[]): string => `${fmtMs(median(xs))} (${fmtMs(Math.min(...xs))}–${fmtMs(Math.max(...xs))})`;
const lines: string[] = [];
const print = (s: string): void => {
  lines.push(s);
  process.stdout.write(`${s}\n`);
};

print(`# Benchmark: allocation pipeline (glpk.js) and HiGHS`);
print("");
print(
  `Machine: ${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}. Run ${new Date().toISOString()}.`,
);
if (sections.has("solver")) {
  print(
    `Median of ${runs} runs per solver, alternating, in one process, after a warm-up solve of each; time limit ${timeLimit} s each. Generated problems (bench/generate.ts): every rule type, support levels, locks, coverage bonuses; donors "none", "yes" (four donors, half the money earmarked) or "tight" (85 % of the money behind earmarks). The pipeline's time is allocate() without explanations or baselines: preparing the problem, building the model, the LP relaxation, branch and bound on the core the reduced costs leave, and the proof (scoring/core.ts); "core" gives the stages and the binary columns left to branch and bound in the last one. HiGHS solves an independent formulation (bench/highs-model.ts, its text built outside the timing) with mip_rel_gap 0.`,
  );
  print(
    'The baselines (bench: greedy by score, FCFS) keep the money, seats and caps but not the minimums or the locks; "breaks" counts the rules each breaks, and a ratio above 100 % is bought by breaking them.',
  );
  print("");
  print(
    "Whole processes: the same problem written to a file and solved by a fresh process each run, timed from spawn to exit: `tsx server/cli/allocate.ts FILE --no-explain --no-baselines` (the allocate CLI) against `tsx bench/highs-cli.ts FILE` (reads the file, builds the HiGHS formulation, solves); both start the same way, so the loader's start-up is in both.",
  );
  print("");
  print(
    "| n | donors | glpk.js pipeline | status | gap | core: stages, free / binary columns | HiGHS 1.15 | HiGHS status | ratio glpk/HiGHS | glpk.js process | HiGHS process | ratio (processes) | same optimum | greedy / opt | greedy breaks | FCFS / opt | FCFS breaks |",
  );
  print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");

  const modes = ["none", "yes", "tight"] as const;
  for (const n of sizes)
    for (const mode of modes) {
      const input: ProblemInput = generateProblem({ n, seed: 2025 + n, donors: mode !== "none", tightEarmarks: mode === "tight" });
      const problem = ProblemSchema.parse(input);
      const gTimes: number[] = [];
      const hTimes: number[] = [];
      let g: AllocationResult | null = null;
      let h: HighsOutcome | null = null;
      for (let k = 0; k < runs; k++) {
        const t0 = performance.now();
        g = await allocate(problem, { glpk, timeLimit, explain: false, baselines: false });
        gTimes.push(performance.now() - t0);
        h = solveHighs(highs, input, timeLimit);
        hTimes.push(h.ms);
      }
      // Whole processes, alternating, on the same file.
      const file = join(tmpdir(), `bench-${process.pid}-${n}-${mode}.json`);
      writeFileSync(file, JSON.stringify(input));
      const gProc: number[] = [];
      const hProc: number[] = [];
      let gCli: { status: string; value: number | null } | null = null;
      let hCli: { status: string; units: number | null } | null = null;
      for (let k = 0; k < runs; k++) {
        let t0 = performance.now();
        gCli = JSON.parse(
          execFileSync(
            process.execPath,
            ["--import", "tsx", "server/cli/allocate.ts", file, "--no-explain", "--no-baselines", "--time-limit", String(timeLimit)],
            { maxBuffer: 1 << 28 },
          ).toString(),
        );
        gProc.push(performance.now() - t0);
        t0 = performance.now();
        hCli = JSON.parse(
          execFileSync(process.execPath, ["--import", "tsx", "bench/highs-cli.ts", file, "--time-limit", String(timeLimit)]).toString(),
        );
        hProc.push(performance.now() - t0);
      }
      rmSync(file);
      if (gCli!.status !== g!.status || (gCli!.value !== null && Math.round(gCli!.value * 100) !== hCli!.units))
        throw new Error(`n ${n} ${mode}: the processes disagree (${JSON.stringify(gCli!.value)} vs ${hCli!.units})`);
      const core = (await solve(prepare(problem), glpk, { timeLimit })).core;
      const coreText = core
        ? `${core.stages.length}, ${core.stages.at(-1)!.free.toLocaleString("en")} / ${(core.stages.at(-1)!.free + core.stages.at(-1)!.fixed).toLocaleString("en")}`
        : "LP infeasible";
      const baselines = computeBaselines(prepare(problem));
      const gv = g!.value === null ? null : Math.round(g!.value * 100);
      const same =
        h!.status === "optimal" && gv !== null
          ? gv === h!.units
            ? "yes"
            : `no (${gv} vs ${h!.units})`
          : h!.status === "infeasible" && g!.status === "infeasible"
            ? "both infeasible"
            : "n/a";
      const opt = g!.value ?? NaN;
      const greedy = baselines.find((b) => b.name === "greedy");
      const fcfs = baselines.find((b) => b.name === "fcfs");
      print(
        `| ${n.toLocaleString("en")} | ${mode} | ${fmtMs(median(gTimes))} | ${g!.status} | ${g!.solver.gap === null ? "n/a" : pct(g!.solver.gap)} | ${coreText} | ${fmtMs(median(hTimes))} | ${h!.raw} | ${(median(gTimes) / median(hTimes)).toFixed(2)} | ${fmtMs(median(gProc))} | ${fmtMs(median(hProc))} | ${(median(gProc) / median(hProc)).toFixed(2)} | ${same} | ${greedy ? pct(greedy.value / opt) : "n/a"} | ${greedy?.broken.length ?? 0} | ${fcfs ? pct(fcfs.value / opt) : "n/a"} | ${fcfs?.broken.length ?? 0} |`,
      );
    }
}

if (sections.has("explain")) {
  print("");
  print("## Explanations and a realistic round");
  print("");
  print(
    "Realistic round: the demo round's money, donors, rules and policy (25 seats), n requests drawn from real States (bench/realistic.ts, seeds 1–9: nine different rounds), scored from their attributes, solved to the proven optimum and fully explained (an exact counterfactual solve for every request), as the CLI does it: from 100 requests a second thread (a worker, the machine's second core) shares the explanations, a few requests at a time from one queue; the last column is the same on one thread. Generated: the generator's problem at n = 150, the same problem each run. 'total' counts from the round's requests to the explained result.",
  );
  print("");
  print(
    "The column 'warm helper' is the same total with a helper thread that has explained a round before (one kept alive across rounds, as a long-lived process keeps its workers); 'total' starts a fresh helper per round, as the CLI does.",
  );
  print("");
  print(
    "| case | n | rounds | score | solve | explain (all requests), median (range) | total, median (range) | total with a warm helper, median (range) | explain on one thread, median (range) | status |",
  );
  print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  const warmHelper = await startExplainHelper();
  {
    const warmUp = scoreRound(realisticRound(150, 1000, ref), ref).problem;
    await allocate(warmUp, { glpk, timeLimit, helper: warmHelper });
  }
  for (const [name, n, rounds] of [
    ["realistic round", 48, 9],
    ["realistic round", 150, 9],
    ["generated", 150, runs],
  ] as const) {
    const totals: number[] = [];
    const scoreMs: number[] = [];
    const solveMs: number[] = [];
    const explainMs: number[] = [];
    const oneThreadMs: number[] = [];
    const warmTotals: number[] = [];
    const statuses = new Set<string>();
    for (let k = 0; k < rounds; k++) {
      // Realistic rounds: a different round (seed) each time; generated: the same problem each time.
      const input = name === "generated" ? generateProblem({ n, seed: 2025 + n }) : null;
      const round = input ? null : realisticRound(n, 1 + k, ref);
      // As the CLI does: from HELPER_FROM requests a second thread shares the explanations, started
      // first so that it loads and warms up while this thread scores and solves.
      const t0 = performance.now();
      const helper = n >= HELPER_FROM ? await startExplainHelper() : undefined;
      const problem = input ? ProblemSchema.parse(input) : scoreRound(round!, ref).problem;
      const t1 = performance.now();
      const r = await allocate(problem, { glpk, timeLimit, helper });
      totals.push(performance.now() - t0);
      await helper?.close();
      scoreMs.push(t1 - t0);
      solveMs.push(r.solver.ms);
      explainMs.push(r.solver.explainMs ?? NaN);
      statuses.add(r.status);
      oneThreadMs.push((await allocate(problem, { glpk, timeLimit })).solver.explainMs ?? NaN);
      const t2 = performance.now();
      const warmProblem = input ? ProblemSchema.parse(input) : scoreRound(round!, ref).problem;
      await allocate(warmProblem, { glpk, timeLimit, helper: n >= HELPER_FROM ? warmHelper : undefined });
      warmTotals.push(performance.now() - t2);
    }
    print(
      `| ${name} | ${n} | ${rounds} | ${fmtMs(median(scoreMs))} | ${fmtMs(median(solveMs))} | ${range(explainMs)} | ${range(totals)} | ${range(warmTotals)} | ${range(oneThreadMs)} | ${[...statuses].join(", ")} |`,
    );
  }
  await warmHelper.close();
}

if (sections.has("limits")) await limitsRows({ glpk, runs, print, median, range, fmtMs });

if (sections.has("analytics")) await analyticsRows({ glpk, runs, timeLimit, print, median, range, fmtMs, ref });

if (sections.has("ui")) {
  // The weights screen re-ranks every request at each move of a slider: it must stay within a frame (16 ms).
  print("");
  print("## Live re-scoring (the weights screen)");
  print("");
  print(
    "rankByWeights (scoring/rank.ts, run by the browser at each slider move) on generated requests: median and range of 200 runs, each with other weights, in Node on this machine (the browser's V8 is the same engine).",
  );
  print("");
  print("| requests | median | range | frame budget |");
  print("| --- | --- | --- | --- |");
  for (const n of [1000, 10000]) {
    const requests = ProblemSchema.parse(generateProblem({ n, seed: 7 })).requests;
    const times: number[] = [];
    for (let k = 0; k < 200; k++) {
      const w = { implementation: 10 + (k % 50), technical: 20, universalization: 5 + ((k * 7) % 40), capacity: 15, representation: 15 };
      const t0 = performance.now();
      rankByWeights(requests, w);
      times.push(performance.now() - t0);
    }
    print(
      `| ${n.toLocaleString("en")} | ${median(times).toFixed(2)} ms | ${Math.min(...times).toFixed(2)}–${Math.max(...times).toFixed(2)} ms | 16 ms |`,
    );
  }
}

writeFileSync(outFile, `${lines.join("\n")}\n`);
process.stdout.write(`\nwritten to ${outFile}\n`);
