// Rounds as staff change them: their dates and money, their status along the lifecycle
// (scoring/domain/lifecycle.ts), and corrections of a State's facts for one round.
import { ROUND_STATUS, roundMoveRefused, type RoundStatus, type State } from "../../scoring/domain/index.js";
import { audit, changes } from "../audit.js";
import { tx } from "../db/database.js";
import { checkVersion, DomainError, invalid } from "../errors.js";
import type { Services } from "../http/index.js";
import {
  assertRoundOpenForMoney,
  assertYearOpen,
  assertDayOpen,
  ensureYear,
  yearOfDate,
  getRound,
  patchRound,
  putRoundState,
  roundStates,
  roundStateVersion,
  setRoundStatus,
  type RoundPatch,
  type RoundRecord,
  rereadRoundStates,
  donorRecords,
  listRounds,
  putDonor,
  type ContributionInput,
  type DonorRecord,
  createRound,
  saveSettings,
  type NewRound,
  type SettingsRecord,
} from "../store/index.js";
import type { Actor } from "./actor.js";

/** Edits a round's dates, allowance and money (not its status); the dates must stay in order. */
export function editRound(
  { db, reference }: Pick<Services, "db" | "reference">,
  roundId: string,
  input: RoundPatch & { version: number },
  actor: Actor,
): RoundRecord {
  const { version, ...patch } = input;
  return tx(db, () => {
    const current = getRound(db, roundId);
    checkVersion(current, version);
    assertRoundOpenForMoney(db, roundId, "a change to the round");
    if (patch.startDate && yearOfDate(patch.startDate) !== yearOfDate(current.startDate)) {
      assertYearOpen(db, yearOfDate(patch.startDate), `a round moved into it (${roundId})`);
      ensureYear(db, yearOfDate(patch.startDate));
    }
    const merged = { ...current, ...patch };
    if (merged.endDate < merged.startDate) throw invalid([{ path: "endDate", message: "must not be before startDate" }]);
    if (merged.windowCloses < merged.windowOpens) throw invalid([{ path: "windowCloses", message: "must not be before windowOpens" }]);
    patchRound(db, roundId, patch);
    // A new meeting date: the States' facts are read again as of it (staff's corrections stay).
    if (patch.startDate && patch.startDate !== current.startDate) rereadRoundStates(db, roundId, reference, patch.startDate);
    audit(db, { actor: actor.name, action: "update", entity: "round", entityId: roundId, data: { changes: changes(current, merged) } });
    return getRound(db, roundId);
  });
}

/**
 * The one writer of a round's status: one allowed step of its lifecycle (scoring/domain/lifecycle.ts),
 * refused in words otherwise (staying where it is is no step). The caller audits the change.
 */
export function changeRoundStatus(db: Services["db"], round: RoundRecord, to: RoundStatus): void {
  const refused = roundMoveRefused(round.id, round.status, to);
  if (refused)
    throw new DomainError("invalid", "validation", refused, {
      problems: [{ path: "status", message: `not allowed from "${ROUND_STATUS.say(round.status)}"` }],
    });
  setRoundStatus(db, round.id, to);
}

/** Moves a round along its lifecycle, one allowed step at a time. */
export function moveRound({ db }: Services, roundId: string, input: { status: RoundStatus; version: number }, actor: Actor): RoundRecord {
  return tx(db, () => {
    const current = getRound(db, roundId);
    checkVersion(current, input.version);
    changeRoundStatus(db, current, input.status);
    audit(db, {
      actor: actor.name,
      action: "status",
      entity: "round",
      entityId: roundId,
      data: { from: current.status, to: input.status },
    });
    return getRound(db, roundId);
  });
}

