// What the app does around every route: security headers, body limits, and the built web UI.
import type { OpenAPIHono } from "@hono/zod-openapi";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import type { AppEnv, Ctx } from "./context.js";

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

/** Security headers and no-store on every answer. */
export function securityHeaders(app: OpenAPIHono<AppEnv>): void {
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
export function bodyLimits(app: OpenAPIHono<AppEnv>): void {
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

/** The built web UI, when there is one. */
export function serveWebBuild(app: OpenAPIHono<AppEnv>, dist: string): void {
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
