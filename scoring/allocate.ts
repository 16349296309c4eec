// allocate(problem): the exact allocation with glpk.js, its explanations, the diagnosis when the rules
// cannot hold, and the baselines. The glpk instance is injected (see solver.ts).
import { baselines as computeBaselines } from "./baselines.js";
import { diagnose, chf } from "./diagnose.js";
import { valueOf } from "./evaluate.js";
import { payable, splitFunding, round2 } from "./funding.js";
import { computeFixings, objectiveOf } from "./fixing.js";
import { incumbentWith, incumbentWithout, type Selection } from "./heuristics.js";
import { buildModel, type BuiltModel } from "./model.js";
import { prepare, cmp, type Prepared } from "./prepare.js";
import type { AllocationResult, FundedRequest, NotFundedRequest, Problem } from "./schemas.js";
import { now, solveLp, type Glpk } from "./solver.js";

export interface AllocateOptions {
  glpk: Glpk;
  /** Seconds for the main solve (default 60); the explanations get as long again, in all. */
  timeLimit?: number;
  /** Counterfactual explanations for every request (default true). */
  explain?: boolean;
  /** FCFS and greedy baselines (default true). */
  baselines?: boolean;
}

export interface Solution {
  /** request index → level index */
  chosen: Map<number, number>;
  flows: Map<string, number>;
  /** Objective value in units, without the tie-break. */
  units: number;
}

export function readSolution(prep: Prepared, model: BuiltModel, vars: Record<string, number>): Solution {
  const chosen = new Map<number, number>();
  model.xNames.forEach((names, i) => {
    names?.forEach((name, l) => {
      if ((vars[name] ?? 0) > 0.5) chosen.set(i, l);
    });
  });
  let flows = new Map<string, number>();
  for (const f of model.flowNames) {
    const v = vars[f.name] ?? 0;
    if (v > 1e-9) flows.set(`${f.donor}_${f.cls}`, v);
  }
  if (prep.hasDonors && model.flowNames.length === 0 && chosen.size > 0) {
    // Earmarks written as Hall rows: the payment plan is a max-flow over the selection.
    const paid = payable(prep, chosen);
    if (!paid) throw new Error("internal: the solver's selection cannot be paid by the donors");
    flows = paid;
  }
  return { chosen, flows, units: valueOf(prep, chosen) };
}

/** Solves the problem (optionally with requests forced in or out); null when infeasible or unsolved. */
export async function solveVariant(
  prep: Prepared,
  glpk: Glpk,
  force: Map<number, "in" | "out">,
  timeLimit?: number,
): Promise<{ status: "optimal" | "feasible"; solution: Solution } | { status: "infeasible" | "none" }> {
  const model = buildModel(prep, glpk, { force });
  const out = await solveLp(glpk, model.lp, timeLimit);
  if (out.kind === "optimal" || out.kind === "feasible") return { status: out.kind, solution: readSolution(prep, model, out.vars) };
  return { status: out.kind === "infeasible" ? "infeasible" : "none" };
}

/**
 * The same answer as solveVariant, faster when an incumbent is known: the LP relaxation's reduced costs
 * fix most columns (fixing.ts) and branch and bound runs on the rest. Falls back to the full model when
 * the LP gives nothing to work with.
 */
export async function solveWithIncumbent(
  prep: Prepared,
  glpk: Glpk,
  force: Map<number, "in" | "out">,
  incumbent: Selection | null,
  timeLimit?: number,
): Promise<Awaited<ReturnType<typeof solveVariant>>> {
  if (incumbent) {
    const fx = await computeFixings(prep, glpk, { force }, objectiveOf(prep, incumbent));
    if (fx.kind === "lp-infeasible") return { status: "infeasible" };
    if (fx.kind === "fixed") {
      const model = buildModel(prep, glpk, { force, fixed: fx.fixed });
      const out = await solveLp(glpk, model.lp, timeLimit);
      if (out.kind === "optimal" || out.kind === "feasible") return { status: out.kind, solution: readSolution(prep, model, out.vars) };
    }
  }
  return solveVariant(prep, glpk, force, timeLimit);
}

