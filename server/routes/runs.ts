// Allocation runs: start one (scored and solved in a worker), its progress, cancel, export, compare two,
// and the engine's analytics on a run (money curve, robustness, sensitivity).
import { z } from "zod";
import { diff, MoneyCurveOptionsSchema, RobustnessOptionsSchema, SensitivityOptionsSchema } from "../../scoring/analytics/index.js";
import { body, type Ctx, errors, json, newApp, route, userOf } from "../http.js";
import { DomainError } from "../errors.js";
import { runInWorker } from "../solve-in-worker.js";
import { doneResult } from "../services/decisions.js";
import { getRound } from "../store/index.js";

const RoundId = z.object({ roundId: z.string().min(1).max(64) });
const RunId = z.object({ runId: z.string().uuid() });
const Loose = z.looseObject({});
const STAFF = ["admin", "reviewer"] as const satisfies ("admin" | "reviewer")[];

export function runRoutes() {
  const analysis = <P extends string>(path: P, options: z.ZodType, summary: string) =>
    route(STAFF, {
      method: "post",
      path,
      tags: ["analytics"],
      summary,
      request: { params: RunId, ...body(options) },
      responses: { 200: json(Loose, "The analysis"), ...errors(401, 403, 404, 409, 422) },
    });
  const analyse = async (kind: "curve" | "robustness" | "sensitivity", c: Ctx) => {
    const run = c.get("services").runs.get(RunId.parse(c.req.param()).runId);
    doneResult(run);
    const answer = await runInWorker<Record<string, unknown>>({ type: kind, problem: run.problem, options: (await c.req.json()) as never })
      .result;
    return c.json(answer, 200);
  };
  return newApp()
    .openapi(
      route(["admin"], {
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
      }),
      (c) => {
        const { runs } = c.get("services");
        const user = userOf(c);
        const id = runs.start(c.req.valid("param").roundId, { id: user.id, name: user.username }, c.req.valid("json"));
        c.header("Location", `/api/runs/${id}`);
        return c.json({ id, status: runs.summary(id).status }, 202);
      },
    )
    .openapi(
      route(STAFF, {
        method: "get",
        path: "/api/rounds/{roundId}/runs",
        tags: ["runs"],
        summary: "The round's runs, newest first",
        request: { params: RoundId },
        responses: { 200: json(z.array(Loose), "Runs"), ...errors(401, 403, 404) },
      }),
      (c) => {
        const { db, runs } = c.get("services");
        getRound(db, c.req.valid("param").roundId);
        return c.json(runs.list(c.req.valid("param").roundId), 200);
      },
    )
    .openapi(
      route(STAFF, {
        method: "get",
        path: "/api/runs/{runId}",
        tags: ["runs"],
        summary: "A run: its progress, and once done its snapshot (problem, scores, result with explanations and baselines)",
        request: { params: RunId },
        responses: {
          200: { description: "The run (JSON: the summary's fields, and problem, scores and result, null until it is done)" },
          ...errors(401, 403, 404, 422),
        },
      }),
      (c) => c.body(c.get("services").runs.json(c.req.valid("param").runId), 200, { "Content-Type": "application/json; charset=UTF-8" }),
    )
    .openapi(
      route(["admin"], {
        method: "post",
        path: "/api/runs/{runId}/cancel",
        tags: ["runs"],
        summary: "Cancel a queued or running run",
        request: { params: RunId },
        responses: { 200: json(Loose, "Cancelled"), ...errors(401, 403, 404, 409) },
      }),
      async (c) => c.json(await c.get("services").runs.cancel(c.req.valid("param").runId, { name: userOf(c).username }), 200),
    )
    .openapi(
      route(STAFF, {
        method: "get",
        path: "/api/runs/{runId}/export",
        tags: ["runs"],
        summary: "The run as files anyone can re-run: the problem file (format v1) and the result (npm run allocate -- problem.json)",
        request: { params: RunId },
        responses: {
          200: json(z.object({ problem: Loose, result: Loose, rerun: z.string() }), "Problem and result"),
          ...errors(401, 403, 404, 409),
        },
      }),
      (c) => {
        const run = c.get("services").runs.get(c.req.valid("param").runId);
        c.header("Content-Disposition", `attachment; filename="run-${run.id}.json"`);
        return c.json({ problem: run.problem, result: doneResult(run), rerun: "npm run --silent allocate -- problem.json" }, 200);
      },
    )
    .openapi(
      route(STAFF, {
        method: "get",
        path: "/api/runs/{runId}/compare/{otherId}",
        tags: ["runs"],
        summary: "Two runs side by side (the engine's diff: this run as a, the other as b)",
        request: { params: RunId.extend({ otherId: z.string().uuid() }) },
        responses: { 200: json(Loose, "The diff"), ...errors(401, 403, 404, 409) },
      }),
      (c) => {
        const { runs } = c.get("services");
        const { runId, otherId } = c.req.valid("param");
        const [a, b] = [runs.get(runId), runs.get(otherId)];
        if (a.roundId !== b.roundId)
          throw new DomainError(
            "conflict",
            "different-rounds",
            `run ${runId} is of round ${a.roundId} and run ${otherId} of round ${b.roundId}: compare runs of one round`,
          );
        return c.json(diff(doneResult(a), doneResult(b)), 200);
      },
    )
    .openapi(
      analysis("/api/runs/{runId}/curve", MoneyCurveOptionsSchema.partial(), "The money curve: what more (or less) money would buy"),
      (c) => analyse("curve", c),
    )
    .openapi(
      analysis(
        "/api/runs/{runId}/robustness",
        RobustnessOptionsSchema.partial(),
        "Robustness: who is always, sometimes or never funded under perturbed weights and costs",
      ),
      (c) => analyse("robustness", c),
    )
    .openapi(analysis("/api/runs/{runId}/sensitivity", SensitivityOptionsSchema.partial(), "What each rule, lock and earmark costs"), (c) =>
      analyse("sensitivity", c),
    );
}
