// Reviewers' ratings of requests (technical value, 0–5), with their comments and declared conflicts.
import type { Db } from "../db/database.js";
import { now } from "./rows.js";
import type { ReviewRecord } from "../schemas/index.js";
import type { MeetingRole, RequestStatus, RoundStatus } from "../../scoring/domain/index.js";

export type { ReviewRecord };

type ReviewRow = Omit<ReviewRecord, "conflict"> & { conflict: number };

const reviewOf = <R extends ReviewRow>(r: R): Omit<R, "conflict"> & { conflict: boolean } => ({ ...r, conflict: r.conflict === 1 });

/** Every review of a request, with its reviewer's user name. */
export function listReviews(db: Db, requestId: string): (ReviewRecord & { reviewer: string })[] {
  const rows = db
    .prepare(
      "SELECT u.username AS reviewer, r.rating, r.comment, r.conflict, r.updated_at AS updatedAt, r.version FROM reviews r JOIN users u ON u.id = r.reviewer_id WHERE r.request_id = ? ORDER BY u.username",
    )
    .all(requestId) as (ReviewRow & { reviewer: string })[];
  return rows.map(reviewOf);
}

/** One reviewer's review of a request (null: none yet). */
export function findReview(db: Db, requestId: string, reviewerId: number): ReviewRecord | null {
  const row = db
    .prepare("SELECT rating, comment, conflict, updated_at AS updatedAt, version FROM reviews WHERE request_id = ? AND reviewer_id = ?")
    .get(requestId, reviewerId) as ReviewRow | undefined;
  return row ? reviewOf(row) : null;
}

export function putReview(
  db: Db,
  requestId: string,
  reviewerId: number,
  r: { rating: number | null; comment: string; conflict: boolean },
  exists: boolean,
): void {
  if (exists) {
    db.prepare(
      "UPDATE reviews SET rating = ?, comment = ?, conflict = ?, updated_at = ?, version = version + 1 WHERE request_id = ? AND reviewer_id = ?",
    ).run(r.rating, r.comment, r.conflict ? 1 : 0, now(), requestId, reviewerId);
  } else {
    db.prepare("INSERT INTO reviews (request_id, reviewer_id, rating, comment, conflict, updated_at) VALUES (?, ?, ?, ?, ?, ?)").run(
      requestId,
      reviewerId,
      r.rating,
      r.comment,
      r.conflict ? 1 : 0,
      now(),
    );
  }
}

/** A request a reviewer may review: its round, State and role, how many ratings it has, and the reviewer's own review. */
export interface QueueRow {
  roundId: string;
  roundMeeting: string;
  roundStatus: RoundStatus;
  requestId: string;
  state: string;
  role: MeetingRole;
  status: RequestStatus;
  submittedAt: string;
  ratings: number;
  mine: { rating: number | null; conflict: boolean } | null;
}

/** The requests of some statuses in rounds of some statuses, with the reviewer's review of each. */
export function reviewQueueRows(db: Db, reviewerId: number, rounds: readonly string[], requests: readonly string[]): QueueRow[] {
  const marks = (xs: readonly string[]) => xs.map(() => "?").join(", ");
  const rows = db
    .prepare(
      `SELECT q.round_id AS roundId, r.meeting AS roundMeeting, r.status AS roundStatus, q.id AS requestId, json_extract(q.attributes, '$.state') AS state,
              coalesce(json_extract(q.attributes, '$.role'), 'none') AS role, q.status AS status,
              json_extract(q.attributes, '$.submittedAt') AS submittedAt,
              (SELECT COUNT(*) FROM reviews a WHERE a.request_id = q.id AND a.conflict = 0 AND a.rating IS NOT NULL) AS ratings,
              m.rating AS myRating, m.conflict AS myConflict, m.request_id IS NOT NULL AS reviewed
         FROM requests q JOIN rounds r ON r.id = q.round_id
         LEFT JOIN reviews m ON m.request_id = q.id AND m.reviewer_id = ?
        WHERE r.status IN (${marks(rounds)}) AND q.status IN (${marks(requests)})
        ORDER BY r.start_date, q.id`,
    )
    .all(reviewerId, ...rounds, ...requests) as (Omit<QueueRow, "mine"> & {
    myRating: number | null;
    myConflict: number | null;
    reviewed: number;
  })[];
  return rows.map(({ myRating, myConflict, reviewed, ...r }) => ({
    ...r,
    mine: reviewed ? { rating: myRating, conflict: myConflict === 1 } : null,
  }));
}
