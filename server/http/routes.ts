// Routes as the app defines them: an OpenAPI app whose input failures are 422 with each problem by its
// path, route definitions that must declare their guard (recorded, so that a test lists every route with
// its guard), the shapes shared by route modules, and an answer sent as prepared.
import { createRoute, OpenAPIHono, type RouteConfig } from "@hono/zod-openapi";
import type { MiddlewareHandler, TypedResponse } from "hono";
import { z } from "zod";
import { ACCOUNT_ROLE, fieldProblems, STAFF_ROLES } from "../../scoring/domain/index.js";
import { DomainError } from "../errors.js";
import type { AppEnv, Role } from "./context.js";
import { errorAnswer } from "./errors.js";

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

/** The routes whose work runs within the work limiter (see `route`'s `heavy`), by method and path. */
export const HEAVY_ROUTES = new Set<string>();

/**
 * Heavy or synchronous work (a what-if's inputs, an export, a statement, an import, a comparison) within
 * the server's work limiter: at most WORK_PER_USER at once for one user and one at a time on the server,
 * the rest in a bounded queue, 429 with Retry-After beyond (a user's flood waits on that user alone).
 * Before the work starts, the event loop is let go once, so that what waited behind the last piece of
 * work (a health check, another user's page) is answered first.
 */
function limitedWork(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { work } = c.get("services");
    // A refusal is answered here, at once: under a flood it is most of the work (the caller's signal is
    // not even made for it; see WorkLimiter.acquire).
    let release: () => void;
    try {
      release = await work.acquire(c.get("user")?.username ?? "anonymous", () => c.req.raw.signal);
    } catch (e) {
      if (e instanceof DomainError) return errorAnswer(e, c);
      throw e;
    }
    try {
      await new Promise((resolve) => setImmediate(resolve));
      await next();
    } finally {
      release();
    }
  };
}

export function route<P extends string, R extends Omit<RouteConfig, "path" | "middleware"> & { path: P }>(
  guard: Guard,
  config: R,
  opts: { heavy?: boolean } = {},
) {
  const key = `${config.method.toUpperCase()} ${config.path}`;
  GUARDS.set(key, guard);
  if (opts.heavy) HEAVY_ROUTES.add(key);
  const security = guard === "public" ? [] : [{ session: [] }];
  const limits = opts.heavy ? " Within the work limits: 429 `too-many-running` or `server-busy` with Retry-After beyond them." : "";
  const who = `${guard === "public" ? "Public." : `Roles: ${guard.join(", ")}.`}${limits}`;
  return createRoute({
    ...config,
    security,
    description: `${config.description ?? ""}${config.description ? "\n\n" : ""}${who}`,
    middleware: opts.heavy ? ([requireRole(guard), limitedWork()] as const) : ([requireRole(guard)] as const),
  });
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

/**
 * An answer sent as prepared (a file such as the statement's CSV, or a run's stored JSON spliced as text)
 * on a route whose schema documents its JSON: the client's type stays the documented one. The only place
 * such an answer is typed by assertion.
 */
export function sentAsIs<T>(res: Response): TypedResponse<T, 200, "json"> {
  return res as unknown as TypedResponse<T, 200, "json">;
}
