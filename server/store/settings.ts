// A round's settings (weights, policy, scoring rules), versioned: each save is a new version.
import { type RuleSet } from "../../scoring/criteria/index.js";
import { type Weights } from "../../scoring/domain/index.js";
import { type Policy } from "../../scoring/policy/index.js";
import { audit } from "../audit.js";
import { tx, type Db } from "../db/database.js";
import { DomainError, notFound } from "../errors.js";

import { now } from "./rows.js";
import { getRound } from "./rounds.js";
import type { SettingsRecord } from "../schemas/index.js";

// --- settings (weights, policy, rules), versioned ---------------------------------------------------

export type { SettingsRecord };

interface SettingsRow {
  round_id: string;
  version: number;
  weights: string;
  policy: string;
  rules: string | null;
  note: string;
  created_at: string;
}

const settingsOf = (r: SettingsRow): SettingsRecord => ({
  roundId: r.round_id,
  version: r.version,
  weights: JSON.parse(r.weights),
  policy: JSON.parse(r.policy),
  rules: r.rules ? JSON.parse(r.rules) : null,
  note: r.note,
  createdAt: r.created_at,
});

export function currentSettings(db: Db, roundId: string): SettingsRecord {
  getRound(db, roundId);
  const row = db.prepare("SELECT * FROM settings WHERE round_id = ? ORDER BY version DESC LIMIT 1").get(roundId) as SettingsRow;
  return settingsOf(row);
}

export function settingsVersions(db: Db, roundId: string): SettingsRecord[] {
  getRound(db, roundId);
  return (db.prepare("SELECT * FROM settings WHERE round_id = ? ORDER BY version DESC").all(roundId) as SettingsRow[]).map(settingsOf);
}

export function settingsAt(db: Db, roundId: string, version: number): SettingsRecord {
  const row = db.prepare("SELECT * FROM settings WHERE round_id = ? AND version = ?").get(roundId, version) as SettingsRow | undefined;
  if (!row) throw notFound(`settings version ${version} of round "${roundId}"`);
  return settingsOf(row);
}

/** A new settings version; `basedOn` must be the current version (else 409: someone saved in between). */
export function saveSettings(
  db: Db,
  roundId: string,
  s: { weights: Weights; policy: Policy; rules: RuleSet | null; note: string },
  basedOn: number,
  actor: { id: number; name: string },
): SettingsRecord {
  return tx(db, () => {
    const current = currentSettings(db, roundId);
    if (current.version !== basedOn)
      throw new DomainError(
        "conflict",
        "stale-version",
        `the settings changed since they were read (version ${basedOn}; now ${current.version})`,
        {
          current,
        },
      );
    db.prepare(
      "INSERT INTO settings (round_id, version, weights, policy, rules, note, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    ).run(
      roundId,
      current.version + 1,
      JSON.stringify(s.weights),
      JSON.stringify(s.policy),
      s.rules ? JSON.stringify(s.rules) : null,
      s.note,
      now(),
      actor.id,
    );
    audit(db, { actor: actor.name, action: "update", entity: "settings", entityId: `${roundId}/v${current.version + 1}`, data: s });
    return currentSettings(db, roundId);
  });
}
