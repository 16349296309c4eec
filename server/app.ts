// The API: one Hono app (OpenAPI from the routes' zod schemas at /api/openapi.json, Swagger UI at
// /api/docs), the session and CSRF middleware, the one error handler, and the built web UI at /.
import type { OpenAPIHono } from "@hono/zod-openapi";
import { serveStatic } from "@hono/node-server/serve-static";
import { swaggerUI } from "@hono/swagger-ui";
import { Hono, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { WorkLimiter } from "./limits.js";
import { secureHeaders } from "hono/secure-headers";
import { existsSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { z } from "zod";
import { auditEntries, verifyChain } from "./audit.js";
import { sessionMiddleware } from "./auth/sessions.js";
import { AuditViewSchema, ChainReportSchema } from "./schemas.js";
import { errorBody, errors, json, newApp, route, type AppEnv, type Ctx, type Services } from "./http/index.js";
import { authRoutes } from "./routes/auth.js";
import { backupRoutes } from "./routes/backup.js";
import { roundRoutes } from "./routes/rounds.js";
import { requestRoutes } from "./routes/requests.js";
import { runRoutes } from "./routes/runs.js";
import { decisionRoutes } from "./routes/decisions.js";
import { financeRoutes } from "./routes/finance.js";
import { applicantRoutes } from "./routes/applicants.js";
import { donorRoutes } from "./routes/donors.js";
import { accountRoutes } from "./routes/accounts.js";
import { pageRoutes } from "./routes/pages.js";
import { messageRoutes } from "./routes/messages.js";
import { setMailSettings } from "./mail/events.js";
import { addressOf } from "./mail/sender.js";
import { templates } from "./mail/templates.js";

const SWAGGER_DIST = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));

/** The deepest nesting of objects and arrays any request body may have. */
export const MAX_JSON_DEPTH = 64;

/** How deeply a JSON text nests objects and arrays (brackets inside strings do not count), in one pass. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92)
        i++; // a backslash escapes the next character
      else if (ch === 34) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 123 || ch === 91) max = Math.max(max, ++depth);
    else if (ch === 125 || ch === 93) depth--;
  }
  return max;
}

/** The headers Hono's secureHeaders gives an answer with these options. */
async function headersOf(options: Parameters<typeof secureHeaders>[0]): Promise<[string, string][]> {
  const probe = new Hono();
  probe.use(secureHeaders(options));
  probe.get("/", (c) => c.body(null, 204));
  return [...(await probe.request("/")).headers];
}

/**
 * Refuses a body larger than `max` bytes (413). A declared length is checked as it is; only a chunked
 * body is counted as it streams (Hono's bodyLimit). A GET or HEAD has no body to check: asking Hono's
 * middleware for one made the adapter build a full web Request (its stream and abort signal) for every
 * read, the largest cost of a read after the socket's own.
 */
function limitBody(max: number, onError: (c: Ctx) => Response): MiddlewareHandler<AppEnv> {
  const streamed = bodyLimit({ maxSize: max, onError });
  return async (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    const length = c.req.header("content-length");
    if (length === undefined || c.req.header("transfer-encoding") !== undefined) return streamed(c, next);
    return Number(length) > max ? onError(c) : next();
  };
}

