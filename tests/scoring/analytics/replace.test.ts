// Replacement and release: hand-solved replacements, an impossible one with its diagnosis, bad input,
// and over generated problems: the replacement keeps every rule, everyone else at their level, and the
// released out.
import { describe, expect, it } from "vitest";
import { generateProblem } from "../../../bench/generate.js";
import { checkRules } from "../../../scoring/allocation/evaluate.js";
import { InvalidInputError } from "../../../scoring/domain/issues.js";
import { prepare, ProblemSchema, type ProblemInput } from "../../../scoring/problem/index.js";
import { release, replace } from "../../../scoring/analytics/replace.js";
import { selectionOf } from "../../../scoring/allocation/solve-problem.js";
import { loadGlpk } from "../../../server/workers/glpk.js";
import { solve } from "../../helpers/glpk.js";
import { problem, req } from "../../helpers/problems.js";

const glpk = await loadGlpk();

// Two seats, half of them women. W1 60, M1 50, M2 45, W2 40 (all CHF 10, all from different States).
const seats: ProblemInput = problem(
  100,
  [
    req("W1", { v: 60, cost: 10, gender: "F", state: "LAO" }),
    req("M1", { v: 50, cost: 10, gender: "M", state: "SEN", region: "AFR" }),
    req("M2", { v: 45, cost: 10, gender: "M", state: "PER", region: "GRULAC" }),
    req("W2", { v: 40, cost: 10, gender: "F", state: "KEN", region: "AFR" }),
  ],
  { policy: { maxDelegates: 2, minWomenShare: 0.5 } },
);

