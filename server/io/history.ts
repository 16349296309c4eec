// A past programme year replayed through the product: its opening balance, its round with the donors'
// contributions and the delegates' requests, a real allocation run (each delegate locked in, as the ISU
// decided then) approved into offers, each offer answered and settled with its actual cost, the general
// and administrative costs, and the year's close. data/history/2024.json reproduces Table 3 of the
// ISU's 2024 report this way.
import { readFileSync } from "node:fs";
import { z } from "zod";
import { RequestAttributesSchema } from "../../scoring/criteria/index.js";
import { PAST_OUTCOMES, RECORDED_SOURCES, RoundSchema, WeightsSchema } from "../../scoring/domain/index.js";
import { PolicySchema } from "../../scoring/policy/index.js";
import { tx } from "../db/database.js";
import { conflict } from "../errors.js";
import type { Services } from "../http/index.js";
import type { ReferenceData } from "../../scoring/criteria/index.js";
import { approveRun, recordOffer, type Actor } from "../services/decisions.js";
import { closeYear, editYearNote, enterOpening } from "../services/finance.js";
import { editRound } from "../services/rounds.js";
import { createRound, ensureYear, yearExists, findDecision, getRound, getYear, insertRequest, putDonor } from "../store/index.js";

export const HistoryFileSchema = z.strictObject({
  version: z.literal(1),
  year: z.number().int().min(2000).max(2100),
  source: z.string(),
  opening: z.strictObject({ amount: z.number().min(0), note: z.string().min(1) }),
  note: z.string(),
  round: RoundSchema,
  adminActual: z.number().min(0),
  weights: WeightsSchema,
  policy: PolicySchema,
  donors: z.array(
    z.strictObject({
      id: z.string().min(1),
      name: z.string().min(1),
      amount: z.number().min(0),
      source: z.enum(RECORDED_SOURCES),
      note: z.string(),
    }),
  ),
  approvedOn: z.iso.date(),
  offerDeadline: z.iso.date(),
  answeredOn: z.iso.date(),
  settledOn: z.iso.date(),
  delegates: z.array(
    z.strictObject({
      request: RequestAttributesSchema,
      outcome: z.enum(PAST_OUTCOMES),
      actualCost: z.number().min(0),
    }),
  ),
});
export type HistoryFile = z.infer<typeof HistoryFileSchema>;

export const HISTORY_2024 = new URL("../../data/history/2024.json", import.meta.url);

export function readHistory(path: URL | string = HISTORY_2024): HistoryFile {
  return HistoryFileSchema.parse(JSON.parse(readFileSync(path, "utf8")));
}

/**
 * A past round's decision as it was made: a run of the round as it stands, approved on the day given
 * (its offers due by the deadline, `waitlist` waitlisted). Refused when the run does not end with a result.
 */
export async function runAndApprove(
  services: Pick<Services, "db" | "runs">,
  roundId: string,
  approval: { offerDeadline: string; waitlist: number; on: string },
  actor: Actor,
): Promise<void> {
  const { db, runs } = services;
  const runId = runs.start(roundId, actor);
  const run = await runs.settled(runId);
  if (run.status !== "done") throw conflict("history-run", `the run of ${roundId} ended ${run.status}`);
  approveRun(services, runId, { ...approval, roundVersion: getRound(db, roundId).version }, actor);
}

/** Replays a past year; refused when the year exists already. */
export async function loadHistory(
  services: Pick<Services, "db" | "runs">,
  file: HistoryFile,
  reference: ReferenceData,
  recorder: { id: number; name: string },
) {
  const { db } = services;
  // A past year's decisions were told to their applicants at the time: the replay tells no one.
  const actor = { ...recorder, silent: true };
  const roundId = file.round.id;
  tx(db, () => {
    if (yearExists(db, file.year)) throw conflict("exists", `the programme year ${file.year} exists already`);
    ensureYear(db, file.year);
    enterOpening(db, file.year, { ...file.opening, version: getYear(db, file.year).version }, actor);
    createRound(db, { round: file.round, weights: file.weights, policy: file.policy }, reference, actor);
    for (const d of file.donors) putDonor(db, roundId, d, null, actor.name);
    for (const d of file.delegates) insertRequest(db, roundId, d.request, "submitted", null, actor);
  });
  await runAndApprove(services, roundId, { offerDeadline: file.offerDeadline, waitlist: 0, on: file.approvedOn }, actor);
  for (const d of file.delegates) {
    const id = d.request.id;
    const offer = findDecision(db, roundId, id);
    if (!offer || offer.offerStatus !== "pending")
      throw conflict("history-offer", `${id} was not offered: the history's run did not fund it`);
    if (d.outcome === "declined") {
      recordOffer(services, roundId, id, { offerStatus: "declined", on: file.answeredOn, version: offer.version }, actor);
      continue;
    }
    const accepted = recordOffer(services, roundId, id, { offerStatus: "accepted", on: file.answeredOn, version: offer.version }, actor);
    recordOffer(
      services,
      roundId,
      id,
      { offerStatus: d.outcome, actualCost: d.actualCost, on: file.settledOn, version: accepted.version },
      actor,
    );
  }
  editRound({ db, reference }, roundId, { adminActual: file.adminActual, version: getRound(db, roundId).version }, actor);
  editYearNote(db, file.year, { note: file.note, version: getYear(db, file.year).version }, actor);
  return closeYear(db, file.year, { version: getYear(db, file.year).version }, actor);
}
