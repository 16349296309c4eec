// The API: one Hono app (OpenAPI from the routes' zod schemas at /api/openapi.json, Swagger UI at
// /api/docs), the session and CSRF middleware, the one error handler, and the built web UI at /.
import type { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimits, securityHeaders, serveWebBuild } from "./http/middleware.js";
import { swaggerUI } from "@hono/swagger-ui";
import { WorkLimiter } from "./limits.js";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { z } from "zod";
import { auditEntries, verifyChain } from "./audit.js";
import { sessionMiddleware } from "./auth/sessions.js";
import { AuditViewSchema, ChainReportSchema } from "./schemas/index.js";
import { errorAnswer, errors, json, newApp, route, type AppEnv, type Services } from "./http/index.js";
import { authRoutes } from "./routes/auth.js";
import { backupRoutes } from "./routes/backup.js";
import { roundRoutes } from "./routes/rounds.js";
import { requestRoutes } from "./routes/requests.js";
import { reviewRoutes } from "./routes/reviews.js";
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

/** Every error as the one mapping says it (never a stack trace), with Retry-After when it says when to come back; an unknown route as 404. */
function answerErrors(app: OpenAPIHono<AppEnv>): void {
  app.onError((e, c) => errorAnswer(e, c));
  app.notFound((c) => c.json({ error: { code: "not-found", message: `no route ${c.req.method} ${c.req.path}` } }, 404));
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

export function createApp(given: Omit<Services, "analyses" | "work"> & Partial<Pick<Services, "analyses" | "work">>) {
  // The analytics' limits, one limiter for the app (a caller may share one between apps).
  const services: Services = {
    ...given,
    analyses:
      given.analyses ?? new WorkLimiter(given.config.ANALYSES_PER_USER, given.config.HEAVY_GLOBAL, given.config.HEAVY_QUEUE, "analyses"),
    // Synchronous work runs on the one event loop: one piece at a time, so that nothing waits behind more than one.
    work: given.work ?? new WorkLimiter(given.config.WORK_PER_USER, 1, given.config.HEAVY_QUEUE, "exports, statements or what-ifs"),
  };
  // The links in messages and the ISU's address, for the changes that write messages; the templates read
  // and checked now, so that a broken template stops the start rather than a change.
  const from = addressOf(given.config.MAIL_FROM);
  setMailSettings(given.db, {
    publicUrl: given.config.PUBLIC_URL ?? `http://${given.config.HOST}:${given.config.PORT}`,
    staffAddress: given.config.MAIL_STAFF ?? from,
    domain: from.split("@")[1] ?? "localhost",
    limits: {
      perAddressHour: given.config.MAIL_PER_ADDRESS_HOUR,
      perRequestHour: given.config.MAIL_PER_REQUEST_HOUR,
      newCodesPerDay: given.config.NEW_CODES_PER_DAY,
    },
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
    .route("/", reviewRoutes())
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