/** Corrects a State for this round (version 1 adds a State the round's data does not hold). */
export function correctState({ db }: Services, roundId: string, iso3: string, input: { state: State; version: number }, actor: Actor) {
  if (input.state.iso3 !== iso3) throw invalid([{ path: "state.iso3", message: `must be ${iso3}, as in the path` }]);
  if (input.state.source.trim().length < 3)
    throw invalid([{ path: "state.source", message: "say where the corrected facts come from (a document, a date, a record)" }]);
  return tx(db, () => {
    getRound(db, roundId);
    assertRoundOpenForMoney(db, roundId, "a correction of a State's facts");
    const version = roundStateVersion(db, roundId, iso3);
    if (version === null) {
      if (input.version !== 1)
        throw new DomainError("not-found", "not-found", `State ${iso3} is not in the round's reference data (send version 1 to add it)`);
    } else {
      checkVersion({ version }, input.version);
    }
    putRoundState(db, roundId, input.state, version !== null);
    audit(db, { actor: actor.name, action: "update", entity: "state", entityId: `${roundId}/${iso3}`, data: input.state });
    return roundStates(db, roundId).states.find((s) => s.iso3 === iso3)!;
  });
}

/** Who reads a round's or a year's money: staff, or a donor (by its id). */
export type Reader = { role: string; donorId: string | null };

/** Whether a reader may read a round's money: staff always, a donor when it contributed to the round. */
export const mayReadRound = (db: Services["db"], user: Reader, roundId: string): boolean =>
  user.role !== "donor" || donorRecords(db, roundId).some((d) => d.id === user.donorId);

/** Who may read a round's money: staff, or a donor that contributed to it (403 otherwise). */
export function requireDonorOf(db: Services["db"], user: Reader, roundId: string): void {
  if (!mayReadRound(db, user, roundId))
    throw new DomainError("forbidden", "forbidden", `donor ${user.donorId} did not contribute to round ${roundId}`);
}

/** The rounds a user may read, newest first: staff all of them, a donor those it contributes to. */
export function roundsFor({ db }: Pick<Services, "db">, user: Reader): RoundRecord[] {
  return listRounds(db).filter((r) => mayReadRound(db, user, r.id));
}

/** A round, if the user may read it. */
export function roundFor({ db }: Pick<Services, "db">, user: Reader, roundId: string): RoundRecord {
  const round = getRound(db, roundId);
  requireDonorOf(db, user, round.id);
  return round;
}

/** A round's donors (404 for an unknown round). */
export function roundDonors({ db }: Pick<Services, "db">, roundId: string): DonorRecord[] {
  getRound(db, roundId);
  return donorRecords(db, roundId);
}

/** Adds or changes a donor's contribution to a round whose year is open. */
export function saveContribution(
  { db }: Pick<Services, "db">,
  roundId: string,
  input: ContributionInput,
  version: number | null,
  actor: string,
): DonorRecord {
  return tx(db, () => {
    getRound(db, roundId);
    assertRoundOpenForMoney(db, roundId, "a contribution");
    // The day it was received, and the day it said before, both outside a closed year.
    if (input.receivedOn) assertDayOpen(db, input.receivedOn, "a contribution");
    const before = donorRecords(db, roundId).find((d) => d.id === input.id)?.receivedOn;
    if (before) assertDayOpen(db, before, "a change to a contribution");
    return putDonor(db, roundId, input, version, actor);
  });
}

/** A new round, in draft, with a copy of the reference States and its first settings. */
export function newRound({ db, reference }: Pick<Services, "db" | "reference">, input: NewRound, actor: Actor): RoundRecord {
  return tx(db, () => {
    assertYearOpen(db, yearOfDate(input.round.startDate), `a new round (${input.round.id})`);
    return createRound(db, { ...input, round: { ...input.round, status: "draft" } }, reference, actor);
  });
}

/** A new version of the round's settings, based on the version read (409 when it changed since). */
export function saveRoundSettings(
  { db }: Pick<Services, "db">,
  roundId: string,
  settings: Parameters<typeof saveSettings>[2],
  basedOn: number,
  actor: Actor,
): SettingsRecord {
  return saveSettings(db, roundId, settings, basedOn, actor);
}
