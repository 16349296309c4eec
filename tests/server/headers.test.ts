// Security headers on every answer, and bodies refused early when too large (413).
import { describe, expect, it } from "vitest";
import { testApi } from "./api-helpers.js";

describe("security headers and body limits", async () => {
  const api = await testApi();
  const admin = await api.as("admin");

  it("sets CSP (own scripts only, no framing), no-sniff, no referrer and no framing on API answers", async () => {
    const res = await api.app.request("/api/health");
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toContain("default-src 'self'");
    // Own scripts only; WebAssembly may compile (the live what-if's solver), JavaScript may not be eval'd.
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(res.headers.get("cache-control")).toBe("no-store");
    // The same on refusals and errors, whichever step answers: the router, the role check, validation.
    for (const [path, status] of [
      ["/api/nowhere", 404],
      ["/api/users", 401],
    ] as const) {
      const refused = await api.app.request(path);
      expect(refused.status).toBe(status);
      expect(refused.headers.get("cache-control")).toBe("no-store");
      expect(refused.headers.get("content-security-policy")).toBe(csp);
      expect(refused.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    }
    const invalid = await admin.req("POST", "/api/rounds", { round: { id: 5 } });
    expect(invalid.status).toBe(422);
    expect(invalid.headers.get("content-security-policy")).toBe(csp);
    // Swagger UI's page alone may run its inline start-up script.
    const docs = await api.app.request("/api/docs");
    expect(docs.headers.get("content-security-policy")).toContain("script-src 'self' 'unsafe-inline'");
  });

  it("refuses a body over 1 MB with 413 before reading it, and an import over 32 MB", async () => {
    const big = JSON.stringify({ username: "x".repeat(1_100_000), password: "y" });
    const res = await api.app.request("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(big.length) },
      body: big,
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: { code: "too-large", message: "the body is larger than 1 MB" } });
    // Sent in chunks without a declared length, it is counted as it comes: the same 413.
    const stream = new Request("http://localhost/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: big,
    });
    expect(stream.headers.get("content-length")).toBeNull();
    expect((await api.app.request(stream)).status).toBe(413);
    // An import of a few MB is fine (it reaches validation), one over 32 MB is not.
    const csv = `state,gender,submittedAt,airTicket,justification\n${`KEN,F,2025-06-02T09:00:00Z,1200,${"j".repeat(280)}\n`.repeat(4_000)}`;
    expect(csv.length).toBeGreaterThan(1_100_000);
    const ok = await admin.req("POST", "/api/rounds/DEMO-OPEN/requests/import", { format: "csv", content: csv });
    expect(ok.status).toBe(201);
    const huge = JSON.stringify({ format: "csv", content: "x".repeat(33 * 1024 * 1024) });
    const tooBig = await admin.req("POST", "/api/rounds/DEMO-OPEN/requests/import", huge, { "content-length": String(huge.length) });
    expect(tooBig.status).toBe(413);
  });
});
