// Reviews: a reviewer's rating of a request's technical value (or a declared conflict of interest), and
// an administrator lifting a conflict declared by mistake. Each change is one transaction with its audit
// entry (and, for a lifted conflict, a line in the request's history).
import { audit } from "../audit.js";
import { tx } from "../db/database.js";
import { checkVersion, conflict, DomainError } from "../errors.js";
import type { Services } from "../http/index.js";
import { accountIdByName, addHistory, findReview, getRequest, putReview, type ReviewRecord } from "../store/index.js";
import type { Actor } from "./actor.js";

/**
 * An administrator lifts a conflict of interest a reviewer declared by mistake: the review has neither
 * conflict nor rating (the reviewer may then rate), and the reason stays in the request's history.
 */
export function liftConflict(
  { db }: Services,
  requestId: string,
  reviewer: string,
  input: { reason: string; version: number },
  actor: Actor,
): ReviewRecord {
  return tx(db, () => {
    const request = getRequest(db, requestId);
    const reviewerId = accountIdByName(db, reviewer);
    const existing = reviewerId === null ? null : findReview(db, requestId, reviewerId);
    if (reviewerId === null || !existing) throw new DomainError("not-found", "not-found", `${reviewer} has not reviewed ${requestId}`);
    checkVersion(existing, input.version);
    if (!existing.conflict)
      throw conflict("no-conflict", `${reviewer} declared no conflict of interest with ${requestId}: there is none to lift`);
    putReview(db, requestId, reviewerId, { rating: null, comment: existing.comment, conflict: false }, true);
    addHistory(db, requestId, request.status, `conflict of interest declared by ${reviewer} lifted: ${input.reason}`, actor.id);
    audit(db, {
      actor: actor.name,
      action: "lift-conflict",
      entity: "request",
      entityId: requestId,
      data: { reviewer, reason: input.reason },
    });
    return findReview(db, requestId, reviewerId)!;
  });
}

/** A reviewer's review: a rating with a comment, or a declared conflict of interest (then no rating). */
export function saveReview(
  { db }: Services,
  requestId: string,
  r: { rating: number | null; comment: string; conflict: boolean; version?: number },
  actor: Actor,
): ReviewRecord {
  return tx(db, () => {
    getRequest(db, requestId);
    const existing = findReview(db, requestId, actor.id);
    if (existing) {
      if (r.version === undefined) throw conflict("exists", "you reviewed this request already: send the review's version to change it");
      checkVersion(existing, r.version);
      // A declared conflict of interest stays declared: the reviewer cannot rate this request afterwards.
      if (existing.conflict && (r.rating !== null || !r.conflict))
        throw conflict(
          "conflict-of-interest",
          "you declared a conflict of interest with this request: it stays declared, and you cannot rate it",
        );
    }
    putReview(db, requestId, actor.id, r, existing !== null);
    audit(db, {
      actor: actor.name,
      action: "review",
      entity: "request",
      entityId: requestId,
      data: { rating: r.rating, conflict: r.conflict },
    });
    return findReview(db, requestId, actor.id)!;
  });
}
