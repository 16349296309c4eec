// Explanations and baselines on hand-solved cases.
import { describe, expect, it } from "vitest";
import { Deadline } from "../../../scoring/allocation/glpk.js";
import { solve as solveCore } from "../../../scoring/allocation/solve.js";
import { explain } from "../../../scoring/explanations/explain.js";
import { prepare, ProblemSchema } from "../../../scoring/problem/index.js";
import { loadGlpk } from "../../../server/workers/glpk.js";
import { solve } from "../../helpers/glpk.js";
import { problem, req } from "../../helpers/problems.js";

// Two seats, half women, budget 10 000. Optimum {R1 (90), R2 (50)} = 140.
const input = problem(
  10_000,
  [
    req("R1", { v: 90, cost: 5000, day: 0 }),
    req("R2", { v: 50, cost: 4000, gender: "F", state: "SEN", region: "AFR", day: 1 }),
    req("R3", { v: 80, cost: 4000, state: "SEN", region: "AFR", day: 2 }),
    req("R4", { v: 40, cost: 3000, gender: "F", state: "PER", region: "GRULAC", day: 3 }),
    req("R5", { v: 99, cost: 20_000, state: "KEN", region: "AFR", day: 4 }),
    req("R6", { v: 70, cost: 1000, state: "IRQ", lock: "out", day: 5 }),
  ],
  { policy: { maxDelegates: 2, minWomenShare: 0.5 } },
);

describe("explanations", () => {
  it("gives the price of inclusion and who would be displaced", async () => {
    const result = await solve(input);
    expect(result.funded.map((f) => f.id)).toEqual(["R1", "R2"]);
    const why = Object.fromEntries(result.notFunded.map((n) => [n.id, n.reason]));
    // R3 in: a woman is still needed, so R3 + R2 = 130: price 10, R1 displaced.
    expect(why.R3).toMatchObject({ kind: "price-of-inclusion", price: 10, displaced: ["R1"] });
    // R4 in: R4 + R1 = 130 (R4 is the woman): price 10, R2 displaced.
    expect(why.R4).toMatchObject({ kind: "price-of-inclusion", price: 10, displaced: ["R2"] });
  });

  it("names the rule that excludes a request and the lock that keeps one out", async () => {
    const result = await solve(input);
    const why = Object.fromEntries(result.notFunded.map((n) => [n.id, n.reason]));
    expect(why.R5).toMatchObject({ kind: "excluded-by-rule", rule: "budget" });
    expect(why.R6).toMatchObject({ kind: "locked-out" });
  });

  it("gives the value lost if a funded request were dropped", async () => {
    const result = await solve(input);
    const loss = Object.fromEntries(result.funded.map((f) => [f.id, f.lossIfDropped]));
    // Without R1: R3 + R2 = 130 (loss 10). Without R2: R1 + R4 = 130 (loss 10).
    expect(loss).toEqual({ R1: 10, R2: 10 });
  });

  it("says when a funded request is required by a rule", async () => {
    const r = await solve(
      problem(100, [req("A", { v: 10, region: "AFR", state: "SEN" }), req("B", { v: 90 })], { policy: { regionMin: { AFR: 1 } } }),
    );
    const a = r.funded.find((f) => f.id === "A")!;
    expect(a.lossIfDropped).toBeNull();
    expect(a.requiredBy).toContain("at least 1 from the African Group");
  });

  it("explains a request kept out by the per-State cap next to a lock", async () => {
    const r = await solve(problem(100, [req("A", { v: 10, lock: "in" }), req("B", { v: 90 })], { policy: { maxPerState: 1 } }));
    const b = r.notFunded.find((n) => n.id === "B")!;
    expect(b.reason).toMatchObject({ kind: "excluded-by-rule", rule: "maxPerState" });
  });
});

