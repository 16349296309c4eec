// Counterfactual explanations: every request not funded is forced in (its price of inclusion, and who it
// would displace) and every funded one forced out (the value lost without it), each solved exactly.
// The requests not funded ("outsiders") come first, and are independent of one another: half of them can
// go to another thread (an ExplainHelper, provided by an adapter). The funded ones follow, mostly
// answered from the outsiders' optima.
import { solveVariant, solveWithIncumbent, type Solution } from "./variants.js";
import { diagnose } from "./diagnose.js";
import { chf } from "./format.js";
import { objectiveOf } from "./fixing.js";
import { incumbentWith, incumbentWithout, type Selection } from "./heuristics.js";
import { cmp, type Prepared } from "./prepare.js";
import type { FundedRequest, NotFundedRequest, Problem } from "./schemas.js";
import { now, type Glpk } from "./solver.js";

/** What explaining some outsiders yields: their reasons, and the best forced-in optimum among them. */
export interface OutsidersExplained {
  notFunded: NotFundedRequest[];
  best: { objective: number; chosen: [number, number][]; units: number } | null;
  /** Every outsider of the share was solved to optimality (or shown infeasible). */
  complete: boolean;
}

/** Another thread that explains a share of the outsiders of the same problem and proposal. */
export interface ExplainHelper {
  run(problem: Problem, indexes: number[], base: Solution, seconds: number, timeLimit: number): Promise<OutsidersExplained>;
}

export function lateText(timeLimit: number): string {
  return `Not computed: the explanations' time limit (${timeLimit} s) was reached.`;
}

export async function explain(
  prep: Prepared,
  glpk: Glpk,
  base: Solution,
  timeLimit = 60,
  helper?: ExplainHelper,
): Promise<{ funded: Map<string, Partial<FundedRequest>>; notFunded: NotFundedRequest[] }> {
  // One budget for all the explanations: when it is spent, the rest are reported as not computed.
  const deadline = now() + timeLimit * 1000;
  const left = (): number => (deadline - now()) / 1000;
  // Similar requests one after the other (region, gender, status, donors, cost), so that each borrows
  // the reorganisation its predecessors needed as an incumbent.
  const footprint = (r: Prepared["requests"][number]): string => `${r.req.region}|${r.req.gender}|${r.req.status}|${r.donorClass}`;
  const outsiders = prep.requests
    .filter((r) => !base.chosen.has(r.index))
    .sort((a, b) => cmp(footprint(a), footprint(b)) || a.levels[0]!.cost - b.levels[0]!.cost || cmp(a.req.id, b.req.id))
    .map((r) => r.index);
  let outside: OutsidersExplained;
  if (helper && outsiders.length > 1) {
    // Alternate requests to each thread: both halves stay balanced and keep similar requests close.
    const mine = outsiders.filter((_, k) => k % 2 === 0);
    const theirs = outsiders.filter((_, k) => k % 2 === 1);
    const remote = helper.run(prep.problem, theirs, base, left(), timeLimit);
    const local = await explainOutsiders(prep, glpk, base, mine, left(), timeLimit);
    // A helper that fails (its thread died, say) costs time, never an answer: its share is done here.
    const other = await remote.catch(() => explainOutsiders(prep, glpk, base, theirs, left(), timeLimit));
    const best = [local.best, other.best].reduce((b, x) => (x && (!b || x.objective > b.objective) ? x : b), null);
    outside = { notFunded: [...local.notFunded, ...other.notFunded], best, complete: local.complete && other.complete };
  } else {
    outside = await explainOutsiders(prep, glpk, base, outsiders, left(), timeLimit);
  }
  const funded = await explainInsiders(prep, glpk, base, outside, left(), timeLimit);
  return { funded, notFunded: outside.notFunded.sort((a, b) => cmp(a.id, b.id)) };
}

