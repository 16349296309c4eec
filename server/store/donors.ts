// Donors of a round: their contributions and earmarks; which rounds a donor may read.
import { DonorSchema, type DataSource, type Donor } from "../../scoring/domain/index.js";
import { audit } from "../audit.js";
import { tx, type Db } from "../db/database.js";
import { CARRY_OVER_DONOR } from "../../scoring/criteria/index.js";
import { DomainError, invalid, notFound } from "../errors.js";

import type { DonorRecord } from "../schemas/index.js";

// --- donors ------------------------------------------------------------------------------------

export type { DonorRecord };

interface DonorRow {
  id: string;
  name: string;
  amount: number;
  regions: string | null;
  statuses: string | null;
  states: string | null;
  received_on: string | null;
  source: DataSource;
  note: string;
  version: number;
}

function donorOf(r: DonorRow): DonorRecord {
  return {
    id: r.id,
    name: r.name,
    amount: r.amount,
    ...(r.regions ? { regions: JSON.parse(r.regions) } : {}),
    ...(r.statuses ? { statuses: JSON.parse(r.statuses) } : {}),
    ...(r.states ? { states: JSON.parse(r.states) } : {}),
    receivedOn: r.received_on,
    source: r.source,
    note: r.note,
    version: r.version,
  };
}

/** A round's donors as they are stored (the caller checked that the round exists). */
export function donorRecords(db: Db, roundId: string): DonorRecord[] {
  return (db.prepare("SELECT * FROM donors WHERE round_id = ? ORDER BY rowid").all(roundId) as DonorRow[]).map(donorOf);
}

export function getDonor(db: Db, roundId: string, id: string): DonorRecord {
  const row = db.prepare("SELECT * FROM donors WHERE round_id = ? AND id = ?").get(roundId, id) as DonorRow | undefined;
  if (!row) throw notFound(`donor "${id}" of round "${roundId}"`);
  return donorOf(row);
}

export interface ContributionInput extends Donor {
  name: string;
  receivedOn?: string | null;
  source?: DataSource;
  note?: string;
}

/** Adds or changes a donor's contribution (the caller checked that the round exists and its year is open). */
export function putDonor(db: Db, roundId: string, d: ContributionInput, version: number | null, actor: string): DonorRecord {
  const donor = DonorSchema.parse({ id: d.id, amount: d.amount, regions: d.regions, statuses: d.statuses, states: d.states });
  const source = d.source ?? "sourced";
  const note = d.note ?? "";
  if (d.id === CARRY_OVER_DONOR)
    throw invalid([{ path: "donorId", message: `"${CARRY_OVER_DONOR}" names the money carried in from earlier years, not a donor` }]);
  if (source === "derived" && !note.trim()) throw invalid([{ path: "note", message: "say how a derived amount was derived" }]);
  return tx(db, () => {
    const existing = db.prepare("SELECT * FROM donors WHERE round_id = ? AND id = ?").get(roundId, d.id) as DonorRow | undefined;
    const cols = {
      round: roundId,
      id: donor.id,
      name: d.name,
      amount: donor.amount,
      regions: donor.regions ? JSON.stringify(donor.regions) : null,
      statuses: donor.statuses ? JSON.stringify(donor.statuses) : null,
      states: donor.states ? JSON.stringify(donor.states) : null,
      receivedOn: d.receivedOn ?? null,
      source,
      note,
    };
    if (existing) {
      if (version === null)
        throw new DomainError("conflict", "exists", `donor "${d.id}" exists already: send its version to change it`, {
          current: donorOf(existing),
        });
      if (existing.version !== version)
        throw new DomainError(
          "conflict",
          "stale-version",
          `donor "${d.id}" changed since it was read (version ${version}; now ${existing.version})`,
          { current: donorOf(existing) },
        );
      db.prepare(
        "UPDATE donors SET name = @name, amount = @amount, regions = @regions, statuses = @statuses, states = @states, received_on = @receivedOn, source = @source, note = @note, version = version + 1 WHERE round_id = @round AND id = @id",
      ).run(cols);
    } else {
      db.prepare(
        "INSERT INTO donors (round_id, id, name, amount, regions, statuses, states, received_on, source, note) VALUES (@round, @id, @name, @amount, @regions, @statuses, @states, @receivedOn, @source, @note)",
      ).run(cols);
    }
    audit(db, {
      actor,
      action: existing ? "update" : "create",
      entity: "donor",
      entityId: `${roundId}/${d.id}`,
      data: { ...donor, name: d.name, receivedOn: cols.receivedOn, source, note },
    });
    return getDonor(db, roundId, d.id);
  });
}
