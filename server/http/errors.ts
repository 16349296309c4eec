// The one error-to-HTTP mapping: every refusal of the services (a DomainError's kind), an input the core
// refused, a storage failure or an HTTP exception becomes `{ error: { code, message, details } }` with its
// status; never a stack trace. The pages take their statuses from here too.
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { z } from "zod";
import { InvalidInputError } from "../../scoring/domain/index.js";
import { DomainError, type ErrorKind } from "../errors.js";

/** The HTTP status of each kind of domain error (errors.ts). */
const STATUS: Record<ErrorKind, ContentfulStatusCode> = {
  unauthenticated: 401,
  forbidden: 403,
  "not-found": 404,
  conflict: 409,
  invalid: 422,
  "rate-limited": 429,
};

export const ErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) });

/** The one error handler: `{ error: { code, message, details } }`, never a stack trace. */
export function errorBody(e: unknown): { status: ContentfulStatusCode; body: z.infer<typeof ErrorSchema> } {
  if (e instanceof DomainError)
    return {
      status: STATUS[e.kind],
      body: { error: { code: e.code, message: e.message, ...(e.details === undefined ? {} : { details: e.details }) } },
    };
  if (e instanceof InvalidInputError)
    return { status: 422, body: { error: { code: "validation", message: "the input is not valid", details: { problems: e.problems } } } };
  const storage = storageProblem(e);
  if (storage) return { status: 503, body: { error: { code: "storage-unavailable", message: storage } } };
  // (A ZodError here comes from stored data, not from the client, whose input is validated at the edge: a 500.)
  if (e instanceof HTTPException)
    return {
      status: e.status as ContentfulStatusCode,
      body: { error: { code: e.status === 400 ? "bad-request" : "http", message: e.message || "bad request" } },
    };
  return { status: 500, body: { error: { code: "internal", message: "internal error" } } };
}

/** The answer to an error, as the one mapping says it (never a stack trace), with Retry-After when it says when to come back. */
export function errorAnswer(e: unknown, c: Context): Response {
  const { status, body } = errorBody(e);
  if (status === 503) c.header("Retry-After", "30");
  if (status >= 500) console.error(e); // logged here; never sent
  if (status === 429) {
    const retry = (body.error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    if (retry) c.header("Retry-After", String(retry));
  }
  return c.json(body, status);
}

/**
 * The database cannot take the write (disk full, file or disk read-only, I/O error, locked too long):
 * the change was rolled back whole (every write is one transaction), and the client is told to retry
 * later (503) in words an operator can act on. Anything else: null.
 */
export function storageProblem(e: unknown): string | null {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== "string" || !code.startsWith("SQLITE_")) return null;
  if (code === "SQLITE_FULL") return "the database's disk is full: nothing was saved; try again once space is freed";
  if (code.startsWith("SQLITE_READONLY")) return "the database is read-only: nothing was saved; try again once it is writable";
  if (code.startsWith("SQLITE_IOERR")) return "the database could not be written (input/output error): nothing was saved; try again later";
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"))
    return "the database is busy: nothing was saved; try again in a moment";
  if (code.startsWith("SQLITE_CANTOPEN")) return "the database file cannot be opened: nothing was saved";
  return null;
}

/** Common error responses for the OpenAPI document. */
export function errors(
  ...codes: (400 | 401 | 403 | 404 | 409 | 422 | 429)[]
): Record<number, { description: string; content: { "application/json": { schema: typeof ErrorSchema } } }> {
  const text: Record<number, string> = {
    400: "Malformed request",
    401: "Not signed in",
    403: "Not allowed for this role",
    404: "Not found",
    409: "Stale version: the record changed since it was read",
    422: "Invalid input, each problem by its path",
    429: "Too many attempts",
  };
  return Object.fromEntries(
    codes.map((code) => [code, { description: text[code]!, content: { "application/json": { schema: ErrorSchema } } }]),
  );
}
