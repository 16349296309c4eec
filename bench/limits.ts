// The engine's time limits in `npm run bench` (issue 37): explanations of 400-request rounds whose share
// cap, minimums and earmarks bind, as the CLI gives them (a second thread from HELPER_FROM requests), with
// the count left unexplained; and infeasible rounds diagnosed, from the 60-request round whose diagnosis
// once never ended to generated rounds of 400 requests, with whether each diagnosis is proven.
import { readFileSync } from "node:fs";
import { allocate } from "../scoring/allocate.js";
import { ProblemSchema, type ProblemInput } from "../scoring/problem/index.js";
import { startExplainHelper } from "../server/workers/solve-in-worker.js";
import type { BenchContext } from "./analytics.js";
import { generateProblem, type GenerateOptions } from "./generate.js";
import { loadHighs, minimumBeyondReach, type Minimum } from "./highs-model.js";

type Context = Pick<BenchContext, "glpk" | "runs" | "print" | "median" | "range" | "fmtMs">;

/** The explanations' rounds: 400 requests, a 21 % share cap and the generator's other rules binding. */
export const BINDING_ROUNDS: { name: string; options: Omit<GenerateOptions, "seed"> }[] = [
  {
    name: "34 seats: share cap 21 %, regional minimums, 50 % women, outreach, four donors (half the money earmarked)",
    options: { n: 400, seats: 34, maxRegionShare: 0.21, minWomenShare: 0.5 },
  },
  {
    name: "the same with 85 % of the money earmarked and a mix by CCM status",
    options: { n: 400, seats: 34, maxRegionShare: 0.21, minWomenShare: 0.5, tightEarmarks: true, statusQuotas: true },
  },
  {
    name: "100 seats: share cap 21 %, regional minimums, 40 % women, outreach, four donors (half earmarked)",
    options: { n: 400, maxRegionShare: 0.21 },
  },
  {
    name: "100 seats: share cap 21 %, 55 % women, 85 % earmarked, a mix by CCM status",
    options: { n: 400, seats: 100, maxRegionShare: 0.21, minWomenShare: 0.55, tightEarmarks: true, statusQuotas: true },
  },
];

export async function limitsRows(c: Context): Promise<void> {
  const { print, fmtMs } = c;
  const timeLimit = 60;
  print("");
  print("## The engine's time limits: every reason at 400 requests, every diagnosis proven");
  print("");
  print(
    `One time limit (${timeLimit} s) for the whole answer: the allocation, then the explanations or the diagnosis get what is left (scoring/allocate.ts). Explanations: allocate() with a second thread (as the CLI and the server do from 100 requests), ${c.runs} seeds per round (bench/generate.ts with the options named), median (range); "unexplained" counts the requests not funded left without a reason, of all seeds. Goal: every reason within 10 s.`,
  );
  print("");
  print("| round | requests not funded | allocation | explanations, median (range) | unexplained | status |");
  print("| --- | --- | --- | --- | --- | --- |");
  for (const { name, options } of BINDING_ROUNDS) {
    const solveMs: number[] = [];
    const explainMs: number[] = [];
    const notFunded: number[] = [];
    let unexplained = 0;
    const statuses = new Set<string>();
    for (let k = 0; k < c.runs; k++) {
      const problem = ProblemSchema.parse(generateProblem({ ...options, seed: 1 + k }));
      const helper = await startExplainHelper();
      try {
        const r = await allocate(problem, { glpk: c.glpk, timeLimit, helper });
        solveMs.push(r.solver.ms);
        explainMs.push(r.solver.explainMs ?? NaN);
        notFunded.push(r.notFunded.length);
        unexplained += r.notFunded.filter((n) => n.reason.kind === "unexplained").length;
        statuses.add(r.status);
      } finally {
        await helper.close();
      }
    }
    print(
      `| ${name} | ${c.median(notFunded)} | ${fmtMs(c.median(solveMs))} | ${c.range(explainMs)} | ${unexplained} | ${[...statuses].join(", ")} |`,
    );
  }

  print("");
  print(
    `Diagnoses: allocate() without explanations on rounds whose rules cannot hold, time from the problem to the diagnosis (the main solve proving infeasibility, then the diagnosis), median (range) of ${c.runs} runs; "proven" when the fewest rules and each one's least change were proven within the limit. The first row is the round whose diagnosis ran for more than 15 minutes (tests/fixtures/diagnosis-hang.json); the others are generated rounds (${c.runs} seeds, every other rule of the generator kept) with one minimum set just beyond what the money and the other rules allow, by HiGHS.`,
  );
  print("");
  print("| round | n | time, median (range) | proven | the diagnosis (first seed) |");
  print("| --- | --- | --- | --- | --- |");
  const repro = JSON.parse(readFileSync(new URL("../tests/fixtures/diagnosis-hang.json", import.meta.url), "utf8")) as ProblemInput;
  await diagnosisRow(c, "at least 16 States Parties, 13 fit the money", 60, () => repro);
  // Each minimum just beyond what the money and the other rules allow (found by HiGHS on the independent
  // formulation): the hardest case for a diagnosis, which must prove that one more cannot hold.
  const highs = await loadHighs();
  for (const n of [150, 400]) {
    const beyond = (minimumOf: (input: ProblemInput) => Minimum, extra: number) => (seed: number) => {
      const input = generateProblem({ n, seed });
      const made = minimumBeyondReach(highs, input, minimumOf(input), extra);
      if (!made) throw new Error(`seed ${seed}: the round's rules cannot hold with two men locked in`);
      return made;
    };
    await diagnosisRow(
      c,
      "States Parties: two more than can hold",
      n,
      beyond(() => ({ status: "party" }), 2),
    );
    await diagnosisRow(
      c,
      "a regional group: two more than can hold",
      n,
      beyond((input) => ({ region: input.requests[0]!.region }), 2),
    );
    await diagnosisRow(
      c,
      "women: 5 points more than can hold, two men locked in",
      n,
      beyond(() => "women", 1),
    );
  }
}

async function diagnosisRow(c: Context, name: string, n: number, round: (seed: number) => ProblemInput): Promise<void> {
  const times: number[] = [];
  let proven = 0;
  let infeasible = 0;
  let first = "";
  for (let k = 0; k < c.runs; k++) {
    const problem = ProblemSchema.parse(round(1 + k));
    const t0 = performance.now();
    const r = await allocate(problem, { glpk: c.glpk, timeLimit: 60, explain: false, baselines: false });
    times.push(performance.now() - t0);
    if (r.status !== "infeasible") continue;
    infeasible++;
    if (r.diagnosis?.proven) proven++;
    first ||= r.diagnosis?.text ?? "";
  }
  c.print(`| ${name} | ${n} | ${c.range(times)} | ${proven} of ${infeasible} infeasible (${c.runs} runs) | ${first.replace(/\|/g, "/")} |`);
}
