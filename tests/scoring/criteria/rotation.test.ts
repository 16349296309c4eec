// Rotation: the round's history lowers the priority of States and delegates sponsored recently, with the
// rounds named in the reason; on a hand-made round it hands the one seat to the State not sponsored.
import { describe, expect, it } from "vitest";
import { allocate } from "../../../scoring/allocate.js";
import { RoundFileSchema, scoreRound, type RoundFile } from "../../../scoring/criteria/round-file.js";
import { recentRounds, rotationFactor, RotationSchema, HistorySchema } from "../../../scoring/criteria/rotation.js";
import { RuleSetSchema } from "../../../scoring/criteria/rules.js";
import { DEFAULT_RULES } from "../../../scoring/criteria/default-rules.js";
import { CRITERION } from "../../../scoring/domain/index.js";
import { fieldProblems } from "../../../scoring/domain/issues.js";
import { loadGlpk } from "../../../server/workers/glpk.js";
import { loadReferenceData } from "../../../server/io/reference.js";

const ref = loadReferenceData();
const rotation = RotationSchema.parse({});
const history = HistorySchema.parse({
  rounds: [
    { id: "10MSP", date: "2022-08-30" },
    { id: "12MSP", date: "2024-09-10" },
    { id: "11MSP", date: "2023-09-11" },
    { id: "9MSP", date: "2021-09-20" },
  ],
  sponsored: [
    { round: "12MSP", state: "LAO", delegateId: "P-7" },
    { round: "10MSP", state: "LAO" },
    { round: "9MSP", state: "LAO" },
    { round: "11MSP", state: "KHM", delegateId: "P-9" },
  ],
});

describe("recentRounds and rotationFactor", () => {
  it("counts the last three rounds before this one, the last fully, older ones less", () => {
    const recent = recentRounds(history, "2025-09-16", 3);
    // 9MSP is outside the window of three; 12MSP weighs 1, 10MSP (three rounds ago) 1/3.
    expect(recent.of("LAO").state).toEqual([
      { round: "12MSP", roundsAgo: 1, weight: 1 },
      { round: "10MSP", roundsAgo: 3, weight: 1 / 3 },
    ]);
    expect(recent.of("LAO", "P-7").delegate.map((r) => r.round)).toEqual(["12MSP"]);
    expect(recent.of("SEN")).toEqual({ state: [], delegate: [] });
    // A round held after this one does not count.
    expect(
      recentRounds(history, "2024-01-01", 3)
        .of("LAO")
        .state.map((r) => r.round),
    ).toEqual(["10MSP", "9MSP"]);
  });

  it("lowers the factor by each weighted round, never below the floor, and says why", () => {
    const recent = recentRounds(history, "2025-09-16", 3);
    // State: 0.1 × (1 + 1/3); delegate: 0.15 × 1 → 1 − 0.1333 − 0.15 = 0.7167.
    const f = rotationFactor(recent.of("LAO", "P-7"), rotation)!;
    expect(f.factor).toBe(0.7167);
    expect(f.evidence).toBe(
      "State sponsored at 12MSP (last round, weight 1), 10MSP (3 rounds ago, weight 0.333): −0.133; delegate sponsored at 12MSP (last round, weight 1): −0.15; factor 0.7167",
    );
    expect(rotationFactor(recent.of("SEN"), rotation)).toBeNull();
    const steep = rotationFactor(recent.of("LAO", "P-7"), { ...rotation, statePerRound: 0.5 })!;
    expect(steep.factor).toBe(0.5);
    expect(steep.evidence).toMatch(/factor 0\.5 \(the floor\)$/);
  });

  it("rejects a sponsorship in a round the history does not list, by its path", () => {
    const bad = HistorySchema.safeParse({ rounds: [{ id: "12MSP", date: "2024-09-10" }], sponsored: [{ round: "11MSP", state: "LAO" }] });
    expect(bad.success).toBe(false);
    expect(fieldProblems(bad.error!)).toEqual([{ path: "sponsored[0].round", message: '"11MSP" is not one of history.rounds' }]);
  });
});

