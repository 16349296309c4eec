// Allocation runs (start in a worker, progress, cancel, export, compare), approval into decisions and
// offers, replacements through the engine, the engine's analytics on a run, actual costs and the round's
// financial statement (the form of Table 3 of the ISU's report).
import { randomUUID } from "node:crypto";
import { z } from "zod";
import {
  diff,
  MoneyCurveOptionsSchema,
  type ReplacementResult,
  RobustnessOptionsSchema,
  SensitivityOptionsSchema,
} from "../../scoring/analytics/index.js";
import { round2, type AllocationResult } from "../../scoring/domain/index.js";
import { CARRY_OVER_DONOR } from "../../scoring/criteria/index.js";
import { audit } from "../audit.js";
import { tx, type Db } from "../db/database.js";
import { body, type Ctx, errors, json, newApp, route, userOf } from "../http.js";
import { DomainError, checkVersion } from "../errors.js";
import { runInWorker } from "../solve-in-worker.js";
import { getRound, listDonors, recordOfferAnswer, requireDonorOf, setRequestStatus } from "../store.js";
import { toCsv } from "../tabular.js";

const RoundId = z.object({ roundId: z.string().min(1).max(64) });
const RunId = z.object({ runId: z.string().uuid() });
const Loose = z.looseObject({});
const STAFF = ["admin", "reviewer"] as const satisfies ("admin" | "reviewer")[];

interface DecisionRow {
  round_id: string;
  request_id: string;
  run_id: string;
  decision: "funded" | "waitlisted" | "not-funded";
  level: string | null;
  cost: number | null;
  offer_deadline: string | null;
  offer_status: "pending" | "accepted" | "declined" | "expired" | null;
  actual_cost: number | null;
  version: number;
}

const decisionOf = (d: DecisionRow) => ({
  requestId: d.request_id,
  runId: d.run_id,
  decision: d.decision,
  level: d.level,
  cost: d.cost,
  offerDeadline: d.offer_deadline,
  offerStatus: d.offer_status,
  actualCost: d.actual_cost,
  version: d.version,
});

/** A round's decisions as the API shows them, by request. */
function roundDecisions(db: Db, roundId: string) {
  return (db.prepare("SELECT * FROM decisions WHERE round_id = ? ORDER BY request_id").all(roundId) as DecisionRow[]).map(decisionOf);
}

