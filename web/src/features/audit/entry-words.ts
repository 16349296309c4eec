// The audit log in words: who did what to which record, and what changed, as staff read it (no JSON, no
// run id, every request with its State's name, every date and status in words).
import {
  CCM_STATUS,
  DATA_SOURCE,
  GENDER,
  INCOME_GROUP,
  INTEREST_STANDING,
  MEETING_ROLE,
  OFFER_STATE,
  REGION,
  REQUEST_STATUS,
  ROUND_STATUS,
  RUN_OUTCOME,
  RUN_STATUS,
  stateName,
  SUPPORT_LEVEL,
  YEAR_STATUS,
  type SomeVocabulary,
} from "../../../../scoring/domain/index.js";
import { fieldInWords } from "../../../../scoring/policy/index.js";
import { chf, dateTime, plainText, requestName } from "../../format.js";

export interface Entry {
  action: string;
  entity: string;
  entityId: string;
  about: { state?: string; roundId?: string; at?: string; name?: string };
  data: unknown;
}

/** What was done, by entity and action ("request status" → "changed a request's status"). */
const DID: Record<string, string> = {
  "request create": "added a request",
  "request resend": "sent a failed message again",
  "request update": "edited a request",
  "request status": "changed a request's status",
  "request review": "reviewed a request",
  "request lift-conflict": "lifted a reviewer's conflict of interest",
  "request offer": "recorded an answer to an offer",
  "request lock": "locked or unlocked a request",
  "request interest": "reviewed the evidence of interest",
  "request exception": "decided an exception to eligibility",
  "round create": "created a round",
  "round update": "edited a round",
  "round status": "moved a round",
  "round import": "imported requests into a round",
  "database backup": "backed up the database",
  "donor create": "added a contribution",
  "donor update": "corrected a contribution",
  "settings update": "saved the settings",
  "state update": "corrected a State's reference data",
  "run start": "started an allocation run",
  "run finish": "an allocation run finished",
  "run fail": "an allocation run failed",
  "run cancel": "cancelled an allocation run",
  "run approve": "approved an allocation",
  "replacement propose": "proposed replacements",
  "replacement apply": "applied replacements",
  "year create": "opened a programme year",
  "year opening": "entered a year's opening balance",
  "year note": "wrote a year's note",
  "year close": "closed a programme year",
  "user create": "created an account",
  "user password": "changed a password",
};

const MONEY = new Set([
  "amount",
  "actualCost",
  "allowanceRate",
  "reserve",
  "adminEstimate",
  "adminActual",
  "airTicket",
  "deferredTo",
  "opening",
  "closing",
]);

/** The list of each field that holds a code. */
const FIELD_LISTS: Record<string, SomeVocabulary> = {
  gender: GENDER,
  role: MEETING_ROLE,
  level: SUPPORT_LEVEL,
  levels: SUPPORT_LEVEL,
  acceptedLevels: SUPPORT_LEVEL,
  offerStatus: OFFER_STATE,
  ccmStatus: CCM_STATUS,
  statuses: CCM_STATUS,
  region: REGION,
  regions: REGION,
  incomeGroup: INCOME_GROUP,
  source: DATA_SOURCE,
  resultStatus: RUN_OUTCOME,
};

/** A status's list, by the record it is the status of. */
const STATUS_LISTS: Record<string, SomeVocabulary> = { request: REQUEST_STATUS, round: ROUND_STATUS, run: RUN_STATUS, year: YEAR_STATUS };

/** A field's name as the forms say it (scoring's one list of field words); a sum's says no "(CHF)": its value does. */
const labelOf = (field: string): string => (MONEY.has(field) ? fieldInWords(field).replace(/ \(CHF\)$/, "") : fieldInWords(field));

/** The list a field's codes come from; a status, by the record it is the status of. */
function listOf(e: Pick<Entry, "entity" | "action">, field: string): SomeVocabulary | null {
  if (field === "status" || field === "from" || field === "to")
    return e.action === "offer" ? OFFER_STATE : (STATUS_LISTS[e.entity] ?? null);
  if (field === "decision") return e.action === "interest" ? INTEREST_STANDING : null;
  return FIELD_LISTS[field] ?? null;
}

/** One value in words: statuses and codes by the word list, money in CHF, days and times as plainText says them, lists joined. */
function valueInWords(e: Pick<Entry, "entity" | "action">, field: string, v: unknown, names: ReadonlyMap<string, string>): string {
  if (v === null || v === undefined || v === "") return field === "receivedOn" ? "not recorded" : "none";
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (typeof v === "number") return MONEY.has(field) ? chf(v) : String(v);
  if (typeof v === "string") {
    if (field === "state" || field === "donorId") return stateName(v);
    return plainText(listOf(e, field)?.sayAny(v) ?? v, names);
  }
  if (Array.isArray(v)) return v.length ? v.map((x) => valueInWords(e, field, x, names)).join(", ") : "none";
  return "changed";
}

/** The record in words: a request with its State, a run with its round and start, an account by name. */
export function recordInWords(e: Entry): string {
  switch (e.entity) {
    case "request":
      return requestName(e.entityId, e.about.state);
    case "run":
      return e.about.roundId ? `run of ${e.about.roundId}${e.about.at ? ` started ${dateTime(e.about.at)}` : ""}` : "a run";
    case "replacement":
      return e.about.roundId
        ? `replacements in ${e.about.roundId}${e.about.at ? ` proposed ${dateTime(e.about.at)}` : ""}`
        : "replacements";
    case "state":
      return e.about.state ? `${stateName(e.about.state)} in ${e.about.roundId}` : e.entityId;
    case "user":
      return e.about.name ? `${e.about.name} (${e.entityId})` : e.entityId;
    default:
      return e.entityId;
  }
}

/** What was done, in words. */
export const didInWords = (e: Entry): string => DID[`${e.entity} ${e.action}`] ?? `${e.action} (${e.entity})`;

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);
const isChange = (x: unknown): x is { from: unknown; to: unknown } => isRecord(x) && "from" in x && "to" in x;

/** The details in words: each field changed ("first day: 16 Sept 2025 → 17 Sept 2025"), or each value recorded. */
export function detailsInWords(e: Entry, names: ReadonlyMap<string, string>): string[] {
  const d = e.data;
  if (!isRecord(d)) return [];
  if (isRecord(d.changes)) {
    return Object.entries(d.changes)
      .filter(([k]) => k !== "id" && k !== "submittedAt")
      .flatMap(([k, c]) =>
        isChange(c) ? [`${labelOf(k)}: ${valueInWords(e, k, c.from, names)} → ${valueInWords(e, k, c.to, names)}`] : [],
      );
  }
  if (e.entity === "request" && e.action === "status" && "to" in d)
    return [
      `${valueInWords(e, "from", d.from, names)} → ${valueInWords(e, "to", d.to, names)}`,
      ...(typeof d.note === "string" && d.note ? [plainText(d.note, names)] : []),
    ];
  return Object.entries(d)
    .filter(([, v]) => typeof v !== "object" || Array.isArray(v) || v === null)
    .filter(([k]) => !["weights", "policy", "rules", "attributes"].includes(k))
    .map(([k, v]) => `${labelOf(k)}: ${valueInWords(e, k, v, names)}`);
}
