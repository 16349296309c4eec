// Full backups, in two forms: a consistent SQLite snapshot (SQLite's online backup API: a copy of one
// committed state, taken while the server keeps serving) and a JSON export of every table (readable,
// diffable, restorable into any later schema version). Both restore to the same state, row by row and
// field by field. Sessions and sign-in attempts are left out: they are short-lived security state, and a
// restored database starts with everyone signed out.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, renameSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { z } from "zod";
import { verifyChain } from "../audit.js";
import { openDatabase, migrate, type Db } from "../db/database.js";
import { MIGRATIONS } from "../db/migrations/index.js";
import { createPrivateFile, privateDir, writePrivateFile } from "./private-files.js";

export const BACKUP_FORMAT = "sponsorship-allocator-backup" as const;
/** The schema version this program migrates to. */
const LATEST = Math.max(...MIGRATIONS.map((m) => m.version));

/** Tables a backup leaves out (see above). */
export const EPHEMERAL_TABLES = ["sessions", "login_attempts"];

const Cell = z.union([z.string(), z.number(), z.null()]);
export const BackupSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  schemaVersion: z.number().int().min(1),
  createdAt: z.string(),
  tables: z.record(z.string().regex(/^[a-z_][a-z0-9_]*$/), z.array(z.record(z.string().regex(/^[a-z_][a-z0-9_]*$/), Cell))),
});
export type Backup = z.infer<typeof BackupSchema>;

/** The tables a backup holds, in the order they are restored (parents before children). */
export function backupTables(db: Db): string[] {
  const names = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid")
    .pluck()
    .all() as string[];
  return names.filter((n) => !EPHEMERAL_TABLES.includes(n));
}

export function schemaVersion(db: Db): number {
  return (db.prepare("SELECT MAX(version) FROM schema_migrations").pluck().get() as number | null) ?? 0;
}

/** Every table's rows in primary-key order, read in one transaction (one consistent state). */
export function exportJson(db: Db): Backup {
  return db.transaction(() => ({
    format: BACKUP_FORMAT,
    schemaVersion: schemaVersion(db),
    createdAt: new Date().toISOString(),
    tables: Object.fromEntries(
      backupTables(db).map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all() as Record<string, string | number | null>[]]),
    ),
  }))();
}

/** A consistent snapshot of the database into `path`, a new file made 0600 (SQLite's online backup: writers are not blocked). */
export async function snapshot(db: Db, path: string): Promise<void> {
  if (existsSync(path)) throw new Error(`${path} exists: a backup never overwrites a file`);
  createPrivateFile(path);
  await db.backup(path);
}

/** A JSON export of every table into `path`, a new file made 0600. */
export function writeJsonBackup(db: Db, path: string): void {
  writePrivateFile(path, JSON.stringify(exportJson(db)));
}

export class RestoreError extends Error {}

/** The file is an SQLite database (by its header). */
export function isSqliteFile(path: string): boolean {
  return readFileSync(path).subarray(0, 16).toString("latin1") === "SQLite format 3\0";
}

/**
 * Restores a backup (a snapshot or a JSON export) into `target`. Written to a temporary file beside it,
 * checked (integrity, foreign keys, the schema), then renamed over the target in one step: a failed
 * restore leaves the target as it was. An existing target is replaced only with `force`.
 */
