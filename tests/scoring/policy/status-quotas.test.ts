// The mix by CCM status as a rule: 2024's 16 States Parties, 2 signatories and 2 States not party
// (para. 103) chosen by the optimiser from more candidates of each kind than seats, without locks, and
// the same value as the HiGHS formulation written apart from the rule registry.
import { describe, expect, it } from "vitest";
import { loadHighs, solveHighs } from "../../../bench/highs-model.js";
import { policyInWords } from "../../../scoring/policy/index.js";
import { ProblemSchema } from "../../../scoring/problem/index.js";
import { solve } from "../../helpers/glpk.js";
import { problem, req } from "../../helpers/problems.js";

const STATES = ["LAO", "IRQ", "SEN", "KEN", "PER", "COL", "BIH", "VNM", "MOZ", "TCD"];

// 24 States Parties (values 30–53), 6 signatories (70–75), 6 States not party (80–85): unconstrained,
// the 20 seats would go to the 12 non-parties first.
const requests = [
  ...Array.from({ length: 24 }, (_, i) => req(`P${String(i).padStart(2, "0")}`, { v: 30 + i, state: STATES[i % 10]!, cost: 10 })),
  ...Array.from({ length: 6 }, (_, i) => req(`S${i}`, { v: 70 + i, state: `SG${"ABCDEF"[i]}`, status: "signatory", cost: 10 })),
  ...Array.from({ length: 6 }, (_, i) => req(`N${i}`, { v: 80 + i, state: `NP${"ABCDEF"[i]}`, status: "nonparty", cost: 10 })),
];
const mix = { party: 16, signatory: 2, nonparty: 2 };

describe("the mix by CCM status", () => {
  it("gives 2024's 16 / 2 / 2 by a rule, with the best of each kind, at HiGHS's optimum", async () => {
    const input = problem(1000, requests, { policy: { maxDelegates: 20, statusMin: mix, statusMax: mix } });
    const result = await solve(input, { explain: false, baselines: false });
    expect(result.status).toBe("optimal");
    const ids = result.funded.map((f) => f.id).sort();
    expect(ids.filter((id) => id.startsWith("P")).length).toBe(16);
    expect(ids.filter((id) => id.startsWith("S"))).toEqual(["S4", "S5"]);
    expect(ids.filter((id) => id.startsWith("N"))).toEqual(["N4", "N5"]);
    // The 16 best States Parties: values 38–53.
    expect(ids.filter((id) => id.startsWith("P"))).toEqual(Array.from({ length: 16 }, (_, i) => `P${String(i + 8).padStart(2, "0")}`));
    expect(result.funded.every((f) => !requests.find((r) => r.id === f.id)!.lock)).toBe(true);
    const h = solveHighs(await loadHighs(), input);
    expect(h.status).toBe("optimal");
    expect(Math.round(result.value! * 100)).toBe(h.units);
    // Without the rule the seats go elsewhere: the mix is the rule's doing.
    const free = await solve(problem(1000, requests, { policy: { maxDelegates: 20 } }), { explain: false, baselines: false });
    expect(free.funded.filter((f) => f.id.startsWith("P")).length).toBe(8);
  });

  it("explains a State not party left out by the maximum as a swap, and writes the rule in words", async () => {
    const input = problem(1000, requests, { policy: { maxDelegates: 20, statusMin: mix, statusMax: mix } });
    const result = await solve(input, { baselines: false });
    expect(policyInWords(ProblemSchema.parse(input).policy)).toEqual(
      expect.arrayContaining([
        "At least 16 delegates from States Parties.",
        "At most 2 delegates from States not party.",
        "At least 2 delegates from signatories.",
      ]),
    );
    expect(policyInWords(ProblemSchema.parse(input).policy, "fr")).toContain("Au moins 2 délégués d'États signataires.");
    const n3 = result.notFunded.find((n) => n.id === "N3")!;
    // In its place would go a State not party: the maximum makes it a swap with the weaker one funded.
    expect(n3.reason).toMatchObject({ kind: "price-of-inclusion", price: 1, displaced: ["N4"] });
  });
});
