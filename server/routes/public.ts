// The two outside audiences. Applicants have no account: they submit a request while the round is open
// and get a reference and an access code (shown once, stored hashed), with which they see their own
// request and answer their offer. Donors see the rationale of the approved run, without any personal
// contact data.
import { z } from "zod";
import type { MoneyCurve, Robustness, Sensitivities } from "../../scoring/analytics/index.js";
import { RequestAttributesSchema } from "../../scoring/criteria/index.js";
import type { AllocationResult } from "../../scoring/domain/index.js";
import type { Problem } from "../../scoring/problem/index.js";
import { accessCode, hashCode, verifyCode } from "../auth/passwords.js";
import { checkCodeAttempts, rateLimit, recordCodeFailure } from "../auth/sessions.js";
import { audit } from "../audit.js";
import { tx } from "../db/database.js";
import { body, type Ctx, errors, json, newApp, route, userOf } from "../http.js";
import { DomainError } from "../errors.js";
import { runInWorker } from "../solve-in-worker.js";
import { currentSettings, getRequest, getRound, insertRequest, nextReference, recordOfferAnswer, requireDonorOf } from "../store/index.js";
import { client } from "./auth.js";

const RoundId = z.object({ roundId: z.string().min(1).max(64) });
const Loose = z.looseObject({});
const Credentials = z.strictObject({ reference: z.string().min(1).max(64), code: z.string().min(1).max(64) });

/** Fields of a request that are personal contact data: never sent to donors. */
export const CONTACT_FIELDS = ["name", "email", "title", "organisation", "delegateId", "justification"] as const;

const APPLICANT_FIELDS = RequestAttributesSchema.omit({
  id: true,
  submittedAt: true,
  lock: true,
  technicalRating: true,
  previousSponsorships: true,
}).strict();

/**
 * The engine's analytics on an approved run's problem, each in its own worker (in parallel). A run's
 * problem never changes and the analytics are seeded, so they are computed once per run and kept (a few
 * runs are approved a year; the donors' page is read many times).
 */
const analytics = new Map<string, Promise<[MoneyCurve, Sensitivities, Robustness]>>();
function analyticsOf(runId: string, problem: Problem): Promise<[MoneyCurve, Sensitivities, Robustness]> {
  let pending = analytics.get(runId);
  if (!pending) {
    pending = Promise.all([
      runInWorker<MoneyCurve>({ type: "curve", problem }).result,
      runInWorker<Sensitivities>({ type: "sensitivity", problem, options: { locks: false } }).result,
      runInWorker<Robustness>({ type: "robustness", problem, options: { samples: 30, seed: 1 } }).result,
    ]);
    analytics.set(runId, pending);
    pending.catch(() => analytics.delete(runId)); // a failure is not kept: the next read tries again
  }
  return pending;
}

