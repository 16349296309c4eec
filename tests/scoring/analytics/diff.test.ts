// Scenario diff: a hand-made pair of results, symmetry, and diff(a, a) empty over generated results.
import { describe, expect, it } from "vitest";
import { generateProblem } from "../../../bench/generate.js";
import { diff, type DiffableResult } from "../../../scoring/analytics/diff.js";
import { InvalidInputError } from "../../../scoring/domain/issues.js";
import { solve } from "../../helpers/glpk.js";

type F = DiffableResult["funded"][number];
const f = (id: string, o: Partial<F> = {}): F => ({
  id,
  state: "LAO",
  region: "APG",
  status: "party",
  gender: "M",
  level: "full",
  cost: 100,
  value: 50,
  funding: [{ donor: "AUS", amount: 100 }],
  ...o,
});

describe("diff", () => {
  const a: DiffableResult = {
    value: 150,
    funded: [
      f("A", { gender: "F" }),
      f("B", { state: "SEN", region: "AFR", funding: [{ donor: "NOR", amount: 100 }] }),
      f("C", { level: "ticket", cost: 60, value: 30, funding: [{ donor: "AUS", amount: 60 }] }),
    ],
  };
  const b: DiffableResult = {
    value: 160,
    funded: [
      f("A", { gender: "F" }),
      f("C", { cost: 100, value: 50 }),
      f("D", {
        state: "CUB",
        region: "GRULAC",
        status: "signatory",
        gender: "F",
        cost: 80,
        value: 60,
        funding: [{ donor: "NOR", amount: 80 }],
      }),
    ],
  };

  it("says who enters, who leaves, who changes level, and every figure's change", () => {
    const d = diff(a, b);
    expect(d.same).toBe(false);
    expect(d.entered).toEqual([{ id: "D", state: "CUB", region: "GRULAC", level: "full", cost: 80, value: 60 }]);
    expect(d.left.map((x) => x.id)).toEqual(["B"]);
    expect(d.levelChanged).toEqual([{ id: "C", from: "ticket", to: "full", costChange: 40, valueChange: 20 }]);
    expect(d.value).toEqual({ a: 150, b: 160, change: 10 });
    expect(d.totalCost).toEqual({ a: 260, b: 280, change: 20 });
    expect(d.delegates).toEqual({ a: 3, b: 3, change: 0 });
    expect(d.women).toEqual({ a: 1, b: 2, change: 1 });
    // The change is that of the shares as shown (to four places).
    expect(d.womenShare).toEqual({ a: 0.3333, b: 0.6667, change: 0.3334 });
    expect(d.outreach).toEqual({ a: 0, b: 1, change: 1 });
    expect(d.regions.AFR).toEqual({ a: 1, b: 0, change: -1 });
    expect(d.regions.GRULAC).toEqual({ a: 0, b: 1, change: 1 });
    expect(d.donors).toEqual({ AUS: { a: 160, b: 200, change: 40 }, NOR: { a: 100, b: 80, change: -20 } });
  });

  it("is symmetric: b against a enters what a against b leaves, every change negated", () => {
    const ab = diff(a, b);
    const ba = diff(b, a);
    expect(ba.entered.map((x) => x.id)).toEqual(ab.left.map((x) => x.id));
    expect(ba.left.map((x) => x.id)).toEqual(ab.entered.map((x) => x.id));
    expect(ba.value.change).toBe(-ab.value.change);
    expect(ba.donors.NOR!.change).toBe(-ab.donors.NOR!.change);
  });

  it.each([1, 2, 3])("is empty for a result against itself (generated problem %i)", async (seed) => {
    const r = await solve(generateProblem({ n: 50, seed }), { explain: false });
    const d = diff(r, r);
    expect(d.same).toBe(true);
    expect([d.entered, d.left, d.levelChanged]).toEqual([[], [], []]);
    for (const c of [
      d.value,
      d.totalCost,
      d.delegates,
      d.women,
      d.womenShare,
      d.outreach,
      d.states,
      ...Object.values(d.regions),
      ...Object.values(d.donors),
    ])
      expect(c.change).toBe(0);
  });

  it("notices a change of donor alone", () => {
    const moved: DiffableResult = {
      ...a,
      funded: a.funded.map((x) => (x.id === "A" ? { ...x, funding: [{ donor: "NOR", amount: 100 }] } : x)),
    };
    const d = diff(a, moved);
    expect(d.same).toBe(false);
    expect(d.entered).toEqual([]);
    expect(d.donors.NOR!.change).toBe(100);
  });

  it("rejects a result without its funded list, naming which", () => {
    expect(() => diff(a, { value: 1 } as unknown as DiffableResult)).toThrow(InvalidInputError);
    try {
      diff(a, { value: 1 } as unknown as DiffableResult);
    } catch (e) {
      expect((e as InvalidInputError).problems[0]!.path).toBe("b.funded");
    }
  });
});
