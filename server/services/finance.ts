// The money after the allocation, for a round and for a programme year: Table 3 of the ISU's report
// (JSON, CSV, XLSX), the ledger's dated entries, who paid for whom, the year's opening balance and its
// close. Every figure is derived by scoring/ledger from the facts the stores hold once.
import {
  ledgerEntries,
  roundSplit,
  roundStatements,
  sourceNote,
  yearStatement,
  type LedgerEntry,
  type Table3,
} from "../../scoring/ledger/index.js";
import { audit } from "../audit.js";
import { xlsxOf } from "../io/exports.js";
import { tx, type Db } from "../db/database.js";
import { checkVersion, conflict, DomainError } from "../errors.js";
import {
  ensureYear,
  listYears,
  yearExists,
  getRound,
  getYear,
  markYearClosed,
  roundsOfYear,
  setYearNote,
  setYearOpening,
  yearFacts,
  yearOfRound,
  type YearRecord,
} from "../store/index.js";
import { now } from "../store/rows.js";
import type { Statement, YearStatement } from "../schemas/index.js";
import type { Actor } from "./actor.js";
import { changeRoundStatus, mayReadRound, type Reader } from "./rounds.js";

export type { Statement, YearStatement };

/** A donor reads a year's figures when it contributed to one of its rounds; staff read every year's. */
const mayReadYear = (db: Db, user: Reader, year: number): boolean =>
  user.role !== "donor" || roundsOfYear(db, year).some((id) => mayReadRound(db, user, id));

/** The programme years a user may read, newest first. */
export function yearsFor(db: Db, user: Reader): YearRecord[] {
  return listYears(db).filter((y) => mayReadYear(db, user, y.year));
}

/** A programme year, if the user may read it (404 for an unknown year, 403 for a donor that did not contribute in it). */
export function yearFor(db: Db, user: Reader, year: number): YearRecord {
  const record = getYear(db, year);
  if (!mayReadYear(db, user, year)) throw new DomainError("forbidden", "forbidden", `donor ${user.donorId} did not contribute in ${year}`);
  return record;
}

/** The round's Table 3 within its year, with who paid for whom. */
export function roundStatement(db: Db, roundId: string): Statement {
  const round = getRound(db, roundId);
  const year = yearOfRound(db, roundId);
  const found = roundStatements(yearFacts(db, year)).find((s) => s.round.id === roundId)!;
  const split = roundSplit(found.round, found.table.revenues.deferredFrom);
  return {
    scope: "round",
    roundId,
    meeting: round.meeting,
    year,
    ...found.table,
    funding: found.round.offers
      .filter((o) => split.shares.has(o.requestId))
      .map((o) => {
        const shares = split.shares.get(o.requestId)!;
        const unpaid = split.unpaid.get(o.requestId) ?? 0;
        return {
          requestId: o.requestId,
          state: o.state,
          stateName: o.stateName,
          cost: shares.reduce((s, x) => s + x.amount, 0) + unpaid,
          shares,
          unpaid,
        };
      }),
  };
}

/** The year's Table 3, with each round's place in it. */
export function yearStatementOf(db: Db, year: number): YearStatement {
  const record = getYear(db, year);
  const facts = yearFacts(db, year);
  return {
    scope: "year",
    year,
    version: record.version,
    status: record.status,
    opening: record.opening,
    note: record.note,
    ...yearStatement(facts),
    rounds: roundStatements(facts).map(({ round, table }) => ({
      roundId: round.id,
      meeting: round.meeting,
      startDate: round.startDate,
      status: round.status,
      deferredFrom: table.revenues.deferredFrom,
      deferredTo: table.deferredTo,
      provisional: table.provisional,
    })),
  };
}

export function yearLedger(db: Db, year: number): LedgerEntry[] {
  getYear(db, year);
  return ledgerEntries(yearFacts(db, year));
}

/** The first year's opening balance, entered with a note (later years carry theirs). */
export function enterOpening(db: Db, year: number, input: { amount: number; note: string; version: number }, actor: Actor): YearRecord {
  return tx(db, () => {
    const current = getYear(db, year);
    checkVersion(current, input.version);
    if (current.status === "closed") throw conflict("year-closed", `the programme year ${year} is closed: its opening balance is locked`);
    if (current.opening.carriedFrom !== null)
      throw conflict(
        "opening-carried",
        `the opening balance of ${year} is carried from ${current.opening.carriedFrom} (CHF ${current.opening.amount}); only the first year's is entered`,
      );
    setYearOpening(db, year, input.amount, input.note);
    audit(db, {
      actor: actor.name,
      action: "opening",
      entity: "year",
      entityId: String(year),
      data: { amount: input.amount, note: input.note },
    });
    return getYear(db, year);
  });
}

