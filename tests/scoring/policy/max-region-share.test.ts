// The rule "at most a given share of delegates from one regional group": hand-solved cases, the checker,
// the diagnosis, the sensitivity analysis, the words, and the optimum against HiGHS on its own row,
// written here from the rule's definition (not from the rule's module).
import { describe, expect, it } from "vitest";
import { generateProblem } from "../../../bench/generate.js";
import { highsLp, loadHighs } from "../../../bench/highs-model.js";
import { loadGlpk } from "../../../server/workers/glpk.js";
import { checkRules } from "../../../scoring/allocation/index.js";
import { sensitivities } from "../../../scoring/analytics/index.js";
import { policyInWords } from "../../../scoring/policy/index.js";
import { prepare, ProblemSchema, type ProblemInput } from "../../../scoring/problem/index.js";
import { solve } from "../../helpers/glpk.js";
import { problem, req } from "../../helpers/problems.js";

// Three strong African requests and two weaker ones from elsewhere.
const requests = [
  req("A1", { v: 90, region: "AFR", state: "SEN" }),
  req("A2", { v: 85, region: "AFR", state: "KEN" }),
  req("A3", { v: 80, region: "AFR", state: "UGA" }),
  req("P1", { v: 40, region: "APG", state: "LAO" }),
  req("G1", { v: 30, region: "GRULAC", state: "PER" }),
];

describe("at most a share of delegates from one regional group", () => {
  it("funds the best mix that keeps every group within the share", async () => {
    // Without the rule the three African requests and P1 take the four seats.
    const free = await solve(problem(100, requests, { policy: { maxDelegates: 4 } }), { explain: false });
    expect(free.funded.map((f) => f.id)).toEqual(["A1", "A2", "A3", "P1"]);
    // At most half from one group: two African requests, then P1 and G1.
    const half = await solve(problem(100, requests, { policy: { maxDelegates: 4, maxRegionShare: 0.5 } }), { explain: false });
    expect(half.status).toBe("optimal");
    expect(half.funded.map((f) => f.id)).toEqual(["A1", "A2", "G1", "P1"]);
  });

  it("is broken, in the checker's words, by a selection with too many from one group", () => {
    const prep = prepare(ProblemSchema.parse(problem(100, requests, { policy: { maxRegionShare: 0.5 } })));
    expect(
      checkRules(
        prep,
        new Map([
          [0, 0],
          [1, 0],
          [3, 0],
        ]),
      ),
    ).toEqual([{ rule: "maxRegionShare", text: "2 of 3 delegates from the African Group, more than 50 %" }]);
    expect(
      checkRules(
        prep,
        new Map([
          [0, 0],
          [3, 0],
        ]),
      ),
    ).toEqual([]);
  });

  it("is diagnosed exactly when other rules force a larger share", async () => {
    // Three Africans are required among at most four seats: 3/4 is the least share that works.
    const result = await solve(problem(100, requests, { policy: { maxDelegates: 4, regionMin: { AFR: 3 }, maxRegionShare: 0.5 } }));
    expect(result.status).toBe("infeasible");
    const rule = result.diagnosis!.rules.find((r) => r.rule === "maxRegionShare")!;
    expect([rule.stated, rule.reachable]).toEqual([0.5, 0.75]);
    expect(rule.text).toMatch(/^at most 50 % from one regional group is too low.*: 75 % would be needed$/);
  });

  it("has a price in the sensitivity analysis, and words in every language", async () => {
    const input = ProblemSchema.parse(problem(100, requests, { policy: { maxDelegates: 4, maxRegionShare: 0.5 } }));
    const glpk = await loadGlpk();
    // One step (5 points) lets no third African in (3 of 4 is 75 %): the rule costs nothing at that step.
    const oneStep = (await sensitivities(input, glpk, { locks: false, earmarks: false })).rules.find((r) => r.rule === "maxRegionShare")!;
    expect([oneStep.relaxedTo, oneStep.tight, oneStep.cost]).toEqual([0.55, true, 0]);
    // A step of 25 points does: A3 enters, G1 leaves.
    const wide = (await sensitivities(input, glpk, { locks: false, earmarks: false, steps: { maxRegionShare: 0.25 } })).rules.find(
      (r) => r.rule === "maxRegionShare",
    )!;
    expect([wide.relaxedTo, wide.entered.map((p) => p.id), wide.left.map((p) => p.id)]).toEqual([0.75, ["A3"], ["G1"]]);
    expect(wide.cost).toBeGreaterThan(0);
    expect(policyInWords(input.policy, "en")).toContain("At most 50 % of the sponsored delegates come from any one regional group.");
    expect(policyInWords(input.policy, "fr")).toContain("Au plus 50 % des délégués parrainés viennent d'un même groupe régional.");
    expect(policyInWords(input.policy, "es")).toContain(
      "Como máximo el 50 % de los delegados patrocinados proceden de un mismo grupo regional.",
    );
  });

  it("reaches HiGHS's optimum with the rule written as its own rows (40 generated problems)", async () => {
    const highs = await loadHighs();
    let solved = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const base = generateProblem({ n: 10 + ((seed * 13) % 50), seed: 7000 + seed, donors: seed % 3 === 0 });
      const share = [0.3, 0.4, 0.5, 0.6][seed % 4]!;
      const input: ProblemInput = { ...base, policy: { ...base.policy, maxRegionShare: share } };
      const p = ProblemSchema.parse(input);
      // Σ_{i,l} ([region of i = g] − share) x_i_l ≤ 0 for every group g with a request.
      const rows = [...new Set(p.requests.map((r) => r.region))].map((g) => {
        const terms = p.requests.flatMap((r, i) =>
          r.levels.map(
            (_, l) =>
              `${(r.region === g ? 1 - share : -share) >= 0 ? "+" : "-"} ${Math.abs(r.region === g ? 1 - share : -share)} x_${i}_${l}`,
          ),
        );
        return ` share_${g}: ${terms.join(" ")} <= 0`;
      });
      const lp = highsLp(input).replace("\nBounds\n", `\n${rows.join("\n")}\nBounds\n`);
      const h = highs.solve(lp, { mip_rel_gap: 0, time_limit: 600, output_flag: false } as never);
      const g = await solve(input, { explain: false, baselines: false });
      if (h.Status === "Infeasible") {
        expect(g.status, `seed ${seed}`).toBe("infeasible");
        continue;
      }
      expect(h.Status, `seed ${seed}`).toBe("Optimal");
      expect(g.status, `seed ${seed}`).toBe("optimal");
      expect(Math.round(g.value! * 100), `seed ${seed}`).toBe(Math.round(h.ObjectiveValue));
      solved++;
    }
    expect(solved).toBeGreaterThan(20);
  });
});
