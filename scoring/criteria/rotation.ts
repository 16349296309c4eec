// Rotation: sponsorship should reach new States and new people. The round file may carry the
// Programme's history (the earlier rounds and who was sponsored at each); the rule set's `rotation`
// section then lowers the priority of States and delegates sponsored recently, by scaling every
// criterion of their request by a factor, with the reason (which rounds) shown in the score.
//
// Within the window (the last `window` rounds held before this one), a round k rounds ago weighs
// (window − k + 1) / window: last round counts fully, the oldest in the window least. The factor is
// 1 − statePerRound × (weighted State rounds) − delegatePerRound × (weighted delegate rounds), never
// below `floor`. A factor scales the score whatever the weights, where negative points would be lost to
// a criterion's floor of 0.
import { z } from "zod";
import { RECORDED_OUTCOMES, reportDuplicates, type PreviousOutcome } from "../domain/index.js";

const Iso3 = z.string().regex(/^[A-Z]{3}$/, "must be an ISO 3166-1 alpha-3 code in capitals, e.g. LAO");

export const HistorySchema = z
  .strictObject({
    /** Earlier rounds of the Programme, in any order. */
    rounds: z.array(z.strictObject({ id: z.string().min(1).max(64), date: z.iso.date() })).max(1000),
    /** Who was sponsored at each: the State, and the delegate's key when the ISU keeps one. */
    sponsored: z
      .array(
        z.strictObject({
          round: z.string().min(1).max(64),
          state: Iso3,
          delegateId: z.string().min(1).max(64).optional(),
          /** Whether the delegate travelled (the scoring fact "previous sponsorship outcome"), when recorded. */
          outcome: z.enum(RECORDED_OUTCOMES).optional(),
        }),
      )
      .max(100_000),
  })
  .superRefine((h, ctx) => {
    reportDuplicates(
      ctx,
      h.rounds,
      (r) => r.id,
      ["rounds", "id"],
      (id) => `duplicate round id "${id}"`,
    );
    const ids = new Set(h.rounds.map((r) => r.id));
    h.sponsored.forEach((s, i) => {
      if (!ids.has(s.round))
        ctx.addIssue({ code: "custom", path: ["sponsored", i, "round"], message: `"${s.round}" is not one of history.rounds` });
    });
  });
export type History = z.infer<typeof HistorySchema>;

export const RotationSchema = z.strictObject({
  /** How many earlier rounds count as recent (default 3). */
  window: z.number().int().min(1).max(20).default(3),
  /** Priority lost per (weighted) recent round in which the State was sponsored (default 0.1: 10 %). */
  statePerRound: z.number().min(0).max(1).default(0.1),
  /** Priority lost per (weighted) recent round in which the same delegate was sponsored (default 0.15). */
  delegatePerRound: z.number().min(0).max(1).default(0.15),
  /** The factor never goes below this (default 0.5). */
  floor: z.number().min(0).max(1).default(0.5),
});
export type Rotation = z.infer<typeof RotationSchema>;

export interface RecentRound {
  round: string;
  /** 1 for the last round before this one. */
  roundsAgo: number;
  weight: number;
}

export interface RotationFacts {
  state: RecentRound[];
  delegate: RecentRound[];
  /** What the delegate's latest sponsorship with a recorded outcome came to (any round before this one). */
  lastOutcome?: PreviousOutcome;
}

/** The recent rounds (within the window, before `before`) in which a State or a delegate was sponsored. */
export function recentRounds(
  history: History,
  before: string,
  window: number,
): { of: (state: string, delegateId?: string) => RotationFacts } {
  const recent = history.rounds
    .filter((r) => r.date < before)
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
    .slice(0, window)
    .map((r, k) => ({ round: r.id, roundsAgo: k + 1, weight: (window - k) / window }));
  const byRound = new Map(recent.map((r) => [r.round, r]));
  const states = new Map<string, Set<string>>();
  const delegates = new Map<string, Set<string>>();
  for (const s of history.sponsored) {
    if (!byRound.has(s.round)) continue;
    add(states, s.state, s.round);
    if (s.delegateId) add(delegates, s.delegateId, s.round);
  }
  const list = (rounds: Set<string> | undefined): RecentRound[] => recent.filter((r) => rounds?.has(r.round));
  const outcomes = latestOutcomes(history, before);
  return {
    of: (state, delegateId) => {
      const lastOutcome = delegateId ? outcomes.get(delegateId) : undefined;
      return {
        state: list(states.get(state)),
        delegate: delegateId ? list(delegates.get(delegateId)) : [],
        ...(lastOutcome ? { lastOutcome } : {}),
      };
    },
  };
}

/** Each delegate's latest recorded outcome among the rounds before `before`. */
function latestOutcomes(history: History, before: string): Map<string, PreviousOutcome> {
  const dateOf = new Map(history.rounds.map((r) => [r.id, r.date]));
  const latest = new Map<string, { date: string; outcome: PreviousOutcome }>();
  for (const s of history.sponsored) {
    const date = dateOf.get(s.round);
    if (!s.delegateId || !s.outcome || date === undefined || date >= before) continue;
    const known = latest.get(s.delegateId);
    if (!known || known.date < date) latest.set(s.delegateId, { date, outcome: s.outcome });
  }
  return new Map([...latest].map(([id, l]) => [id, l.outcome]));
}

function add(m: Map<string, Set<string>>, k: string, v: string): void {
  const s = m.get(k);
  if (s) s.add(v);
  else m.set(k, new Set([v]));
}

const weighted = (rounds: RecentRound[]): number => rounds.reduce((s, r) => s + r.weight, 0);

/** The factor a request's criteria are scaled by, and the evidence for it (null when it is 1). */
export function rotationFactor(facts: RotationFacts, rotation: Rotation): { factor: number; evidence: string } | null {
  const loss = rotation.statePerRound * weighted(facts.state) + rotation.delegatePerRound * weighted(facts.delegate);
  if (loss <= 0) return null;
  const factor = Math.max(rotation.floor, Math.round((1 - loss) * 10000) / 10000);
  const describe = (rs: RecentRound[]): string =>
    rs.map((r) => `${r.round} (${r.roundsAgo === 1 ? "last round" : `${r.roundsAgo} rounds ago`}, weight ${round3(r.weight)})`).join(", ");
  const parts = [
    facts.state.length ? `State sponsored at ${describe(facts.state)}: −${round3(rotation.statePerRound * weighted(facts.state))}` : "",
    facts.delegate.length
      ? `delegate sponsored at ${describe(facts.delegate)}: −${round3(rotation.delegatePerRound * weighted(facts.delegate))}`
      : "",
  ].filter(Boolean);
  return {
    factor,
    evidence: `${parts.join("; ")}; factor ${factor}${factor === rotation.floor && 1 - loss < rotation.floor ? " (the floor)" : ""}`,
  };
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;
