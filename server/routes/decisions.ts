// Decisions: approving a run into offers, a waitlist and decisions; offers' answers and actual costs;
// replacement proposals after declines and lapsed offers. The work is in services/decisions.ts.
import { RECORDED_BY_STAFF } from "../../scoring/domain/index.js";
import { z } from "zod";
import { actorOf, body, errors, json, newApp, route, RoundId, RunId, STAFF } from "../http/index.js";
import { approveRun, recordOffer, runChanges } from "../services/decisions.js";
import { applyReplacement, proposeReplacements } from "../services/replacements.js";
import { DecisionRecordSchema, ReplacementProposalSchema } from "../schemas/index.js";
import { getRound, listDecisions, openReplacement } from "../services/queries.js";

// The routes: each a named definition (its guard, input and answers), its handler in the chain below.
const postRunsApprove = route(["admin"], {
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
        /** Given when the approver has read what changed since the run (GET …/changes) and approves it as it was. */
        outOfDate: z.literal("approve-as-it-was").optional(),
      }),
    ),
  },
  responses: { 200: json(z.array(DecisionRecordSchema), "The decisions"), ...errors(401, 403, 404, 409, 422) },
});

const getRunsChanges = route(STAFF, {
  method: "get",
  path: "/api/runs/{runId}/changes",
  tags: ["decisions"],
  summary:
    "What changed in the round since the run read it (money, weights, rules, requests, points, costs), in words: empty when it is up to date",
  request: { params: RunId },
  responses: { 200: json(z.object({ changes: z.array(z.string()) }), "The changes"), ...errors(401, 403, 404, 409) },
});

const getRoundsDecisions = route(STAFF, {
  method: "get",
  path: "/api/rounds/{roundId}/decisions",
  tags: ["decisions"],
  summary: "The published decisions and the offers' state",
  request: { params: RoundId },
  responses: { 200: json(z.array(DecisionRecordSchema), "Decisions"), ...errors(401, 403, 404) },
});

const postRoundsOffersOne = route(["admin"], {
  method: "post",
  path: "/api/rounds/{roundId}/offers/{requestId}",
  tags: ["decisions"],
  summary:
    "Record an offer's answer (accepted, declined, expired: its deadline passed) or its settlement after the meeting: travelled with its actual cost, a no-show or a late cancellation with what could not be refunded (default 0); or correct a settled offer's actual cost",
  request: {
    params: RoundId.extend({ requestId: z.string().min(1).max(64) }),
    ...body(
      z.strictObject({
        offerStatus: z.enum(RECORDED_BY_STAFF).optional(),
        actualCost: z.number().finite().min(0).max(1e6).optional(),
        on: z.iso.date().optional().describe("The day the answer came or the offer was settled (default today)"),
        note: z
          .string()
          .max(2000)
          .optional()
          .describe("Why: kept in the request's history and the audit log (required where the state asks for it)"),
        version: z.number().int().min(1),
      }),
    ),
  },
  responses: { 200: json(DecisionRecordSchema, "Saved"), ...errors(401, 403, 404, 409, 422) },
});

const postRoundsReplacements = route(["admin"], {
  method: "post",
  path: "/api/rounds/{roundId}/replacements",
  tags: ["decisions"],
  summary: "Propose replacements for the declined and expired offers (everyone else kept at their level)",
  request: { params: RoundId },
  responses: { 201: json(ReplacementProposalSchema, "The proposal"), ...errors(401, 403, 404, 409, 422) },
});

const getRoundsReplacementsOpen = route(STAFF, {
  method: "get",
  path: "/api/rounds/{roundId}/replacements/open",
  tags: ["decisions"],
  summary: "The round's open replacement proposal (the latest, not yet applied), or null",
  request: { params: RoundId },
  responses: { 200: json(ReplacementProposalSchema.nullable(), "The open proposal, or null"), ...errors(401, 403, 404) },
});

const postReplacementsApply = route(["admin"], {
  method: "post",
  path: "/api/replacements/{replacementId}/apply",
  tags: ["decisions"],
  summary: "Apply a replacement proposal: the replacements get offers with the deadline given",
  request: { params: z.object({ replacementId: z.string().uuid() }), ...body(z.strictObject({ offerDeadline: z.iso.date() })) },
  responses: { 200: json(z.array(DecisionRecordSchema), "The decisions"), ...errors(401, 403, 404, 409, 422) },
});

export function decisionRoutes() {
  return newApp()
    .openapi(postRunsApprove, (c) =>
      c.json(approveRun(c.get("services"), c.req.valid("param").runId, c.req.valid("json"), actorOf(c)), 200),
    )
    .openapi(getRunsChanges, (c) => c.json({ changes: runChanges(c.get("services"), c.req.valid("param").runId) }, 200))
    .openapi(getRoundsDecisions, (c) => {
      const { db } = c.get("services");
      getRound(db, c.req.valid("param").roundId);
      return c.json(listDecisions(db, c.req.valid("param").roundId), 200);
    })
    .openapi(postRoundsOffersOne, (c) => {
      const { roundId, requestId } = c.req.valid("param");
      return c.json(recordOffer(c.get("services"), roundId, requestId, c.req.valid("json"), actorOf(c)), 200);
    })
    .openapi(postRoundsReplacements, async (c) =>
      c.json(await proposeReplacements(c.get("services"), c.req.valid("param").roundId, actorOf(c)), 201),
    )
    .openapi(getRoundsReplacementsOpen, (c) => {
      const { db } = c.get("services");
      const { roundId } = c.req.valid("param");
      getRound(db, roundId);
      const open = openReplacement(db, roundId);
      return c.json(open ? { id: open.id, status: "proposed" as const, proposal: open.proposal } : null, 200);
    })
    .openapi(postReplacementsApply, (c) =>
      c.json(applyReplacement(c.get("services"), c.req.valid("param").replacementId, c.req.valid("json").offerDeadline, actorOf(c)), 200),
    );
}
