// The solver runs in a worker thread: the caller's event loop keeps turning, and a solve can be cancelled.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateProblem } from "../../bench/generate.js";
import { allocate } from "../../scoring/allocate.js";
import { ProblemSchema } from "../../scoring/problem/index.js";
import { loadGlpk } from "../../server/workers/glpk.js";
import { InvalidInputError } from "../../scoring/domain/issues.js";
import { moneyCurve, type MoneyCurve } from "../../scoring/analytics/money-curve.js";
import type { ReplacementResult } from "../../scoring/analytics/replace.js";
import {
  runInWorker,
  solveInWorker,
  SolveCancelled,
  startExplainHelper,
  withHelper,
  HELPER_FROM,
} from "../../server/workers/solve-in-worker.js";
import type { RunOutput } from "../../server/workers/solver-worker.js";
import { realisticRound } from "../../bench/realistic.js";
import { parseStatesCsv } from "../../scoring/criteria/index.js";
import type { AllocationResult } from "../../scoring/domain/index.js";

describe("solveInWorker", () => {
  it("returns the same allocation as the CLI for the demo round", async () => {
    const problem = JSON.parse(readFileSync("data/demo/problem.json", "utf8"));
    const result = await solveInWorker({ problem }).result;
    expect(result.status).toBe("optimal");
    expect(result.funded.length).toBe(20);
    expect(result.notFunded.length).toBe(28);
  });

  it("keeps the calling thread responsive while it solves", async () => {
    const problem = generateProblem({ n: 300, seed: 7 });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const t0 = performance.now();
    const result = await solveInWorker({ problem, explain: false }).result;
    const elapsed = performance.now() - t0;
    clearInterval(timer);
    expect(result.status).toBe("optimal");
    // A blocked event loop would tick once at the end; a free one ticks about every 5 ms.
    expect(ticks).toBeGreaterThan(Math.min(20, elapsed / 5 / 4));
  });

  it("stops a long solve on cancel and rejects with SolveCancelled", async () => {
    // With its explanations: a minute of work (their time limit), where the proposal alone takes a second.
    const problem = generateProblem({ n: 3000, seed: 3, tightEarmarks: true });
    const running = solveInWorker({ problem });
    await new Promise((r) => setTimeout(r, 300));
    await running.cancel();
    await expect(running.result).rejects.toBeInstanceOf(SolveCancelled);
  });

  it("rejects an invalid problem with the schema's message", async () => {
    await expect(solveInWorker({ problem: { version: 2 } }).result).rejects.toThrow(/version/);
  });

  it("shares the explanations with a helper thread and gives the same answers", async () => {
    const problem = ProblemSchema.parse(generateProblem({ n: 120, seed: 5 }));
    const glpk = await loadGlpk();
    const alone = await allocate(problem, { glpk });
    const helper = await startExplainHelper();
    const shared = await allocate(problem, { glpk, helper }).finally(() => helper.close());
    expect(shared.status).toBe("optimal");
    expect(shared.funded.map((f) => [f.id, f.level, f.lossIfDropped])).toEqual(alone.funded.map((f) => [f.id, f.level, f.lossIfDropped]));
    const summary = (r: typeof alone) => r.notFunded.map((n) => [n.id, n.reason.kind, "price" in n.reason ? n.reason.price : null]);
    expect(summary(shared)).toEqual(summary(alone));
    expect(alone.notFunded.filter((n) => n.reason.kind === "price-of-inclusion").length).toBeGreaterThan(50);
  });

  it("gives the helper a bundle of the solver's modules only (no zod, no SQLite: it starts sooner)", async () => {
    const { workerUrl } = await import("../../server/workers/worker-bundle.js");
    const text = readFileSync(await workerUrl("explain-worker"), "utf8");
    const imports = [...text.matchAll(/^import .* from "([^"]+)";?$/gm)].map((m) => m[1]).sort();
    expect(imports).toEqual(["glpk.js/node", "node:worker_threads"]);
    const run = readFileSync(await workerUrl("solver-worker"), "utf8");
    expect(run).toMatch(/from "zod"/);
  });
});

describe("a server run's worker", () => {
  it("shares the explanations of a round of HELPER_FROM requests or more with the helper thread, with the same answers", async () => {
    const reference = parseStatesCsv(readFileSync("data/states.csv", "utf8"), "2025-12-31");
    const round = realisticRound(HELPER_FROM + 20, 11, reference);
    const fileText = JSON.stringify(round);
    const alone = await runInWorker<RunOutput>({ type: "run", fileText, reference, timeLimit: 60 }).result;
    const shared = await runInWorker<RunOutput>(withHelper({ type: "run", fileText, reference, timeLimit: 60 })).result;
    const a = JSON.parse(alone.snapshot!.result) as AllocationResult;
    const b = JSON.parse(shared.snapshot!.result) as AllocationResult;
    expect([a.solver.explainThreads, b.solver.explainThreads]).toEqual([1, 2]);
    expect(b.funded.map((f) => [f.id, f.level, f.lossIfDropped])).toEqual(a.funded.map((f) => [f.id, f.level, f.lossIfDropped]));
    expect(b.notFunded.map((n) => [n.id, n.reason.kind])).toEqual(a.notFunded.map((n) => [n.id, n.reason.kind]));
  });

  it("keeps a small round's explanations on its own thread", async () => {
    const reference = parseStatesCsv(readFileSync("data/states.csv", "utf8"), "2025-12-31");
    // Seed 2: a feasible draw (30 requests for the demo's 25 seats and regional minimums: most draws cannot meet them).
    const fileText = JSON.stringify(realisticRound(30, 2, reference));
    const out = await runInWorker<RunOutput>(withHelper({ type: "run", fileText, reference, timeLimit: 60 })).result;
    expect((JSON.parse(out.snapshot!.result) as AllocationResult).solver.explainThreads).toBe(1);
  });
});

describe("runInWorker: the analytics in a worker thread", () => {
  const problem = JSON.parse(readFileSync("data/demo/problem.json", "utf8"));

  it("answers a money curve exactly as in this thread", async () => {
    const inWorker = await runInWorker<MoneyCurve>({ type: "curve", problem, options: { steps: 5 } }).result;
    const here = await moneyCurve(ProblemSchema.parse(problem), await loadGlpk(), { steps: 5 });
    const strip = (c: MoneyCurve) => c.points.map(({ ms: _ms, ...p }) => p);
    expect(strip(inWorker)).toEqual(strip(here));
  });

  it("replaces a declined delegate, and passes bad input back as InvalidInputError with its paths", async () => {
    const result = await solveInWorker({ problem, explain: false }).result;
    const declined = result.funded.find((f) => f.id !== "13MSP-001")!.id;
    const r = await runInWorker<ReplacementResult>({ type: "replace", problem, result, declined: [declined] }).result;
    expect(r.released.map((x) => x.id)).toEqual([declined]);
    const err = await runInWorker({ type: "replace", problem, result, declined: ["NOPE"] }).result.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidInputError);
    expect((err as InvalidInputError).problems).toEqual([{ path: "declined[0]", message: '"NOPE" is not funded in the result' }]);
  });
});