export async function allocate(problem: Problem, opts: AllocateOptions): Promise<AllocationResult> {
  const { glpk } = opts;
  const timeLimit = opts.timeLimit ?? 60;
  const prep = prepare(problem);
  const model = buildModel(prep, glpk);
  const out = await solveLp(glpk, model.lp, timeLimit);
  const solver = { name: "glpk.js", version: `glpk ${glpk.version}`, ms: Math.round(out.ms), gap: null as number | null };
  const baselines = opts.baselines === false ? [] : computeBaselines(prep);

  if (out.kind === "infeasible" || out.kind === "unbounded") {
    const diagnosis = await diagnose(prep, glpk);
    return { status: "infeasible", value: null, totalCost: 0, funded: [], notFunded: [], diagnosis, baselines, solver };
  }
  if (out.kind !== "optimal" && out.kind !== "feasible") {
    return { status: "time-limit", value: null, totalCost: 0, funded: [], notFunded: [], diagnosis: null, baselines, solver };
  }

  const solution = readSolution(prep, model, out.vars);
  if (out.kind === "optimal") solver.gap = 0;
  else solver.gap = await relativeGap(prep, glpk, solution.units);

  const funding = splitFunding(prep, solution.chosen, solution.flows);
  const funded: FundedRequest[] = [...solution.chosen]
    .sort(([a], [b]) => cmp(prep.requests[a]!.req.id, prep.requests[b]!.req.id))
    .map(([i, li]) => {
      const lv = prep.requests[i]!.levels[li]!;
      return { id: prep.requests[i]!.req.id, level: lv.level, cost: lv.cost, value: lv.units / 100, funding: funding.get(i) ?? [] };
    });
  let notFunded: NotFundedRequest[] = prep.requests
    .filter((r) => !solution.chosen.has(r.index))
    .sort((a, b) => cmp(a.req.id, b.req.id))
    .map((r) => ({ id: r.req.id, reason: { kind: "unexplained", text: "explanations were not computed" } }));

  let explainMs: number | undefined;
  if (opts.explain !== false) {
    const t0 = now();
    const explained = await explain(prep, glpk, solution, timeLimit);
    for (const f of funded) Object.assign(f, explained.funded.get(f.id));
    notFunded = explained.notFunded;
    explainMs = Math.round(now() - t0);
  }
  const totalCost = round2(funded.reduce((s, f) => s + f.cost, 0));
  return {
    status: out.kind === "optimal" ? "optimal" : "time-limit",
    value: solution.units / 100,
    totalCost,
    funded,
    notFunded,
    diagnosis: null,
    baselines,
    solver: explainMs === undefined ? solver : { ...solver, explainMs },
  };
}

/** Gap of a time-limited incumbent against the LP relaxation's bound (glpk.js does not return its own). */
async function relativeGap(prep: Prepared, glpk: Glpk, incumbentUnits: number): Promise<number | null> {
  const relaxed = buildModel(prep, glpk, { relaxed: true });
  const out = await solveLp(glpk, relaxed.lp);
  if (out.kind !== "optimal") return null;
  const bound = out.z + 0.5; // the tie-break lowers z by less than half a unit
  return Math.max(0, (bound - incumbentUnits) / Math.max(1, Math.abs(incumbentUnits)));
}

/**
 * Counterfactuals: every request not funded is forced in (its price of inclusion, and who it displaces)
 * and every funded one is forced out (the value lost without it).
 */