/** Forces each of `indexes` (requests not funded) in, within `seconds`. */
export async function explainOutsiders(
  prep: Prepared,
  glpk: Glpk,
  base: Solution,
  indexes: number[],
  seconds: number,
  timeLimit: number,
): Promise<OutsidersExplained> {
  const deadline = now() + seconds * 1000;
  const left = (): number => (deadline - now()) / 1000;
  const late = lateText(timeLimit);
  const notFunded: NotFundedRequest[] = [];
  let best: OutsidersExplained["best"] = null;
  let complete = true;
  const recent: { forced: number; solution: Selection }[] = [];
  for (const index of indexes) {
    const r = prep.requests[index]!;
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
      complete = false;
      notFunded.push({ id, reason: { kind: "unexplained", text: late } });
      continue;
    }
    const force = new Map([[index, "in" as const]]);
    const v = await solveWithIncumbent(prep, glpk, force, incumbentWith(prep, base.chosen, index, force, recent), left());
    if (v.status === "optimal" || v.status === "feasible") {
      if (v.status === "feasible") complete = false;
      recent.unshift({ forced: index, solution: v.solution.chosen });
      recent.length = Math.min(recent.length, 6);
      const objective = objectiveOf(prep, v.solution.chosen);
      if (!best || objective > best.objective) best = { objective, chosen: [...v.solution.chosen], units: v.solution.units };
      const price = Math.max(0, base.units - v.solution.units) / 100;
      const displaced = [...base.chosen.keys()].filter((i) => !v.solution.chosen.has(i)).map((i) => prep.requests[i]!.req.id).sort(cmp);
      const level = r.levels[v.solution.chosen.get(index)!]!.level;
      const text =
        price === 0
          ? `Could be funded (${level}) at no loss of value: an equally good allocation; the tie-break (lower cost, then id) preferred the proposal.`
          : `Funding it (${level}) would lower the total value by ${price} points${displaced.length ? `, displacing ${displaced.join(", ")}` : ""}.`;
      notFunded.push({ id, reason: { kind: "price-of-inclusion", price, level, displaced, text } });
    } else if (v.status === "infeasible") {
      const { rule, text } = await ruleNames(prep, glpk, force);
      notFunded.push({ id, reason: { kind: "excluded-by-rule", rule, text: `Funding it would break a rule: ${text}.` } });
    } else {
      complete = false;
      notFunded.push({ id, reason: { kind: "unexplained", text: late } });
    }
  }
  return { notFunded, best, complete };
}

/**
 * Forces each funded request out. The best allocation without k either stays within the proposal (a
 * small MIP over the proposal's requests) or funds some outsider, and the best of those is the best
 * forced-in optimum when that one does without k; otherwise k is forced out and solved directly.
 */
async function explainInsiders(
  prep: Prepared,
  glpk: Glpk,
  base: Solution,
  outsiders: OutsidersExplained,
  seconds: number,
  timeLimit: number,
): Promise<Map<string, Partial<FundedRequest>>> {
  const deadline = now() + seconds * 1000;
  const left = (): number => (deadline - now()) / 1000;
  const late = lateText(timeLimit);
  const funded = new Map<string, Partial<FundedRequest>>();
  const bestIn = outsiders.best ? { objective: outsiders.best.objective, chosen: new Map(outsiders.best.chosen), units: outsiders.best.units } : null;
  const outside = new Map(prep.requests.filter((r) => !base.chosen.has(r.index)).map((r) => [r.index, "out" as const]));
  const insiders = [...base.chosen.keys()].sort((a, b) => cmp(prep.requests[a]!.req.id, prep.requests[b]!.req.id));
  for (const k of insiders) {
    const r = prep.requests[k]!;
    if (left() <= 0) {
      funded.set(r.req.id, { lossIfDropped: null, note: late });
      continue;
    }
    const force = new Map([[k, "out" as const]]);
    let v: Awaited<ReturnType<typeof solveVariant>>;
    if (outsiders.complete && bestIn && !bestIn.chosen.has(k)) {
      const within = await solveVariant(prep, glpk, new Map([...outside, [k, "out"]]), left());
      const inside = within.status === "optimal" ? within.solution : null;
      const winner: Solution = inside && objectiveOf(prep, inside.chosen) > bestIn.objective ? inside : { chosen: bestIn.chosen, flows: new Map(), units: bestIn.units };
      v = within.status === "optimal" || within.status === "infeasible" ? { status: "optimal", solution: winner } : await solveWithIncumbent(prep, glpk, force, bestIn.chosen, left());
    } else {
      v = await solveWithIncumbent(prep, glpk, force, incumbentWithout(prep, base.chosen, k, force), left());
    }
    if (v.status === "optimal" || v.status === "feasible") {
      funded.set(r.req.id, { lossIfDropped: Math.max(0, base.units - v.solution.units) / 100 });
    } else if (v.status === "infeasible") {
      const why = r.req.lock === "in" ? "its lock" : (await ruleNames(prep, glpk, force)).text;
      funded.set(r.req.id, { lossIfDropped: null, requiredBy: why });
    } else {
      funded.set(r.req.id, { lossIfDropped: null, note: late });
    }
  }
  return funded;
}

/** The rules that a forced request (in or out) cannot hold with, named by the elastic model. */
async function ruleNames(prep: Prepared, glpk: Glpk, force: Map<number, "in" | "out">): Promise<{ rule: string; text: string }> {
  const d = await diagnose(prep, glpk, force);
  return {
    rule: d.rules.map((r) => r.rule).join(", ") || "rules",
    text: d.rules.map((r) => r.text).join("; ") || "the rules together",
  };
}
