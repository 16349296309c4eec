// The database's whole state, table by table and row by row (short-lived security state apart), for
// checks that a state is unchanged or restored identically.
import { backupTables } from "../../server/io/backup.js";
import type { Db } from "../../server/db/database.js";

export type DbState = Record<string, Record<string, unknown>[]>;

export function dbState(db: Db): DbState {
  return Object.fromEntries(
    backupTables(db).map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all() as Record<string, unknown>[]]),
  );
}

/** Row counts per table: a quick summary for failure messages. */
export const rowCounts = (s: DbState): Record<string, number> => Object.fromEntries(Object.entries(s).map(([t, rows]) => [t, rows.length]));