describe("replace", () => {
  it("proposes the best replacement that keeps the rules: a woman for a woman", async () => {
    const before = await solve(seats, { explain: false });
    expect(before.funded.map((f) => f.id)).toEqual(["M1", "W1"]);
    const r = await replace(ProblemSchema.parse(seats), before, ["W1"], glpk);
    // M2 (45) is worth more than W2 (40) but would leave no woman: W2 replaces W1, M1 is kept.
    expect(r.status).toBe("optimal");
    expect(r.replacements.map((f) => f.id)).toEqual(["W2"]);
    expect(r.funded.map((f) => f.id)).toEqual(["M1", "W2"]);
    expect(r).toMatchObject({ cause: "declined", freed: 10, kept: 1, value: 90, valueChange: -20 });
    expect(r.released).toEqual([{ id: "W1", level: "full", cost: 10, reason: "declined or cannot travel" }]);
    expect(r.after).toMatchObject({ delegates: 2, women: 1, womenShare: 0.5 });
    expect(r.text).toMatch(
      /^W1 \(Lao People.s Democratic Republic\) released \(declined\), CHF 10 freed; W2 \(Kenya: woman, African Group, full support, CHF 10\) proposed in their place/,
    );
  });

  it("keeps every other delegate even when dropping one would pay more", async () => {
    // Budget 25: A (60, 15) and B (30, 10) beat D (85, 25). B declines: a fresh solve would now fund D
    // alone (85 > A + C = 80), but A keeps the offer, so C (20, 10) takes B's money.
    const input = problem(25, [
      req("A", { v: 60, cost: 15 }),
      req("B", { v: 30, cost: 10, state: "SEN" }),
      req("C", { v: 20, cost: 10, state: "PER" }),
      req("D", { v: 85, cost: 25, state: "KEN" }),
    ]);
    const before = await solve(input, { explain: false });
    expect(before.funded.map((f) => f.id)).toEqual(["A", "B"]);
    const fresh = await solve(
      { ...input, requests: input.requests.map((q) => (q.id === "B" ? { ...q, lock: "out" as const } : q)) },
      { explain: false },
    );
    expect(fresh.funded.map((f) => f.id)).toEqual(["D"]);
    const r = await replace(ProblemSchema.parse(input), before, ["B"], glpk);
    expect(r.funded.map((f) => f.id)).toEqual(["A", "C"]);
  });

  it("keeps the kept at their level: a ticket-only offer stays a ticket", async () => {
    const input = problem(30, [
      req("A", {
        v: 60,
        levels: [
          { level: "full", cost: 20, valueShare: 1 },
          { level: "ticket", cost: 12, valueShare: 0.6 },
        ],
      }),
      req("B", { v: 50, cost: 15, state: "SEN" }),
      req("C", { v: 20, cost: 5, state: "PER" }),
    ]);
    const before = await solve(input, { explain: false });
    expect(before.funded.map((f) => `${f.id}:${f.level}`)).toEqual(["A:ticket", "B:full"]);
    // Without B, A at full (20) + C (5) would fit, but A's offer is the ticket: it stays so.
    const r = await replace(ProblemSchema.parse(input), before, ["B"], glpk);
    expect(r.funded.map((f) => `${f.id}:${f.level}`)).toEqual(["A:ticket", "C:full"]);
  });

  it("says when no replacement can keep the rules, with the diagnosis", async () => {
    const noWoman = { ...seats, requests: seats.requests.filter((r) => r.id !== "W2") };
    const before = await solve(noWoman, { explain: false });
    const r = await replace(ProblemSchema.parse(noWoman), before, ["W1"], glpk);
    expect(r.status).toBe("infeasible");
    expect(r.funded).toEqual([]);
    expect(r.value).toBeNull();
    expect(r.diagnosis?.rules.map((x) => x.rule)).toContain("minWomenShare");
    expect(r.text).toMatch(
      /^No replacement keeps every rule with the 1 other funded delegate kept\. These rules cannot hold together: at least 50 % women cannot be met/,
    );
  });

  it("rejects ids that are not funded, named twice, or a result that does not fit the problem", async () => {
    const before = await solve(seats, { explain: false });
    const p = ProblemSchema.parse(seats);
    const err = (await replace(p, before, ["M2", "W1", "W1"], glpk).catch((e: unknown) => e)) as InvalidInputError;
    expect(err).toBeInstanceOf(InvalidInputError);
    expect(err.problems).toEqual([
      { path: "declined[0]", message: '"M2" is not funded in the result' },
      { path: "declined[2]", message: '"W1" is named twice' },
    ]);
    const empty = (await replace(p, before, [], glpk).catch((e: unknown) => e)) as InvalidInputError;
    expect(empty.problems[0]!.path).toBe("declined");
    const foreign = (await replace(p, { funded: [{ id: "ZZ", level: "full" }] }, ["ZZ"], glpk).catch(
      (e: unknown) => e,
    )) as InvalidInputError;
    expect(foreign.problems).toEqual([{ path: "result.funded[0].id", message: '"ZZ" is not a request of the problem' }]);
  });

  it.each([1, 2, 3, 4, 5, 6])("generated problem %i: the replacement keeps every rule and everyone else", async (seed) => {
    const input = generateProblem({ n: 60, seed });
    const p = ProblemSchema.parse(input);
    const before = await solve(input, { explain: false });
    if (before.status !== "optimal") return;
    // Release the two funded requests with the highest value, unless locked in (a lock is the ISU's own word).
    const declined = before.funded
      .filter((f) => input.requests.find((r) => r.id === f.id)!.lock !== "in")
      .sort((a, b) => b.value - a.value)
      .slice(0, 2)
      .map((f) => f.id);
    const r = await replace(p, before, declined, glpk);
    if (r.status !== "optimal") {
      expect(r.status).toBe("infeasible");
      expect(r.diagnosis).not.toBeNull();
      return;
    }
    const prep = prepare(p);
    const after = selectionOf(prep, r.funded)!;
    expect(checkRules(prep, after)).toEqual([]);
    for (const f of before.funded) {
      if (declined.includes(f.id)) expect(r.funded.some((g) => g.id === f.id)).toBe(false);
      else expect(r.funded.find((g) => g.id === f.id)?.level).toBe(f.level);
    }
    expect(r.freed).toBe(Math.round(before.funded.filter((f) => declined.includes(f.id)).reduce((s, f) => s + f.cost, 0) * 100) / 100);
    expect(r.after!.totalCost).toBeLessThanOrEqual(p.budget);
  });
});

describe("release", () => {
  it("releases expired offers with their deadline as the reason", async () => {
    const before = await solve(seats, { explain: false });
    const r = await release(ProblemSchema.parse(seats), before, [{ id: "M1", deadline: "2025-08-15" }], glpk);
    expect(r.cause).toBe("expired");
    expect(r.released[0]!.reason).toBe("offer not accepted by its deadline (2025-08-15)");
    // M1's seat goes to M2 (45): a man for a man keeps the share of women.
    expect(r.replacements.map((f) => f.id)).toEqual(["M2"]);
  });

  it("rejects an offer without a valid deadline, by its path", async () => {
    const before = await solve(seats, { explain: false });
    const err = (await release(ProblemSchema.parse(seats), before, [{ id: "M1", deadline: "soon" }], glpk).catch(
      (e: unknown) => e,
    )) as InvalidInputError;
    expect(err.problems[0]!.path).toBe("expiredOffers[0].deadline");
  });
});
