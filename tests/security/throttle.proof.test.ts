// Issue 16, findings 2 and 3: failed guesses are slowed per (account or reference, address), with delays
// that grow, and nobody can lock the owner out: the right credentials from another address always work.
// A known and an unknown name get the same answers. Behind a reverse proxy named in TRUST_PROXY, its
// X-Forwarded-For names the client; otherwise the header is ignored.
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../server/config.js";
import { testApi } from "../server/api-helpers.js";

const from = (address: string, forwarded?: string) => ({
  "x-test-remote": address,
  ...(forwarded ? { "x-forwarded-for": forwarded } : {}),
});

describe("throttling that cannot be turned against the owner", async () => {
  const api = await testApi({ LOGIN_MAX_FAILURES: "3", CODE_MAX_FAILURES: "3", LOGIN_RATE_PER_MINUTE: "1000" });
  const anon = await api.as("anonymous");
  const login = (username: string, password: string, address: string) =>
    anon.req("POST", "/api/auth/login", { username, password }, from(address));

  it("slows an account's failures from one address with growing delays, and lets the owner in from another", async () => {
    const answers = [];
    for (let n = 0; n < 5; n++) answers.push(await login("admin", "wrong", "203.0.113.1"));
    // Three failures pass; then each try waits after the last failure: 1 s first.
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 429, 429]);
    expect(answers[3]!.headers.get("retry-after")).toBe("1");
    expect(answers[3]!.json.error.message).toMatch(/try again in 1 s/);
    // After the wait, one more failure doubles it.
    await new Promise((r) => setTimeout(r, 1100));
    expect((await login("admin", "wrong", "203.0.113.1")).status).toBe(401);
    expect((await login("admin", "demo-admin-13msp", "203.0.113.1")).headers.get("retry-after")).toBe("2");
    // The owner, from elsewhere, at once.
    expect((await login("admin", "demo-admin-13msp", "203.0.113.2")).status).toBe(200);
  });

  it("answers a known and an unknown name alike, failure after failure", async () => {
    const seq = async (name: string, address: string) => {
      const out = [];
      for (let n = 0; n < 5; n++) {
        const r = await login(name, "wrong", address);
        out.push(`${r.status} ${r.json.error.code} ${r.json.error.message.replace(/\\d+ s/, "N s")}`);
      }
      return out;
    };
    expect(await seq("nobody-at-all", "203.0.113.3")).toEqual(await seq("reviewer", "203.0.113.4"));
  });

  it("never locks an applicant's reference for everyone", async () => {
    for (let n = 0; n < 30; n++)
      await anon.req(
        "POST",
        "/api/applicant/status",
        { reference: "13MSP-001", code: `GUES-SGUE-SSGU-E${String(n).padStart(3, "2")}` },
        from(`198.51.100.${n % 5}`),
      );
    const right = await anon.req(
      "POST",
      "/api/applicant/status",
      { reference: "13MSP-001", code: "DEMO-CODE-13MS-P001" },
      from("198.51.100.200"),
    );
    expect(right.status).toBe(200);
  });

  it("believes X-Forwarded-For only from a proxy named in TRUST_PROXY", async () => {
    expect(loadConfig({ TRUST_PROXY: "127.0.0.1, ::1" }).TRUST_PROXY).toEqual(["127.0.0.1", "::1"]);
    expect(() => loadConfig({ TRUST_PROXY: "not-an-address" })).toThrow(/TRUST_PROXY/);
    const proxied = await testApi({ LOGIN_MAX_FAILURES: "2", LOGIN_RATE_PER_MINUTE: "1000", TRUST_PROXY: "127.0.0.1" });
    const p = await proxied.as("anonymous");
    const via = (client: string, password: string, forged = "") =>
      p.req("POST", "/api/auth/login", { username: "admin", password }, from("127.0.0.1", `${forged}${client}`));
    // Client A, behind the proxy, fails until slowed; client B behind the same proxy is not.
    for (let n = 0; n < 3; n++) await via("192.0.2.10", "wrong");
    expect((await via("192.0.2.10", "demo-admin-13msp")).status).toBe(429);
    expect((await via("192.0.2.11", "demo-admin-13msp")).status).toBe(200);
    // A hop the client wrote itself (left of the proxy's) changes nothing.
    expect((await via("192.0.2.10", "demo-admin-13msp", "192.0.2.99, ")).status).toBe(429);
    // Without TRUST_PROXY the header is ignored: every request is the socket's address.
    for (let n = 0; n < 4; n++) await login("reviewer", "wrong", "127.0.0.2");
    const ignored = await anon.req(
      "POST",
      "/api/auth/login",
      { username: "reviewer", password: "demo-reviewer-13msp" },
      from("127.0.0.2", "192.0.2.50"),
    );
    expect(ignored.status).toBe(429);
  });

  it("throttles the current password on a password change as sign-in is (issue 30, finding 6)", async () => {
    const api2 = await testApi({ LOGIN_MAX_FAILURES: "3", LOGIN_RATE_PER_MINUTE: "1000" });
    const reviewer = await api2.as("reviewer");
    const change = (current: string) =>
      reviewer.req("POST", "/api/auth/password", { current, password: "another-one-2025" }, from("203.0.113.40"));
    const answers = [];
    for (let n = 0; n < 30; n++) answers.push((await change(`guess-${n}`)).status);
    // Three wrong guesses are told so; then every try waits (429 with Retry-After), the right one too.
    expect(answers.slice(0, 3)).toEqual([422, 422, 422]);
    expect(answers.slice(3).every((s) => s === 429)).toBe(true);
    const right = await change("demo-reviewer-13msp");
    expect(right.status).toBe(429);
    expect(Number(right.headers.get("retry-after"))).toBeGreaterThan(0);
    // The failures are the account's sign-in failures from that address: sign-in from there waits too.
    const anon2 = await api2.as("anonymous");
    const login2 = await anon2.req(
      "POST",
      "/api/auth/login",
      { username: "reviewer", password: "demo-reviewer-13msp" },
      from("203.0.113.40"),
    );
    expect(login2.status).toBe(429);
  });

  it("throttles the access code on the applicants' pages as on the API (issue 30)", async () => {
    const api3 = await testApi({ CODE_MAX_FAILURES: "3", LOGIN_RATE_PER_MINUTE: "1000" });
    const anon3 = await api3.as("anonymous");
    const form = (code: string) =>
      anon3.req("POST", "/status?lang=es", new URLSearchParams({ reference: "13MSP-001", code }).toString(), {
        "content-type": "application/x-www-form-urlencoded",
        ...from("203.0.113.60"),
      });
    const statuses = [];
    for (let n = 0; n < 6; n++) statuses.push((await form(`NOPE-NOPE-NOPE-N00${n}`)).status);
    expect(statuses.slice(0, 3)).toEqual([404, 404, 404]);
    expect(statuses.slice(3).every((s) => s === 429)).toBe(true);
    // Even the right code waits from that address, and the page says so in its language.
    const right = await form("DEMO-CODE-13MS-P001");
    expect(right.status).toBe(429);
    expect(right.text).toMatch(/<html lang="es"/);
  });
});
