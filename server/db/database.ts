// The one SQLite file (better-sqlite3, synchronous): WAL, synchronous=FULL, foreign keys on, and the
// versioned migrations applied at open. Every multi-row change goes through `tx()` (one transaction).
import Database from "better-sqlite3";
import { createPrivateFile } from "../io/private-files.js";
import { MIGRATIONS, type Migration } from "./migrations/index.js";
import { syncVocabularyChecks } from "./vocabulary-checks.js";

export type Db = Database.Database;

export function openDatabase(path: string, migrations: Migration[] = MIGRATIONS): Db {
  // A new file is created 0600 in a 0700 folder before SQLite opens it (its -wal and -shm take its mode).
  if (path !== ":memory:" && path !== "") createPrivateFile(path);
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  cacheStatements(db);
  migrate(db, migrations);
  syncVocabularyChecks(db);
  return db;
}

/** How many prepared statements a connection keeps (the code's SQL is a few hundred fixed strings). */
const STATEMENT_CACHE = 1000;

/**
 * Keeps each connection's prepared statements, keyed by their SQL: preparing one costs ~15 µs, which
 * was the largest single cost of a status look-up (each prepared its 5 statements again). A cached
 * statement is handed back in its default mode (its pluck/expand/raw toggles reset, as a fresh one
 * has), and a statement still busy in an iteration is not shared: a fresh one is prepared for the
 * nested use. The least recently used statement leaves when the cache is full.
 */
function cacheStatements(db: Db): void {
  const cache = new Map<string, Database.Statement>();
  const prepare = db.prepare.bind(db);
  const cached = (sql: string): Database.Statement => {
    const hit = cache.get(sql);
    if (hit && !hit.busy) {
      cache.delete(sql);
      cache.set(sql, hit);
      if (hit.reader) hit.pluck(false).expand(false).raw(false);
      return hit;
    }
    const fresh = prepare(sql);
    if (hit) return fresh;
    cache.set(sql, fresh);
    if (cache.size > STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
    return fresh;
  };
  db.prepare = cached as Db["prepare"];
}

/** Applies the migrations not yet applied, each in its own transaction, in version order. */
export function migrate(db: Db, migrations: Migration[]): number[] {
  db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
  const applied = new Set(db.prepare("SELECT version FROM schema_migrations").pluck().all() as number[]);
  const done: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
    })();
    done.push(m.version);
  }
  return done;
}

/**
 * A stamp that changes with every write to the database: this connection's (SQLite's total_changes) and
 * any other connection's commits (data_version). Equal stamps: nothing was written in between.
 */
export function changeStamp(db: Db): string {
  const other = db.pragma("data_version", { simple: true }) as number;
  const own = db.prepare("SELECT total_changes()").pluck().get() as number;
  return `${other}:${own}`;
}

/** Runs `fn` in one transaction: all of its writes or none. */
export function tx<T>(db: Db, fn: () => T): T {
  return db.transaction(fn)();
}
