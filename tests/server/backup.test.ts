// Full backups: a consistent SQLite snapshot and a JSON export, each restored into a new file and
// compared with the original field by field; the CLIs' exits; a failed restore changes nothing.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { verifyChain } from "../../server/audit.js";
import { BackupSchema, restore, RestoreError } from "../../server/io/backup.js";
import { openDatabase } from "../../server/db/database.js";
import { testApi } from "./api-helpers.js";
import { dbState } from "./db-state.js";

const stateOf = (path: string) => {
  const db = openDatabase(path);
  try {
    return dbState(db);
  } finally {
    db.close();
  }
};

describe("backup and restore", async () => {
  const api = await testApi();
  const admin = await api.as("admin");
  const reviewer = await api.as("reviewer");
  // A database with more than the seed: a review, an edited round, a finished run.
  await reviewer.req("PUT", "/api/requests/13MSP-004/review", { rating: 3, comment: "Ünïcode – «quotes» 'and' \"more\"" });
  const round = (await admin.req("GET", "/api/rounds/13MSP")).json;
  await admin.req("PATCH", "/api/rounds/13MSP", { version: round.version, reserve: 1234.5 });
  const run = (await admin.req("POST", "/api/rounds/13MSP/runs", {})).json;
  await api.runs.settled(run.id);

  it("a JSON export restores to an identical database, field by field", async () => {
    const res = await admin.req("GET", "/api/backup?format=json");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="sponsorship-.*\.json"/);
    const backup = BackupSchema.parse(res.json);
    expect(backup.tables.sessions).toBeUndefined();
    expect(backup.tables.audit_log!.at(-1)).toMatchObject({ action: "backup", actor: "admin" });
    const file = join(api.dir, "backup.json");
    writeFileSync(file, res.text);
    const target = join(api.dir, "from-json.db");
    const counts = restore(file, target);
    expect(counts.rows).toBeGreaterThan(500);
    const restored = stateOf(target);
    expect(restored).toEqual(dbState(api.db));
    // Identical includes the audit chain: it verifies in the restored file.
    const db = openDatabase(target);
    expect(verifyChain(db)).toMatchObject({ ok: true, entries: backup.tables.audit_log!.length });
    db.close();
  });

  it("an SQLite snapshot restores to an identical database, field by field", async () => {
    const res = await api.app.request("/api/backup", { headers: { cookie: admin.cookie! } });
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 15)).toString("latin1")).toBe("SQLite format 3");
    const file = join(api.dir, "snapshot.db");
    writeFileSync(file, bytes);
    const target = join(api.dir, "from-snapshot.db");
    restore(file, target);
    expect(stateOf(target)).toEqual(dbState(api.db));
  });

  it("refuses to overwrite without --force, and a bad backup leaves the target untouched", () => {
    const target = join(api.dir, "from-json.db");
    expect(() => restore(join(api.dir, "backup.json"), target)).toThrow(RestoreError);
    const before = readFileSync(target);
    const bad = join(api.dir, "bad.json");
    const backup = JSON.parse(readFileSync(join(api.dir, "backup.json"), "utf8"));
    backup.tables.requests[0].no_such_column = 1;
    writeFileSync(bad, JSON.stringify(backup));
    expect(() => restore(bad, target, { force: true })).toThrow(/table requests: unknown column no_such_column/);
    expect(readFileSync(target).equals(before)).toBe(true);
    writeFileSync(bad, "{ not json");
    expect(() => restore(bad, target, { force: true })).toThrow(/neither an SQLite database nor JSON/);
    writeFileSync(bad, JSON.stringify({ ...backup, format: "other" }));
    expect(() => restore(bad, target, { force: true })).toThrow(/format/);
  });

  it("is for administrators only", async () => {
    expect((await reviewer.req("GET", "/api/backup")).status).toBe(403);
    expect((await admin.req("GET", "/api/backup?format=csv")).status).toBe(422);
  });

  it("the CLIs back up a live database and restore it, with exit 2 for bad arguments", () => {
    const env = { ...process.env, DATABASE_PATH: api.config.DATABASE_PATH };
    const out = join(api.dir, "cli.db");
    execFileSync("npx", ["tsx", "server/cli/backup.ts", out], { env });
    const target = join(api.dir, "cli-restored.db");
    const restored = spawnSync("npx", ["tsx", "server/cli/restore.ts", out], { env: { ...env, DATABASE_PATH: target }, encoding: "utf8" });
    expect(restored.status).toBe(0);
    expect(restored.stdout).toMatch(/restored \d+ rows in \d+ tables/);
    expect(stateOf(target)).toEqual(dbState(api.db));
    const again = spawnSync("npx", ["tsx", "server/cli/restore.ts", out], { env: { ...env, DATABASE_PATH: target }, encoding: "utf8" });
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/exists: stop the server and pass --force/);
    const bad = spawnSync("npx", ["tsx", "server/cli/backup.ts", join(api.dir, "x.db"), "--format", "xml"], { env, encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--format: "xml" is not sqlite or json/);
    expect(existsSync(join(api.dir, "x.db"))).toBe(false);
  });
});
