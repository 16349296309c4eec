// Reviews (staff): a reviewer's rating or declared conflict of interest, an administrator lifting a
// conflict declared by mistake, and each reviewer's queue of requests to review.
import { z } from "zod";
import { ReviewQueueSchema, ReviewRecordSchema } from "../schemas/index.js";
import { actorOf, body, errors, json, newApp, route, RequestId, STAFF } from "../http/index.js";
import { liftConflict, saveReview } from "../services/reviews.js";
import { reviewQueue } from "../services/review-queue.js";

// The routes: each a named definition (its guard, input and answers), its handler in the chain below.
const putRequestsReview = route(STAFF, {
  method: "put",
  path: "/api/requests/{requestId}/review",
  tags: ["reviews"],
  summary: "Your review of a request: a technical-value rating 0–5 with a comment, or a declared conflict of interest (then no rating)",
  request: {
    params: RequestId,
    ...body(
      z
        .strictObject({
          rating: z.number().min(0).max(5).nullable(),
          comment: z.string().max(5000).default(""),
          conflict: z.boolean().default(false),
          version: z.number().int().min(1).optional(),
        })
        .refine((r) => !(r.conflict && r.rating !== null), {
          message: "a reviewer with a conflict of interest cannot rate the request",
          path: ["rating"],
        }),
    ),
  },
  responses: { 200: json(ReviewRecordSchema, "Saved"), ...errors(401, 403, 404, 409, 422) },
});

const postRequestsReviewsLiftConflict = route(["admin"], {
  method: "post",
  path: "/api/requests/{requestId}/reviews/{reviewer}/lift-conflict",
  tags: ["reviews"],
  summary:
    "Lift a conflict of interest a reviewer declared by mistake (the reviewer may then rate), with a reason kept in the request's history",
  request: {
    params: z.object({ requestId: z.string().min(1).max(64), reviewer: z.string().min(1).max(64) }),
    ...body(
      z.strictObject({
        reason: z.string().trim().min(10, "say why the conflict is lifted (at least 10 characters)").max(2000),
        version: z.number().int().min(1),
      }),
    ),
  },
  responses: { 200: json(ReviewRecordSchema, "Lifted"), ...errors(401, 403, 404, 409, 422) },
});

const getReviewQueue = route(STAFF, {
  method: "get",
  path: "/api/reviews/queue",
  tags: ["reviews"],
  summary: "Your queue: the requests of the rounds taking or reviewing requests, those you have not reviewed first",
  responses: { 200: json(ReviewQueueSchema, "The queue"), ...errors(401, 403) },
});

export function reviewRoutes() {
  return newApp()
    .openapi(putRequestsReview, (c) =>
      c.json(saveReview(c.get("services"), c.req.valid("param").requestId, c.req.valid("json"), actorOf(c)), 200),
    )
    .openapi(postRequestsReviewsLiftConflict, (c) => {
      const { requestId, reviewer } = c.req.valid("param");
      return c.json(liftConflict(c.get("services"), requestId, reviewer, c.req.valid("json"), actorOf(c)), 200);
    })
    .openapi(getReviewQueue, (c) => c.json(reviewQueue(c.get("services").db, actorOf(c).id!), 200));
}
