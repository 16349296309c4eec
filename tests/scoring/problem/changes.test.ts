// What changed since a run, in words: nothing for the same round; the money, the weights, the rules, the
// contributions and each request that entered, left, or whose points, costs or eligibility moved, named
// with its State.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { stateName } from "../../../scoring/domain/index.js";
import { changesSince, CHANGES_LISTED, ProblemSchema, type Problem } from "../../../scoring/problem/index.js";

const demo: Problem = ProblemSchema.parse(JSON.parse(readFileSync("data/demo/problem.json", "utf8")));
const totals = (p: Problem) => new Map(p.requests.map((r, k) => [r.id, 40 + k / 10]));
const asScored = (p: Problem, t = totals(p)) => ({ problem: p, totals: t });
const copy = (): Problem => structuredClone(demo);
const name = (iso3: string) => stateName(iso3);

describe("changes since a run", () => {
  it("are none when the round is as the run read it", () => {
    expect(changesSince(asScored(demo), asScored(copy()), name)).toEqual([]);
  });

  it("name the money, the weights, the rules and the contributions in words", () => {
    const now = copy();
    now.budget = 75_000;
    now.weights = { ...now.weights, technical: now.weights.technical + 5 };
    now.policy = { ...now.policy, maxDelegates: 15 };
    now.donors = (now.donors ?? []).slice(1);
    const said = changesSince(asScored(demo), asScored(now), name);
    expect(said[0]).toBe(`The money available: CHF 79'802 then, CHF 75'000 now.`);
    expect(said[1]).toBe(`The weights: technical value ${demo.weights.technical} then, ${demo.weights.technical + 5} now.`);
    expect(said[2]).toMatch(/^The rules: .*delegates.* changed\.$/);
    expect(said[2]).not.toMatch(/maxDelegates/);
    expect(said[3]).toBe("The donors' contributions or their earmarks changed.");
  });

  it("name each request that moved, with its State: points, costs, eligibility, entered or left", () => {
    const now = copy();
    const [a, b, c, d] = now.requests as [Problem["requests"][number], ...Problem["requests"]];
    const t = totals(now);
    t.set(a.id, 34.58);
    b!.levels = [{ level: "full", cost: 9999, valueShare: 1 }];
    c!.lock = "out";
    c!.ineligible = "no condition holds";
    now.requests = now.requests.filter((r) => r.id !== d!.id);
    now.requests.push({ ...d!, id: "13MSP-099" });
    const said = changesSince(asScored(demo), asScored(now, t), name);
    expect(said).toContain(`13MSP-099 (${stateName(d!.state)}) has entered the running since the run.`);
    expect(said).toContain(`${d!.id} (${stateName(d!.state)}) is no longer in the running (withdrawn or decided since the run).`);
    expect(said).toContain(`${a.id} (Lao People's Democratic Republic): 40.00 points then, 34.58 now.`);
    expect(said.find((x) => x.startsWith(`${b!.id} (`))).toMatch(
      /: its costs were full support CHF [\d']+(, [^;]+)?; they are full support CHF 9'999\.$/,
    );
    expect(said).toContain(`${c!.id} (${stateName(c!.state)}): no longer eligible.`);
    for (const s of said) expect(s).not.toMatch(/\b[A-Z]{3}\)|undefined|NaN/);
  });

  it(`list at most ${CHANGES_LISTED} changes one by one and count the rest`, () => {
    const t = new Map([...totals(demo)].map(([id, x]) => [id, x + 1]));
    const said = changesSince(asScored(demo), asScored(copy(), t), name);
    expect(said).toHaveLength(CHANGES_LISTED + 1);
    expect(said.at(-1)).toBe(`and ${demo.requests.length - CHANGES_LISTED} more changes.`);
  });
});
