// Hand-solved allocations: each row's optimum was worked out by hand (see the comment on each case).
import { describe, expect, it } from "vitest";
import type { ProblemInput } from "../../scoring/problem/index.js";
import { solve } from "../helpers/glpk.js";
import { problem, req } from "../helpers/problems.js";

interface Case {
  name: string;
  input: ProblemInput;
  funded: string[]; // "id" or "id:level"
  value: number;
}

const cases: Case[] = [
  {
    // {B, C} = 95 within 10; A alone = 60.
    name: "budget: two cheaper requests beat one dear one",
    input: problem(10, [
      req("A", { v: 60, cost: 6 }),
      req("B", { v: 50, cost: 5, state: "SEN" }),
      req("C", { v: 45, cost: 5, state: "PER" }),
    ]),
    funded: ["B", "C"],
    value: 95,
  },
  {
    name: "maxDelegates: one seat goes to the best",
    input: problem(100, [req("A", { v: 60, cost: 6 }), req("B", { v: 50, cost: 5 })], { policy: { maxDelegates: 1 } }),
    funded: ["A"],
    value: 60,
  },
  {
    name: "maxPerState: the second delegate of a State gives way",
    input: problem(100, [req("A", { v: 60 }), req("B", { v: 50 }), req("C", { v: 40, state: "SEN", region: "AFR" })], {
      policy: { maxPerState: 1 },
    }),
    funded: ["A", "C"],
    value: 100,
  },
  {
    // two seats, at least half women: the best man and the best woman.
    name: "minWomenShare: half of two seats go to women",
    input: problem(
      100,
      [
        req("A", { v: 90 }),
        req("B", { v: 80, state: "SEN" }),
        req("C", { v: 30, gender: "F", state: "PER" }),
        req("D", { v: 20, gender: "F", state: "KEN" }),
      ],
      {
        policy: { maxDelegates: 2, minWomenShare: 0.5 },
      },
    ),
    funded: ["A", "C"],
    value: 120,
  },
  {
    name: "regionMin: an African seat is reserved",
    input: problem(100, [req("A", { v: 90 }), req("B", { v: 80, state: "IRQ" }), req("C", { v: 10, state: "SEN", region: "AFR" })], {
      policy: { maxDelegates: 2, regionMin: { AFR: 1 } },
    }),
    funded: ["A", "C"],
    value: 100,
  },
  {
    name: "regionMax: at most one from Asia-Pacific",
    input: problem(100, [req("A", { v: 90 }), req("B", { v: 80, state: "IRQ" }), req("C", { v: 10, state: "SEN", region: "AFR" })], {
      policy: { regionMax: { APG: 1 } },
    }),
    funded: ["A", "C"],
    value: 100,
  },
  {
    name: "minOutreach: a signatory takes a seat",
    input: problem(
      100,
      [req("A", { v: 90 }), req("B", { v: 80, state: "IRQ" }), req("C", { v: 5, state: "KEN", region: "AFR", status: "signatory" })],
      {
        policy: { maxDelegates: 2, minOutreach: 1 },
      },
    ),
    funded: ["A", "C"],
    value: 95,
  },
  {
    name: "lock in: a locked request is funded whatever its value",
    input: problem(100, [req("A", { v: 90 }), req("B", { v: 80, state: "IRQ" }), req("C", { v: 10, state: "SEN", lock: "in" })], {
      policy: { maxDelegates: 2 },
    }),
    funded: ["A", "C"],
    value: 100,
  },
  {
    name: "lock out: a locked-out request is never funded",
    input: problem(100, [req("A", { v: 90, lock: "out" }), req("B", { v: 80, state: "IRQ" })]),
    funded: ["B"],
    value: 80,
  },
  {
    // A full (8) leaves 2: 80. A ticket (4, half value) + B (6): 40 + 60 = 100.
    name: "support levels: a ticket-only offer makes room for another delegate",
    input: problem(10, [
      req("A", {
        v: 80,
        levels: [
          { level: "full", cost: 8, valueShare: 1 },
          { level: "ticket", cost: 4, valueShare: 0.5 },
        ],
      }),
      req("B", { v: 60, cost: 6, state: "IRQ" }),
    ]),
    funded: ["A:ticket", "B:full"],
    value: 100,
  },
  {
    // {A, B}: 95 + one State (30) = 125; {A, C}: 70 + two States (60) = 130.
    name: "stateBonus: reaching one more State is worth a weaker request",
    input: problem(100, [req("A", { v: 50 }), req("B", { v: 45 }), req("C", { v: 20, state: "SEN", region: "AFR" })], {
      policy: { maxDelegates: 2, stateBonus: 30 },
    }),
    funded: ["A", "C"],
    value: 130,
  },
  {
    // {A, B}: 95 + one region (25) = 120; {A, C}: 80 + two regions (50) = 130.
    name: "regionBonus: reaching one more region",
    input: problem(100, [req("A", { v: 50 }), req("B", { v: 45, state: "IRQ" }), req("C", { v: 30, state: "SEN", region: "AFR" })], {
      policy: { maxDelegates: 2, regionBonus: 25 },
    }),
    funded: ["A", "C"],
    value: 130,
  },
  {
    // A (APG, 6) can only be paid by D2 (5): impossible. B + C (AFR, 8): D1 5 + D2 3.
    name: "donor earmarks: money earmarked for Africa cannot pay an Asian delegate",
    input: problem(
      100,
      [
        req("A", { v: 90, cost: 6 }),
        req("B", { v: 50, cost: 4, state: "SEN", region: "AFR" }),
        req("C", { v: 40, cost: 4, state: "KEN", region: "AFR" }),
      ],
      {
        donors: [
          { id: "D1", amount: 5, regions: ["AFR"] },
          { id: "D2", amount: 5 },
        ],
      },
    ),
    funded: ["B", "C"],
    value: 90,
  },
  {
    // C (SEN, party) is admitted by neither donor.
    name: "donor earmarks by status and by State",
    input: problem(
      100,
      [
        req("A", { v: 70, cost: 5 }),
        req("B", { v: 60, cost: 5, state: "KEN", region: "AFR", status: "signatory" }),
        req("C", { v: 90, cost: 5, state: "SEN", region: "AFR" }),
      ],
      {
        donors: [
          { id: "D1", amount: 5, statuses: ["signatory"] },
          { id: "D2", amount: 5, states: ["LAO"] },
        ],
      },
    ),
    funded: ["A", "B"],
    value: 130,
  },
  {
    name: "the budget still caps the total when donors give more",
    input: problem(
      10,
      [req("A", { v: 60, cost: 6 }), req("B", { v: 50, cost: 5, state: "SEN" }), req("C", { v: 45, cost: 5, state: "PER" })],
      {
        donors: [{ id: "D", amount: 20 }],
      },
    ),
    funded: ["B", "C"],
    value: 95,
  },
  {
    name: "ties: equal value goes to the lower cost",
    input: problem(100, [req("A", { v: 50, cost: 5 }), req("B", { v: 50, cost: 4, state: "IRQ" })], { policy: { maxDelegates: 1 } }),
    funded: ["B"],
    value: 50,
  },
  {
    name: "ties: equal value and cost go to the lower id",
    input: problem(100, [req("R-2", { v: 50, cost: 5, state: "IRQ" }), req("R-1", { v: 50, cost: 5 })], { policy: { maxDelegates: 1 } }),
    funded: ["R-1"],
    value: 50,
  },
  {
    // Weighted: (30·100 + 20·0 + 20·0 + 15·0 + 15·0) / 100 = 30 for A; B scores 50 everywhere.
    name: "weights are normalised by their sum",
    input: problem(5, [
      {
        ...req("A", { v: 0, cost: 5 }),
        criteria: { implementation: 100, technical: 0, universalization: 0, capacity: 0, representation: 0 },
      },
      req("B", { v: 50, cost: 5, state: "IRQ" }),
    ]),
    funded: ["B"],
    value: 50,
  },
];