describe("rotation in a round", () => {
  // Two requests alike in every way but their State (both LDC States Parties of Asia-Pacific with clearance
  // obligations), one seat. Without history, the lower id (Laos) wins the tie; Laos was sponsored last round.
  const round = (withHistory: boolean): RoundFile =>
    RoundFileSchema.parse({
      version: 1,
      round: {
        id: "13MSP",
        meeting: "13MSP",
        venue: "Geneva",
        startDate: "2025-09-16",
        endDate: "2025-09-19",
        windowOpens: "2025-05-01",
        windowCloses: "2025-07-15",
        allowanceRate: 350,
        nights: 5,
      },
      weights: { implementation: 30, technical: 20, universalization: 20, capacity: 15, representation: 15 },
      policy: { maxDelegates: 1 },
      donors: [{ id: "AUS", amount: 10000 }],
      // Cambodia made like Laos for the test: a State Party with clearance and victim-assistance obligations.
      stateOverrides: [{ iso3: "KHM", ccmStatus: "party", art4Clearance: true, art5VictimAssistance: true }],
      ...(withHistory ? { history: { rounds: [{ id: "12MSP", date: "2024-09-10" }], sponsored: [{ round: "12MSP", state: "LAO" }] } } : {}),
      requests: [
        { id: "R-1", state: "LAO", gender: "F", submittedAt: "2025-05-02T09:30:00Z", travel: { airTicket: 1500 } },
        { id: "R-2", state: "KHM", gender: "F", submittedAt: "2025-05-02T09:30:00Z", travel: { airTicket: 1500 } },
      ],
    });

  it("hands the seat to the State not sponsored recently, with the reason in the score", async () => {
    const glpk = await loadGlpk();
    const plain = scoreRound(round(false), ref);
    expect(plain.requests[0]!.total).toBe(plain.requests[1]!.total);
    expect((await allocate(plain.problem, { glpk })).funded.map((f) => f.id)).toEqual(["R-1"]);

    const rotated = scoreRound(round(true), ref);
    const laos = rotated.requests.find((r) => r.id === "R-1")!;
    expect(laos.total).toBe(Math.round(plain.requests[0]!.total * 0.9 * 100) / 100);
    for (const c of CRITERION.codes) {
      const last = laos.reasons[c].at(-1);
      if (laos.criteria[c] > 0)
        expect(last).toMatchObject({
          rule: "rotation",
          evidence: expect.stringMatching(/^State sponsored at 12MSP \(last round, weight 1\): −0\.1; factor 0\.9$/),
        });
      // The reasons still add up to the criterion.
      expect(laos.reasons[c].reduce((s, r) => s + r.points, 0)).toBeCloseTo(laos.criteria[c], 6);
    }
    const result = await allocate(rotated.problem, { glpk });
    expect(result.funded.map((f) => f.id)).toEqual(["R-2"]);
    expect(result.notFunded[0]!.id).toBe("R-1");
  });

  it("does nothing without a rotation section in the rule set", () => {
    const rules = RuleSetSchema.parse({ ...DEFAULT_RULES, rotation: undefined });
    const scored = scoreRound({ ...round(true), rules }, ref);
    expect(scored.requests[0]!.total).toBe(scored.requests[1]!.total);
  });

  it("lets ordinary rules read the history too", () => {
    const rules = RuleSetSchema.parse({
      ...DEFAULT_RULES,
      rotation: undefined,
      rules: [
        ...DEFAULT_RULES.rules,
        {
          id: "state-recent",
          criterion: "representation",
          label: "State sponsored recently",
          points: -5,
          per: "history.stateRecentRounds",
        },
      ],
    });
    const scored = scoreRound({ ...round(true), rules }, ref);
    expect(scored.requests[0]!.reasons.representation.find((r) => r.rule === "state-recent")).toMatchObject({
      points: -5,
      evidence: "State's recent sponsored rounds: 1",
    });
  });
});
