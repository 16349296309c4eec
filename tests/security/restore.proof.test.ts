// Issue 16, finding 6: a restore refuses, and says why, a backup whose audit log was edited (or an account
// planted with its entry forged), whose schema version contradicts its migrations, or a snapshot whose
// audit triggers were dropped; the target stays as it was.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { exportJson, restore, RestoreError, snapshot } from "../../server/io/backup.js";
import { testApi } from "../server/api-helpers.js";

describe("restore refuses a tampered backup", async () => {
  const api = await testApi();
  const dir = mkdtempSync(join(tmpdir(), "restore-"));
  const good = exportJson(api.db);
  const refused = (backup: unknown, name: string): string => {
    const file = join(dir, `${name}.json`);
    writeFileSync(file, JSON.stringify(backup));
    const target = join(dir, `${name}.db`);
    try {
      restore(file, target);
    } catch (e) {
      expect(e).toBeInstanceOf(RestoreError);
      return (e as Error).message;
    }
    throw new Error(`${name}: restored`);
  };

  it("restores the untouched backup", () => {
    const file = join(dir, "good.json");
    writeFileSync(file, JSON.stringify(good));
    expect(restore(file, join(dir, "good.db")).rows).toBeGreaterThan(100);
  });

  it("refuses an edited audit entry, naming it", () => {
    const edited = structuredClone(good);
    const entry = edited.tables.audit_log![3]!;
    entry.actor = "someone-else";
    expect(refused(edited, "edited")).toMatch(/audit log does not verify: entry 4: its content does not match its hash/);
  });

  it("refuses a planted administrator whose audit entry is missing or forged", () => {
    const planted = structuredClone(good);
    const admin = planted.tables.users![0]!;
    planted.tables.users!.push({ ...admin, id: 999, username: "intruder" });
    const log = planted.tables.audit_log!;
    const last = log.at(-1)!;
    log.push({
      ...last,
      seq: Number(last.seq) + 1,
      action: "create",
      entity: "user",
      entity_id: "intruder",
      prev_hash: String(last.hash),
      hash: "0".repeat(64),
    });
    expect(refused(planted, "planted")).toMatch(/audit log does not verify: entry \d+: its content does not match its hash/);
  });

  it("refuses a schema version that contradicts the backup's migrations", () => {
    const contradicting = structuredClone(good);
    contradicting.schemaVersion = 1;
    expect(refused(contradicting, "version")).toMatch(
      new RegExp(`schema version \\(1\\) contradicts its table of migrations \\(${good.schemaVersion}\\)`),
    );
  });

  it("refuses a snapshot whose audit triggers were dropped, and leaves the target as it was", async () => {
    const snap = join(dir, "snap.db");
    await snapshot(api.db, snap);
    const raw = new Database(snap);
    raw.exec("DROP TRIGGER audit_log_no_update");
    raw.close();
    const target = join(dir, "kept.db");
    writeFileSync(target, "the old database");
    expect(() => restore(snap, target, { force: true })).toThrow(/trigger audit_log_no_update is missing/);
    expect(readFileSync(target, "utf8")).toBe("the old database");
  });
});
