// The scoring fact "previous sponsorship outcome": read from the round's history (the delegate's latest
// earlier sponsorship with a recorded outcome), usable in a rule's condition, named in the reason's
// evidence, offered by the settings form with its values.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { factValues, FACT_CHOICES, RuleSetSchema } from "../../../scoring/criteria/rules.js";
import { DEFAULT_RULES } from "../../../scoring/criteria/default-rules.js";
import { RoundFileSchema, scoreRound } from "../../../scoring/criteria/round-file.js";
import { HistorySchema, recentRounds } from "../../../scoring/criteria/rotation.js";
import { loadReferenceData } from "../../../server/io/reference.js";

const history = HistorySchema.parse({
  rounds: [
    { id: "11MSP", date: "2023-09-11" },
    { id: "12MSP", date: "2024-09-10" },
  ],
  sponsored: [
    { round: "11MSP", state: "LAO", delegateId: "P-1", outcome: "no-show" },
    { round: "12MSP", state: "LAO", delegateId: "P-1", outcome: "travelled" },
    { round: "12MSP", state: "KHM", delegateId: "P-2", outcome: "no-show" },
    { round: "12MSP", state: "SEN", delegateId: "P-3" },
  ],
});

describe("the previous sponsorship outcome", () => {
  it("is the delegate's latest recorded outcome before the round, and absent when none is recorded", () => {
    const recent = recentRounds(history, "2025-09-16", 3);
    expect(recent.of("LAO", "P-1").lastOutcome).toBe("travelled");
    expect(recent.of("KHM", "P-2").lastOutcome).toBe("no-show");
    expect(recent.of("SEN", "P-3").lastOutcome).toBeUndefined();
    // Before 12MSP, P-1's latest is the no-show of 11MSP.
    expect(recentRounds(history, "2024-01-01", 3).of("LAO", "P-1").lastOutcome).toBe("no-show");
  });

  it("refuses an outcome a history cannot record, naming the path", () => {
    const bad = HistorySchema.safeParse({
      rounds: [{ id: "A", date: "2024-01-01" }],
      sponsored: [{ round: "A", state: "LAO", outcome: "maybe" }],
    });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path).toEqual(["sponsored", 0, "outcome"]);
  });

  it("scores a rule's condition on it, with the fact in the reason's evidence", () => {
    const demo = JSON.parse(readFileSync(new URL("../../../data/demo/round.json", import.meta.url), "utf8"));
    const [a, b, c] = demo.requests;
    const rules = RuleSetSchema.parse({
      ...DEFAULT_RULES,
      rules: [
        ...DEFAULT_RULES.rules,
        {
          id: "travelled-before",
          criterion: "capacity",
          label: "Travelled when last sponsored",
          points: 15,
          when: { fact: "history.previousOutcome", eq: "travelled" },
        },
      ],
    });
    const file = RoundFileSchema.parse({
      ...demo,
      rules,
      history: {
        rounds: history.rounds,
        sponsored: [
          { round: "12MSP", state: a.state, delegateId: "D-A", outcome: "travelled" },
          { round: "12MSP", state: b.state, delegateId: "D-B", outcome: "no-show" },
        ],
      },
      requests: demo.requests.map((r: { id: string }) =>
        r.id === a.id ? { ...r, delegateId: "D-A" } : r.id === b.id ? { ...r, delegateId: "D-B" } : r,
      ),
    });
    const scored = scoreRound(file, loadReferenceData());
    const reasonOf = (id: string) => scored.requests.find((r) => r.id === id)!.reasons.capacity.find((x) => x.rule === "travelled-before");
    expect(reasonOf(a.id)).toMatchObject({ points: 15, evidence: expect.stringContaining("previous sponsorship outcome: travelled") });
    expect(reasonOf(b.id)).toBeUndefined();
    expect(reasonOf(c.id)).toBeUndefined();
  });

  it("is offered by the settings form with its values in words", () => {
    expect(FACT_CHOICES).toContainEqual({ value: "history.previousOutcome", label: "previous sponsorship outcome" });
    expect(factValues("history.previousOutcome")).toEqual([
      { value: "travelled", label: "travelled", scalar: "travelled" },
      { value: "no-show", label: "did not travel", scalar: "no-show" },
      { value: "none", label: "none recorded", scalar: "none" },
    ]);
  });
});

describe("every scoring fact's name", () => {
  it("is said in English, French and Spanish", async () => {
    const { FACT_LIST, factDefinition } = await import("../../../scoring/criteria/facts.js");
    for (const f of FACT_LIST)
      for (const lang of ["en", "fr", "es"] as const) expect(factDefinition(f).name[lang].trim(), `${f} ${lang}`).not.toBe("");
    const { factName } = await import("../../../scoring/criteria/rules.js");
    expect(factName("history.previousOutcome", "fr")).toBe("issue du parrainage précédent");
  });
});