export function publicRoutes() {
  const applicantRequest = async (c: Ctx, reference: string, code: string) => {
    const { db, config } = c.get("services");
    checkCodeAttempts(db, config, client(c), reference);
    const row = db.prepare("SELECT access_code_hash FROM requests WHERE id = ?").get(reference) as
      { access_code_hash: string | null } | undefined;
    // One answer for an unknown reference and a wrong code.
    const ok = row?.access_code_hash ? await verifyCode(code, row.access_code_hash) : false;
    if (!ok) {
      recordCodeFailure(db, client(c), reference);
      throw new DomainError("not-found", "not-found", "no request with this reference and access code");
    }
    return getRequest(db, reference);
  };
  const statusOf = (c: Ctx, id: string) => {
    const { db } = c.get("services");
    const r = getRequest(db, id);
    const history = db.prepare("SELECT status, at FROM request_history WHERE request_id = ? ORDER BY id").all(id);
    const d = db
      .prepare(
        "SELECT decision, level, cost, offer_deadline AS offerDeadline, offer_status AS offerStatus, version FROM decisions WHERE request_id = ?",
      )
      .get(id);
    return { reference: r.id, roundId: r.roundId, status: r.status, request: r.attributes, history, decision: d ?? null };
  };
  return newApp()
    .openapi(
      route("public", {
        method: "get",
        path: "/api/states",
        tags: ["applicants"],
        summary: "The States (ISO3 code and name), for the application form",
        responses: { 200: json(z.array(z.object({ iso3: z.string(), name: z.string() })), "States by name") },
      }),
      (c) =>
        c.json(
          [...c.get("services").reference.states.values()]
            .map((s) => ({ iso3: s.iso3, name: s.name }))
            .sort((a, b) => a.name.localeCompare(b.name, "en")),
          200,
        ),
    )
    .openapi(
      route("public", {
        method: "post",
        path: "/api/rounds/{roundId}/apply",
        tags: ["applicants"],
        summary: "Submit a sponsorship request while the round is open: answers with the reference and the access code (shown this once)",
        request: { params: RoundId, ...body(APPLICANT_FIELDS) },
        responses: {
          201: json(z.object({ reference: z.string(), accessCode: z.string(), notice: z.string() }), "Submitted"),
          ...errors(403, 404, 409, 422, 429),
        },
      }),
      async (c) => {
        const { db, config, reference } = c.get("services");
        const { roundId } = c.req.valid("param");
        const input = c.req.valid("json");
        rateLimit(db, config, `apply:${client(c)}`, "submissions");
        const round = getRound(db, roundId);
        const today = new Date().toISOString().slice(0, 10);
        if (round.status !== "open" || today < round.windowOpens || today > round.windowCloses) {
          throw new DomainError(
            "conflict",
            "round-closed",
            `round ${roundId} takes requests while open, from ${round.windowOpens} to ${round.windowCloses}`,
          );
        }
        if (!reference.states.has(input.state))
          throw new DomainError("invalid", "validation", "the input is not valid", {
            problems: [{ path: "state", message: `unknown State "${input.state}"` }],
          });
        const code = accessCode();
        const codeHash = hashCode(code);
        const id = tx(db, () => {
          const ref = nextReference(db, roundId);
          insertRequest(
            db,
            roundId,
            RequestAttributesSchema.parse({ ...input, id: ref, submittedAt: new Date().toISOString() }),
            "submitted",
            codeHash,
            { id: null, name: "applicant" },
          );
          return ref;
        });
        return c.json(
          {
            reference: id,
            accessCode: code,
            notice: "Keep the reference and the access code: the code is shown only now and cannot be recovered.",
          },
          201,
        );
      },
    )
    .openapi(
      route("public", {
        method: "post",
        path: "/api/applicant/status",
        tags: ["applicants"],
        summary: "An applicant's own request, its status and any offer (reference + access code)",
        request: body(Credentials),
        responses: { 200: json(Loose, "The request"), ...errors(404, 422, 429) },
      }),
      async (c) => {
        const { reference, code } = c.req.valid("json");
        const r = await applicantRequest(c, reference, code);
        return c.json(statusOf(c, r.id), 200);
      },
    )
    .openapi(
      route("public", {
        method: "post",
        path: "/api/applicant/offer",
        tags: ["applicants"],
        summary: "An applicant accepts or declines their offer before its deadline",
        request: body(Credentials.extend({ answer: z.enum(["accepted", "declined"]) }).strict()),
        responses: { 200: json(Loose, "Recorded"), ...errors(404, 409, 422, 429) },
      }),
      async (c) => {
        const { db } = c.get("services");
        const { reference, code, answer } = c.req.valid("json");
        const r = await applicantRequest(c, reference, code);
        tx(db, () => {
          const d = db
            .prepare("SELECT offer_status, offer_deadline FROM decisions WHERE request_id = ? AND decision = 'funded'")
            .get(r.id) as { offer_status: string; offer_deadline: string } | undefined;
          if (!d) throw new DomainError("conflict", "no-offer", "this request has no offer");
          if (d.offer_status !== "pending") throw new DomainError("conflict", "offer-answered", `the offer was ${d.offer_status} already`);
          if (new Date().toISOString().slice(0, 10) > d.offer_deadline)
            throw new DomainError("conflict", "offer-expired", `the offer's deadline (${d.offer_deadline}) has passed`);
          recordOfferAnswer(db, r.roundId, r.id, answer, `offer ${answer} by the applicant`, { id: null, name: "applicant" });
          audit(db, { actor: "applicant", action: "offer", entity: "request", entityId: r.id, data: { answer } });
        });
        return c.json(statusOf(c, r.id), 200);
      },
    )
    .openapi(
      route(["donor", "admin"], {
        method: "get",
        path: "/api/rounds/{roundId}/rationale",
        tags: ["donors"],
        summary:
          "The rationale of the round's approved run, without personal contact data: weights, rules, each funded delegate's State, region, status, gender, score breakdown and paying donor; the baselines; the money curve; the price of each rule; robustness",
        request: { params: RoundId },
        responses: { 200: json(Loose, "The rationale"), ...errors(401, 403, 404, 409) },
      }),
      async (c) => {
        const { db } = c.get("services");
        const { roundId } = c.req.valid("param");
        const user = userOf(c);
        const round = getRound(db, roundId);
        requireDonorOf(db, user, roundId);
        const run = db
          .prepare(
            "SELECT id, settings_version, problem, scores, result, approved_at FROM runs WHERE round_id = ? AND approved_at IS NOT NULL ORDER BY approved_at DESC LIMIT 1",
          )
          .get(roundId) as
          { id: string; settings_version: number; problem: string; scores: string; result: string; approved_at: string } | undefined;
        if (!run) throw new DomainError("conflict", "not-approved", `round ${roundId} has no approved allocation yet`);
        const problem = JSON.parse(run.problem) as Problem;
        const result = JSON.parse(run.result) as AllocationResult;
        const scores = JSON.parse(run.scores) as {
          rules: string;
          referenceData: unknown;
          requests: { id: string; criteria: unknown; total: number; reasons: unknown }[];
        };
        const scoreOf = new Map(scores.requests.map((s) => [s.id, s]));
        const settings = currentSettings(db, roundId);
        const [curve, sensitivity, robustness] = await analyticsOf(run.id, problem);
        return c.json(
          {
            round: { id: round.id, meeting: round.meeting, venue: round.venue, startDate: round.startDate, endDate: round.endDate },
            runId: run.id,
            approvedAt: run.approved_at,
            yourDonor: user.donorId,
            budget: problem.budget,
            // The donors with their amounts and earmarks (how each earmark was honoured is in each funded delegate's funding).
            donors: (problem.donors ?? []).map((d) => ({
              id: d.id,
              amount: d.amount,
              regions: d.regions ?? null,
              statuses: d.statuses ?? null,
              states: d.states ?? null,
            })),
            weights: problem.weights,
            policy: problem.policy,
            rules: scores.rules,
            settingsVersion: run.settings_version,
            settingsNote: settings.version === run.settings_version ? settings.note : null,
            referenceData: scores.referenceData,
            value: result.value,
            summary: result.summary,
            // Each funded delegate by reference: State, region, status, gender, level, cost, score breakdown,
            // paying donors. No name, e-mail, title, organisation or justification.
            funded: result.funded.map((f) => ({
              id: f.id,
              state: f.state,
              region: f.region,
              status: f.status,
              gender: f.gender,
              level: f.level,
              cost: f.cost,
              value: f.value,
              funding: f.funding,
              lossIfDropped: f.lossIfDropped ?? null,
              score: scoreOf.get(f.id)
                ? { criteria: scoreOf.get(f.id)!.criteria, total: scoreOf.get(f.id)!.total, reasons: scoreOf.get(f.id)!.reasons }
                : null,
            })),
            notFunded: result.notFunded.map((n) => ({ id: n.id, reason: n.reason })),
            baselines: result.baselines.map((b) => ({
              name: b.name,
              description: b.description,
              value: b.value,
              count: b.count,
              totalCost: b.totalCost,
              broken: b.broken,
            })),
            moneyCurve: curve,
            // The price of each rule (locks left out: they name people), and how firm each decision is.
            rulePrices: sensitivity.rules.map((r) => ({
              rule: r.rule,
              stated: r.stated,
              relaxedTo: r.relaxedTo,
              cost: r.cost,
              text: r.text,
            })),
            robustness: {
              samples: robustness.samples,
              solved: robustness.solved,
              counts: robustness.counts,
              borderline: robustness.requests
                .filter((q) => q.class === "borderline")
                .map((q) => ({ id: q.id, share: q.share, inBase: q.inBase })),
            },
          },
          200,
        );
      },
    );
}
