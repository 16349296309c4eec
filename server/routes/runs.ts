// Allocation runs: start one (scored and solved in a worker), its progress, cancel, export, compare two,
// and the engine's analytics on a run (money curve, robustness, sensitivity).
import type { JSONParsed } from "hono/utils/types";
import { z } from "zod";
import {
  diff,
  MoneyCurveOptionsSchema,
  RobustnessOptionsSchema,
  SensitivityOptionsSchema,
  type MoneyCurve,
  type Robustness,
  type Sensitivities,
} from "../../scoring/analytics/index.js";
import { sentAsIs, body, type Ctx, errors, json, newApp, route, userOf, RoundId, RunId, STAFF, actorOf } from "../http/index.js";
import { download } from "../io/exports.js";
import { DomainError } from "../errors.js";
import { runInWorker, SolveCancelled } from "../workers/solve-in-worker.js";
import { doneRun } from "../services/runs.js";
import { whatIfInputs } from "../services/what-if.js";
import {
  type RunRecord,
  DiffSchema,
  MoneyCurveSchema,
  RobustnessSchema,
  RunRecordSchema,
  RunSummarySchema,
  SensitivitiesSchema,
  WhatIfInputsSchema,
} from "../schemas/index.js";
import { getRound } from "../services/queries.js";

/** The server's caps on an analysis (the CLIs, on one's own machine, allow more): seconds per solve. */
const SERVER_TIME_LIMIT = z.number().gt(0).max(120).optional();

// The routes: each a named definition (its guard, input and answers), its handler in the chain below.
const postRoundsRuns = route(["admin"], {
  method: "post",
  path: "/api/rounds/{roundId}/runs",
  tags: ["runs"],
  summary: "Start an allocation run: scores the round and solves it in a worker thread (202 with the run's id)",
  request: {
    params: RoundId,
    ...body(
      z.strictObject({
        timeLimit: z.number().int().min(1).max(3600).optional(),
        settingsVersion: z.number().int().min(1).optional(),
      }),
    ),
  },
  responses: { 202: json(z.object({ id: z.string(), status: z.string() }), "Started"), ...errors(401, 403, 404, 422) },
});

const getRoundsWhatIf = route(
  STAFF,
  {
    method: "get",
    path: "/api/rounds/{roundId}/what-if",
    tags: ["runs"],
    summary:
      "What a what-if needs to allocate in the browser: the round file (requests, settings, donors), the round's States as of its meeting, and the last finished run's selection",
    request: { params: RoundId },
    responses: { 200: json(WhatIfInputsSchema, "The inputs"), ...errors(401, 403, 404) },
  },
  { heavy: true },
);

const getRoundsRuns = route(STAFF, {
  method: "get",
  path: "/api/rounds/{roundId}/runs",
  tags: ["runs"],
  summary: "The round's runs, newest first",
  request: { params: RoundId },
  responses: { 200: json(z.array(RunSummarySchema), "Runs"), ...errors(401, 403, 404) },
});

const getRunsOne = route(STAFF, {
  method: "get",
  path: "/api/runs/{runId}",
  tags: ["runs"],
  summary: "A run: its progress, and once done its snapshot (problem, scores, result with explanations and baselines)",
  request: { params: RunId },
  responses: {
    200: json(RunRecordSchema, "The run: the summary's fields, and problem, scores and result (null until it is done)"),
    ...errors(401, 403, 404, 422),
  },
});

const postRunsCancel = route(["admin"], {
  method: "post",
  path: "/api/runs/{runId}/cancel",
  tags: ["runs"],
  summary: "Cancel a queued or running run",
  request: { params: RunId },
  responses: { 200: json(RunSummarySchema, "Cancelled"), ...errors(401, 403, 404, 409) },
});

const getRunsExport = route(
  STAFF,
  {
    method: "get",
    path: "/api/runs/{runId}/export",
    tags: ["runs"],
    summary: "The run as files anyone can re-run: the problem file (format v1) and the result (npm run allocate -- problem.json)",
    request: { params: RunId },
    responses: {
      200: json(
        z.object({ problem: RunRecordSchema.shape.problem.unwrap(), result: RunRecordSchema.shape.result.unwrap(), rerun: z.string() }),
        "Problem and result",
      ),
      ...errors(401, 403, 404, 409),
    },
  },
  { heavy: true },
);

const getRunsCompareOne = route(
  STAFF,
  {
    method: "get",
    path: "/api/runs/{runId}/compare/{otherId}",
    tags: ["runs"],
    summary: "Two runs side by side (the engine's diff: this run as a, the other as b)",
    request: { params: RunId.extend({ otherId: z.string().uuid() }) },
    responses: { 200: json(DiffSchema, "The diff"), ...errors(401, 403, 404, 409) },
  },
  { heavy: true },
);

/** An analysis route: a done run's problem in, the analysis out. */
const analysis = <P extends string, O extends z.ZodType>(path: P, options: z.ZodType, answer: O, summary: string) =>
  route(STAFF, {
    method: "post",
    path,
    tags: ["analytics"],
    summary,
    request: { params: RunId, ...body(options) },
    responses: { 200: json(answer, "The analysis"), ...errors(401, 403, 404, 409, 422) },
  });
