// The audit log: every change recorded with who and when, append-only, and a hash chain that finds a
// row changed or removed behind the application's back.
import { describe, expect, it } from "vitest";
import { verifyChain } from "../../server/audit.js";
import { testApi } from "./api-helpers.js";

describe("audit log", async () => {
  const api = await testApi();
  const testApiSync = (await testApi()).db;
  const admin = await api.as("admin");

  it("records each change with its actor, and lists them newest first, by entity", async () => {
    const r = (await admin.req("GET", "/api/rounds/13MSP")).json;
    await admin.req("PATCH", "/api/rounds/13MSP", { version: r.version, reserve: 20000 });
    const entries = (await admin.req("GET", "/api/audit?entity=round&entityId=13MSP&limit=5")).json;
    expect(entries[0]).toMatchObject({
      actor: "admin",
      action: "update",
      entity: "round",
      entityId: "13MSP",
      data: { changes: { reserve: { to: 20000 } } },
    });
    expect(entries.at(-1)).toMatchObject({ actor: "seed", action: "create" });
    expect((await admin.req("GET", "/api/audit?limit=0")).status).toBe(422);
    // An edit of a request says which fields changed, and the entry says whose request it is.
    const q = (await admin.req("GET", "/api/requests/13MSP-002")).json;
    const { id: _id, ...attributes } = q.attributes;
    await admin.req("PUT", "/api/requests/13MSP-002", {
      version: q.version,
      attributes: { ...attributes, organisation: "Another office" },
      reason: "the applicant's e-mail of 2 July",
    });
    const [edit] = (await admin.req("GET", "/api/audit?entity=request&entityId=13MSP-002&limit=1")).json;
    expect(edit).toMatchObject({ action: "update", about: { state: q.attributes.state, roundId: "13MSP" } });
    expect(edit.data.changes).toEqual({ organisation: { from: q.attributes.organisation, to: "Another office" } });
  });

  it("verifies the chain", async () => {
    const v = (await admin.req("GET", "/api/audit/verify")).json;
    expect(v.ok).toBe(true);
    expect(v.entries).toBeGreaterThan(50);
  });

  it("refuses updates and deletes of the log", () => {
    expect(() => api.db.prepare("UPDATE audit_log SET actor = 'x' WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => api.db.prepare("DELETE FROM audit_log WHERE seq = 1").run()).toThrow(/append-only/);
  });

  it("finds a row modified behind the application's back (triggers dropped, as with the file itself)", async () => {
    api.db.exec("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;");
    api.db.prepare("UPDATE audit_log SET data = ? WHERE seq = 3").run(JSON.stringify({ forged: true }));
    expect(verifyChain(api.db)).toMatchObject({ ok: false, firstBad: { seq: 3, problem: "its content does not match its hash" } });
    const v = (await admin.req("GET", "/api/audit/verify")).json;
    expect(v.firstBad.seq).toBe(3);
  });

  it("finds rows reordered (two entries swapped whole, hashes and all)", () => {
    const other = testApiSync!;
    other.exec("DROP TRIGGER audit_log_no_update;");
    const [a, b] = other.prepare("SELECT * FROM audit_log WHERE seq IN (7, 8) ORDER BY seq").all() as Record<string, unknown>[];
    const put = other.prepare(
      "UPDATE audit_log SET at = @at, actor = @actor, action = @action, entity = @entity, entity_id = @entity_id, data = @data, prev_hash = @prev_hash, hash = @hash WHERE seq = @seq",
    );
    put.run({ ...b, seq: 7 });
    put.run({ ...a, seq: 8 });
    expect(verifyChain(other)).toMatchObject({ ok: false, firstBad: { seq: 7, problem: "its link to the previous entry does not match" } });
  });

  it("finds a row removed", async () => {
    const other = await testApi();
    other.db.exec("DROP TRIGGER audit_log_no_delete;");
    other.db.prepare("DELETE FROM audit_log WHERE seq = 5").run();
    expect(verifyChain(other.db)).toMatchObject({ ok: false, firstBad: { seq: 6, problem: "entry 5 is missing" } });
  });
});

describe("internal errors", async () => {
  const api = await testApi();
  const reviewer = await api.as("reviewer");

  it("answer 500 with a generic message, never a stack trace", async () => {
    api.db.prepare("UPDATE requests SET attributes = '{\"broken\": true}' WHERE id = '13MSP-003'").run();
    const quiet = console.error;
    console.error = () => undefined; // the server logs the error; keep the test output clean
    const res = await reviewer.req("GET", "/api/requests/13MSP-003");
    console.error = quiet;
    expect(res.status).toBe(500);
    expect(res.json).toEqual({ error: { code: "internal", message: "internal error" } });
    expect(res.text).not.toMatch(/\bat \w|\.ts:\d+/);
  });
});
