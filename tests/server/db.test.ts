// The database file: pragmas, migrations applied once and in order, each in its own transaction.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { migrate, openDatabase } from "../../server/db/database.js";
import { MIGRATIONS } from "../../server/db/migrations/index.js";

describe("database", () => {
  const path = join(mkdtempSync(join(tmpdir(), "db-")), "sub", "x.db");

  it("opens a file (creating its folder) in WAL with synchronous=FULL and foreign keys on", () => {
    const db = openDatabase(path);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("synchronous", { simple: true })).toBe(2);
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(db.prepare("SELECT version FROM schema_migrations").pluck().all()).toEqual(MIGRATIONS.map((m) => m.version));
    // Foreign keys hold: a request in a round that does not exist is refused.
    expect(() =>
      db
        .prepare(
          "INSERT INTO requests (id, round_id, attributes, status, created_at, updated_at) VALUES ('x', 'nope', '{}', 'submitted', '', '')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it("applies each migration once, and a failing one not at all", () => {
    const db = openDatabase(path);
    expect(migrate(db, MIGRATIONS)).toEqual([]);
    const bad = [...MIGRATIONS, { version: 99, name: "broken", sql: "CREATE TABLE t99 (x INTEGER); THIS IS NOT SQL;" }];
    expect(() => migrate(db, bad)).toThrow();
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 't99'").get()).toBeUndefined();
    expect(db.prepare("SELECT MAX(version) FROM schema_migrations").pluck().get()).toBe(MIGRATIONS.at(-1)!.version);
    db.close();
  });

  it("fills the run summaries' columns of a version-1 database from its results (migration 2)", () => {
    const old = join(mkdtempSync(join(tmpdir(), "db-")), "v1.db");
    const v1 = openDatabase(
      old,
      MIGRATIONS.filter((m) => m.version === 1),
    );
    v1.prepare(
      "INSERT INTO rounds (id, meeting, venue, start_date, end_date, window_opens, window_closes, allowance_rate, nights, status, reference_as_of, created_at, updated_at) VALUES ('R', 'm', 'v', '2025-01-01', '2025-01-02', '2024-01-01', '2024-02-01', 1, 1, 'review', '2025-01-01', '', '')",
    ).run();
    v1.prepare(
      "INSERT INTO runs (id, round_id, settings_version, status, time_limit, problem, scores, result, created_at) VALUES ('a', 'R', 1, 'done', 60, '{}', '{}', ?, '')",
    ).run(JSON.stringify({ status: "optimal", value: 812.5 }));
    v1.prepare(
      "INSERT INTO runs (id, round_id, settings_version, status, time_limit, problem, scores, created_at) VALUES ('b', 'R', 1, 'failed', 60, '{}', '{}', '')",
    ).run();
    v1.close();
    const db = openDatabase(old);
    expect(db.prepare("SELECT id, value, result_status FROM runs ORDER BY id").all()).toEqual([
      { id: "a", value: 812.5, result_status: "optimal" },
      { id: "b", value: null, result_status: null },
    ]);
    db.close();
  });
});
