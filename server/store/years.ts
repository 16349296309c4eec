// Programme (financial) years and the money's facts as the core's ledger reads them. A round belongs to
// the year of its start date; a year holds its opening balance (typed for the first year, carried from
// the year before otherwise), its status and, once closed, its locked closing balance. Everything else
// (Table 3, the balances, the ledger's entries, who paid for whom) is derived by scoring/ledger.
import {
  dayInWords,
  type CcmStatus,
  type OfferStatus,
  type Region,
  type RoundStatus,
  type YearStatus,
} from "../../scoring/domain/index.js";
import { yearStatement, type ContributionFact, type Opening, type RoundFacts, type YearFacts } from "../../scoring/ledger/index.js";
import type { Db } from "../db/database.js";
import { conflict, notFound } from "../errors.js";
import { donorRecords } from "./donors.js";

export interface YearRecord {
  year: number;
  status: YearStatus;
  opening: Opening;
  /** A note on the year's figures (e.g. how a published figure differs from the computed one). */
  note: string;
  /** The balance deferred to the next year, locked at the close; null while open. */
  closing: number | null;
  closedAt: string | null;
  version: number;
}

interface YearRow {
  year: number;
  opening: number | null;
  opening_note: string;
  note: string;
  status: YearStatus;
  closing: number | null;
  closed_at: string | null;
  version: number;
}

/** The financial year of a date (ISO): its calendar year. */
export const yearOfDate = (date: string): number => Number(date.slice(0, 4));

const YEAR_OF_ROUND = "CAST(substr(start_date, 1, 4) AS INTEGER)";

function yearRow(db: Db, year: number): YearRow | undefined {
  return db.prepare("SELECT * FROM years WHERE year = ?").get(year) as YearRow | undefined;
}

/** Whether the year has its record. */
export const yearExists = (db: Db, year: number): boolean => yearRow(db, year) !== undefined;

/** Creates the year's record if it has none (open; its opening carried, or 0 for a first year). */
export function ensureYear(db: Db, year: number): void {
  if (yearRow(db, year)) return;
  // A year before a closed one would change the opening it carried: its figures are locked.
  const later = db.prepare("SELECT MIN(year) FROM years WHERE year > ? AND status = 'closed'").pluck().get(year) as number | null;
  if (later !== null)
    throw conflict("year-closed", `the programme year ${later} is closed: a year before it (${year}) can no longer be added`);
  db.prepare("INSERT INTO years (year) VALUES (?)").run(year);
  // The year after it now carries its opening from this one: an opening entered there gives way.
  db.prepare("UPDATE years SET opening = NULL, opening_note = '' WHERE year = (SELECT MIN(year) FROM years WHERE year > ?)").run(year);
}

/** The year before this one that the programme kept (null: this is the first). */
function previousYear(db: Db, year: number): number | null {
  return (db.prepare("SELECT MAX(year) FROM years WHERE year < ?").pluck().get(year) as number | null) ?? null;
}

function openingOf(db: Db, row: YearRow): Opening {
  const prev = previousYear(db, row.year);
  if (prev === null) return { amount: row.opening ?? 0, carriedFrom: null, provisional: false, note: row.opening_note };
  const before = yearRow(db, prev)!;
  if (before.closing !== null) return { amount: before.closing, carriedFrom: prev, provisional: false, note: "" };
  return { amount: yearStatement(yearFacts(db, prev)).deferredTo, carriedFrom: prev, provisional: true, note: "" };
}

function recordOf(db: Db, row: YearRow): YearRecord {
  return {
    year: row.year,
    status: row.status,
    opening: openingOf(db, row),
    note: row.note,
    closing: row.closing,
    closedAt: row.closed_at,
    version: row.version,
  };
}

/** The year's row; 404 when the programme has no such year. */
function requireYear(db: Db, year: number): YearRow {
  const row = yearRow(db, year);
  if (!row) throw notFound(`programme year ${year}`);
  return row;
}

export function getYear(db: Db, year: number): YearRecord {
  return recordOf(db, requireYear(db, year));
}

export function listYears(db: Db): YearRecord[] {
  return (db.prepare("SELECT * FROM years ORDER BY year DESC").all() as YearRow[]).map((r) => recordOf(db, r));
}

/** The ids of the year's rounds, in the order they meet. */
export function roundsOfYear(db: Db, year: number): string[] {
  return db.prepare(`SELECT id FROM rounds WHERE ${YEAR_OF_ROUND} = ? ORDER BY start_date, id`).pluck().all(year) as string[];
}

interface OfferRow {
  request_id: string;
  cost: number | null;
  offer_status: OfferStatus;
  actual_cost: number | null;
  committed_on: string | null;
  answered_on: string | null;
  settled_on: string | null;
  state: string;
  state_name: string | null;
  region: Region | null;
  ccm_status: CcmStatus | null;
}

