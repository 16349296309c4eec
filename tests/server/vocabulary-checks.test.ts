// The CHECK constraints that list a vocabulary's codes follow the vocabulary: a migrated database holds
// every list as the vocabulary writes it, a new code is accepted after a restart with no migration, and a
// code dropped while rows still hold it stops the start with the reason. A real SQLite file each time.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { OFFER_STATE, SETTLED_OFFERS } from "../../scoring/domain/index.js";
import { openDatabase } from "../../server/db/database.js";
import { CHECKED_LISTS, listsIn, syncVocabularyChecks, type CheckedList } from "../../server/db/vocabulary-checks.js";

const dir = mkdtempSync(join(tmpdir(), "checks-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tableSql = (db: ReturnType<typeof openDatabase>, table: string) =>
  db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?").pluck().get(table) as string;

describe("the vocabulary's CHECK constraints", () => {
  it("hold every list as the vocabulary writes it once the database is migrated", () => {
    const db = openDatabase(join(dir, "a.sqlite"));
    for (const l of CHECKED_LISTS)
      expect({ table: l.table, list: listsIn(tableSql(db, l.table), [l])[0] }).toEqual({ table: l.table, list: [...l.codes] });
    expect(listsIn(tableSql(db, "decisions"), [CHECKED_LISTS.find((l) => l.codes === OFFER_STATE.codes)!])[0]).toEqual([
      ...OFFER_STATE.codes,
    ]);
    expect(listsIn(tableSql(db, "decisions"), [CHECKED_LISTS.find((l) => l.codes === SETTLED_OFFERS)!])[0]).toEqual([...SETTLED_OFFERS]);
    db.close();
  });

  it("accept a new code after a restart, with no migration, and keep the rows", () => {
    const path = join(dir, "b.sqlite");
    const db = openDatabase(path);
    db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT CHECK (s IS NULL OR s IN ('a', 'b')))");
    db.exec("INSERT INTO t (s) VALUES ('a'), ('b')");
    expect(() => db.exec("INSERT INTO t (s) VALUES ('c')")).toThrow(/CHECK constraint failed/);
    const widened: CheckedList[] = [{ table: "t", before: "s IS NULL OR s", codes: ["a", "b", "c"] }];
    expect(syncVocabularyChecks(db, widened)).toEqual(["t"]);
    db.exec("INSERT INTO t (s) VALUES ('c')");
    expect(() => db.exec("INSERT INTO t (s) VALUES ('d')")).toThrow(/CHECK constraint failed/);
    expect(db.prepare("SELECT s FROM t ORDER BY id").pluck().all()).toEqual(["a", "b", "c"]);
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    // Nothing to do the second time.
    expect(syncVocabularyChecks(db, widened)).toEqual([]);
    db.close();
  });

  it("refuse to drop a code from a list, naming the table and the code", () => {
    const db = openDatabase(join(dir, "c.sqlite"));
    db.exec("CREATE TABLE u (id INTEGER PRIMARY KEY, s TEXT NOT NULL CHECK (s IN ('a', 'b')))");
    expect(() => syncVocabularyChecks(db, [{ table: "u", before: "CHECK (s", codes: ["a"] }])).toThrow(
      /table u's list after "CHECK \(s" holds b, no longer in the vocabulary/,
    );
    expect(listsIn(tableSql(db, "u"), [{ table: "u", before: "CHECK (s", codes: [] }])[0]).toEqual(["a", "b"]);
    db.close();
  });
});
