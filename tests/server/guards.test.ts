// Every route declares its guard, and the guards hold: anonymous callers get 401 on every guarded
// route, signed-in callers of another role 403, before any validation or lookup.
import { describe, expect, it } from "vitest";
import { GUARDS } from "../../server/http/index.js";
import { testApi } from "./api-helpers.js";

const fill = (path: string): string =>
  path.replace(/\{(\w+)\}/g, (_, name: string) =>
    name.endsWith("Id") && ["runId", "otherId", "replacementId"].includes(name)
      ? "00000000-0000-4000-8000-000000000000"
      : name === "iso3"
        ? "LAO"
        : "13MSP",
  );

describe("guards", async () => {
  const api = await testApi();
  const apiRoutes = api.app.routes.filter((r) => r.path.startsWith("/api/") && r.method !== "ALL");

  it("are declared for every API route (documentation routes apart)", () => {
    const declared = new Set([...GUARDS.keys()].map((k) => k.replace(/\{(\w+)\}/g, ":$1")));
    const undeclared = apiRoutes
      .map((r) => `${r.method} ${r.path}`)
      .filter((k) => !declared.has(k) && !["GET /api/openapi.json", "GET /api/docs"].includes(k) && !k.startsWith("GET /api/docs/assets/"));
    expect(undeclared).toEqual([]);
    expect(GUARDS.size).toBeGreaterThan(35);
  });

  const guarded = [...GUARDS].filter(([, g]) => g !== "public");
  it.each(guarded.map(([k, g]) => [k, g]))("%s: 401 anonymous, 403 for a role not in %j", async (key, guard) => {
    const [method, path] = (key as string).split(" ") as [string, string];
    const anon = await api.as("anonymous");
    const res = await anon.req(method, fill(path), method === "GET" ? undefined : {});
    expect(res.status).toBe(401);
    const outsider = (["donor-aus", "reviewer", "admin"] as const).find(
      (who) => !(guard as string[]).includes(who === "donor-aus" ? "donor" : who),
    );
    if (outsider) {
      const other = await api.as(outsider);
      const denied = await other.req(method, fill(path), method === "GET" ? undefined : {});
      expect(denied.status).toBe(403);
      expect(denied.json.error.code).toBe("forbidden");
    }
  });

  it("the OpenAPI document lists every route with its roles, and Swagger UI is served", async () => {
    const anon = await api.as("anonymous");
    const doc = (await anon.req("GET", "/api/openapi.json")).json;
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(documented.sort()).toEqual([...GUARDS.keys()].sort());
    expect(doc.paths["/api/runs/{runId}/approve"].post.description).toMatch(/Roles: admin\./);
    expect(doc.components.schemas.Condition).toBeDefined();
    const ui = await anon.req("GET", "/api/docs");
    expect(ui.status).toBe(200);
    expect(ui.text).toMatch(/swagger/i);
    // Its scripts and styles come from this server (the swagger-ui-dist package), not from a CDN.
    const assets = [...ui.text.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets).toEqual(["/api/docs/assets/swagger-ui-dist/swagger-ui.css", "/api/docs/assets/swagger-ui-dist/swagger-ui-bundle.js"]);
    for (const a of assets) expect((await anon.req("GET", a)).status).toBe(200);
  });
});