export function restore(source: string, target: string, opts: { force?: boolean } = {}): { tables: number; rows: number } {
  if (existsSync(target) && !opts.force) throw new RestoreError(`${target} exists: stop the server and pass --force to replace it`);
  const temp = `${target}.restore-${randomBytes(4).toString("hex")}`;
  privateDir(dirname(target));
  try {
    const counts = isSqliteFile(source) ? restoreSnapshot(source, temp) : restoreJson(parseBackup(source), temp);
    for (const suffix of ["-wal", "-shm"]) rmSync(`${target}${suffix}`, { force: true });
    renameSync(temp, target);
    return counts;
  } finally {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${temp}${suffix}`, { force: true });
  }
}

function parseBackup(source: string): Backup {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(source, "utf8"));
  } catch (e) {
    throw new RestoreError(`${source}: neither an SQLite database nor JSON (${(e as Error).message})`);
  }
  const parsed = BackupSchema.safeParse(json);
  if (!parsed.success)
    throw new RestoreError(
      `${source}: not a backup of this product: ${parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ")}`,
    );
  return parsed.data;
}

function restoreSnapshot(source: string, temp: string): { tables: number; rows: number } {
  const from = new Database(source, { readonly: true, fileMustExist: true }); // the source is only read
  try {
    const version = schemaVersion(from);
    if (version > LATEST) throw new RestoreError(`${source}: schema version ${version} is newer than this program's`);
    createPrivateFile(temp); // VACUUM INTO fills an empty file, keeping its mode (0600)
    from.exec(`VACUUM INTO '${temp.replaceAll("'", "''")}'`);
  } finally {
    from.close();
  }
  const db = openDatabase(temp); // later migrations, if the snapshot is older
  try {
    return check(db);
  } finally {
    db.close();
  }
}

/** Restores a JSON export into a new database file at `path`. */
export function restoreJson(backup: Backup, path: string): { tables: number; rows: number } {
  if (backup.schemaVersion > LATEST)
    throw new RestoreError(`the backup's schema version ${backup.schemaVersion} is newer than this program's (${LATEST})`);
  // The schema as it was when the backup was taken; the rows; then the later migrations.
  const db = openDatabase(
    path,
    MIGRATIONS.filter((m) => m.version <= backup.schemaVersion),
  );
  try {
    // The migrations a backup went through are its schema version's: a table of migrations that says
    // otherwise contradicts it (restoring it would skip migrations the data needs).
    const claimed = (backup.tables.schema_migrations ?? []).map((m) => Number(m.version));
    if (claimed.length && Math.max(...claimed) !== backup.schemaVersion)
      throw new RestoreError(
        `the backup's schema version (${backup.schemaVersion}) contradicts its table of migrations (${Math.max(...claimed)}): it was edited`,
      );
    const tables = backupTables(db);
    const unknown = Object.keys(backup.tables).filter((t) => !tables.includes(t));
    if (unknown.length) throw new RestoreError(`the backup has tables this schema does not: ${unknown.join(", ")}`);
    db.pragma("foreign_keys = OFF");
    let rows = 0;
    db.transaction(() => {
      for (const t of tables) {
        db.prepare(`DELETE FROM "${t}"`).run();
        const columns = new Set((db.prepare(`PRAGMA table_info("${t}")`).all() as { name: string }[]).map((c) => c.name));
        for (const row of backup.tables[t] ?? []) {
          const keys = Object.keys(row);
          const bad = keys.find((k) => !columns.has(k));
          if (bad) throw new RestoreError(`table ${t}: unknown column ${bad}`);
          db.prepare(`INSERT INTO "${t}" (${keys.map((k) => `"${k}"`).join(", ")}) VALUES (${keys.map(() => "?").join(", ")})`).run(
            ...keys.map((k) => row[k]),
          );
          rows++;
        }
      }
    })();
    db.pragma("foreign_keys = ON");
    migrate(db, MIGRATIONS);
    check(db);
    return { tables: tables.length, rows };
  } finally {
    db.close();
  }
}

/** The schema as SQLite holds it (tables, indexes, triggers), each statement with its spaces normalised. */
function schemaOf(db: Db): Map<string, string> {
  const rows = db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND sql IS NOT NULL").all() as {
    type: string;
    name: string;
    sql: string;
  }[];
  return new Map(rows.map((r) => [`${r.type} ${r.name}`, r.sql.replace(/\s+/g, " ").trim()]));
}

/** What this program's migrations make, for comparison. */
function expectedSchema(): Map<string, string> {
  const fresh = openDatabase(":memory:");
  try {
    return schemaOf(fresh);
  } finally {
    fresh.close();
  }
}

function check(db: Db): { tables: number; rows: number } {
  const integrity = db.pragma("integrity_check", { simple: true });
  if (integrity !== "ok") throw new RestoreError(`the restored database fails its integrity check: ${String(integrity)}`);
  const orphans = db.pragma("foreign_key_check") as unknown[];
  if (orphans.length) throw new RestoreError(`the restored database has ${orphans.length} rows whose references are missing`);
  // The schema must be exactly what the migrations make: a dropped trigger (the audit log's protection),
  // a changed table or an extra object is refused, by name.
  const want = expectedSchema();
  const have = schemaOf(db);
  const differences = [
    ...[...want.keys()].filter((k) => !have.has(k)).map((k) => `${k} is missing`),
    ...[...have.keys()].filter((k) => !want.has(k)).map((k) => `${k} is not this program's`),
    ...[...want.keys()].filter((k) => have.has(k) && have.get(k) !== want.get(k)).map((k) => `${k} differs`),
  ];
  if (differences.length) throw new RestoreError(`the restored schema is not this program's: ${differences.join("; ")}`);
  // The audit log must verify: an edited, removed or inserted entry breaks its hash chain.
  const chain = verifyChain(db);
  if (!chain.ok)
    throw new RestoreError(
      `the audit log does not verify: entry ${chain.firstBad!.seq}: ${chain.firstBad!.problem} (the backup was altered)`,
    );
  const tables = backupTables(db);
  const rows = tables.reduce((n, t) => n + (db.prepare(`SELECT COUNT(*) FROM "${t}"`).pluck().get() as number), 0);
  return { tables: tables.length, rows };
}