/** Every error as the one mapping says it (never a stack trace), with Retry-After when it says when to come back; an unknown route as 404. */
function answerErrors(app: OpenAPIHono<AppEnv>): void {
  app.onError((e, c) => {
    const { status, body } = errorBody(e);
    if (status === 503) c.header("Retry-After", "30");
    if (status >= 500) console.error(e); // logged here; never sent
    if (status === 429) {
      const retry = (body.error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
      if (retry) c.header("Retry-After", String(retry));
    }
    return c.json(body, status);
  });
  app.notFound((c) => c.json({ error: { code: "not-found", message: `no route ${c.req.method} ${c.req.path}` } }, 404));
}

/** Security headers and no-store on every answer. */
function securityHeaders(app: OpenAPIHono<AppEnv>): void {
  // Security headers on every answer. The app's own pages allow only their own scripts; Mantine and the
  // charts set inline styles. Swagger UI's page needs its inline start-up script.
  const csp = {
    defaultSrc: ["'self'"],
    // WebAssembly (glpk.js, the live what-if's solver) may compile; no JavaScript eval.
    scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", "data:"],
    connectSrc: ["'self'"],
    // glpk.js runs its solver in a worker it makes from its own code (a blob: address).
    workerSrc: ["'self'", "blob:"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  };
  // Each answer's headers are set before its handler runs, so that they go out with the answer as it is
  // made: set afterwards (as Hono's middleware does), they made the Node adapter rebuild every answer as
  // a full web Response and stream its body (a third of a read's cost). Hono's secureHeaders computes
  // them once, at the first request.
  const answerHeaders = Promise.all([
    headersOf({ contentSecurityPolicy: csp, referrerPolicy: "no-referrer", crossOriginEmbedderPolicy: false }),
    headersOf({ contentSecurityPolicy: { ...csp, scriptSrc: ["'self'", "'unsafe-inline'"] }, referrerPolicy: "no-referrer" }),
  ]);
  app.use("*", async (c, next) => {
    const [plain, docs] = await answerHeaders;
    for (const [name, value] of c.req.path === "/api/docs" ? docs : plain) c.header(name, value);
    if (c.req.path.startsWith("/api/")) c.header("Cache-Control", "no-store");
    return next();
  });
}

/** Bodies refused early: too large (413), or JSON nested too deep (422). */
function bodyLimits(app: OpenAPIHono<AppEnv>): void {
  // Bodies are refused early when too large: 32 MB for a file import, 1 MB for anything else (413).
  const tooLarge = (max: string) => (c: Ctx) => c.json({ error: { code: "too-large", message: `the body is larger than ${max}` } }, 413);
  app.use("/api/rounds/:roundId/requests/import", limitBody(32 * 1024 * 1024, tooLarge("32 MB")));
  const oneMegabyte = limitBody(1024 * 1024, tooLarge("1 MB"));
  app.use("/api/*", async (c, next) => (/\/requests\/import$/.test(c.req.path) ? next() : oneMegabyte(c, next)));
  // The applicants' pages take their forms within the same limit as the API's JSON.
  app.use("/apply/*", oneMegabyte);
  app.use("/status", oneMegabyte);
  app.use("/status/*", oneMegabyte);
  // JSON nested deeper than any answer the API takes is refused before it is parsed or validated (a
  // recursive schema would otherwise overflow the stack): 422, naming the depth.
  app.use("/api/*", async (c, next) => {
    if (!["POST", "PUT", "PATCH"].includes(c.req.method) || !(c.req.header("content-type") ?? "").includes("json")) return next();
    // A body nested deeper than MAX_JSON_DEPTH has at least two brackets a level: a shorter one is not read twice.
    const length = Number(c.req.header("content-length") ?? Number.NaN);
    if (length <= 2 * (MAX_JSON_DEPTH + 1)) return next();
    const depth = jsonDepth(await c.req.text());
    if (depth > MAX_JSON_DEPTH)
      return c.json(
        {
          error: {
            code: "validation",
            message: "the input is not valid",
            details: { problems: [{ path: "", message: `nested ${depth} levels deep: at most ${MAX_JSON_DEPTH} are accepted` }] },
          },
        },
        422,
      );
    return next();
  });
}

/** The OpenAPI document and Swagger UI, which works without any network. */
function documentApi(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: "sid",
    description: "Session cookie from POST /api/auth/login; state-changing requests also need X-CSRF-Token",
  });
  app.doc("/api/openapi.json", {
    openapi: "3.0.0",
    info: {
      title: "Sponsorship Programme allocator API",
      version: "1",
      description:
        "Convention on Cluster Munitions: sponsorship requests, scoring, exact allocation and its rationale.\n\n" +
        "Every error answers `{ error: { code, message, details? } }`. Besides the statuses listed per route, any route may answer 413 `too-large` (a body over 1 MB; 32 MB for imports), and any route that writes may answer 503 `storage-unavailable` with Retry-After (the database refused the write: disk full, read-only, I/O error; nothing was saved).",
    },
  });
  // Swagger UI's own files from the swagger-ui-dist package: the docs work without any network.
  app.get("/api/docs", swaggerUI({ url: "/api/openapi.json", baseUrl: "/api/docs/assets", title: "Sponsorship Programme allocator API" }));
  app.get("/api/docs/assets/swagger-ui-dist/:file{swagger-ui\\.css|swagger-ui-bundle\\.js}", async (c) => {
    const file = c.req.param("file");
    const body = await readFile(join(SWAGGER_DIST, file));
    return c.body(new Uint8Array(body), 200, {
      "Content-Type": file.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8",
      "Cache-Control": "public, max-age=86400",
    });
  });
}

