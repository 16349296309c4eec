// Counterfactual explanations: every request not funded is forced in (its price of inclusion, and who it
// would displace) and every funded one forced out (the value lost without it), each solved exactly.
// The requests not funded  come first, and are independent of one another: half of them can
// go to another thread (an ExplainHelper, provided by an adapter). The funded ones follow, mostly
// answered from the requests not funded' optima.
import {
  solve,
  type Solution,
  objectiveOf,
  onlyAmong,
  type Selection,
  Deadline,
  solveLp,
  variantModel,
  type Glpk,
} from "../allocation/index.js";
import { RULE_IDS } from "../policy/index.js";
import { diagnose } from "./diagnose.js";
import { Neighbours } from "./neighbours.js";
import { chf, type FundedRequest, type NotFundedRequest, type SolveStatus } from "../domain/index.js";
import { cheapestLevel, cmp, type Prepared, type Problem } from "../problem/index.js";
import { share } from "./share.js";

/** What explaining some requests not funded yields: their reasons, and their forced-in optima. */
export interface Optimum {
  objective: number;
  chosen: [number, number][];
  units: number;
}

export interface NotFundedExplained {
  notFunded: NotFundedRequest[];
  /** The optimum of each request not funded forced in (feasible allocations the funded requests' counterfactuals start from). */
  optima: Optimum[];
  /** Every request not funded of the share was solved to optimality (or shown infeasible). */
  complete: boolean;
}

/**
 * Another thread that explains a share of the requests of the same problem and proposal (provided by an
 * adapter: a worker thread in Node). Both calls may be made several times for one explanation, with other
 * requests each time; the adapter may keep the problem between calls.
 */
export interface ExplainHelper {
  /** Forces each of `indexes` (requests not funded) in. */
  notFunded(problem: Problem, base: Solution, indexes: number[], seconds: number, timeLimit: number): Promise<NotFundedExplained>;
  /** Forces each of `indexes` (funded requests) out, given what every request not funded yielded. */
  funded(
    problem: Problem,
    base: Solution,
    notFundedResult: NotFundedExplained,
    indexes: number[],
    seconds: number,
    timeLimit: number,
  ): Promise<[string, Partial<FundedRequest>][]>;
}

export function lateText(timeLimit: number): string {
  return `Not computed: the time limit of the answer (${timeLimit} s) was reached.`;
}

/**
 * The share of what is left that one counterfactual may take: a quarter, and at least a second (or all
 * that is left). One hard counterfactual then cannot starve the others: each that follows gets its share
 * of what remains.
 */
function oneSolve(deadline: Deadline): Deadline {
  return deadline.within(Math.max(1, deadline.left() / 4));
}

/**
 * The reason of a request not funded that needs no solve: its eligibility verdict, its lock, a cost above
 * the whole budget, no donor's earmark admitting it. Null when only a counterfactual can tell.
 */
export function reasonWithoutSolve(prep: Prepared, index: number): NotFundedRequest["reason"] | null {
  const r = prep.requests[index]!;
  if (r.req.ineligible) return { kind: "ineligible", text: r.req.ineligible };
  if (r.req.lock === "out") return { kind: "locked-out", text: "Locked out by the ISU." };
  const cheapest = r.levels[cheapestLevel(r)]!.cost;
  if (cheapest > prep.problem.budget)
    return {
      kind: "excluded-by-rule",
      rule: RULE_IDS.budget,
      text: `Costs at least CHF ${chf(cheapest)}, more than the whole budget (CHF ${chf(prep.problem.budget)}).`,
    };
  if (prep.hasDonors && cheapest > 0 && prep.classes[r.donorClass]!.donors.length === 0)
    return { kind: "excluded-by-rule", rule: RULE_IDS.earmarks, text: "No donor's earmark admits this request." };
  return null;
}

/** Requests handed out a few at a time, so that each thread takes more while it has time: neither waits for the other. */

const NOT_FUNDED_CHUNK = 4;
const FUNDED_CHUNK = 2;

