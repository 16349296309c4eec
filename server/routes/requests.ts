// Requests (staff): list, read, create, edit, status, history; reviews; import and export as CSV / XLSX.
import { z } from "zod";
import { RequestAttributesSchema, scoreRound } from "../../scoring/criteria/index.js";
import { audit } from "../audit.js";
import { tx } from "../db/database.js";
import { body, errors, json, newApp, route, userOf } from "../http.js";
import { DomainError, checkVersion } from "../errors.js";
import {
  getRequest,
  getRound,
  insertRequest,
  listRequests,
  nextReference,
  REQUEST_STATUSES,
  requestHistory,
  roundFileOf,
  setRequestStatus,
} from "../store/index.js";
import { attributesToRows, parseCsv, parseXlsx, REQUEST_COLUMNS, rowsToAttributes, toCsv, toXlsx } from "../tabular.js";

const RoundId = z.object({ roundId: z.string().min(1).max(64) });
const RequestId = z.object({ requestId: z.string().min(1).max(64) });
const RequestOut = z.looseObject({ id: z.string(), status: z.string(), version: z.number() });
const STAFF = ["admin", "reviewer"] as const satisfies ("admin" | "reviewer")[];

export function requestRoutes() {
  return newApp()
    .openapi(
      route(STAFF, {
        method: "get",
        path: "/api/rounds/{roundId}/requests",
        tags: ["requests"],
        summary: "The round's requests with their attributes and status",
        request: { params: RoundId },
        responses: { 200: json(z.array(RequestOut), "Requests"), ...errors(401, 403, 404) },
      }),
      (c) => c.json(listRequests(c.get("services").db, c.req.valid("param").roundId), 200),
    )
    .openapi(
      route(STAFF, {
        method: "get",
        path: "/api/requests/{requestId}",
        tags: ["requests"],
        summary: "A request, its status history and its reviews",
        request: { params: RequestId },
        responses: { 200: json(RequestOut, "The request"), ...errors(401, 403, 404) },
      }),
      (c) => {
        const { db } = c.get("services");
        const { requestId } = c.req.valid("param");
        const request = getRequest(db, requestId);
        const reviews = db
          .prepare(
            "SELECT u.username AS reviewer, r.rating, r.comment, r.conflict, r.updated_at AS updatedAt, r.version FROM reviews r JOIN users u ON u.id = r.reviewer_id WHERE r.request_id = ? ORDER BY u.username",
          )
          .all(requestId) as {
          reviewer: string;
          rating: number | null;
          comment: string;
          conflict: number;
          updatedAt: string;
          version: number;
        }[];
        return c.json(
          { ...request, history: requestHistory(db, requestId), reviews: reviews.map((r) => ({ ...r, conflict: r.conflict === 1 })) },
          200,
        );
      },
    )
    .openapi(
      route(["admin"], {
        method: "post",
        path: "/api/rounds/{roundId}/requests",
        tags: ["requests"],
        summary: "Enter a request for an applicant (the reference is given when id is left out)",
        request: { params: RoundId, ...body(RequestAttributesSchema.extend({ id: z.string().min(1).max(64).optional() }).strict()) },
        responses: { 201: json(RequestOut, "Created"), ...errors(401, 403, 404, 409, 422) },
      }),
      (c) => {
        const { db, reference } = c.get("services");
        const { roundId } = c.req.valid("param");
        const input = c.req.valid("json");
        const user = userOf(c);
        return c.json(
          tx(db, () => {
            getRound(db, roundId);
            if (!reference.states.has(input.state))
              throw new DomainError("invalid", "validation", "the input is not valid", {
                problems: [{ path: "state", message: `unknown State "${input.state}"` }],
              });
            const id = input.id ?? nextReference(db, roundId);
            if (db.prepare("SELECT 1 FROM requests WHERE id = ?").get(id))
              throw new DomainError("conflict", "exists", `a request "${id}" exists already`);
            insertRequest(db, roundId, { ...input, id }, "submitted", null, { id: user.id, name: user.username });
            return getRequest(db, id);
          }),
          201,
        );
      },
    )
    .openapi(
      route(["admin"], {
        method: "put",
        path: "/api/requests/{requestId}",
        tags: ["requests"],
        summary: "Edit a request's attributes (with the version read)",
        request: {
          params: RequestId,
          ...body(z.strictObject({ attributes: RequestAttributesSchema.omit({ id: true }).strict(), version: z.number().int().min(1) })),
        },
        responses: { 200: json(RequestOut, "Saved"), ...errors(401, 403, 404, 409, 422) },
      }),
      (c) => {
        const { db, reference } = c.get("services");
        const { requestId } = c.req.valid("param");
        const { attributes, version } = c.req.valid("json");
        const user = userOf(c);
        return c.json(
          tx(db, () => {
            const current = getRequest(db, requestId);
            checkVersion(current, version);
            if (!reference.states.has(attributes.state))
              throw new DomainError("invalid", "validation", "the input is not valid", {
                problems: [{ path: "attributes.state", message: `unknown State "${attributes.state}"` }],
              });
            db.prepare("UPDATE requests SET attributes = ?, updated_at = ?, version = version + 1 WHERE id = ?").run(
              JSON.stringify({ ...attributes, id: requestId }),
              new Date().toISOString(),
              requestId,
            );
            audit(db, { actor: user.username, action: "update", entity: "request", entityId: requestId, data: attributes });
            return getRequest(db, requestId);
          }),
          200,
        );
      },
    )
    .openapi(
      route(["admin"], {
        method: "post",
        path: "/api/requests/{requestId}/status",
        tags: ["requests"],
        summary: "Change a request's status (e.g. withdrawn, ineligible), with a note",
        request: {
          params: RequestId,
          ...body(
            z.strictObject({
              status: z.enum(["submitted", "under-review", "withdrawn", "ineligible"]),
              note: z.string().max(2000).default(""),
              version: z.number().int().min(1),
            }),
          ),
        },
        responses: { 200: json(RequestOut, "Saved"), ...errors(401, 403, 404, 409, 422) },
      }),
      (c) => {
        const { db } = c.get("services");
        const { requestId } = c.req.valid("param");
        const { status, note, version } = c.req.valid("json");
        const user = userOf(c);
        return c.json(
          tx(db, () => {
            checkVersion(getRequest(db, requestId), version);
            setRequestStatus(db, requestId, status, note, { id: user.id, name: user.username });
            return getRequest(db, requestId);
          }),
          200,
        );
      },
    )
    .openapi(
      route(["admin"], {
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
        responses: { 200: json(RequestOut, "Saved"), ...errors(401, 403, 404, 409, 422) },
      }),
      (c) => {
        const { db } = c.get("services");
        const { requestId } = c.req.valid("param");
        const { lock, justification, version } = c.req.valid("json");
        const user = userOf(c);
        return c.json(
          tx(db, () => {
            const current = getRequest(db, requestId);
            checkVersion(current, version);
            const { lock: _old, ...rest } = current.attributes;
            const attributes = lock ? { ...rest, lock } : rest;
            db.prepare("UPDATE requests SET attributes = ?, updated_at = ?, version = version + 1 WHERE id = ?").run(
              JSON.stringify(attributes),
              new Date().toISOString(),
              requestId,
            );
            db.prepare("INSERT INTO request_history (request_id, status, note, at, by_user) VALUES (?, ?, ?, ?, ?)").run(
              requestId,
              current.status,
              `${lock ? `locked ${lock}` : "lock lifted"}: ${justification}`,
              new Date().toISOString(),
              user.id,
            );
            audit(db, { actor: user.username, action: "lock", entity: "request", entityId: requestId, data: { lock, justification } });
            return getRequest(db, requestId);
          }),
          200,
        );
      },
    )
    .openapi(
      route(STAFF, {
        method: "get",
        path: "/api/rounds/{roundId}/scores",
        tags: ["requests"],
        summary: "Every request scored with the round's current (or a given version of) settings: points per criterion with their reasons",
        request: { params: RoundId, query: z.object({ settingsVersion: z.coerce.number().int().min(1).optional() }) },
        responses: {
          200: json(z.looseObject({ requests: z.array(z.looseObject({ id: z.string() })) }), "The scores"),
          ...errors(401, 403, 404, 422),
        },
      }),
      (c) => {
        const { db } = c.get("services");
        const { file, reference, settingsVersion } = roundFileOf(db, c.req.valid("param").roundId, c.req.valid("query").settingsVersion);
        const { problem: _p, ...scored } = scoreRound(file, reference);
        return c.json({ settingsVersion, ...scored }, 200);
      },
    )
    .openapi(
      route(STAFF, {
        method: "put",
        path: "/api/requests/{requestId}/review",
        tags: ["reviews"],
        summary:
          "Your review of a request: a technical-value rating 0–5 with a comment, or a declared conflict of interest (then no rating)",
        request: {
          params: RequestId,
          ...body(
            z
              .strictObject({
                rating: z.number().min(0).max(5).nullable(),
                comment: z.string().max(5000).default(""),
                conflict: z.boolean().default(false),
                version: z.number().int().min(1).optional(),
              })
              .refine((r) => !(r.conflict && r.rating !== null), {
                message: "a reviewer with a conflict of interest cannot rate the request",
                path: ["rating"],
              }),
          ),
        },
        responses: { 200: json(z.looseObject({ rating: z.number().nullable() }), "Saved"), ...errors(401, 403, 404, 409, 422) },
      }),
      (c) => {
        const { db } = c.get("services");
        const { requestId } = c.req.valid("param");
        const r = c.req.valid("json");
        const user = userOf(c);
        return c.json(
          tx(db, () => {
            getRequest(db, requestId);
            const existing = db
              .prepare("SELECT version, conflict FROM reviews WHERE request_id = ? AND reviewer_id = ?")
              .get(requestId, user.id) as { version: number; conflict: number } | undefined;
            if (existing) {
              if (r.version === undefined)
                throw new DomainError("conflict", "exists", "you reviewed this request already: send the review's version to change it");
              checkVersion(existing, r.version);
              if (existing.conflict === 1 && r.rating !== null)
                throw new DomainError("invalid", "validation", "the input is not valid", {
                  problems: [{ path: "rating", message: "you declared a conflict of interest with this request" }],
                });
              db.prepare(
                "UPDATE reviews SET rating = ?, comment = ?, conflict = ?, updated_at = ?, version = version + 1 WHERE request_id = ? AND reviewer_id = ?",
              ).run(r.rating, r.comment, r.conflict ? 1 : 0, new Date().toISOString(), requestId, user.id);
            } else {
              db.prepare(
                "INSERT INTO reviews (request_id, reviewer_id, rating, comment, conflict, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
              ).run(requestId, user.id, r.rating, r.comment, r.conflict ? 1 : 0, new Date().toISOString());
            }
            audit(db, {
              actor: user.username,
              action: "review",
              entity: "request",
              entityId: requestId,
              data: { rating: r.rating, conflict: r.conflict },
            });
            const row = db
              .prepare(
                "SELECT rating, comment, conflict, updated_at AS updatedAt, version FROM reviews WHERE request_id = ? AND reviewer_id = ?",
              )
              .get(requestId, user.id) as { rating: number | null; comment: string; conflict: number; updatedAt: string; version: number };
            return { ...row, conflict: row.conflict === 1 };
          }),
          200,
        );
      },
    )
    .openapi(
      route(["admin"], {
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
      }),
      async (c) => {
        const { db, reference } = c.get("services");
        const { roundId } = c.req.valid("param");
        const input = c.req.valid("json");
        const user = userOf(c);
        getRound(db, roundId);
        const table = input.format === "csv" ? parseCsv(input.content) : await parseXlsx(Buffer.from(input.contentBase64, "base64"));
        let next = Number(nextReference(db, roundId).slice(roundId.length + 1));
        const { requests, problems } = rowsToAttributes(table.rows, () => `${roundId}-${String(next++).padStart(3, "0")}`);
        problems.unshift(...table.problems);
        for (const { row, attrs } of requests) {
          if (!reference.states.has(attrs.state)) problems.push({ row, column: "state", message: `unknown State "${attrs.state}"` });
          if (db.prepare("SELECT 1 FROM requests WHERE id = ?").get(attrs.id))
            problems.push({ row, column: "id", message: `a request "${attrs.id}" exists already` });
        }
        if (table.rows.length === 0 && problems.length === 0) problems.push({ row: 0, column: "", message: "the file has no request" });
        if (problems.length)
          throw new DomainError("invalid", "import", `nothing imported: ${problems.length} problem(s) in the file`, {
            problems: problems.sort((a, b) => a.row - b.row),
          });
        tx(db, () => {
          for (const { attrs } of requests) insertRequest(db, roundId, attrs, "submitted", null, { id: user.id, name: user.username });
          audit(db, {
            actor: user.username,
            action: "import",
            entity: "round",
            entityId: roundId,
            data: { format: input.format, count: requests.length },
          });
        });
        return c.json({ imported: requests.length, ids: requests.map((r) => r.attrs.id) }, 201);
      },
    )
    .openapi(
      route(STAFF, {
        method: "get",
        path: "/api/rounds/{roundId}/requests/export",
        tags: ["requests"],
        summary: "Export the round's requests as CSV or XLSX (the import's columns, plus status)",
        request: { params: RoundId, query: z.object({ format: z.enum(["csv", "xlsx"]).default("csv") }) },
        responses: { 200: { description: "The file" }, ...errors(401, 403, 404, 422) },
      }),
      async (c) => {
        const { db } = c.get("services");
        const { roundId } = c.req.valid("param");
        const { format } = c.req.valid("query");
        const rows = attributesToRows(listRequests(db, roundId));
        const columns = [...REQUEST_COLUMNS, "status"];
        c.header("Content-Disposition", `attachment; filename="${roundId}-requests.${format}"`);
        if (format === "csv") return c.body(toCsv(rows, columns), 200, { "Content-Type": "text/csv; charset=utf-8" });
        return c.body(new Uint8Array(await toXlsx(rows, columns, roundId)), 200, {
          "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        });
      },
    );
}

export { REQUEST_STATUSES };
