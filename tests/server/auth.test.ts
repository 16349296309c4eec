// Sign-in, sessions, CSRF, rate limiting and locking; configuration validated at start.
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../server/config.js";
import { testApi } from "./api-helpers.js";

describe("configuration", () => {
  it("lists every bad variable at once", () => {
    expect(() => loadConfig({ PORT: "eighty", SESSION_HOURS: "0", COOKIE_SECURE: "perhaps" })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: "eighty", SESSION_HOURS: "0", COOKIE_SECURE: "perhaps" });
    } catch (e) {
      const problems = (e as ConfigError).problems;
      expect(problems).toHaveLength(3);
      expect(problems.map((p) => p.split(":")[0])).toEqual(["PORT", "SESSION_HOURS", "COOKIE_SECURE"]);
    }
    expect(loadConfig({})).toMatchObject({ PORT: 8787, DATABASE_PATH: "var/sponsorship.db" });
  });
});

describe("auth", async () => {
  const api = await testApi({ LOGIN_MAX_FAILURES: "3", LOGIN_RATE_PER_MINUTE: "50" });

  it("signs in with an HttpOnly, SameSite=Strict session cookie and gives the CSRF token", async () => {
    const res = await api.app.request("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "reviewer", password: "demo-reviewer-13msp" }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^sid=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const user = await res.json();
    expect(user).toMatchObject({ username: "reviewer", role: "reviewer", donorId: null });
    expect(user.csrfToken).toMatch(/^[\w-]{40,}$/);
    // Only the token's hash is stored; passwords are scrypt hashes.
    const token = cookie.split(";")[0]!.slice(4);
    expect(api.db.prepare("SELECT COUNT(*) FROM sessions WHERE token_hash = ?").pluck().get(token)).toBe(0);
    expect(api.db.prepare("SELECT password_hash FROM users WHERE username = 'reviewer'").pluck().get()).toMatch(/^scrypt\$16384\$8\$1\$/);
  });

  it("keeps a session in use alive, renewing it once less than half its life is left, and ends an expired one", async () => {
    const reviewer = await api.as("reviewer");
    const newest = () =>
      api.db.prepare("SELECT rowid, expires_at FROM sessions ORDER BY rowid DESC LIMIT 1").get() as { rowid: number; expires_at: string };
    const { rowid } = newest();
    const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
    const expiry = () => Date.parse(newest().expires_at);
    // More than half of its 12 hours left: a read writes nothing.
    api.db.prepare("UPDATE sessions SET expires_at = ? WHERE rowid = ?").run(hours(7), rowid);
    const before = expiry();
    expect((await reviewer.req("GET", "/api/rounds")).status).toBe(200);
    expect(expiry()).toBe(before);
    // Less than half left: renewed to a full 12 hours.
    api.db.prepare("UPDATE sessions SET expires_at = ? WHERE rowid = ?").run(hours(5), rowid);
    expect((await reviewer.req("GET", "/api/rounds")).status).toBe(200);
    expect(Math.abs(expiry() - Date.parse(hours(12)))).toBeLessThan(60_000);
    // Expired: 401, and the session is gone.
    api.db.prepare("UPDATE sessions SET expires_at = ? WHERE rowid = ?").run(hours(-0.01), rowid);
    expect((await reviewer.req("GET", "/api/rounds")).status).toBe(401);
    expect(api.db.prepare("SELECT COUNT(*) FROM sessions WHERE rowid = ?").pluck().get(rowid)).toBe(0);
  });

  it("answers the session, and 401 without one", async () => {
    const admin = await api.as("admin");
    expect((await admin.req("GET", "/api/auth/session")).json).toMatchObject({ username: "admin", csrfToken: admin.csrf });
    // The server's today, which every screen reads "past" and "late" against (not the browser's clock).
    api.dayIs("2025-07-20");
    expect((await admin.req("GET", "/api/auth/session")).json.today).toBe("2025-07-20");
    api.dayIs(api.config.DEMO_DAY!);
    const anon = await api.as("anonymous");
    const res = await anon.req("GET", "/api/auth/session");
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ error: { code: "unauthenticated", message: "sign in first" } });
  });

  it("refuses a wrong password and an unknown user alike, and a malformed body by its field", async () => {
    const anon = await api.as("anonymous");
    const wrong = await anon.req("POST", "/api/auth/login", { username: "reviewer", password: "nope" });
    const unknown = await anon.req("POST", "/api/auth/login", { username: "nobody", password: "nope" });
    expect(wrong.status).toBe(401);
    expect(unknown.json).toEqual(wrong.json);
    const bad = await anon.req("POST", "/api/auth/login", { username: "", extra: 1 });
    expect(bad.status).toBe(422);
    expect(bad.json.error.details.problems.map((p: { path: string }) => p.path).sort()).toEqual(["extra", "password", "username"]);
    const notJson = await anon.req("POST", "/api/auth/login", "{ nope", { "content-type": "application/json" });
    expect(notJson.status).toBe(400);
    expect(notJson.json.error.code).toBe("bad-request");
  });

  it("slows repeated failures for an account from one address, and never locks the owner out from another", async () => {
    const anon = await api.as("anonymous");
    const from = (n: number) => ({ "x-test-remote": `192.0.2.${n}` });
    for (let i = 0; i < 3; i++)
      expect((await anon.req("POST", "/api/auth/login", { username: "donor-aus", password: "wrong" }, from(1))).status).toBe(401);
    const slowed = await anon.req("POST", "/api/auth/login", { username: "donor-aus", password: "demo-donor-13msp" }, from(1));
    expect(slowed.status).toBe(429);
    expect(slowed.json.error.code).toBe("slow-down");
    expect((await anon.req("POST", "/api/auth/login", { username: "donor-aus", password: "demo-donor-13msp" }, from(2))).status).toBe(200);
  });

  it("requires the CSRF token on state-changing requests with a session, and JSON without one", async () => {
    const res = await api.app.request("/api/auth/logout", { method: "POST", headers: { cookie: (await api.as("admin")).cookie! } });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("csrf");
    const form = await api.app.request("/api/applicant/status", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "reference=x&code=y",
    });
    expect(form.status).toBe(403);
  });

  it("signs out: the session no longer works", async () => {
    const reviewer = await api.as("reviewer");
    expect((await reviewer.req("POST", "/api/auth/logout")).status).toBe(204);
    expect((await reviewer.req("GET", "/api/auth/session")).status).toBe(401);
  });
});