export async function explain(
  prep: Prepared,
  glpk: Glpk,
  base: Solution,
  /** The answer's deadline: the explanations get what the allocation left of it. */
  deadline: Deadline,
  /** The answer's time limit in seconds, as the reasons not computed in time name it. */
  timeLimit: number,
  helper?: ExplainHelper,
  /** Called with the reasons of the requests not funded explained so far, as each share of them is done. */
  onProgress?: (explained: NotFundedRequest[]) => void | Promise<void>,
): Promise<{ funded: Map<string, Partial<FundedRequest>>; notFunded: NotFundedRequest[] }> {
  // Similar requests one after the other (region, gender, status, donors, cost): the LP of a variant
  // misses its optimum by about as much as its neighbours' did (see Neighbours).
  const footprint = (i: number): string => {
    const r = prep.requests[i]!;
    return `${r.req.region}|${r.req.gender}|${r.req.status}|${r.donorClass}`;
  };
  const bySimilarity = (a: number, b: number): number =>
    cmp(footprint(a), footprint(b)) ||
    prep.requests[a]!.levels[0]!.cost - prep.requests[b]!.levels[0]!.cost ||
    cmp(prep.requests[a]!.req.id, prep.requests[b]!.req.id);
  const notFundedIndexes = prep.requests
    .filter((r) => !base.chosen.has(r.index))
    .map((r) => r.index)
    .sort(bySimilarity);
  const outGuess = new Neighbours();
  const outParts = await share(
    notFundedIndexes,
    NOT_FUNDED_CHUNK,
    (chunk) => explainNotFunded(prep, glpk, base, chunk, deadline.left(), timeLimit, outGuess),
    helper && ((chunk) => helper.notFunded(prep.problem, base, chunk, deadline.left(), timeLimit)),
    onProgress && ((parts) => onProgress(parts.flatMap((p) => p.notFunded))),
  );
  const notFundedResult: NotFundedExplained = {
    notFunded: outParts.flatMap((p) => p.notFunded).sort((a, b) => cmp(a.id, b.id)),
    // Best first; equal objectives are the same allocation (the tie-break makes the optimum unique).
    optima: outParts.flatMap((p) => p.optima).sort((a, b) => b.objective - a.objective),
    complete: outParts.every((p) => p.complete),
  };
  const fundedIndexes = [...base.chosen.keys()].sort(bySimilarity);
  const inGuess = new Neighbours();
  const inParts = await share(
    fundedIndexes,
    FUNDED_CHUNK,
    async (chunk) => [...(await explainFunded(prep, glpk, base, notFundedResult, chunk, deadline.left(), timeLimit, inGuess))],
    helper && ((chunk) => helper.funded(prep.problem, base, notFundedResult, chunk, deadline.left(), timeLimit)),
  );
  return { funded: new Map(inParts.flat()), notFunded: notFundedResult.notFunded };
}

/** Forces each of `indexes` (requests not funded) in, within `seconds`. */
export async function explainNotFunded(
  prep: Prepared,
  glpk: Glpk,
  base: Solution,
  indexes: number[],
  seconds: number,
  timeLimit: number,
  guess = new Neighbours(),
): Promise<NotFundedExplained> {
  const deadline = Deadline.after(seconds);
  const late = lateText(timeLimit);
  const notFunded: NotFundedRequest[] = [];
  const optima: Optimum[] = [];
  let complete = true;
  for (const index of indexes) {
    const r = prep.requests[index]!;
    const id = r.req.id;
    const known = reasonWithoutSolve(prep, index);
    if (known) {
      notFunded.push({ id, reason: known });
      continue;
    }
    if (deadline.passed) {
      complete = false;
      notFunded.push({ id, reason: { kind: "unexplained", text: late } });
      continue;
    }
    const force = new Map([[index, "in" as const]]);
    const v = await solve(prep, glpk, {
      force,
      timeLimit: oneSolve(deadline),
      firstThreshold: guess.next(),
      incumbent: guess.borrow(prep, index, force),
    });
    const found = v.solution;
    if (found) {
      const proven = v.status === "optimal";
      if (!proven) complete = false;
      guess.saw(v.gap, index, found.chosen);
      const objective = objectiveOf(prep, found.chosen);
      if (proven) optima.push({ objective, chosen: [...found.chosen], units: found.units });
      const price = Math.max(0, base.units - found.units) / 100;
      const displaced = [...base.chosen.keys()]
        .filter((i) => !found.chosen.has(i))
        .map((i) => prep.requests[i]!.req.id)
        .sort(cmp);
      const level = r.levels[found.chosen.get(index)!]!.level;
      const text = !proven
        ? `Funding it (${level}) would lower the total value by at most ${price} points${displaced.length ? `, displacing ${displaced.join(", ")} in the best allocation found` : ""}; the least loss could not be proven within the time limit (${timeLimit} s).`
        : price === 0
          ? `Could be funded (${level}) at no loss of value: an equally good allocation; the tie-break (lower cost, then id) preferred the proposal.`
          : `Funding it (${level}) would lower the total value by ${price} points${displaced.length ? `, displacing ${displaced.join(", ")}` : ""}.`;
      notFunded.push({ id, reason: { kind: "price-of-inclusion", price, level, displaced, text, ...(proven ? {} : { proven }) } });
    } else if (v.status === "infeasible") {
      const { rule, text } = await ruleNames(prep, glpk, force, deadline, base.chosen);
      notFunded.push({ id, reason: { kind: "excluded-by-rule", rule, text: `Funding it would break a rule: ${text}.` } });
    } else {
      complete = false;
      notFunded.push({ id, reason: { kind: "unexplained", text: late } });
    }
  }
  return { notFunded, optima, complete };
}