function doneResult(run: { status: string; result: AllocationResult | null; id: string }): AllocationResult {
  if (run.status !== "done" || !run.result)
    throw new DomainError("conflict", "not-done", `run ${run.id} is ${run.status}: it has no result yet`);
  return run.result;
}

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
    )
    .openapi(
      route(["admin"], {
        method: "post",
        path: "/api/runs/{runId}/approve",
        tags: ["decisions"],
        summary:
          "Approve a run: its funded requests get offers (with an acceptance deadline), the next best are waitlisted, the rest not funded; the round moves to decided",
        request: {
          params: RunId,
          ...body(
            z.strictObject({
              offerDeadline: z.iso.date(),
              waitlist: z.number().int().min(0).max(1000).default(5),
              roundVersion: z.number().int().min(1),
            }),
          ),
        },
        responses: { 200: json(z.array(Loose), "The decisions"), ...errors(401, 403, 404, 409, 422) },
      }),
      (c) => {
        const { db, runs } = c.get("services");
        const user = userOf(c);
        const { offerDeadline, waitlist, roundVersion } = c.req.valid("json");
        const run = runs.get(c.req.valid("param").runId);
        const result = doneResult(run);
        if (result.status !== "optimal" && result.status !== "time-limit")
          throw new DomainError("conflict", "infeasible", "an infeasible run cannot be approved");
        return c.json(
          tx(db, () => {
            const round = getRound(db, run.roundId);
            checkVersion(round, roundVersion);
            if (round.status !== "review")
              throw new DomainError("conflict", "round-status", `the round is "${round.status}": runs are approved in review`);
            db.prepare("UPDATE runs SET approved_at = ?, approved_by = ? WHERE id = ?").run(new Date().toISOString(), user.id, run.id);
            db.prepare("DELETE FROM decisions WHERE round_id = ?").run(run.roundId);
            const insert = db.prepare(
              "INSERT INTO decisions (round_id, request_id, run_id, decision, level, cost, offer_deadline, offer_status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            );
            for (const f of result.funded) {
              insert.run(run.roundId, f.id, run.id, "funded", f.level, f.cost, offerDeadline, "pending");
              setRequestStatus(db, f.id, "funded", `approved run ${run.id}`, { id: user.id, name: user.username });
            }
            // Waitlist: the requests not funded that cost the least value to bring in.
            const ranked = result.notFunded
              .filter((n) => n.reason.kind === "price-of-inclusion")
              .sort((a, b) => (a.reason as { price: number }).price - (b.reason as { price: number }).price);
            const waitlisted = new Set(ranked.slice(0, waitlist).map((n) => n.id));
            for (const n of result.notFunded) {
              const decision = waitlisted.has(n.id) ? "waitlisted" : "not-funded";
              insert.run(run.roundId, n.id, run.id, decision, null, null, null, null);
              setRequestStatus(db, n.id, decision, n.reason.text, { id: user.id, name: user.username });
            }
            db.prepare("UPDATE rounds SET status = 'decided', updated_at = ?, version = version + 1 WHERE id = ?").run(
              new Date().toISOString(),
              run.roundId,
            );
            audit(db, {
              actor: user.username,
              action: "approve",
              entity: "run",
              entityId: run.id,
              data: { roundId: run.roundId, funded: result.funded.length, waitlisted: waitlisted.size, offerDeadline },
            });
            return roundDecisions(db, run.roundId);
          }),
          200,
        );
      },
    )
    .openapi(
      route(STAFF, {
        method: "get",
        path: "/api/rounds/{roundId}/decisions",
        tags: ["decisions"],
        summary: "The published decisions and the offers' state",
        request: { params: RoundId },
        responses: { 200: json(z.array(Loose), "Decisions"), ...errors(401, 403, 404) },
      }),
      (c) => {
        const { db } = c.get("services");
        getRound(db, c.req.valid("param").roundId);
        return c.json(roundDecisions(db, c.req.valid("param").roundId), 200);
      },
    )
    .openapi(
      route(["admin"], {
        method: "post",
        path: "/api/rounds/{roundId}/offers/{requestId}",
        tags: ["decisions"],
        summary: "Record an offer's answer: accepted, declined, or expired (its deadline passed); or the actual cost after the meeting",
        request: {
          params: RoundId.extend({ requestId: z.string().min(1).max(64) }),
          ...body(
            z.strictObject({
              offerStatus: z.enum(["accepted", "declined", "expired"]).optional(),
              actualCost: z.number().finite().min(0).max(1e6).nullable().optional(),
              version: z.number().int().min(1),
            }),
          ),
        },
        responses: { 200: json(Loose, "Saved"), ...errors(401, 403, 404, 409, 422) },
      }),
      (c) => {
        const { db } = c.get("services");
        const user = userOf(c);
        const { roundId, requestId } = c.req.valid("param");
        const { offerStatus, actualCost, version } = c.req.valid("json");
        return c.json(
          tx(db, () => {
            const d = db.prepare("SELECT * FROM decisions WHERE round_id = ? AND request_id = ?").get(roundId, requestId) as
              DecisionRow | undefined;
            if (!d || d.decision !== "funded")
              throw new DomainError("not-found", "not-found", `no offer to ${requestId} in round ${roundId}`);
            checkVersion(d, version);
            if (offerStatus) {
              if (d.offer_status !== "pending" && offerStatus !== d.offer_status)
                throw new DomainError("conflict", "offer-answered", `the offer was ${d.offer_status} already`);
              recordOfferAnswer(db, roundId, requestId, offerStatus, `offer ${offerStatus}`, { id: user.id, name: user.username });
            }
            if (actualCost !== undefined)
              db.prepare("UPDATE decisions SET actual_cost = ?, version = version + 1 WHERE round_id = ? AND request_id = ?").run(
                actualCost,
                roundId,
                requestId,
              );
            audit(db, { actor: user.username, action: "offer", entity: "request", entityId: requestId, data: { offerStatus, actualCost } });
            return decisionOf(
              db.prepare("SELECT * FROM decisions WHERE round_id = ? AND request_id = ?").get(roundId, requestId) as DecisionRow,
            );
          }),
          200,
        );
      },
    )
    .openapi(
      route(["admin"], {
        method: "post",
        path: "/api/rounds/{roundId}/replacements",
        tags: ["decisions"],
        summary: "Propose replacements for the declined and expired offers (everyone else kept at their level)",
        request: { params: RoundId },
        responses: { 201: json(Loose, "The proposal"), ...errors(401, 403, 404, 409, 422) },
      }),
      async (c) => {
        const { db, runs } = c.get("services");
        const user = userOf(c);
        const { roundId } = c.req.valid("param");
        // Offers still pending past their deadline have expired: recorded as such first.
        const today = new Date().toISOString().slice(0, 10);
        tx(db, () => {
          const overdue = db
            .prepare(
              "SELECT request_id FROM decisions WHERE round_id = ? AND decision = 'funded' AND offer_status = 'pending' AND offer_deadline < ?",
            )
            .pluck()
            .all(roundId, today) as string[];
          for (const id of overdue)
            recordOfferAnswer(db, roundId, id, "expired", "offer not accepted by its deadline", { id: user.id, name: user.username });
        });
        const decisions = db.prepare("SELECT * FROM decisions WHERE round_id = ? AND decision = 'funded'").all(roundId) as DecisionRow[];
        if (decisions.length === 0) throw new DomainError("conflict", "no-decisions", "the round has no approved run");
        const run = runs.get(decisions[0]!.run_id);
        const released = decisions.filter((d) => d.offer_status === "declined" || d.offer_status === "expired");
        if (released.length === 0) throw new DomainError("conflict", "nothing-released", "no offer was declined or has expired");
        // The funded list as it stands now (earlier replacements applied).
        const current = { funded: decisions.map((d) => ({ id: d.request_id, level: d.level as "full" | "ticket" | "allowance" })) };
        const declined = released.filter((d) => d.offer_status === "declined").map((d) => d.request_id);
        const expired = released
          .filter((d) => d.offer_status === "expired")
          .map((d) => ({ id: d.request_id, deadline: d.offer_deadline! }));
        const proposal = declined.length
          ? await runInWorker<ReplacementResult>({
              type: "replace",
              problem: run.problem,
              result: current,
              declined: [...declined, ...expired.map((e) => e.id)],
            }).result
          : await runInWorker<ReplacementResult>({ type: "release", problem: run.problem, result: current, expiredOffers: expired }).result;
        const id = randomUUID();
        tx(db, () => {
          db.prepare(
            "INSERT INTO replacements (id, round_id, run_id, cause, input, result, status, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, 'proposed', ?, ?)",
          ).run(
            id,
            roundId,
            run.id,
            declined.length ? "declined" : "expired",
            JSON.stringify({ declined, expired }),
            JSON.stringify(proposal),
            new Date().toISOString(),
            user.id,
          );
          audit(db, {
            actor: user.username,
            action: "propose",
            entity: "replacement",
            entityId: id,
            data: { declined, expired, replacements: proposal.replacements.map((r) => r.id) },
          });
        });
        return c.json({ id, status: "proposed", proposal }, 201);
      },
    )
    .openapi(
      route(["admin"], {
        method: "post",
        path: "/api/replacements/{replacementId}/apply",
        tags: ["decisions"],
        summary: "Apply a replacement proposal: the replacements get offers with the deadline given",
        request: { params: z.object({ replacementId: z.string().uuid() }), ...body(z.strictObject({ offerDeadline: z.iso.date() })) },
        responses: { 200: json(z.array(Loose), "The decisions"), ...errors(401, 403, 404, 409, 422) },
      }),
      (c) => {
        const { db } = c.get("services");
        const user = userOf(c);
        const { replacementId } = c.req.valid("param");
        const { offerDeadline } = c.req.valid("json");
        return c.json(
          tx(db, () => {
            const row = db.prepare("SELECT * FROM replacements WHERE id = ?").get(replacementId) as
              { round_id: string; run_id: string; result: string; status: string } | undefined;
            if (!row) throw new DomainError("not-found", "not-found", `replacement ${replacementId} not found`);
            if (row.status !== "proposed") throw new DomainError("conflict", "replacement-status", `the proposal is ${row.status} already`);
            const proposal = JSON.parse(row.result) as ReplacementResult;
            if (proposal.status === "infeasible")
              throw new DomainError("conflict", "infeasible", "this proposal found no replacement that keeps the rules");
            for (const r of proposal.replacements) {
              db.prepare(
                "INSERT INTO decisions (round_id, request_id, run_id, decision, level, cost, offer_deadline, offer_status) VALUES (?, ?, ?, 'funded', ?, ?, ?, 'pending') ON CONFLICT (round_id, request_id) DO UPDATE SET decision = 'funded', level = excluded.level, cost = excluded.cost, offer_deadline = excluded.offer_deadline, offer_status = 'pending', version = version + 1",
              ).run(row.round_id, r.id, row.run_id, r.level, r.cost, offerDeadline);
              setRequestStatus(db, r.id, "funded", `replacement ${replacementId}`, { id: user.id, name: user.username });
            }
            for (const r of proposal.released)
              db.prepare("UPDATE decisions SET decision = 'not-funded', version = version + 1 WHERE round_id = ? AND request_id = ?").run(
                row.round_id,
                r.id,
              );
            db.prepare("UPDATE replacements SET status = 'applied' WHERE id = ?").run(replacementId);
            audit(db, {
              actor: user.username,
              action: "apply",
              entity: "replacement",
              entityId: replacementId,
              data: { replacements: proposal.replacements.map((r) => r.id) },
            });
            return roundDecisions(db, row.round_id);
          }),
          200,
        );
      },
    )
    .openapi(
      route(["admin", "donor"], {
        method: "get",
        path: "/api/rounds/{roundId}/statement",
        tags: ["finance"],
        summary:
          "The round's financial statement: expenditures (travel, general and administrative), contributions per donor, deferred from and to other years; JSON or CSV",
        request: { params: RoundId, query: z.object({ format: z.enum(["json", "csv"]).default("json") }) },
        responses: { 200: { description: "The statement (JSON, or CSV with format=csv)" }, ...errors(401, 403, 404, 422) },
      }),
      (c) => {
        const { db } = c.get("services");
        const { roundId } = c.req.valid("param");
        const round = getRound(db, roundId);
        requireDonorOf(db, userOf(c), roundId);
        const decisions = db.prepare("SELECT * FROM decisions WHERE round_id = ? AND decision = 'funded'").all(roundId) as DecisionRow[];
        // Travel: the actual cost where known, else the committed cost of offers not declined or expired.
        const travel = round2(
          decisions
            .filter((d) => d.offer_status !== "declined" && d.offer_status !== "expired")
            .reduce((s, d) => s + (d.actual_cost ?? d.cost ?? 0), 0),
        );
        const admin = round.adminActual ?? round.adminEstimate;
        const donors = listDonors(db, roundId).filter((d) => d.id !== CARRY_OVER_DONOR);
        const contributions = round2(donors.reduce((s, d) => s + d.amount, 0));
        const expenditures = round2(travel + admin);
        const revenues = round2(contributions + round.carryOver);
        const deferredTo = round.deferredTo ?? round2(revenues - expenditures);
        const statement = {
          roundId,
          provisional: decisions.some((d) => d.actual_cost === null) || round.adminActual === null,
          expenditures: { travel, generalAndAdministrative: admin, total: expenditures },
          revenues: {
            contributions: donors.map((d) => ({ donor: d.name, amount: d.amount })),
            totalContributions: contributions,
            deferredFrom: round.carryOver,
            total: revenues,
          },
          deferredTo,
        };
        if (c.req.valid("query").format === "csv") {
          const rows: Record<string, string>[] = [
            { section: "EXPENDITURES", item: "Travel costs", amount: String(travel) },
            { section: "EXPENDITURES", item: "General & admin. expenses", amount: String(admin) },
            { section: "EXPENDITURES", item: "Total Expenditures", amount: String(expenditures) },
            ...donors.map((d) => ({ section: "REVENUES", item: `Contributions: ${d.name}`, amount: String(d.amount) })),
            { section: "REVENUES", item: "Total Contributions", amount: String(contributions) },
            { section: "REVENUES", item: "Contributions deferred from", amount: String(round.carryOver) },
            { section: "REVENUES", item: "Total Revenues", amount: String(revenues) },
            { section: "", item: "Contributions deferred to", amount: String(deferredTo) },
          ];
          c.header("Content-Disposition", `attachment; filename="${roundId}-statement.csv"`);
          return c.body(toCsv(rows, ["section", "item", "amount"]), 200, { "Content-Type": "text/csv; charset=utf-8" });
        }
        return c.json(statement, 200);
      },
    );
}