export function editYearNote(db: Db, year: number, input: { note: string; version: number }, actor: Actor): YearRecord {
  return tx(db, () => {
    checkVersion(getYear(db, year), input.version);
    setYearNote(db, year, input.note);
    audit(db, { actor: actor.name, action: "note", entity: "year", entityId: String(year), data: { note: input.note } });
    return getYear(db, year);
  });
}

/** Opens a programme year (for its contributions and rounds) ahead of its first round. */
export function openYear(db: Db, year: number, actor: Actor): YearRecord {
  return tx(db, () => {
    if (yearExists(db, year)) throw conflict("exists", `the programme year ${year} exists already`);
    ensureYear(db, year);
    audit(db, { actor: actor.name, action: "create", entity: "year", entityId: String(year), data: {} });
    return getYear(db, year);
  });
}

/**
 * Closes a year: its figures are locked and its deferred-to becomes the next year's opening. Refused
 * while any figure may still change: a round not decided, an offer unanswered or unsettled, the
 * administrative costs unknown, or the year before still open.
 */
export function closeYear(db: Db, year: number, input: { version: number }, actor: Actor): YearRecord {
  return tx(db, () => {
    const current = getYear(db, year);
    checkVersion(current, input.version);
    if (current.status === "closed") throw conflict("year-closed", `the programme year ${year} is closed already`);
    const facts = yearFacts(db, year);
    // Final means what the statement says it means (nothing provisional), and every round decided.
    const statement = yearStatement(facts);
    const blocking = [
      ...facts.rounds
        .filter((r) => r.status !== "decided" && r.status !== "closed")
        .map((r) => `${r.meeting} (${r.id}) is not decided (it is ${r.status})`),
      ...statement.pending,
    ];
    if (blocking.length)
      throw conflict("year-not-final", `the programme year ${year} cannot be closed yet: ${blocking.join("; ")}`, { blocking });
    for (const id of roundsOfYear(db, year)) {
      const round = getRound(db, id);
      if (round.status === "decided") changeRoundStatus(db, round, "closed");
    }
    markYearClosed(db, year, statement.deferredTo, now(), actor.id);
    audit(db, {
      actor: actor.name,
      action: "close",
      entity: "year",
      entityId: String(year),
      data: {
        deferredTo: statement.deferredTo,
        expenditures: statement.expenditures.total,
        contributions: statement.revenues.totalContributions,
      },
    });
    return getYear(db, year);
  });
}

/** Table 3's lines, as the CSV and XLSX exports write them (amounts in CHF, as computed). */
export function table3Rows(t: Table3, label: string): Record<"section" | "item" | "amount" | "note", string>[] {
  const money = (x: number): string => String(x);
  return [
    { section: "EXPENDITURES", item: "Travel costs", amount: money(t.expenditures.travel), note: "" },
    { section: "EXPENDITURES", item: "General & admin. expenses", amount: money(t.expenditures.generalAndAdministrative), note: "" },
    { section: "EXPENDITURES", item: "Total Expenditures", amount: money(t.expenditures.total), note: "" },
    ...t.revenues.contributions.map((d) => ({
      section: "REVENUES",
      item: `Contributions: ${d.name}`,
      amount: money(d.amount),
      note: sourceNote(d.source, d.note),
    })),
    { section: "REVENUES", item: "Total Contributions", amount: money(t.revenues.totalContributions), note: "" },
    { section: "REVENUES", item: "Contributions deferred from", amount: money(t.revenues.deferredFrom), note: "" },
    { section: "REVENUES", item: "Total Revenues", amount: money(t.revenues.total), note: "" },
    { section: "", item: "Contributions deferred to", amount: money(t.deferredTo), note: "" },
    ...(t.provisional ? [{ section: "", item: "Provisional", amount: "", note: t.pending.join("; ") }] : []),
    { section: "", item: "Statement", amount: "", note: label },
  ];
}

/** Table 3 as an XLSX workbook: one sheet, amounts as numbers in CHF, text inert. */
export async function table3Xlsx(t: Table3, title: string): Promise<Buffer> {
  const lines = table3Rows(t, title).slice(0, -1);
  return xlsxOf(
    "Table 3",
    [
      { cells: [title], bold: true },
      { cells: [] },
      { cells: ["", "", "CHF"], bold: true },
      ...lines.map((r) => ({
        cells: [r.section, r.item, r.amount === "" ? null : Number(r.amount), r.note],
        bold: /^Total|deferred to/.test(r.item),
      })),
    ],
    [16, 36, 14, 60],
  );
}