/** A round's money facts: its contributions (donors), its offers (every decision that made one) and its administrative costs. */
export function roundFacts(db: Db, roundId: string): RoundFacts {
  const r = db
    .prepare("SELECT id, meeting, start_date, end_date, status, admin_estimate, admin_actual FROM rounds WHERE id = ?")
    .get(roundId) as
    | {
        id: string;
        meeting: string;
        start_date: string;
        end_date: string;
        status: RoundStatus;
        admin_estimate: number;
        admin_actual: number | null;
      }
    | undefined;
  if (!r) throw notFound(`round "${roundId}"`);
  const contributions: ContributionFact[] = donorRecords(db, roundId).map((d) => ({
    donor: d.id,
    name: d.name,
    amount: d.amount,
    receivedOn: d.receivedOn,
    source: d.source,
    note: d.note,
    ...(d.regions ? { regions: d.regions } : {}),
    ...(d.statuses ? { statuses: d.statuses } : {}),
    ...(d.states ? { states: d.states } : {}),
  }));
  const offers = db
    .prepare(
      `SELECT d.request_id, d.cost, d.offer_status, d.actual_cost, d.committed_on, d.answered_on, d.settled_on,
              json_extract(q.attributes, '$.state') AS state,
              json_extract(s.data, '$.name') AS state_name, json_extract(s.data, '$.region') AS region, json_extract(s.data, '$.ccmStatus') AS ccm_status
       FROM decisions d JOIN requests q ON q.id = d.request_id
       LEFT JOIN round_states s ON s.round_id = d.round_id AND s.iso3 = json_extract(q.attributes, '$.state')
       WHERE d.round_id = ? AND d.offer_status IS NOT NULL ORDER BY d.request_id`,
    )
    .all(roundId) as OfferRow[];
  return {
    id: r.id,
    meeting: r.meeting,
    startDate: r.start_date,
    endDate: r.end_date,
    status: r.status,
    adminEstimate: r.admin_estimate,
    adminActual: r.admin_actual,
    contributions,
    offers: offers.map((o) => ({
      requestId: o.request_id,
      state: o.state,
      stateName: o.state_name ?? o.state,
      region: o.region,
      status: o.ccm_status,
      cost: o.cost ?? 0,
      offerStatus: o.offer_status,
      actualCost: o.actual_cost,
      committedOn: o.committed_on,
      answeredOn: o.answered_on,
      settledOn: o.settled_on,
    })),
  };
}

/** The year's facts: its opening and its rounds' money. */
export function yearFacts(db: Db, year: number): YearFacts {
  const row = requireYear(db, year);
  return {
    year,
    opening: openingOf(db, row),
    closed: row.status === "closed",
    rounds: roundsOfYear(db, year).map((id) => roundFacts(db, id)),
  };
}

/** The year a round belongs to. */
export function yearOfRound(db: Db, roundId: string): number {
  const start = db.prepare("SELECT start_date FROM rounds WHERE id = ?").pluck().get(roundId) as string | undefined;
  if (start === undefined) throw notFound(`round "${roundId}"`);
  return yearOfDate(start);
}

/** Refuses a change to a closed year's money (409, in words). */
export function assertYearOpen(db: Db, year: number, change: string): void {
  if (yearRow(db, year)?.status === "closed")
    throw conflict("year-closed", `the programme year ${year} is closed: its figures are locked, so ${change} cannot be recorded`);
}

/**
 * Refuses a money fact dated in a closed year (a contribution received, an answer or a settlement),
 * whichever round or year the write names: a closed year's figures stay as they were closed.
 */
export function assertDayOpen(db: Db, day: string, change: string): void {
  const year = yearOfDate(day);
  if (yearRow(db, year)?.status === "closed")
    throw conflict(
      "year-closed",
      `the programme year ${year} is closed: ${change} dated ${dayInWords(day)} falls in it, and its figures are locked`,
    );
}

/** Whether the round's programme year is open (its money may still change). */
export function yearIsOpen(db: Db, roundId: string): boolean {
  return yearRow(db, yearOfRound(db, roundId))?.status !== "closed";
}

/** Refuses a change to the money of a round whose year is closed. */
export function assertRoundOpenForMoney(db: Db, roundId: string, change: string): void {
  assertYearOpen(db, yearOfRound(db, roundId), change);
}

export function setYearOpening(db: Db, year: number, amount: number, note: string): void {
  db.prepare("UPDATE years SET opening = ?, opening_note = ?, version = version + 1 WHERE year = ?").run(amount, note, year);
}

export function setYearNote(db: Db, year: number, note: string): void {
  db.prepare("UPDATE years SET note = ?, version = version + 1 WHERE year = ?").run(note, year);
}

export function markYearClosed(db: Db, year: number, closing: number, at: string, by: number | null): void {
  db.prepare("UPDATE years SET status = 'closed', closing = ?, closed_at = ?, closed_by = ?, version = version + 1 WHERE year = ?").run(
    closing,
    at,
    by,
    year,
  );
}
