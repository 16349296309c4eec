// The HTTP plumbing every route shares: the app's environment (services, the signed-in user), the one
// error format, route definitions that must declare their guard, and optimistic concurrency.
import { createRoute, OpenAPIHono, type RouteConfig } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler, TypedResponse } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { z } from "zod";
import { ACCOUNT_ROLE, fieldProblems, InvalidInputError, STAFF_ROLES, type AccountRole } from "../scoring/domain/index.js";
import { DomainError, type ErrorKind } from "./errors.js";
import type { ReferenceData } from "../scoring/criteria/index.js";
import type { Config } from "./config.js";
import type { WorkLimiter } from "./limits.js";
import type { Db } from "./db/database.js";
import type { Actor } from "./services/actor.js";
import type { RunManager } from "./services/runs.js";

export type Role = AccountRole;

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  donorId: string | null;
  csrfToken: string;
}

export interface Services {
  db: Db;
  config: Config;
  reference: ReferenceData;
  runs: RunManager;
  /** The analytics' limits (per user, for the server). */
  analyses: WorkLimiter;
}

export interface AppEnv {
  Variables: { services: Services; user: SessionUser | null };
}

export type Ctx = Context<AppEnv>;

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

export function newApp(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    // Request validation failures: 422 with each problem by its path (a body that is not JSON: 400).
    defaultHook: (result, c) => {
      if (!result.success) {
        const problems = fieldProblems(result.error).map((p) => ({
          ...p,
          path: result.target === "json" ? p.path : `${result.target}.${p.path}`,
        }));
        return c.json({ error: { code: "validation", message: "the input is not valid", details: { problems } } }, 422);
      }
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Guards. Every route is defined through `route()`, which needs a guard: the roles allowed, or
// "public" said explicitly. The guards are recorded, so that a test can list every route with its guard.

export type Guard = "public" | readonly Role[];
export const GUARDS = new Map<string, Guard>();

export function requireRole(guard: Guard): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (guard !== "public") {
      const user = c.get("user");
      if (!user) throw new DomainError("unauthenticated", "unauthenticated", "sign in first");
      if (!guard.includes(user.role)) throw new DomainError("forbidden", "forbidden", `this needs the role ${guard.join(" or ")}`);
    }
    await next();
  };
}

export function route<P extends string, R extends Omit<RouteConfig, "path" | "middleware"> & { path: P }>(guard: Guard, config: R) {
  GUARDS.set(`${config.method.toUpperCase()} ${config.path}`, guard);
  const security = guard === "public" ? [] : [{ session: [] }];
  const who = guard === "public" ? "Public." : `Roles: ${guard.join(", ")}.`;
  return createRoute({
    ...config,
    security,
    description: `${config.description ?? ""}${config.description ? "\n\n" : ""}${who}`,
    middleware: [requireRole(guard)] as const,
  });
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

export const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });
export const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { "application/json": { schema } }, required: true } });

// ---------------------------------------------------------------------------------------------
// What several route modules share: the staff's roles and the ids in paths.

export const STAFF = STAFF_ROLES;
/** Every signed-in account: staff and donors. */
export const SIGNED_IN = ACCOUNT_ROLE.codes;
export const RoundId = z.object({ roundId: z.string().min(1).max(64) });
export const RunId = z.object({ runId: z.string().uuid() });
export const RequestId = z.object({ requestId: z.string().min(1).max(64) });

/** The signed-in user as the author of a change (services and the audit log). */
export function actorOf(c: Ctx): Actor {
  const user = userOf(c);
  return { id: user.id, name: user.username };
}

/** The signed-in user (for routes whose guard requires one). */
export function userOf(c: Ctx): SessionUser {
  const user = c.get("user");
  if (!user) throw new DomainError("unauthenticated", "unauthenticated", "sign in first");
  return user;
}

/**
 * An answer sent as prepared (a file such as the statement's CSV, or a run's stored JSON spliced as text)
 * on a route whose schema documents its JSON: the client's type stays the documented one. The only place
 * such an answer is typed by assertion.
 */
export function sentAsIs<T>(res: Response): TypedResponse<T, 200, "json"> {
  return res as unknown as TypedResponse<T, 200, "json">;
}
