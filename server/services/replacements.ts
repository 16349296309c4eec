// Replacement proposals after declines and lapsed offers: who would take the released seats and money
// (scoring/analytics/replace.ts, in a worker), and applying a proposal: offers to the replacements.
import { randomUUID } from "node:crypto";
import type { ReplacementResult } from "../../scoring/analytics/index.js";
import { APPROVAL_DECIDES, proposalMoveRefused, RELEASED_OFFERS } from "../../scoring/domain/index.js";
import { audit } from "../audit.js";
import { tx } from "../db/database.js";
import { conflict, notFound } from "../errors.js";
import type { Services } from "../http/index.js";
import { runInWorker } from "../workers/solve-in-worker.js";
import { today } from "../store/rows.js";
import {
  assertRoundOpenForMoney,
  discardOpenReplacements,
  findDecision,
  findReplacement,
  fundedDecisions,
  getRound,
  insertReplacement,
  listDecisions,
  listRequests,
  markNotFunded,
  markReplacementApplied,
  upsertOffer,
  type DecisionRecord,
} from "../store/index.js";
import { setRequestStatus } from "./request-status.js";
import type { Actor } from "./actor.js";
import { doneRun } from "./runs.js";
import { checkDeadline, expireOverdueOffers } from "./decisions.js";

/**
 * Proposes replacements for the declined and lapsed offers (everyone else kept at their level), solved
 * by the engine in a worker. Offers still pending after their deadline are recorded as expired first.
 */
export async function proposeReplacements(
  { db, runs }: Services,
  roundId: string,
  actor: Actor,
): Promise<{ id: string; status: "proposed"; proposal: ReplacementResult }> {
  assertRoundOpenForMoney(db, roundId, "a replacement");
  expireOverdueOffers(db, roundId, today(), actor);
  const decisions = fundedDecisions(db, roundId);
  if (decisions.length === 0) throw conflict("no-decisions", "the round has no approved run");
  const runId = decisions[0]!.runId;
  const { problem: runProblem } = doneRun(runs.get(runId));
  const released = decisions.filter((d) => d.offerStatus !== null && RELEASED_OFFERS.has(d.offerStatus));
  if (released.length === 0) throw conflict("nothing-released", "no offer was declined or has expired");
  // The funded list as it stands now (earlier replacements applied).
  const current = { funded: decisions.flatMap((d) => (d.level ? [{ id: d.requestId, level: d.level }] : [])) };
  // Released by an answer (or by the ISU): no deadline to keep; lapsed: the replacement's deadline follows theirs.
  const declined = released.filter((d) => d.offerStatus !== "expired").map((d) => d.requestId);
  const expired = released.filter((d) => d.offerStatus === "expired").map((d) => ({ id: d.requestId, deadline: d.offerDeadline! }));
  // Replacements come only from requests still in the running: a request whose offer was answered
  // (declined, expired, …) or that left the round since the run is locked out, even once an earlier
  // proposal closed its offer out (its decision is then no longer "funded", but its answer stands).
  const funded = new Set(decisions.map((d) => d.requestId));
  const statusOf = new Map(listRequests(db, roundId).map((r) => [r.id, r.status]));

  const inRunning = (id: string): boolean => funded.has(id) || APPROVAL_DECIDES.has(statusOf.get(id));
  const problem = {
    ...runProblem,
    requests: runProblem.requests.map((r) => (inRunning(r.id) ? r : { ...r, lock: "out" as const })),
  };
  const proposal = declined.length
    ? await runInWorker<ReplacementResult>({
        type: "replace",
        problem,
        result: current,
        declined: [...declined, ...expired.map((e) => e.id)],
      }).result
    : await runInWorker<ReplacementResult>({ type: "release", problem, result: current, expiredOffers: expired }).result;
  const id = randomUUID();
  tx(db, () => {
    const discarded = discardOpenReplacements(db, roundId);
    insertReplacement(db, {
      id,
      roundId,
      runId,
      cause: declined.length ? "declined" : "expired",
      input: { declined, expired },
      proposal,
      by: actor.id,
    });
    audit(db, {
      actor: actor.name,
      action: "propose",
      entity: "replacement",
      entityId: id,
      data: { declined, expired, replacements: proposal.replacements.map((r) => r.id), replaces: discarded },
    });
  });
  return { id, status: "proposed", proposal };
}

/** Applies a replacement proposal: the replacements get offers with the deadline given, the released are not funded. */
export function applyReplacement({ db }: Services, replacementId: string, offerDeadline: string, actor: Actor): DecisionRecord[] {
  return tx(db, () => {
    const row = findReplacement(db, replacementId);
    if (!row) throw notFound(`replacement ${replacementId}`);
    const refused = proposalMoveRefused(row.status, "applied");
    if (refused) throw conflict("replacement-status", refused);
    const { proposal } = row;
    if (proposal.status === "infeasible") throw conflict("infeasible", "this proposal found no replacement that keeps the rules");
    assertRoundOpenForMoney(db, row.roundId, "a replacement");
    checkDeadline(offerDeadline, today(), getRound(db, row.roundId));
    // The proposal answers offers released under the decisions as they stand: they must still be released.
    for (const r of proposal.released) {
      const d = findDecision(db, row.roundId, r.id);
      if (!d || d.runId !== row.runId || (d.offerStatus !== "declined" && d.offerStatus !== "expired"))
        throw conflict(
          "replacement-stale",
          `the decisions changed since this proposal (${r.id} is no longer a released offer): propose again`,
        );
    }
    for (const r of proposal.replacements) {
      upsertOffer(db, { roundId: row.roundId, requestId: r.id, runId: row.runId, level: r.level, cost: r.cost, offerDeadline });
      const replaces = proposal.released.map((x) => x.id).join(", ");
      setRequestStatus(db, r.id, "funded", `offered as a replacement (for ${replaces}) by the ISU`, actor);
    }
    for (const r of proposal.released) markNotFunded(db, row.roundId, r.id);
    markReplacementApplied(db, replacementId);
    audit(db, {
      actor: actor.name,
      action: "apply",
      entity: "replacement",
      entityId: replacementId,
      data: { replacements: proposal.replacements.map((r) => r.id) },
    });
    return listDecisions(db, row.roundId);
  });
}