/**
 * Forces each funded request out. The best allocation without k either stays within the proposal (a
 * small MIP over the proposal's requests) or funds some request not funded. When the best of all the requests not funded'
 * forced-in optima does without k, it is the best of the latter, and the answer needs no other solve;
 * otherwise k is forced out and solved, from the best of those allocations that do without k.
 */
export async function explainFunded(
  prep: Prepared,
  glpk: Glpk,
  base: Solution,
  notFundedResult: NotFundedExplained,
  indexes: number[],
  seconds: number,
  timeLimit: number,
  guess = new Neighbours(),
): Promise<Map<string, Partial<FundedRequest>>> {
  const deadline = Deadline.after(seconds);
  const late = lateText(timeLimit);
  const funded = new Map<string, Partial<FundedRequest>>();
  // Best first (explain() sorts them; a helper's copy keeps the order).
  const optima = notFundedResult.optima.map((o) => ({ objective: o.objective, chosen: new Map(o.chosen), units: o.units }));
  const bestIn = optima[0] ?? null;
  for (const k of indexes) {
    const r = prep.requests[k]!;
    if (deadline.passed) {
      funded.set(r.req.id, { lossIfDropped: null, note: late });
      continue;
    }
    const force = new Map([[k, "out" as const]]);
    const without = optima.find((o) => !o.chosen.has(k)) ?? null;
    // When the best of the requests not funded's optima does without k, the best allocation without k is
    // either it or one within the proposal; the LP relaxation of the latter (the proposal's requests
    // without k) often proves that none there is better, with no branch and bound. (Its MIP, solved
    // instead, took 66 s on one request of a 400-request round with a binding share cap.)
    const shortcut = notFundedResult.complete && bestIn !== null && without === bestIn;
    let v: { status: SolveStatus; solution: Solution | null } | null = null;
    if (shortcut && bestIn) {
      const insideLp = variantModel(prep, glpk, { force: onlyAmong(prep, base.chosen, force), relaxed: true });
      const bound = await solveLp(glpk, insideLp.lp, oneSolve(deadline));
      if (bound.status === "infeasible" || (bound.status === "optimal" && bound.z <= bestIn.objective + 1e-6))
        v = { status: "optimal", solution: { chosen: bestIn.chosen, flows: new Map(), units: bestIn.units } };
    }
    if (!v) {
      const incumbent = [without?.chosen, guess.borrow(prep, k, force)].reduce<Selection | null>(
        (b, c) => (c && (!b || objectiveOf(prep, c) > objectiveOf(prep, b)) ? c : b),
        null,
      );
      const direct = await solve(prep, glpk, { force, timeLimit: oneSolve(deadline), incumbent, firstThreshold: guess.next() });
      if (direct.status === "optimal" && direct.solution) guess.saw(direct.gap, k, direct.solution.chosen);
      v = direct;
    }
    if (v.solution && v.status !== "optimal") {
      const most = Math.max(0, base.units - v.solution.units) / 100;
      funded.set(r.req.id, {
        lossIfDropped: null,
        note: `Without it the total value would fall by at most ${most} points; the least loss could not be proven within the time limit (${timeLimit} s).`,
      });
    } else if (v.solution) {
      funded.set(r.req.id, { lossIfDropped: Math.max(0, base.units - v.solution.units) / 100 });
    } else if (v.status === "infeasible") {
      const why = r.req.lock === "in" ? "its lock" : (await ruleNames(prep, glpk, force, deadline)).text;
      funded.set(r.req.id, { lossIfDropped: null, requiredBy: why });
    } else {
      funded.set(r.req.id, { lossIfDropped: null, note: late });
    }
  }
  return funded;
}

/** The rules that a forced request (in or out) cannot hold with, named by the elastic model. */
async function ruleNames(
  prep: Prepared,
  glpk: Glpk,
  force: Map<number, "in" | "out">,
  deadline: Deadline,
  hint?: Selection,
): Promise<{ rule: string; text: string }> {
  const d = await diagnose(prep, glpk, oneSolve(deadline), force, hint);
  return {
    rule: d.rules.map((r) => r.rule).join(", ") || "rules",
    text: d.rules.map((r) => r.text).join("; ") || "the rules together",
  };
}
