// Reading and writing the round's records: rounds with their States, donors, settings (weights, policy,
// rules: versioned), requests with their history. Each write that touches several rows is one
// transaction with its audit entry. The round file (scoring/round-file.ts) is assembled from these
// records for scoring and allocation: the server holds no scoring logic of its own.
import {
  RuleSetSchema,
  type RuleSet,
  RequestAttributesSchema,
  type RequestAttributes,
  RoundFileSchema,
  type RoundFile,
  HistorySchema,
  type History,
  type ReferenceData,
} from "../scoring/criteria/index.js";
import {
  DonorSchema,
  RoundSchema,
  StateSchema,
  WeightsSchema,
  type Donor,
  type Round,
  type State,
  type Weights,
} from "../scoring/domain/index.js";
import { PolicySchema, type Policy } from "../scoring/policy/index.js";
import { audit } from "./audit.js";
import { tx, type Db } from "./db/database.js";
import { DomainError, notFound } from "./errors.js";

export const REQUEST_STATUSES = [
  "submitted",
  "under-review",
  "withdrawn",
  "ineligible",
  "funded",
  "waitlisted",
  "not-funded",
  "accepted",
  "declined",
  "expired",
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
/** Requests that take part in an allocation run. */
export const IN_RUN: RequestStatus[] = ["submitted", "under-review"];

/** The round's status transitions, each allowed only from the status before it (closing may also go back to review). */
export const TRANSITIONS: Record<Round["status"], Round["status"][]> = {
  draft: ["open"],
  open: ["review"],
  review: ["decided", "open"],
  decided: ["closed", "review"],
  closed: [],
};

const now = (): string => new Date().toISOString();

export interface RoundRecord extends Round {
  adminActual: number | null;
  deferredTo: number | null;
  referenceAsOf: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

interface RoundRow {
  id: string;
  meeting: string;
  venue: string;
  start_date: string;
  end_date: string;
  window_opens: string;
  window_closes: string;
  allowance_rate: number;
  nights: number;
  status: Round["status"];
  carry_over: number;
  reserve: number;
  admin_estimate: number;
  admin_actual: number | null;
  deferred_to: number | null;
  history: string | null;
  reference_as_of: string;
  created_at: string;
  updated_at: string;
  version: number;
}

function roundOf(r: RoundRow): RoundRecord {
  return {
    id: r.id,
    meeting: r.meeting,
    venue: r.venue,
    startDate: r.start_date,
    endDate: r.end_date,
    windowOpens: r.window_opens,
    windowCloses: r.window_closes,
    allowanceRate: r.allowance_rate,
    nights: r.nights,
    status: r.status,
    carryOver: r.carry_over,
    reserve: r.reserve,
    adminEstimate: r.admin_estimate,
    adminActual: r.admin_actual,
    deferredTo: r.deferred_to,
    referenceAsOf: r.reference_as_of,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The row of `table` with this id, read through `of`; 404 (naming `what`) when there is none. */
function byId<R, T>(db: Db, table: "rounds" | "requests", id: string, what: string, of: (row: R) => T): T {
  const row = db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as R | undefined;
  if (!row) throw notFound(`${what} "${id}"`);
  return of(row);
}

export function getRound(db: Db, id: string): RoundRecord {
  return byId(db, "rounds", id, "round", roundOf);
}

export function listRounds(db: Db): RoundRecord[] {
  return (db.prepare("SELECT * FROM rounds ORDER BY start_date DESC").all() as RoundRow[]).map(roundOf);
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
  return tx(db, () => {
    if (db.prepare("SELECT 1 FROM rounds WHERE id = ?").get(r.id))
      throw new DomainError("conflict", "exists", `a round "${r.id}" exists already`);
    const t = now();
    db.prepare(
      `INSERT INTO rounds (id, meeting, venue, start_date, end_date, window_opens, window_closes, allowance_rate, nights, status, carry_over, reserve, admin_estimate, history, reference_as_of, created_at, updated_at)
       VALUES (@id, @meeting, @venue, @startDate, @endDate, @windowOpens, @windowCloses, @allowanceRate, @nights, @status, @carryOver, @reserve, @adminEstimate, @history, @asOf, @t, @t)`,
    ).run({ ...r, history: input.history ? JSON.stringify(input.history) : null, asOf: reference.asOf, t });
    const insertState = db.prepare("INSERT INTO round_states (round_id, iso3, data) VALUES (?, ?, ?)");
    for (const s of reference.states.values()) insertState.run(r.id, s.iso3, JSON.stringify(s));
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

// --- donors ------------------------------------------------------------------------------------

export interface DonorRecord extends Donor {
  name: string;
  version: number;
}

interface DonorRow {
  id: string;
  name: string;
  amount: number;
  regions: string | null;
  statuses: string | null;
  states: string | null;
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
    version: r.version,
  };
}

export function listDonors(db: Db, roundId: string): DonorRecord[] {
  getRound(db, roundId);
  return (db.prepare("SELECT * FROM donors WHERE round_id = ? ORDER BY rowid").all(roundId) as DonorRow[]).map(donorOf);
}

export function getDonor(db: Db, roundId: string, id: string): DonorRecord {
  const row = db.prepare("SELECT * FROM donors WHERE round_id = ? AND id = ?").get(roundId, id) as DonorRow | undefined;
  if (!row) throw notFound(`donor "${id}" of round "${roundId}"`);
  return donorOf(row);
}

export function putDonor(db: Db, roundId: string, d: Donor & { name: string }, version: number | null, actor: string): DonorRecord {
  const donor = DonorSchema.parse({ id: d.id, amount: d.amount, regions: d.regions, statuses: d.statuses, states: d.states });
  return tx(db, () => {
    getRound(db, roundId);
    const existing = db.prepare("SELECT * FROM donors WHERE round_id = ? AND id = ?").get(roundId, d.id) as DonorRow | undefined;
    const cols = {
      round: roundId,
      id: donor.id,
      name: d.name,
      amount: donor.amount,
      regions: donor.regions ? JSON.stringify(donor.regions) : null,
      statuses: donor.statuses ? JSON.stringify(donor.statuses) : null,
      states: donor.states ? JSON.stringify(donor.states) : null,
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
        "UPDATE donors SET name = @name, amount = @amount, regions = @regions, statuses = @statuses, states = @states, version = version + 1 WHERE round_id = @round AND id = @id",
      ).run(cols);
    } else {
      db.prepare(
        "INSERT INTO donors (round_id, id, name, amount, regions, statuses, states) VALUES (@round, @id, @name, @amount, @regions, @statuses, @states)",
      ).run(cols);
    }
    audit(db, {
      actor,
      action: existing ? "update" : "create",
      entity: "donor",
      entityId: `${roundId}/${d.id}`,
      data: { ...donor, name: d.name },
    });
    return getDonor(db, roundId, d.id);
  });
}

// --- settings (weights, policy, rules), versioned ---------------------------------------------------

export interface SettingsRecord {
  roundId: string;
  version: number;
  weights: Weights;
  policy: Policy;
  rules: RuleSet | null;
  note: string;
  createdAt: string;
}

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

// --- requests ----------------------------------------------------------------------------------

export interface RequestRecord {
  id: string;
  roundId: string;
  status: RequestStatus;
  attributes: RequestAttributes;
  createdAt: string;
  updatedAt: string;
  version: number;
}

interface RequestRow {
  id: string;
  round_id: string;
  attributes: string;
  status: RequestStatus;
  created_at: string;
  updated_at: string;
  version: number;
}

const requestOf = (r: RequestRow): RequestRecord => ({
  id: r.id,
  roundId: r.round_id,
  status: r.status,
  attributes: RequestAttributesSchema.parse(JSON.parse(r.attributes)),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: r.version,
});

export function getRequest(db: Db, id: string): RequestRecord {
  return byId(db, "requests", id, "request", requestOf);
}

export function listRequests(db: Db, roundId: string): RequestRecord[] {
  getRound(db, roundId);
  return (db.prepare("SELECT * FROM requests WHERE round_id = ? ORDER BY id").all(roundId) as RequestRow[]).map(requestOf);
}

/** The next free reference of a round: ROUND-001, ROUND-002, … */
export function nextReference(db: Db, roundId: string): string {
  const ids = db.prepare("SELECT id FROM requests WHERE round_id = ?").pluck().all(roundId) as string[];
  const prefix = `${roundId}-`;
  const max = Math.max(0, ...ids.filter((x) => x.startsWith(prefix)).map((x) => Number(x.slice(prefix.length)) || 0));
  return `${prefix}${String(max + 1).padStart(3, "0")}`;
}

/** Inserts a request (inside the caller's transaction). The attributes' id is the reference. */
export function insertRequest(
  db: Db,
  roundId: string,
  attributes: RequestAttributes,
  status: RequestStatus,
  accessCodeHash: string | null,
  actor: { id: number | null; name: string },
): void {
  const t = now();
  db.prepare(
    "INSERT INTO requests (id, round_id, attributes, status, access_code_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
  ).run(attributes.id, roundId, JSON.stringify(attributes), status, accessCodeHash, t, t);
  db.prepare("INSERT INTO request_history (request_id, status, note, at, by_user) VALUES (?, ?, ?, ?, ?)").run(
    attributes.id,
    status,
    "created",
    t,
    actor.id,
  );
  audit(db, { actor: actor.name, action: "create", entity: "request", entityId: attributes.id, data: { roundId, status } });
}

export function setRequestStatus(
  db: Db,
  id: string,
  status: RequestStatus,
  note: string,
  actor: { id: number | null; name: string },
): void {
  const t = now();
  db.prepare("UPDATE requests SET status = ?, updated_at = ?, version = version + 1 WHERE id = ?").run(status, t, id);
  db.prepare("INSERT INTO request_history (request_id, status, note, at, by_user) VALUES (?, ?, ?, ?, ?)").run(
    id,
    status,
    note,
    t,
    actor.id,
  );
  audit(db, { actor: actor.name, action: "status", entity: "request", entityId: id, data: { status, note } });
}

/** An offer answered (accepted, declined) or lapsed (expired): the decision and the request's status, with its history note. */
export function recordOfferAnswer(
  db: Db,
  roundId: string,
  requestId: string,
  status: "accepted" | "declined" | "expired",
  note: string,
  actor: { id: number | null; name: string },
): void {
  db.prepare("UPDATE decisions SET offer_status = ?, version = version + 1 WHERE round_id = ? AND request_id = ?").run(
    status,
    roundId,
    requestId,
  );
  setRequestStatus(db, requestId, status, note, actor);
}

export function requestHistory(db: Db, id: string): { status: string; note: string; at: string; by: string | null }[] {
  return db
    .prepare(
      "SELECT h.status, h.note, h.at, u.display_name AS by FROM request_history h LEFT JOIN users u ON u.id = h.by_user WHERE h.request_id = ? ORDER BY h.id",
    )
    .all(id) as { status: string; note: string; at: string; by: string | null }[];
}

/** Mean reviewers' rating of each request (conflicts excluded), for the technical-value rule. */
export function meanRatings(db: Db, roundId: string): Map<string, number> {
  const rows = db
    .prepare(
      "SELECT r.request_id AS id, AVG(r.rating) AS mean FROM reviews r JOIN requests q ON q.id = r.request_id WHERE q.round_id = ? AND r.conflict = 0 AND r.rating IS NOT NULL GROUP BY r.request_id",
    )
    .all(roundId) as { id: string; mean: number }[];
  return new Map(rows.map((r) => [r.id, Math.round(r.mean * 100) / 100]));
}

/**
 * The round as a round file (format of scoring/round-file.ts): its money, settings (a given version or
 * the current one), donors, rules, history and the requests that take part, with the reviewers' mean
 * rating as each request's technical rating. The round's States are the reference data.
 */
export function roundFileOf(
  db: Db,
  roundId: string,
  settingsVersion?: number,
): { file: RoundFile; reference: ReferenceData; settingsVersion: number } {
  const { text, reference, settingsVersion: version } = roundFileTextOf(db, roundId, settingsVersion);
  return { file: RoundFileSchema.parse(JSON.parse(text)), reference, settingsVersion: version };
}

/**
 * The same round file as JSON text, not yet validated: what a run sends to its worker, which parses,
 * validates and scores it there. The requests' stored attributes are spliced in as they are (only those
 * with reviewers' ratings are re-serialised), so that the request-serving thread does no parsing or
 * validation of thousands of requests.
 */
export function roundFileTextOf(
  db: Db,
  roundId: string,
  settingsVersion?: number,
): { text: string; requests: number; reference: ReferenceData; settingsVersion: number } {
  const round = getRound(db, roundId);
  const settings = settingsVersion === undefined ? currentSettings(db, roundId) : settingsAt(db, roundId, settingsVersion);
  const history = roundHistory(db, roundId);
  const header = {
    version: 1,
    round: {
      id: round.id,
      meeting: round.meeting,
      venue: round.venue,
      startDate: round.startDate,
      endDate: round.endDate,
      windowOpens: round.windowOpens,
      windowCloses: round.windowCloses,
      allowanceRate: round.allowanceRate,
      nights: round.nights,
      status: round.status,
      carryOver: round.carryOver,
      reserve: round.reserve,
      adminEstimate: round.adminEstimate,
    },
    weights: settings.weights,
    policy: settings.policy,
    donors: listDonors(db, roundId).map(({ version: _v, ...d }) => d),
    ...(settings.rules ? { rules: settings.rules } : {}),
    ...(history ? { history } : {}),
  };
  const ratings = meanRatings(db, roundId);
  const rows = db
    .prepare(`SELECT id, attributes FROM requests WHERE round_id = ? AND status IN (${IN_RUN.map(() => "?").join(", ")}) ORDER BY id`)
    .all(roundId, ...IN_RUN) as { id: string; attributes: string }[];
  const requests = rows.map((r) => {
    const rating = ratings.get(r.id);
    return rating === undefined ? r.attributes : JSON.stringify({ ...(JSON.parse(r.attributes) as object), technicalRating: rating });
  });
  return {
    text: `${JSON.stringify(header).slice(0, -1)},"requests":[${requests.join(",")}]}`,
    requests: rows.length,
    reference: roundReference(db, roundId),
    settingsVersion: settings.version,
  };
}

/** A donor reads only the rounds it contributes to (staff: every round). */
export function requireDonorOf(db: Db, user: { role: string; donorId: string | null }, roundId: string): void {
  if (user.role === "donor" && !listDonors(db, roundId).some((d) => d.id === user.donorId)) {
    throw new DomainError("forbidden", "forbidden", `donor ${user.donorId} did not contribute to round ${roundId}`);
  }
}
