// What the ISU would have funded without the optimiser, on the same money and rules: first come, first
// served (the practice until 2023) and a plain ranking by score. Both take requests one by one and fund
// each at the most valuable support level that the money (budget and donors' earmarks) and the policy
// rules with a baseline check (the maxima: seats, per-State cap, regional maximums) still allow; they
// know nothing of locks or minimums, so the rules they break are listed.
import { round2, type BaselineResult } from "../domain/index.js";
import { canPay, checkRules, valueOf, type Violation } from "../allocation/index.js";
import { plus, tally } from "../policy/index.js";
import { cmp, type Prepared } from "../problem/index.js";

export function baselines(prep: Prepared): BaselineResult[] {
  const reqs = prep.requests;
  const fcfsOrder = [...reqs].sort((a, b) => cmp(a.req.submittedAt, b.req.submittedAt) || cmp(a.req.id, b.req.id));
  const greedyOrder = [...reqs].sort(
    (a, b) => b.levels[0]!.units - a.levels[0]!.units || maxCost(a) - maxCost(b) || cmp(a.req.id, b.req.id),
  );
  return [
    run(
      prep,
      "fcfs",
      "First come, first served: requests in order of submission, each funded if the money and seats allow.",
      fcfsOrder.map((r) => r.index),
    ),
    run(
      prep,
      "greedy",
      "Greedy by score: requests from the highest score down, each funded if the money and seats allow.",
      greedyOrder.map((r) => r.index),
    ),
  ];
}

function maxCost(r: Prepared["requests"][number]): number {
  return Math.max(...r.levels.map((l) => l.cost));
}

function run(prep: Prepared, name: BaselineResult["name"], description: string, order: number[]): BaselineResult {
  const chosen = new Map<number, number>();
  let spent = 0;
  // The rules with a baseline check (the maxima); the others are listed as broken afterwards.
  const caps = prep.rules.filter((inst) => inst.rule.admits);
  let t = tally([]);
  for (const i of order) {
    const r = prep.requests[i]!;
    if (!caps.every((inst) => inst.rule.admits!(t, r, inst.bound, inst.scope))) continue;
    // Most valuable level first, then the cheaper.
    const levels = r.levels.map((l, li) => ({ l, li })).sort((a, b) => b.l.units - a.l.units || a.l.cost - b.l.cost);
    for (const { l, li } of levels) {
      if (spent + l.cost > prep.problem.budget + 1e-9) continue;
      chosen.set(i, li);
      if (!canPay(prep, chosen)) {
        chosen.delete(i);
        continue;
      }
      spent += l.cost;
      t = plus(t, r);
      break;
    }
  }
  const funded = [...chosen].map(([i, li]) => {
    const r = prep.requests[i]!;
    const l = r.levels[li]!;
    return { id: r.req.id, level: l.level, cost: l.cost, value: l.units / 100 };
  });
  return {
    name,
    description,
    value: valueOf(prep, chosen) / 100,
    count: chosen.size,
    totalCost: round2(spent),
    funded,
    ...brokenOf(checkRules(prep, chosen)),
  };
}

/** The sentences, and the rules by id (each once), that a baseline breaks. */
function brokenOf(vs: Violation[]): Pick<BaselineResult, "broken" | "brokenRules"> {
  return { broken: vs.map((v) => v.text), brokenRules: [...new Set(vs.map((v) => v.rule))] };
}
