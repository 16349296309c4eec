// Small helpers the stores share: the time of a write, and reading one row by id as a record.
import { type Db } from "../db/database.js";
import { notFound } from "../errors.js";

export const now = (): string => new Date().toISOString();
/** Today's date (ISO, UTC): the day an answer, a settlement or a commitment is recorded. */
export const today = (): string => now().slice(0, 10);
export function byId<R, T>(db: Db, table: "rounds" | "requests", id: string, what: string, of: (row: R) => T): T {
  const row = db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as R | undefined;
  if (!row) throw notFound(`${what} "${id}"`);
  return of(row);
}