describe("allocate: hand-solved cases", () => {
  it.each(cases)("$name", async ({ input, funded, value }) => {
    const result = await solve(input, { explain: false });
    expect(result.status).toBe("optimal");
    expect(result.solver.gap).toBe(0);
    expect(result.value).toBeCloseTo(value, 6);
    const got = result.funded.map((f) => (funded.some((x) => x.includes(":")) ? `${f.id}:${f.level}` : f.id)).sort();
    expect(got).toEqual([...funded].sort());
  });

  it("pays every funded franc from donors whose earmark admits the request", async () => {
    const result = await solve(cases.find((c) => c.name.startsWith("donor earmarks: money"))!.input, { explain: false });
    const byId = Object.fromEntries(result.funded.map((f) => [f.id, f.funding]));
    for (const f of result.funded) expect(f.funding.reduce((s, x) => s + x.amount, 0)).toBeCloseTo(f.cost, 2);
    const d1 = [...byId.B!, ...byId.C!].filter((x) => x.donor === "D1").reduce((s, x) => s + x.amount, 0);
    const d2 = [...byId.B!, ...byId.C!].filter((x) => x.donor === "D2").reduce((s, x) => s + x.amount, 0);
    expect(d1).toBeLessThanOrEqual(5 + 1e-9);
    expect(d2).toBeLessThanOrEqual(5 + 1e-9);
    expect(d1 + d2).toBeCloseTo(8, 6);
  });

  it("answers infeasible, never an empty 'optimal', when a locked-in request cannot be paid", async () => {
    const result = await solve(problem(1, [req("A", { v: 10, cost: 5, lock: "in" })]), { explain: false });
    expect(result.status).toBe("infeasible");
    expect(result.funded).toEqual([]);
    expect(result.value).toBeNull();
  });
});
