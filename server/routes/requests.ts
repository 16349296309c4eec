// Requests (staff): list, read, create, edit, status, history; reviews; import and export as CSV / XLSX.
import { z } from "zod";
import { RequestAttributesSchema, scoreRound } from "../../scoring/criteria/index.js";
import { RequestDetailSchema, RequestRecordSchema, ScoresSchema } from "../schemas/index.js";
import { actorOf, body, errors, json, newApp, route, RoundId, RequestId, STAFF } from "../http/index.js";
import { csvOf, download, tableXlsx } from "../io/exports.js";
import { changeStatus, createRequest, editRequest, importRequests, reviewInterest, setException, setLock } from "../services/requests.js";
import { REQUEST_STATUS, INTEREST_REVIEW, SET_BY_STAFF } from "../../scoring/domain/index.js";
import { getRequest, getRound, listRequests, requestHistory, roundFileOf, listReviews } from "../services/queries.js";
import { attributesToRows, REQUEST_COLUMNS } from "../io/tabular.js";

/** Why staff change a request on a person's behalf: kept in its history. */
const HistoryReason = z.string().trim().min(3, "say why (at least 3 characters): it stays in the request's history").max(2000);

// The routes: each a named definition (its guard, input and answers), its handler in the chain below.
const getRoundsRequests = route(STAFF, {
  method: "get",
  path: "/api/rounds/{roundId}/requests",
  tags: ["requests"],
  summary: "The round's requests with their attributes and status",
  request: { params: RoundId },
  responses: { 200: json(z.array(RequestRecordSchema), "Requests"), ...errors(401, 403, 404) },
});

const getRequestsOne = route(STAFF, {
  method: "get",
  path: "/api/requests/{requestId}",
  tags: ["requests"],
  summary: "A request, its status history and its reviews",
  request: { params: RequestId },
  responses: { 200: json(RequestDetailSchema, "The request"), ...errors(401, 403, 404) },
});

const postRoundsRequests = route(["admin"], {
  method: "post",
  path: "/api/rounds/{roundId}/requests",
  tags: ["requests"],
  summary: "Enter a request for an applicant (the reference is given when id is left out)",
  request: { params: RoundId, ...body(RequestAttributesSchema.extend({ id: z.string().min(1).max(64).optional() }).strict()) },
  responses: { 201: json(RequestRecordSchema, "Created"), ...errors(401, 403, 404, 409, 422) },
});

const putRequestsOne = route(["admin"], {
  method: "put",
  path: "/api/requests/{requestId}",
  tags: ["requests"],
  summary: "Edit a request's attributes on the applicant's behalf (with the version read, and why: kept in its history)",
  request: {
    params: RequestId,
    ...body(
      z.strictObject({
        attributes: RequestAttributesSchema.omit({ id: true }).strict(),
        version: z.number().int().min(1),
        reason: HistoryReason,
      }),
    ),
  },
  responses: { 200: json(RequestRecordSchema, "Saved"), ...errors(401, 403, 404, 409, 422) },
});

const postRequestsStatus = route(["admin"], {
  method: "post",
  path: "/api/requests/{requestId}/status",
  tags: ["requests"],
  summary: "Change a request's status (e.g. withdrawn, ineligible), with a note",
  request: {
    params: RequestId,
    ...body(
      z.strictObject({
        status: z.enum(SET_BY_STAFF),
        note: HistoryReason,
        version: z.number().int().min(1),
      }),
    ),
  },
  responses: { 200: json(RequestRecordSchema, "Saved"), ...errors(401, 403, 404, 409, 422) },
});

const postRequestsLock = route(["admin"], {
  method: "post",
  path: "/api/requests/{requestId}/lock",
  tags: ["requests"],
  summary: "Lock a request in (must be funded) or out (must not be), or lift its lock, with a justification kept in its history",
  request: {
    params: RequestId,
    ...body(
      z.strictObject({
        lock: z.enum(["in", "out"]).nullable(),
        justification: z.string().trim().min(3, "say why (at least 3 characters)").max(2000),
        version: z.number().int().min(1),
      }),
    ),
  },
  responses: { 200: json(RequestRecordSchema, "Saved"), ...errors(401, 403, 404, 409, 422) },
});

const postRequestsInterest = route(STAFF, {
  method: "post",
  path: "/api/requests/{requestId}/interest",
  tags: ["requests"],
  summary:
    "Review a signatory's or State not party's evidence of interest: accepted (it may then be eligible and earn universalization points) or not, with a note kept in its history",
  request: {
    params: RequestId,
    ...body(
      z
        .strictObject({
          decision: z.enum(INTEREST_REVIEW),
          note: z.string().trim().max(2000).default(""),
          version: z.number().int().min(1),
        })
        .refine((b) => b.decision === "accepted" || b.note.length >= 3, {
          path: ["note"],
          message: "say why the evidence is not accepted (at least 3 characters)",
        }),
    ),
  },
  responses: { 200: json(RequestRecordSchema, "Saved"), ...errors(401, 403, 404, 409, 422) },
});

const postRequestsException = route(["admin"], {
  method: "post",
  path: "/api/requests/{requestId}/exception",
  tags: ["requests"],
  summary:
    "Admit a request that no eligibility condition admits (or withdraw the exception), with a justification kept in its history and shown to donors",
  request: {
    params: RequestId,
    ...body(
      z.strictObject({
        admit: z.boolean(),
        justification: z.string().trim().min(10, "say why the ISU makes the exception (at least 10 characters)").max(2000),
        version: z.number().int().min(1),
      }),
    ),
  },
  responses: { 200: json(RequestRecordSchema, "Saved"), ...errors(401, 403, 404, 409, 422) },
});

