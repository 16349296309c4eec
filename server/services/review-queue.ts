// A reviewer's queue: the requests of the rounds that take or review requests, each with the reviewer's
// own review (none yet, a rating, a declared conflict) and how many ratings it has; the requests still
// to review first. Reviewers land on it.
import { IN_RUN, REVIEWED_ROUND_STATUSES, type RoundStatus } from "../../scoring/domain/index.js";
import type { Db } from "../db/database.js";
import { reviewQueueRows, type QueueRow } from "../store/index.js";

/** A request in the queue, without its round's fields (the round's entry holds them). */
type QueueRequest = Omit<QueueRow, "roundId" | "roundMeeting" | "roundStatus">;

export interface ReviewQueue {
  rounds: {
    id: string;
    meeting: string;
    status: RoundStatus;
    toReview: number;
    requests: QueueRequest[];
  }[];
}

export function reviewQueue(db: Db, reviewerId: number): ReviewQueue {
  // One query: each request with its round's meeting and status (rows in the rounds' order, then the references').
  const rounds = new Map<string, { meeting: string; status: RoundStatus; requests: QueueRequest[] }>();
  for (const { roundId, roundMeeting, roundStatus, ...r } of reviewQueueRows(db, reviewerId, REVIEWED_ROUND_STATUSES, IN_RUN)) {
    const round = rounds.get(roundId) ?? { meeting: roundMeeting, status: roundStatus, requests: [] };
    round.requests.push(r);
    rounds.set(roundId, round);
  }
  return {
    rounds: [...rounds].map(([id, { meeting, status, requests }]) => {
      const todo = (r: QueueRequest) => r.mine === null;
      return {
        id,
        meeting,
        status,
        toReview: requests.filter(todo).length,
        // Those still to review first, each group in reference order.
        requests: [...requests.filter(todo), ...requests.filter((r) => !todo(r))],
      };
    }),
  };
}