/** The built web UI, when there is one. */
function serveWebBuild(app: OpenAPIHono<AppEnv>, dist: string): void {
  // The built web UI, when there is one (npm run build:web): each file sent as built at build time with
  // brotli or gzip (web-build.ts), the hashed assets cached for a year, the rest revalidated by its ETag.
  if (existsSync(dist)) {
    const cached = (path: string, c: Ctx) =>
      void c.header(
        "Cache-Control",
        /\/assets\/[^/]+-[\w-]{8,}\.\w+(\.(br|gz))?$/.test(path) ? "public, max-age=31536000, immutable" : "no-cache",
      );
    const files = serveStatic({ root: dist, precompressed: true, onFound: cached });
    // A page is revalidated by its date (serveStatic sends Last-Modified): 304 when it has not changed.
    const revalidated = async (c: Ctx, send: MiddlewareHandler<AppEnv>, next: () => Promise<void>, file: string) => {
      const since = Date.parse(c.req.header("if-modified-since") ?? "");
      const stat = existsSync(file) ? statSync(file) : null;
      const target = stat?.isDirectory() ? join(file, "index.html") : file;
      const modified = stat && existsSync(target) ? Math.floor(statSync(target).mtimeMs / 1000) * 1000 : Number.NaN;
      if (Number.isFinite(since) && modified <= since) return c.body(null, 304, { "Cache-Control": "no-cache" });
      return send(c, next);
    };
    app.use("/*", async (c, next) => {
      if (c.req.path.startsWith("/api/")) return next();
      return c.req.path.startsWith("/assets/") ? files(c, next) : revalidated(c, files, next, join(dist, c.req.path));
    });
    // Client-side routes (/rounds/13MSP…) get the app's page; /api/… never does.
    const page = serveStatic({ path: `${dist}/index.html`, precompressed: true, onFound: cached });
    app.get("*", async (c, next) => (c.req.path.startsWith("/api/") ? next() : revalidated(c, page, next, join(dist, "index.html"))));
  }
}

export function createApp(given: Omit<Services, "analyses"> & Partial<Pick<Services, "analyses">>) {
  // The analytics' limits, one limiter for the app (a caller may share one between apps).
  const services: Services = {
    ...given,
    analyses:
      given.analyses ?? new WorkLimiter(given.config.ANALYSES_PER_USER, given.config.HEAVY_GLOBAL, given.config.HEAVY_QUEUE, "analyses"),
  };
  // The links in messages and the ISU's address, for the changes that write messages; the templates read
  // and checked now, so that a broken template stops the start rather than a change.
  const from = addressOf(given.config.MAIL_FROM);
  setMailSettings(given.db, {
    publicUrl: given.config.PUBLIC_URL ?? `http://${given.config.HOST}:${given.config.PORT}`,
    staffAddress: given.config.MAIL_STAFF ?? from,
    domain: from.split("@")[1] ?? "localhost",
  });
  templates();
  const app = newApp();
  answerErrors(app);
  app.use("*", async (c, next) => {
    c.set("services", services);
    await next();
  });
  securityHeaders(app);
  bodyLimits(app);
  app.use("/api/*", sessionMiddleware());

  // The routes, chained so that their types add up to the API's type (AppType, for hono/client).
  const api = app
    .openapi(
      route("public", {
        method: "get",
        path: "/api/health",
        tags: ["system"],
        summary: "Liveness",
        responses: { 200: json(z.object({ ok: z.boolean(), time: z.string() }), "Alive") },
      }),
      (c) => c.json({ ok: true, time: new Date().toISOString() }, 200),
    )
    .route("/", authRoutes())
    .route("/", accountRoutes())
    .route("/", roundRoutes())
    .route("/", requestRoutes())
    .route("/", runRoutes())
    .route("/", decisionRoutes())
    .route("/", financeRoutes())
    .route("/", applicantRoutes())
    .route("/", donorRoutes())
    .route("/", auditRoutes())
    .route("/", backupRoutes())
    .route("/", messageRoutes());

  documentApi(app);

  // The applicants' pages, rendered here (HTML first: they work with no script and without a web build).
  app.route("/", pageRoutes());

  serveWebBuild(app, services.config.WEB_DIST);
  return api;
}

export type App = ReturnType<typeof createApp>;
/** The API's type: `hc<AppType>(base)` in the web UI gives typed calls and answers. */
export type AppType = App;

function auditRoutes() {
  return newApp()
    .openapi(
      route(["admin"], {
        method: "get",
        path: "/api/audit",
        tags: ["audit"],
        summary: "The audit log, newest first",
        request: {
          query: z.object({
            entity: z.string().max(64).optional(),
            entityId: z.string().max(200).optional(),
            limit: z.coerce.number().int().min(1).max(1000).default(100),
            before: z.coerce.number().int().min(1).optional(),
          }),
        },
        responses: { 200: json(z.array(AuditViewSchema), "Entries"), ...errors(401, 403, 422) },
      }),
      (c) => c.json(auditEntries(c.get("services").db, c.req.valid("query")), 200),
    )
    .openapi(
      route(["admin"], {
        method: "get",
        path: "/api/audit/verify",
        tags: ["audit"],
        summary: "Check the audit log's hash chain",
        responses: { 200: json(ChainReportSchema, "The chain's state"), ...errors(401, 403) },
      }),
      (c) => c.json(verifyChain(c.get("services").db), 200),
    );
}
