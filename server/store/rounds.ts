// Rounds: their records, creation (with their States as of the meeting), and each round's reference data.
import {
  RuleSetSchema,
  type RuleSet,
  HistorySchema,
  type History,
  type ReferenceData,
  referenceAsOf,
} from "../../scoring/criteria/index.js";
import {
  RoundSchema,
  StateSchema,
  WeightsSchema,
  type Round,
  type State,
  type Weights,
  type RoundStatus,
} from "../../scoring/domain/index.js";
import { PolicySchema, type Policy } from "../../scoring/policy/index.js";
import { audit } from "../audit.js";
import { tx, type Db } from "../db/database.js";
import { chf } from "../../scoring/domain/index.js";
import { roundStatements } from "../../scoring/ledger/index.js";
import { DomainError, invalid } from "../errors.js";
import { ensureYear, setYearOpening, yearFacts, yearOfDate } from "./years.js";

import { byId, now } from "./rows.js";
import type { RoundRecord } from "../schemas/index.js";

export type { RoundRecord };

interface RoundRow {
  id: string;
  meeting: string;
  venue: string;
  meeting_fr: string | null;
  meeting_es: string | null;
  venue_fr: string | null;
  venue_es: string | null;
  start_date: string;
  end_date: string;
  window_opens: string;
  window_closes: string;
  allowance_rate: number;
  nights: number;
  status: Round["status"];
  reserve: number;
  admin_estimate: number;
  admin_actual: number | null;
  history: string | null;
  reference_as_of: string;
  created_at: string;
  updated_at: string;
  version: number;
}

