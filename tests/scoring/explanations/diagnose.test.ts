// Infeasible policies: the elastic model names the rules that cannot hold and the least relaxation of each.
import { describe, expect, it } from "vitest";
import { solve } from "../../helpers/glpk.js";
import { problem, req } from "../../helpers/problems.js";

describe("diagnosis of infeasible rules", () => {
  it("says how far the women share can go with the locks", async () => {
    // A (man) locked in; three women: the most is 3 of 4 = 0.75.
    const result = await solve(
      problem(
        100,
        [
          req("A", { v: 50, lock: "in" }),
          req("B", { v: 40, gender: "F", state: "SEN" }),
          req("C", { v: 30, gender: "F", state: "PER" }),
          req("D", { v: 20, gender: "F", state: "KEN" }),
        ],
        {
          policy: { minWomenShare: 0.9 },
        },
      ),
    );
    expect(result.status).toBe("infeasible");
    expect(result.diagnosis?.rules).toHaveLength(1);
    const r = result.diagnosis!.rules[0]!;
    expect(r.rule).toBe("minWomenShare");
    expect(r.reachable).toBe(0.75);
    expect(r.text).toBe("at least 90 % women cannot be met with these locks: 75 % at most");
  });

  it("names the money, not the minimums, when there is no money at all (the server's budget when nothing is left)", async () => {
    const result = await solve(
      problem(
        0,
        [
          req("A", { v: 50, region: "AFR", state: "SEN", cost: 1000 }),
          req("B", { v: 40, region: "APG", state: "LAO", cost: 1200 }),
          req("C", { v: 30, region: "EEG", state: "MDA", cost: 900 }),
        ],
        { policy: { regionMin: { AFR: 1, APG: 1, EEG: 1 } } },
      ),
    );
    expect(result.status).toBe("infeasible");
    expect(result.diagnosis!.rules.map((r) => [r.rule, r.stated, r.reachable])).toEqual([["budget", 0, 3100]]);
    expect(result.diagnosis!.rules[0]!.text).toBe(
      "the budget of CHF 0 does not cover what the locks and rules require: CHF 3'100 is the least that does",
    );
  });

  it("names a regional minimum that has too few candidates", async () => {
    const result = await solve(
      problem(
        100,
        [req("A", { v: 50, region: "AFR", state: "SEN" }), req("B", { v: 40, region: "AFR", state: "KEN" }), req("C", { v: 30 })],
        { policy: { regionMin: { AFR: 3 } } },
      ),
    );
    expect(result.status).toBe("infeasible");
    expect(result.diagnosis!.rules.map((r) => [r.rule, r.reachable])).toEqual([["regionMin.AFR", 2]]);
  });

  it("prefers relaxing a policy rule to breaking a lock, and says how many seats the locks need", async () => {
    const result = await solve(
      problem(
        100,
        [req("A", { v: 50, lock: "in" }), req("B", { v: 40, lock: "in", state: "SEN" }), req("C", { v: 30, lock: "in", state: "PER" })],
        { policy: { maxDelegates: 1 } },
      ),
    );
    expect(result.diagnosis!.rules.map((r) => [r.rule, r.stated, r.reachable])).toEqual([["maxDelegates", 1, 3]]);
  });

  it("says how much money the locked-in requests need", async () => {
    const result = await solve(
      problem(10, [req("A", { v: 50, cost: 8, lock: "in" }), req("B", { v: 40, cost: 8, lock: "in", state: "SEN" })]),
    );
    const rule = result.diagnosis!.rules.find((r) => r.rule === "budget");
    expect(rule?.reachable).toBe(16);
  });

  it("names an outreach minimum beyond the signatories and States not party who applied", async () => {
    const result = await solve(
      problem(100, [req("A", { v: 50, status: "signatory", state: "KEN", region: "AFR" }), req("B", { v: 40 })], {
        policy: { minOutreach: 2 },
      }),
    );
    expect(result.diagnosis!.rules.map((r) => [r.rule, r.reachable])).toEqual([["minOutreach", 1]]);
  });

  it("names a mix by CCM status that the requests cannot give, with the most each status can reach", async () => {
    // 2024's mix (16 / 2 / 2) asked of a round with one signatory and three States not party, three seats.
    const result = await solve(
      problem(
        100,
        [
          req("S", { v: 50, status: "signatory", state: "KEN", region: "AFR" }),
          req("N1", { v: 40, status: "nonparty", state: "VNM" }),
          req("N2", { v: 30, status: "nonparty", state: "PER", region: "GRULAC" }),
          req("N3", { v: 20, status: "nonparty", state: "COL", region: "GRULAC" }),
          req("P", { v: 10 }),
        ],
        { policy: { maxDelegates: 4, statusMin: { party: 1, signatory: 2 }, statusMax: { nonparty: 2 } } },
      ),
    );
    expect(result.status).toBe("infeasible");
    expect(result.diagnosis!.rules.map((r) => [r.rule, r.reachable])).toEqual([["statusMin.signatory", 1]]);
    expect(result.diagnosis!.rules[0]!.text).toBe("at least 2 from signatories cannot be met: 1 at most");
  });

  it("names two rules that each fail, with the least relaxation of each", async () => {
    // Two requests, both from States Parties in Asia-Pacific: neither rule can be met at all.
    const result = await solve(
      problem(100, [req("A", { v: 50 }), req("B", { v: 40, state: "IRQ" })], { policy: { regionMin: { AFR: 1 }, minOutreach: 1 } }),
    );
    const rules = Object.fromEntries(result.diagnosis!.rules.map((r) => [r.rule, r.reachable]));
    expect(rules).toEqual({ "regionMin.AFR": 0, minOutreach: 0 });
  });

  it("blames a donor's earmark when only that donor may pay a locked-in request", async () => {
    const result = await solve(
      problem(100, [req("A", { v: 50, cost: 8, lock: "in", region: "AFR", state: "SEN" })], {
        donors: [
          { id: "AFRO", amount: 5, regions: ["AFR"] },
          { id: "ASIA", amount: 50, regions: ["APG"] },
        ],
      }),
    );
    expect(result.status).toBe("infeasible");
    const rule = result.diagnosis!.rules.find((r) => r.rule === "donor.AFRO");
    expect(rule?.reachable).toBe(8);
  });
});