/**
 * An analysis of a done run's problem, in a worker, within the limits (per user and for the server),
 * cancelled when the caller leaves or when it passes ANALYSIS_MAX_SECONDS.
 */
async function analyse<T>(kind: "curve" | "robustness" | "sensitivity", c: Ctx): Promise<T> {
  const { runs, config, analyses } = c.get("services");
  const run = runs.get(RunId.parse(c.req.param()).runId);
  const problem = doneRun(run).problem;
  const options = (await c.req.json()) as never;
  const signal = c.req.raw.signal;
  const release = await analyses.acquire(userOf(c).username, signal);
  const job = runInWorker<T>({ type: kind, problem, options });
  const stop = () => void job.cancel();
  signal.addEventListener("abort", stop);
  const timer = setTimeout(stop, config.ANALYSIS_MAX_SECONDS * 1000);
  try {
    return await job.result;
  } catch (e) {
    if (e instanceof SolveCancelled)
      throw new DomainError(
        "conflict",
        "analysis-stopped",
        signal.aborted
          ? "the caller left: the analysis was stopped"
          : `the analysis took longer than ${config.ANALYSIS_MAX_SECONDS} s and was stopped: ask for fewer samples or steps`,
      );
    throw e;
  } finally {
    clearTimeout(timer);
    signal.removeEventListener("abort", stop);
    release();
  }
}

const postRunsCurve = analysis(
  "/api/runs/{runId}/curve",
  MoneyCurveOptionsSchema.partial().extend({ timeLimit: SERVER_TIME_LIMIT }),
  MoneyCurveSchema,
  "The money curve: what more (or less) money would buy",
);
const postRunsRobustness = analysis(
  "/api/runs/{runId}/robustness",
  RobustnessOptionsSchema.partial().extend({ samples: z.number().int().min(1).max(200).optional(), timeLimit: SERVER_TIME_LIMIT }),
  RobustnessSchema,
  "Robustness: who is always, sometimes or never funded under perturbed weights and costs",
);
const postRunsSensitivity = analysis(
  "/api/runs/{runId}/sensitivity",
  SensitivityOptionsSchema.partial().extend({ timeLimit: SERVER_TIME_LIMIT }),
  SensitivitiesSchema,
  "What each rule, lock and earmark costs",
);

export function runRoutes() {
  return newApp()
    .openapi(postRoundsRuns, (c) => {
      const { runs } = c.get("services");
      const id = runs.start(c.req.valid("param").roundId, actorOf(c), c.req.valid("json"));
      c.header("Location", `/api/runs/${id}`);
      return c.json({ id, status: runs.summary(id).status }, 202);
    })
    .openapi(getRoundsWhatIf, (c) =>
      sentAsIs<JSONParsed<z.infer<typeof WhatIfInputsSchema>>>(
        c.body(whatIfInputs(c.get("services").db, c.req.valid("param").roundId), 200, {
          "Content-Type": "application/json; charset=utf-8",
        }),
      ),
    )
    .openapi(getRoundsRuns, (c) => {
      const { db, runs } = c.get("services");
      getRound(db, c.req.valid("param").roundId);
      return c.json(runs.list(c.req.valid("param").roundId), 200);
    })
    .openapi(getRunsOne, (c) =>
      sentAsIs<RunRecord>(
        c.body(c.get("services").runs.json(c.req.valid("param").runId), 200, { "Content-Type": "application/json; charset=UTF-8" }),
      ),
    )
    .openapi(postRunsCancel, async (c) =>
      c.json(await c.get("services").runs.cancel(c.req.valid("param").runId, { name: userOf(c).username }), 200),
    )
    .openapi(getRunsExport, (c) => {
      const run = c.get("services").runs.get(c.req.valid("param").runId);
      download(c, `run-${run.id}.json`);
      const { problem, result } = doneRun(run);
      return c.json({ problem, result, rerun: "npm run --silent allocate -- problem.json" }, 200);
    })
    .openapi(getRunsCompareOne, (c) => {
      const { runs } = c.get("services");
      const { runId, otherId } = c.req.valid("param");
      const [a, b] = [runs.get(runId), runs.get(otherId)];
      if (a.roundId !== b.roundId)
        throw new DomainError(
          "conflict",
          "different-rounds",
          `run ${runId} is of round ${a.roundId} and run ${otherId} of round ${b.roundId}: compare runs of one round`,
        );
      return c.json(diff(doneRun(a).result, doneRun(b).result), 200);
    })
    .openapi(postRunsCurve, async (c) => c.json(await analyse<MoneyCurve>("curve", c), 200))
    .openapi(postRunsRobustness, async (c) => c.json(await analyse<Robustness>("robustness", c), 200))
    .openapi(postRunsSensitivity, async (c) => c.json(await analyse<Sensitivities>("sensitivity", c), 200));
}
