// The database file: pragmas, migrations applied once and in order, each in its own transaction.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { migrate, openDatabase } from "../../server/db/database.js";
import { MIGRATIONS } from "../../server/db/migrations.js";

describe("database", () => {
  const path = join(mkdtempSync(join(tmpdir(), "db-")), "sub", "x.db");

  it("opens a file (creating its folder) in WAL with synchronous=FULL and foreign keys on", () => {
    const db = openDatabase(path);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("synchronous", { simple: true })).toBe(2);
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(db.prepare("SELECT version FROM schema_migrations").pluck().all()).toEqual(MIGRATIONS.map((m) => m.version));
    // Foreign keys hold: a request in a round that does not exist is refused.
    expect(() => db.prepare("INSERT INTO requests (id, round_id, attributes, status, created_at, updated_at) VALUES ('x', 'nope', '{}', 'submitted', '', '')").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it("applies each migration once, and a failing one not at all", () => {
    const db = openDatabase(path);
    expect(migrate(db, MIGRATIONS)).toEqual([]);
    const bad = [...MIGRATIONS, { version: 99, name: "broken", sql: "CREATE TABLE t99 (x INTEGER); THIS IS NOT SQL;" }];
    expect(() => migrate(db, bad)).toThrow();
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 't99'").get()).toBeUndefined();
    expect(db.prepare("SELECT MAX(version) FROM schema_migrations").pluck().get()).toBe(1);
    db.close();
  });
});