export async function explain(
  prep: Prepared,
  glpk: Glpk,
  base: Solution,
  timeLimit = 60,
): Promise<{ funded: Map<string, Partial<FundedRequest>>; notFunded: NotFundedRequest[] }> {
  const funded = new Map<string, Partial<FundedRequest>>();
  const notFunded: NotFundedRequest[] = [];
  // One budget for all the explanations: when it is spent, the rest are reported as not computed.
  const deadline = now() + timeLimit * 1000;
  const left = (): number => (deadline - now()) / 1000;
  const lateText = `Not computed: the explanations' time limit (${timeLimit} s) was reached.`;
  const ordered = [...prep.requests].sort((a, b) => cmp(a.req.id, b.req.id));
  // Requests not funded first: their forced-in optima also answer most of the forced-out questions.
  let bestIn: { objective: number; solution: Solution } | null = null;
  let allInSolved = true;
  // Similar requests one after the other (region, gender, status, cost), so that each borrows the
  // reorganisation its predecessors needed as an incumbent.
  const footprint = (r: Prepared["requests"][number]): string => `${r.req.region}|${r.req.gender}|${r.req.status}|${r.donorClass}`;
  const outsideOrder = ordered
    .filter((r) => !base.chosen.has(r.index))
    .sort((a, b) => cmp(footprint(a), footprint(b)) || a.levels[0]!.cost - b.levels[0]!.cost || cmp(a.req.id, b.req.id));
  const recent: { forced: number; solution: Selection }[] = [];
  for (const r of outsideOrder) {
    const id = r.req.id;
    if (r.req.lock === "out") {
      notFunded.push({ id, reason: { kind: "locked-out", text: "Locked out by the ISU." } });
      continue;
    }
    const cheapest = Math.min(...r.levels.map((l) => l.cost));
    if (cheapest > prep.problem.budget) {
      notFunded.push({ id, reason: { kind: "excluded-by-rule", rule: "budget", text: `Costs at least CHF ${chf(cheapest)}, more than the whole budget (CHF ${chf(prep.problem.budget)}).` } });
      continue;
    }
    if (prep.hasDonors && cheapest > 0 && prep.classes[r.donorClass]!.donors.length === 0) {
      notFunded.push({ id, reason: { kind: "excluded-by-rule", rule: "earmarks", text: "No donor's earmark admits this request." } });
      continue;
    }
    if (left() <= 0) {
      allInSolved = false;
      notFunded.push({ id, reason: { kind: "unexplained", text: lateText } });
      continue;
    }
    const force = new Map([[r.index, "in" as const]]);
    const v = await solveWithIncumbent(prep, glpk, force, incumbentWith(prep, base.chosen, r.index, force, recent), left());
    if (v.status === "optimal" || v.status === "feasible") {
      if (v.status === "feasible") allInSolved = false;
      recent.unshift({ forced: r.index, solution: v.solution.chosen });
      recent.length = Math.min(recent.length, 6);
      const objective = objectiveOf(prep, v.solution.chosen);
      if (!bestIn || objective > bestIn.objective) bestIn = { objective, solution: v.solution };
      const price = Math.max(0, base.units - v.solution.units) / 100;
      const displaced = [...base.chosen.keys()].filter((i) => !v.solution.chosen.has(i)).map((i) => prep.requests[i]!.req.id).sort(cmp);
      const level = r.levels[v.solution.chosen.get(r.index)!]!.level;
      const text =
        price === 0
          ? `Could be funded (${level}) at no loss of value: an equally good allocation; the tie-break (lower cost, then id) preferred the proposal.`
          : `Funding it (${level}) would lower the total value by ${price} points${displaced.length ? `, displacing ${displaced.join(", ")}` : ""}.`;
      notFunded.push({ id, reason: { kind: "price-of-inclusion", price, level, displaced, text } });
    } else if (v.status === "infeasible") {
      const { rule, text } = await ruleNames(prep, glpk, new Map([[r.index, "in"]]));
      notFunded.push({ id, reason: { kind: "excluded-by-rule", rule, text: `Funding it would break a rule: ${text}.` } });
    } else {
      allInSolved = false;
      notFunded.push({ id, reason: { kind: "unexplained", text: lateText } });
    }
  }

  // Requests funded: the best allocation without k either stays within the proposal (a small MIP over
  // the proposal's requests) or funds some request not in it, and the best of those is the best forced-in
  // optimum when that one does without k. Otherwise k is forced out and solved directly.
  const outsiders = new Map(prep.requests.filter((r) => !base.chosen.has(r.index)).map((r) => [r.index, "out" as const]));
  for (const r of ordered) {
    if (!base.chosen.has(r.index)) continue;
    const force = new Map([[r.index, "out" as const]]);
    if (left() <= 0) {
      funded.set(r.req.id, { lossIfDropped: null, note: lateText });
      continue;
    }
    let v: Awaited<ReturnType<typeof solveVariant>>;
    if (allInSolved && bestIn && !bestIn.solution.chosen.has(r.index)) {
      const within = await solveVariant(prep, glpk, new Map([...outsiders, [r.index, "out"]]), left());
      const inside = within.status === "optimal" ? within.solution : null;
      const winner = inside && objectiveOf(prep, inside.chosen) > bestIn.objective ? inside : bestIn.solution;
      v = within.status === "optimal" || within.status === "infeasible" ? { status: "optimal", solution: winner } : await solveWithIncumbent(prep, glpk, force, bestIn.solution.chosen, left());
    } else {
      v = await solveWithIncumbent(prep, glpk, force, incumbentWithout(prep, base.chosen, r.index, force), left());
    }
    if (v.status === "optimal" || v.status === "feasible") {
      funded.set(r.req.id, { lossIfDropped: Math.max(0, base.units - v.solution.units) / 100 });
    } else if (v.status === "infeasible") {
      const why = r.req.lock === "in" ? "its lock" : (await ruleNames(prep, glpk, force)).text;
      funded.set(r.req.id, { lossIfDropped: null, requiredBy: why });
    } else {
      funded.set(r.req.id, { lossIfDropped: null, note: lateText });
    }
  }
  notFunded.sort((a, b) => cmp(a.id, b.id));
  return { funded, notFunded };
}

/** The rules that a forced request (in or out) cannot hold with, named by the elastic model. */
async function ruleNames(prep: Prepared, glpk: Glpk, force: Map<number, "in" | "out">): Promise<{ rule: string; text: string }> {
  const d = await diagnose(prep, glpk, force);
  return {
    rule: d.rules.map((r) => r.rule).join(", ") || "rules",
    text: d.rules.map((r) => r.text).join("; ") || "the rules together",
  };
}

