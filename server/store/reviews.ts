// Reviewers' ratings of requests (technical value, 0–5), with their comments and declared conflicts.
import type { Db } from "../db/database.js";
import { now } from "./rows.js";
import type { ReviewRecord } from "../schemas/index.js";

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