const getRoundsScores = route(STAFF, {
  method: "get",
  path: "/api/rounds/{roundId}/scores",
  tags: ["requests"],
  summary: "Every request scored with the round's current (or a given version of) settings: points per criterion with their reasons",
  request: { params: RoundId, query: z.object({ settingsVersion: z.coerce.number().int().min(1).optional() }) },
  responses: {
    200: json(ScoresSchema, "The scores"),
    ...errors(401, 403, 404, 422),
  },
});

const postRoundsRequestsImport = route(
  ["admin"],
  {
    method: "post",
    path: "/api/rounds/{roundId}/requests/import",
    tags: ["requests"],
    summary: "Import requests from CSV (text) or XLSX (base64): every row checked, nothing imported if any row is bad",
    request: {
      params: RoundId,
      ...body(
        z.discriminatedUnion("format", [
          z.strictObject({ format: z.literal("csv"), content: z.string().max(20_000_000) }),
          z.strictObject({ format: z.literal("xlsx"), contentBase64: z.string().max(30_000_000) }),
        ]),
      ),
    },
    responses: {
      201: json(z.object({ imported: z.number(), ids: z.array(z.string()) }), "Imported"),
      ...errors(401, 403, 404, 409, 422),
    },
  },
  { heavy: true },
);

const getRoundsRequestsExport = route(
  STAFF,
  {
    method: "get",
    path: "/api/rounds/{roundId}/requests/export",
    tags: ["requests"],
    summary: "Export the round's requests as CSV or XLSX (the import's columns, plus status)",
    request: { params: RoundId, query: z.object({ format: z.enum(["csv", "xlsx"]).default("csv") }) },
    responses: { 200: { description: "The file" }, ...errors(401, 403, 404, 422) },
  },
  { heavy: true },
);

const getRoundsRequestsTemplate = route(STAFF, {
  method: "get",
  path: "/api/rounds/{roundId}/requests/template",
  tags: ["requests"],
  summary: "An empty import file for the round: the import's columns as a header row (CSV or XLSX), one request a row below it",
  request: { params: RoundId, query: z.object({ format: z.enum(["csv", "xlsx"]).default("csv") }) },
  responses: { 200: { description: "The file" }, ...errors(401, 403, 404, 422) },
});

export function requestRoutes() {
  return newApp()
    .openapi(getRoundsRequests, (c) => c.json(listRequests(c.get("services").db, c.req.valid("param").roundId), 200))
    .openapi(getRequestsOne, (c) => {
      const { db } = c.get("services");
      const { requestId } = c.req.valid("param");
      return c.json({ ...getRequest(db, requestId), history: requestHistory(db, requestId), reviews: listReviews(db, requestId) }, 200);
    })
    .openapi(postRoundsRequests, (c) =>
      c.json(createRequest(c.get("services"), c.req.valid("param").roundId, c.req.valid("json"), actorOf(c)), 201),
    )
    .openapi(putRequestsOne, (c) =>
      c.json(editRequest(c.get("services"), c.req.valid("param").requestId, c.req.valid("json"), actorOf(c)), 200),
    )
    .openapi(postRequestsStatus, (c) =>
      c.json(changeStatus(c.get("services"), c.req.valid("param").requestId, c.req.valid("json"), actorOf(c)), 200),
    )
    .openapi(postRequestsLock, (c) =>
      c.json(setLock(c.get("services"), c.req.valid("param").requestId, c.req.valid("json"), actorOf(c)), 200),
    )
    .openapi(postRequestsInterest, (c) =>
      c.json(reviewInterest(c.get("services"), c.req.valid("param").requestId, c.req.valid("json"), actorOf(c)), 200),
    )
    .openapi(postRequestsException, (c) =>
      c.json(setException(c.get("services"), c.req.valid("param").requestId, c.req.valid("json"), actorOf(c)), 200),
    )
    .openapi(getRoundsScores, (c) => {
      const { db } = c.get("services");
      // Every request of the round, decided or not: the scores stay visible after approval.
      const { file, reference, settingsVersion } = roundFileOf(
        db,
        c.req.valid("param").roundId,
        c.req.valid("query").settingsVersion,
        REQUEST_STATUS.codes,
      );
      const { problem: _p, ...scored } = scoreRound(file, reference);
      return c.json({ settingsVersion, ...scored }, 200);
    })
    .openapi(postRoundsRequestsImport, async (c) =>
      c.json(await importRequests(c.get("services"), c.req.valid("param").roundId, c.req.valid("json"), actorOf(c)), 201),
    )
    .openapi(getRoundsRequestsExport, async (c) => {
      const { db } = c.get("services");
      const { roundId } = c.req.valid("param");
      const { format } = c.req.valid("query");
      const rows = attributesToRows(listRequests(db, roundId));
      const columns = [...REQUEST_COLUMNS, "status"];
      download(c, `${roundId}-requests.${format}`);
      if (format === "csv") return c.body(csvOf(rows, columns), 200, { "Content-Type": "text/csv; charset=utf-8" });
      return c.body(new Uint8Array(await tableXlsx(roundId, rows, columns)), 200, {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      });
    })
    .openapi(getRoundsRequestsTemplate, async (c) => {
      const { roundId } = c.req.valid("param");
      getRound(c.get("services").db, roundId);
      const { format } = c.req.valid("query");
      const columns = [...REQUEST_COLUMNS];
      download(c, `${roundId}-requests-template.${format}`);
      if (format === "csv") return c.body(csvOf([], columns), 200, { "Content-Type": "text/csv; charset=utf-8" });
      return c.body(new Uint8Array(await tableXlsx(roundId, [], columns)), 200, {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      });
    });
}