/** A round's record, with the money the year carries into it and what it defers (both derived: scoring/ledger). */
function roundOf(r: RoundRow, money: { carryOver: number; deferredTo: number }): RoundRecord {
  return {
    id: r.id,
    meeting: r.meeting,
    venue: r.venue,
    meetingFr: r.meeting_fr,
    meetingEs: r.meeting_es,
    venueFr: r.venue_fr,
    venueEs: r.venue_es,
    startDate: r.start_date,
    endDate: r.end_date,
    windowOpens: r.window_opens,
    windowCloses: r.window_closes,
    allowanceRate: r.allowance_rate,
    nights: r.nights,
    status: r.status,
    carryOver: money.carryOver,
    reserve: r.reserve,
    adminEstimate: r.admin_estimate,
    adminActual: r.admin_actual,
    deferredTo: money.deferredTo,
    referenceAsOf: r.reference_as_of,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** A round (404 when there is none). */
export function getRound(db: Db, id: string): RoundRecord {
  return byId(db, "rounds", id, "round", (r: RoundRow) => roundOf(r, moneyOfRounds(db, yearOfDate(r.start_date)).get(r.id)!));
}

export const roundExists = (db: Db, id: string): boolean => db.prepare("SELECT 1 FROM rounds WHERE id = ?").get(id) !== undefined;

export function listRounds(db: Db): RoundRecord[] {
  const years = new Map<number, Map<string, { carryOver: number; deferredTo: number }>>();
  return (db.prepare("SELECT * FROM rounds ORDER BY start_date DESC").all() as RoundRow[]).map((r) => {
    const y = yearOfDate(r.start_date);
    if (!years.has(y)) years.set(y, moneyOfRounds(db, y));
    return roundOf(r, years.get(y)!.get(r.id)!);
  });
}

/** Each round of a year: what it starts from and what it leaves. */
function moneyOfRounds(db: Db, year: number): Map<string, { carryOver: number; deferredTo: number }> {
  ensureYear(db, year);
  return new Map(
    roundStatements(yearFacts(db, year)).map((s) => [
      s.round.id,
      { carryOver: s.table.revenues.deferredFrom, deferredTo: s.table.deferredTo },
    ]),
  );
}

export function roundHistory(db: Db, id: string): History | undefined {
  const raw = db.prepare("SELECT history FROM rounds WHERE id = ?").pluck().get(id) as string | null | undefined;
  return raw ? HistorySchema.parse(JSON.parse(raw)) : undefined;
}

export interface NewRound {
  round: Round;
  weights: Weights;
  policy: Policy;
  rules?: RuleSet;
  history?: History;
}

/** A new round with a copy of the reference States (editable per round) and its first settings. */
export function createRound(db: Db, input: NewRound, reference: ReferenceData, actor: { id: number | null; name: string }): RoundRecord {
  const r = RoundSchema.parse(input.round);
  // The States as of the meeting's first day: the round keeps this copy (staff correct it per round).
  const asOf = referenceAsOf(reference, r.startDate);
  return tx(db, () => {
    if (db.prepare("SELECT 1 FROM rounds WHERE id = ?").get(r.id))
      throw new DomainError("conflict", "exists", `a round "${r.id}" exists already`);
    const year = yearOfDate(r.startDate);
    const first = (db.prepare("SELECT COUNT(*) FROM years WHERE year <= ?").pluck().get(year) as number) === 0;
    ensureYear(db, year);
    const t = now();
    db.prepare(
      `INSERT INTO rounds (id, meeting, venue, meeting_fr, meeting_es, venue_fr, venue_es, start_date, end_date, window_opens, window_closes, allowance_rate, nights, status, reserve, admin_estimate, history, reference_as_of, created_at, updated_at)
       VALUES (@id, @meeting, @venue, @meetingFr, @meetingEs, @venueFr, @venueEs, @startDate, @endDate, @windowOpens, @windowCloses, @allowanceRate, @nights, @status, @reserve, @adminEstimate, @history, @asOf, @t, @t)`,
    ).run({
      meetingFr: null,
      meetingEs: null,
      venueFr: null,
      venueEs: null,
      ...r,
      history: input.history ? JSON.stringify(input.history) : null,
      asOf: asOf.asOf,
      t,
    });
    // The money carried in comes from the year: a carry-over given with the round is the opening balance
    // of a first year (entered, with a note); for any other year it must be what the year carries.
    if (first && r.carryOver > 0) setYearOpening(db, year, r.carryOver, `entered with round ${r.id}`);
    else if (r.carryOver > 0) {
      const carried = roundStatements(yearFacts(db, year)).find((x) => x.round.id === r.id)!.table.revenues.deferredFrom;
      if (Math.abs(carried - r.carryOver) > 0.005)
        throw invalid([
          {
            path: "round.carryOver",
            message: `the money carried into ${year} comes from the year's opening balance and its earlier rounds (CHF ${chf(carried)}): leave it out`,
          },
        ]);
    }
    const insertState = db.prepare("INSERT INTO round_states (round_id, iso3, data) VALUES (?, ?, ?)");
    for (const s of asOf.states.values()) insertState.run(r.id, s.iso3, JSON.stringify(s));
    db.prepare(
      "INSERT INTO settings (round_id, version, weights, policy, rules, note, created_at, created_by) VALUES (?, 1, ?, ?, ?, ?, ?, ?)",
    ).run(
      r.id,
      JSON.stringify(WeightsSchema.parse(input.weights)),
      JSON.stringify(PolicySchema.parse(input.policy)),
      input.rules ? JSON.stringify(RuleSetSchema.parse(input.rules)) : null,
      "initial settings",
      t,
      actor.id,
    );
    audit(db, {
      actor: actor.name,
      action: "create",
      entity: "round",
      entityId: r.id,
      data: { round: r, weights: input.weights, policy: input.policy },
    });
    return getRound(db, r.id);
  });
}

// --- reference States per round ------------------------------------------------------------------

export function roundStates(db: Db, roundId: string): { states: (State & { edited: boolean; version: number })[]; asOf: string } {
  const round = getRound(db, roundId);
  const rows = db.prepare("SELECT data, edited, version FROM round_states WHERE round_id = ? ORDER BY iso3").all(roundId) as {
    data: string;
    edited: number;
    version: number;
  }[];
  return {
    asOf: round.referenceAsOf,
    states: rows.map((r) => ({ ...StateSchema.parse(JSON.parse(r.data)), edited: r.edited === 1, version: r.version })),
  };
}

export function roundReference(db: Db, roundId: string): ReferenceData {
  const { states, asOf } = roundStates(db, roundId);
  const map = new Map(states.map(({ edited: _e, version: _v, ...s }) => [s.iso3, s as State]));
  return { states: map, asOf, unverified: [...map.values()].filter((s) => s.verify).length };
}

/**
 * Reads the round's States again as of a new meeting date: every row staff did not correct takes the
 * reference's facts as of that date (a corrected row stays as staff left it).
 */
export function rereadRoundStates(db: Db, roundId: string, reference: ReferenceData, date: string): void {
  const asOf = referenceAsOf(reference, date);
  const update = db.prepare("UPDATE round_states SET data = ?, version = version + 1 WHERE round_id = ? AND iso3 = ? AND edited = 0");
  for (const s of asOf.states.values()) update.run(JSON.stringify(s), roundId, s.iso3);
  db.prepare("UPDATE rounds SET reference_as_of = ? WHERE id = ?").run(asOf.asOf, roundId);
}

/** Moves a round to a status (the caller checked the move: scoring/domain/lifecycle.ts). */
export function setRoundStatus(db: Db, id: string, status: RoundStatus): void {
  db.prepare("UPDATE rounds SET status = ?, updated_at = ?, version = version + 1 WHERE id = ?").run(status, now(), id);
}

/** The columns a round's edit may change, by field. */
const ROUND_COLUMNS = {
  meeting: "meeting",
  venue: "venue",
  meetingFr: "meeting_fr",
  meetingEs: "meeting_es",
  venueFr: "venue_fr",
  venueEs: "venue_es",
  startDate: "start_date",
  endDate: "end_date",
  windowOpens: "window_opens",
  windowCloses: "window_closes",
  allowanceRate: "allowance_rate",
  nights: "nights",
  reserve: "reserve",
  adminEstimate: "admin_estimate",
  adminActual: "admin_actual",
} as const;

export type RoundPatch = Partial<Pick<RoundRecord, keyof typeof ROUND_COLUMNS>>;

/** Writes the fields of a patch (a new version of the round). */
export function patchRound(db: Db, id: string, patch: RoundPatch): void {
  const keys = Object.keys(patch).filter((k): k is keyof typeof ROUND_COLUMNS => Object.hasOwn(ROUND_COLUMNS, k));
  const sets = keys.map((k) => `${ROUND_COLUMNS[k]} = @${k}`);
  db.prepare(`UPDATE rounds SET ${[...sets, "updated_at = @t", "version = version + 1"].join(", ")} WHERE id = @id`).run({
    ...Object.fromEntries(keys.map((k) => [k, patch[k]])),
    t: now(),
    id,
  });
}

/** The version of a State's row in the round's reference data (null: not in it). */
export function roundStateVersion(db: Db, roundId: string, iso3: string): number | null {
  return (
    (db.prepare("SELECT version FROM round_states WHERE round_id = ? AND iso3 = ?").pluck().get(roundId, iso3) as number | undefined) ??
    null
  );
}

/** A State corrected for this round (added when it was not in the round's data). */
export function putRoundState(db: Db, roundId: string, state: State, exists: boolean): void {
  if (exists) {
    db.prepare("UPDATE round_states SET data = ?, edited = 1, version = version + 1 WHERE round_id = ? AND iso3 = ?").run(
      JSON.stringify(state),
      roundId,
      state.iso3,
    );
  } else {
    db.prepare("INSERT INTO round_states (round_id, iso3, data, edited) VALUES (?, ?, ?, 1)").run(
      roundId,
      state.iso3,
      JSON.stringify(state),
    );
  }
}
