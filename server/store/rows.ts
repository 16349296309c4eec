// Small helpers the stores share: the time of a write, and reading one row by id as a record.
import { type Db } from "../db/database.js";
import { notFound } from "../errors.js";

let fixedDay: string | undefined;

/** Sets the day the server takes as today (the TODAY setting; undefined: the real day). */
export function setToday(day: string | undefined): void {
  fixedDay = day;
}

/** The time of a write: now, on the server's today (the real time of day on a fixed day). */
export const now = (): string => {
  const real = new Date().toISOString();
  return fixedDay ? `${fixedDay}${real.slice(10)}` : real;
};
/** Today's date (ISO, UTC): the day an answer, a settlement or a commitment is recorded. */
export const today = (): string => now().slice(0, 10);

/** The day `offset` days from `day` (ISO dates; a negative offset goes back). */
export function dayFrom(day: string, offset: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
}
export function byId<R, T>(db: Db, table: "rounds" | "requests", id: string, what: string, of: (row: R) => T): T {
  const row = db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as R | undefined;
  if (!row) throw notFound(`${what} "${id}"`);
  return of(row);
}
