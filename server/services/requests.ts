// Requests as staff change them: entered for an applicant, edited, moved between statuses, locked in or
// out with a justification, reviewed, imported from a spreadsheet. Each change is one transaction with its
// audit entry; the routes only parse, authorise and answer.
import { type InterestReview } from "../../scoring/domain/index.js";
import type { RequestAttributes } from "../../scoring/criteria/index.js";
import type { RequestStatus } from "../../scoring/domain/index.js";
import { audit, changes } from "../audit.js";
import { tx } from "../db/database.js";
import { checkVersion, conflict, DomainError, invalid } from "../errors.js";
import type { Services } from "../http/index.js";
import {
  addHistory,
  getRequest,
  getRound,
  insertRequest,
  nextReference,
  requestExists,
  updateAttributes,
  type RequestRecord,
} from "../store/index.js";
import { setRequestStatus } from "./request-status.js";
import type { RowProblem } from "../../scoring/domain/index.js";
import type { RejectedRow } from "../io/tabular.js";
import { spawn } from "../workers/explain-helper.js";
import { connect } from "../workers/worker-protocol.js";
import { workerUrl } from "../workers/worker-bundle.js";
import { today } from "../store/rows.js";

/** The most problems an import's refusal lists (it says how many there are in all). */
export const MAX_PROBLEMS_SHOWN = 100;
import type { Actor } from "./actor.js";

/** A request entered by staff for an applicant; its reference is the round's next when `id` is left out. */
export function createRequest(
  { db, reference }: Services,
  roundId: string,
  input: Omit<RequestAttributes, "id"> & { id?: string },
  actor: Actor,
): RequestRecord {
  return tx(db, () => {
    getRound(db, roundId);
    if (!reference.states.has(input.state)) throw invalid([{ path: "state", message: `unknown State "${input.state}"` }]);
    const decided = [...STAFF_DECISIONS].filter(([key]) => input[key] !== undefined);
    if (decided.length)
      throw invalid(decided.map(([key, words]) => ({ path: key, message: `${words}: use the request's own route once it exists` })));
    const id = input.id ?? nextReference(db, roundId);
    if (requestExists(db, id)) throw conflict("exists", `a request "${id}" exists already`);
    insertRequest(db, roundId, { ...input, id }, "submitted", null, actor);
    return getRequest(db, id);
  });
}

type StaffDecision = "lock" | "interestReview" | "exception";

/** The attributes staff set through their own routes, each with the route's words. */
const STAFF_DECISIONS = new Map<StaffDecision, string>([
  ["lock", "a lock is set or lifted with a justification"],
  ["interestReview", "the evidence of interest is reviewed with a decision and a note"],
  ["exception", "an exception to eligibility is made with a justification"],
]);

export function editRequest(
  { db, reference }: Services,
  requestId: string,
  input: { attributes: Omit<RequestAttributes, "id">; version: number; reason: string },
  actor: Actor,
): RequestRecord {
  return tx(db, () => {
    const current = getRequest(db, requestId);
    checkVersion(current, input.version);
    if (!reference.states.has(input.attributes.state))
      throw invalid([{ path: "attributes.state", message: `unknown State "${input.attributes.state}"` }]);
    // What staff decide about a request changes only through its own route, with its reason in the
    // history: a lock, the review of the evidence of interest, an exception to eligibility. An edit that
    // names another value is refused; one that leaves it out keeps it.
    const kept: Partial<RequestAttributes> = {};
    for (const [key, route] of STAFF_DECISIONS) {
      const now = current.attributes[key];
      if (Object.hasOwn(input.attributes, key) && JSON.stringify(input.attributes[key]) !== JSON.stringify(now))
        throw invalid([{ path: `attributes.${key}`, message: `${route}: use the request's own route, not an edit` }]);
      if (now !== undefined) Object.assign(kept, { [key]: now });
    }
    const rest = Object.fromEntries(Object.entries(input.attributes).filter(([k]) => !STAFF_DECISIONS.has(k as StaffDecision)));
    const next = { ...rest, ...kept, id: requestId } as RequestAttributes;
    const changed = changes(current.attributes, next);
    updateAttributes(db, requestId, next);
    // Staff edit on the applicant's behalf: why, and which fields, stay in the request's history.
    addHistory(
      db,
      requestId,
      current.status,
      `edited (${Object.keys(changed).join(", ") || "nothing changed"}): ${input.reason}`,
      actor.id,
    );
    audit(db, {
      actor: actor.name,
      action: "update",
      entity: "request",
      entityId: requestId,
      data: { changes: changed, reason: input.reason },
    });
    return getRequest(db, requestId);
  });
}

export function changeStatus(
  { db }: Services,
  requestId: string,
  input: { status: RequestStatus; note: string; version: number },
  actor: Actor,
): RequestRecord {
  return tx(db, () => {
    checkVersion(getRequest(db, requestId), input.version);
    setRequestStatus(db, requestId, input.status, input.note, actor);
    return getRequest(db, requestId);
  });
}

/**
 * The one way a staff decision about a request is recorded (a lock, the review of the evidence of
 * interest, an exception to eligibility): the version checked, the attribute set or cleared, its words in
 * the request's history, and an audit entry, in one transaction.
 */
