// Accounts: created by the admin (staff, or donors bound to a donor), passwords set and changed, and the
// current scores of a round's requests.
import { describe, expect, it } from "vitest";
import { testApi } from "./api-helpers.js";

describe("accounts", async () => {
  const api = await testApi();
  const admin = await api.as("admin");
  const reviewer = await api.as("reviewer");
  const anon = await api.as("anonymous");

  it("lists accounts and creates a donor account bound to its donor", async () => {
    expect((await admin.req("GET", "/api/users")).json.map((u: { username: string }) => u.username)).toEqual([
      "admin",
      "donor-aus",
      "reviewer",
    ]);
    const created = await admin.req("POST", "/api/users", {
      username: "donor-nor",
      displayName: "Norway",
      role: "donor",
      donorId: "NOR",
      password: "a-long-password-1",
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ username: "donor-nor", role: "donor", donorId: "NOR" });
    const signedIn = await anon.req("POST", "/api/auth/login", { username: "donor-nor", password: "a-long-password-1" });
    expect(signedIn.json).toMatchObject({ role: "donor", donorId: "NOR" });
  });

  it("rejects a taken name, a short password, and a staff account with a donor", async () => {
    expect(
      (await admin.req("POST", "/api/users", { username: "admin", displayName: "x", role: "admin", password: "a-long-password-1" })).status,
    ).toBe(409);
    const bad = await admin.req("POST", "/api/users", {
      username: "New User",
      displayName: "x",
      role: "reviewer",
      donorId: "AUS",
      password: "short",
    });
    expect(bad.json.error.details.problems.map((p: { path: string }) => p.path).sort()).toEqual(["donorId", "password", "username"]);
    expect(
      (await reviewer.req("POST", "/api/users", { username: "x", displayName: "x", role: "admin", password: "a-long-password-1" })).status,
    ).toBe(403);
  });

  it("changes one's own password with the current one; an admin resets another's and ends its sessions", async () => {
    const wrong = await reviewer.req("POST", "/api/auth/password", { current: "nope", password: "another-long-password" });
    expect(wrong.json.error.details.problems).toEqual([{ path: "current", message: "is not your current password" }]);
    expect(
      (await reviewer.req("POST", "/api/auth/password", { current: "demo-reviewer-13msp", password: "another-long-password" })).status,
    ).toBe(204);
    expect((await reviewer.req("GET", "/api/auth/session")).status).toBe(200); // this session goes on
    expect((await anon.req("POST", "/api/auth/login", { username: "reviewer", password: "another-long-password" })).status).toBe(200);
    expect((await admin.req("POST", "/api/users/reviewer/password", { password: "reset-by-the-admin" })).status).toBe(204);
    expect((await reviewer.req("GET", "/api/auth/session")).status).toBe(401);
    expect((await admin.req("POST", "/api/users/nobody/password", { password: "reset-by-the-admin" })).status).toBe(404);
  });
});

describe("scores", async () => {
  const api = await testApi();
  const admin = await api.as("admin");

  it("scores every request with the current settings, or a given version", async () => {
    const res = await admin.req("GET", "/api/rounds/13MSP/scores");
    expect(res.json.settingsVersion).toBe(1);
    expect(res.json.requests).toHaveLength(48);
    expect(res.json.requests[0].reasons.implementation[0]).toMatchObject({ rule: expect.any(String), points: expect.any(Number) });
    expect(res.json.referenceData.asOf).toBe("2025-09-16");
    // A reviewer's rating becomes the request's technical rating.
    const before = res.json.requests.find((r: { id: string }) => r.id === "13MSP-004").criteria.technical;
    await admin.req("PUT", "/api/requests/13MSP-004/review", { rating: 5 });
    const after = (await admin.req("GET", "/api/rounds/13MSP/scores")).json.requests.find((r: { id: string }) => r.id === "13MSP-004")
      .criteria.technical;
    expect(after).toBeGreaterThan(before);
    expect((await admin.req("GET", "/api/rounds/13MSP/scores?settingsVersion=9")).status).toBe(404);
  });
});