describe("reasons that need no solve", () => {
  it("are given whatever the options: the eligibility verdict and the lock out, even without explanations", async () => {
    const { readFileSync } = await import("node:fs");
    const demo = JSON.parse(readFileSync("data/demo/problem.json", "utf8"));
    const ineligible = new Map<string, string>(
      demo.requests
        .filter((r: { ineligible?: string }) => r.ineligible)
        .map((r: { id: string; ineligible: string }) => [r.id, r.ineligible]),
    );
    expect(ineligible.size).toBeGreaterThan(0);
    const result = await solve(demo, { explain: false });
    for (const n of result.notFunded) {
      const verdict = ineligible.get(n.id);
      if (verdict) expect(n.reason).toEqual({ kind: "ineligible", text: verdict });
      else if (n.reason.kind !== "locked-out")
        expect(n.reason).toEqual({ kind: "unexplained", text: "Not explained: explanations were not asked for." });
    }
  });
});

describe("the answer's time limit", () => {
  it("leaves the explanations what the allocation left: none once it has passed, each request still with a reason in words", async () => {
    const { readFileSync } = await import("node:fs");
    const demo = ProblemSchema.parse(JSON.parse(readFileSync("data/demo/problem.json", "utf8")));
    const glpk = await loadGlpk();
    const prep = prepare(demo);
    const base = (await solveCore(prep, glpk, { timeLimit: 60 })).solution!;
    const result = await explain(prep, glpk, base, Deadline.after(0), 7);
    const notFunded = demo.requests.length - base.chosen.size;
    expect(result.notFunded).toHaveLength(notFunded);
    const late = result.notFunded.filter((n) => n.reason.kind === "unexplained");
    expect(late.length).toBeGreaterThan(0);
    expect(late[0]!.reason.text).toBe("Not computed: the time limit of the answer (7 s) was reached.");
    // What needs no solve is still said: the eligibility verdicts and the locks out.
    const known = result.notFunded.filter((n) => n.reason.kind === "ineligible" || n.reason.kind === "locked-out");
    expect(known.length + late.length).toBe(notFunded);
    expect(known.length).toBeGreaterThan(0);
    expect([...result.funded.values()].every((f) => f.lossIfDropped === null && f.note !== undefined)).toBe(true);
  });

  it("bounds the whole answer: a limit too short for the allocation answers 'time-limit' at once", async () => {
    const { readFileSync } = await import("node:fs");
    const demo = JSON.parse(readFileSync("data/demo/problem.json", "utf8"));
    const result = await solve(demo, { timeLimit: 1e-6 });
    expect(result.status).toBe("time-limit");
    expect(result.value).toBeNull();
  });
});

describe("a helper thread", () => {
  it("that fails costs time, never an answer: its share is explained here", async () => {
    const failing = {
      notFunded: () => Promise.reject(new Error("the helper's thread died")),
      funded: () => Promise.reject(new Error("the helper's thread died")),
    };
    const withFailing = await solve(input, { helper: failing });
    const alone = await solve(input);
    expect(withFailing.notFunded).toEqual(alone.notFunded);
    expect(withFailing.funded).toEqual(alone.funded);
  });
});

describe("baselines", () => {
  it("first come first served funds in order of submission and lists the rules it breaks", async () => {
    const result = await solve(input, { explain: false });
    const fcfs = result.baselines.find((b) => b.name === "fcfs")!;
    // R1 (day 0), R2 (day 1): seats full. Same as the optimum here.
    expect(fcfs.funded.map((f) => f.id)).toEqual(["R1", "R2"]);
    expect(fcfs.value).toBe(140);
    expect(fcfs.broken).toEqual([]);
  });

  it("greedy by score ignores the minimums and the locks, and says so", async () => {
    const result = await solve(input, { explain: false });
    const greedy = result.baselines.find((b) => b.name === "greedy")!;
    // By score: R5 (99) is too dear; R1 (90) and R3 (80) take the two seats: two men, no woman.
    expect(greedy.funded.map((f) => f.id)).toEqual(["R1", "R3"]);
    expect(greedy.value).toBe(170);
    expect(greedy.broken).toEqual(["0 of 2 delegates are women, fewer than 50 %"]);
  });

  it("a greedy choice that funds a locked-out request is reported", async () => {
    const result = await solve(problem(100, [req("A", { v: 90, lock: "out" }), req("B", { v: 10, state: "IRQ" })]), { explain: false });
    const greedy = result.baselines.find((b) => b.name === "greedy")!;
    expect(greedy.broken).toContain("A (LAO) is locked out but funded");
  });
});
