// A reviewer's queue: the requests of the rounds that take or review requests, each with the reviewer's
// own review (none yet, a rating, a declared conflict) and how many ratings it has; the requests still
// to review first. Reviewers land on it.
import { IN_RUN, REVIEWED_ROUND_STATUSES, type RoundStatus } from "../../scoring/domain/index.js";
import type { Db } from "../db/database.js";
import { getRound, reviewQueueRows, type QueueRow } from "../store/index.js";

export interface ReviewQueue {
  rounds: {
    id: string;
    meeting: string;
    status: RoundStatus;
    toReview: number;
    requests: Omit<QueueRow, "roundId">[];
  }[];
}

export function reviewQueue(db: Db, reviewerId: number): ReviewQueue {
  const rows = reviewQueueRows(db, reviewerId, REVIEWED_ROUND_STATUSES, IN_RUN);
  const byRound = new Map<string, Omit<QueueRow, "roundId">[]>();
  for (const { roundId, ...r } of rows) byRound.set(roundId, [...(byRound.get(roundId) ?? []), r]);
  return {
    rounds: [...byRound].map(([id, requests]) => {
      const round = getRound(db, id);
      const todo = (r: (typeof requests)[number]) => r.mine === null;
      return {
        id,
        meeting: round.meeting,
        status: round.status,
        toReview: requests.filter(todo).length,
        // Those still to review first, each group in reference order.
        requests: [...requests.filter(todo), ...requests.filter((r) => !todo(r))],
      };
    }),
  };
}