function decideOnRequest<K extends StaffDecision>(
  db: Services["db"],
  requestId: string,
  version: number,
  actor: Actor,
  decision: { key: K; value: RequestAttributes[K] | undefined; history: string; action: string; data: unknown },
  check?: (current: RequestRecord) => void,
): RequestRecord {
  return tx(db, () => {
    const current = getRequest(db, requestId);
    checkVersion(current, version);
    check?.(current);
    const { [decision.key]: _old, ...rest } = current.attributes;
    updateAttributes(
      db,
      requestId,
      (decision.value === undefined ? rest : { ...rest, [decision.key]: decision.value }) as RequestAttributes,
    );
    addHistory(db, requestId, current.status, decision.history, actor.id);
    audit(db, { actor: actor.name, action: decision.action, entity: "request", entityId: requestId, data: decision.data });
    return getRequest(db, requestId);
  });
}

/** Locks a request in (must be funded) or out (must not be), or lifts its lock; the justification goes into its history. */
export function setLock(
  { db }: Services,
  requestId: string,
  input: { lock: "in" | "out" | null; justification: string; version: number },
  actor: Actor,
): RequestRecord {
  return decideOnRequest(db, requestId, input.version, actor, {
    key: "lock",
    value: input.lock ?? undefined,
    history: `${input.lock ? `locked ${input.lock}` : "lock lifted"}: ${input.justification}`,
    action: "lock",
    data: { lock: input.lock, justification: input.justification },
  });
}

/** Staff's review of the evidence of interest: accepted or not, with a note kept in the request's history. */
export function reviewInterest(
  { db }: Services,
  requestId: string,
  input: { decision: InterestReview; note: string; version: number },
  actor: Actor,
): RequestRecord {
  const review = { decision: input.decision, note: input.note, by: actor.name, on: today() };
  const words = input.decision === "accepted" ? "evidence of interest accepted" : "evidence of interest not accepted";
  return decideOnRequest(
    db,
    requestId,
    input.version,
    actor,
    { key: "interestReview", value: review, history: input.note ? `${words}: ${input.note}` : words, action: "interest", data: review },
    (current) => {
      if (!current.attributes.interestEvidence.trim())
        throw invalid([{ path: "decision", message: "the request gives no evidence of interest to review" }]);
    },
  );
}

/** Admits a request no eligibility path admits (or withdraws the exception), with a justification shown to donors. */
export function setException(
  { db }: Services,
  requestId: string,
  input: { admit: boolean; justification: string; version: number },
  actor: Actor,
): RequestRecord {
  const exception = { justification: input.justification, by: actor.name, on: today() };
  return decideOnRequest(db, requestId, input.version, actor, {
    key: "exception",
    value: input.admit ? exception : undefined,
    history: `${input.admit ? "admitted by exception to eligibility" : "exception to eligibility withdrawn"}: ${input.justification}`,
    action: "exception",
    data: { admit: input.admit, ...exception },
  });
}

/** Imports requests from a CSV text or an XLSX file: every row checked, nothing imported if any row is bad. */
export async function importRequests(
  { db, reference }: Services,
  roundId: string,
  input: { format: "csv"; content: string } | { format: "xlsx"; contentBase64: string },
  actor: Actor,
): Promise<{ imported: number; ids: string[] }> {
  getRound(db, roundId);
  // Read and checked in a worker thread (bounded: rows, inflated size); the database checks follow here.
  const worker = spawn(await workerUrl("import-worker"));
  let table: { rows: number; requests: { row: number; attrs: RequestAttributes }[]; rejected: RejectedRow[]; problems: RowProblem[] };
  try {
    table = await connect(worker, () => new Error("the import's worker stopped")).call({
      format: input.format,
      content: input.format === "csv" ? input.content : input.contentBase64,
      roundId,
      firstNumber: Number(nextReference(db, roundId).slice(roundId.length + 1)),
    });
  } finally {
    void worker.terminate();
  }
  const { requests, rejected, problems } = table;
  // Every row's State and reference against the database, the rows refused for other cells included:
  // one upload tells every problem of every row.
  for (const { row, state, id } of [...requests.map((r) => ({ row: r.row, ...r.attrs })), ...rejected]) {
    if (state !== undefined && !reference.states.has(state)) problems.push({ row, column: "state", message: `unknown State "${state}"` });
    if (id !== undefined && requestExists(db, id)) problems.push({ row, column: "id", message: `a request "${id}" exists already` });
  }
  if (table.rows === 0 && problems.length === 0) problems.push({ row: 0, column: "", message: "the file has no request" });
  if (problems.length) {
    // The first problems, and how many in all: a file with thousands of bad rows gets a readable answer.
    const sorted = problems.sort((a, b) => a.row - b.row);
    const shown = sorted.slice(0, MAX_PROBLEMS_SHOWN);
    throw new DomainError(
      "invalid",
      "import",
      `nothing imported: ${problems.length} problem(s) in the file${problems.length > shown.length ? ` (the first ${shown.length} listed)` : ""}`,
      { problems: shown, count: problems.length },
    );
  }
  tx(db, () => {
    for (const { attrs } of requests) insertRequest(db, roundId, attrs, "submitted", null, actor);
    audit(db, {
      actor: actor.name,
      action: "import",
      entity: "round",
      entityId: roundId,
      data: { format: input.format, count: requests.length },
    });
  });
  return { imported: requests.length, ids: requests.map((r) => r.attrs.id) };
}