describe("access codes as people type them", async () => {
  const api = await testApi();
  it("takes the code in any case, without its dashes, with spaces or other dashes, and refuses a wrong one", async () => {
    const anon = await api.as("anonymous");
    const code = "DEMO-CODE-13MS-P001";
    const typed = ["demo-code-13ms-p001", "DEMOCODE13MSP001", " DEMO CODE 13MS P001 ", "DEMO–CODE–13MS–P001", "demo code13ms-p001"];
    for (const given of typed) {
      const res = await anon.req("POST", "/api/applicant/status", { reference: "13MSP-001", code: given });
      expect(res.status, given).toBe(200);
    }
    const wrong = await anon.req("POST", "/api/applicant/status", { reference: "13MSP-001", code: code.replace("P001", "P002") });
    expect(wrong.status).toBe(404);
  });
});

describe("login rate limit", async () => {
  const api = await testApi({ LOGIN_RATE_PER_MINUTE: "3" });
  it("answers 429 with Retry-After past the limit per client", async () => {
    const anon = await api.as("anonymous");
    for (let i = 0; i < 3; i++) await anon.req("POST", "/api/auth/login", { username: "x", password: "y" });
    const res = await anon.req("POST", "/api/auth/login", { username: "admin", password: "demo-admin-13msp" });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("60");
  });
});
