// The round file (scoring/criteria/round-file.ts) assembled from a round's records, for scoring and allocation.
import { RoundFileSchema, type RoundFile, type ReferenceData } from "../../scoring/criteria/index.js";
import { type Db } from "../db/database.js";

import { IN_RUN, type RequestStatus } from "../../scoring/domain/index.js";
import { getRound, roundHistory, roundReference, type RoundRecord } from "./rounds.js";
import { donorRecords } from "./donors.js";
import { currentSettings, settingsAt } from "./settings.js";
import { meanRatings } from "./requests.js";

/**
 * The round as a round file (format of scoring/criteria/round-file.ts): its money, settings (a given version or
 * the current one), donors, rules, history and the requests that take part, with the reviewers' mean
 * rating as each request's technical rating. The round's States are the reference data.
 */
export function roundFileOf(
  db: Db,
  roundId: string,
  settingsVersion?: number,
  statuses: readonly RequestStatus[] = IN_RUN,
): { file: RoundFile; reference: ReferenceData; settingsVersion: number } {
  const { text, reference, settingsVersion: version } = roundFileTextOf(db, roundId, settingsVersion, statuses);
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
  /** The requests it holds, by status: those in the running for a run; every one for the scores' view. */
  statuses: readonly RequestStatus[] = IN_RUN,
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
      ...meetingWordsOf(round),
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
    donors: donorRecords(db, roundId).map(({ version: _v, receivedOn: _r, source: _s, note: _n, ...d }) => d),
    ...(settings.rules ? { rules: settings.rules } : {}),
    ...(history ? { history } : {}),
  };
  const ratings = meanRatings(db, roundId);
  const rows = db
    .prepare(`SELECT id, attributes FROM requests WHERE round_id = ? AND status IN (${statuses.map(() => "?").join(", ")}) ORDER BY id`)
    .all(roundId, ...statuses) as { id: string; attributes: string }[];
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

/** The meeting's French and Spanish words a round file carries (those staff gave). */
function meetingWordsOf(round: RoundRecord): Partial<Pick<RoundRecord, "meetingFr" | "meetingEs" | "venueFr" | "venueEs">> {
  return Object.fromEntries((["meetingFr", "meetingEs", "venueFr", "venueEs"] as const).filter((k) => round[k]).map((k) => [k, round[k]]));
}
