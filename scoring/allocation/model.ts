// The allocation model as data: builds the glpk.js MIP (or its LP relaxation, or an elastic copy) from a
// prepared problem. Building is separate from solving so that the same model can be relaxed, read for
// its duals, written out for another solver, or re-solved with a request forced in or out.
//
// Variables: x{i}_{l} (binary) request i funded at level l; y{k} / z{r} (binary) coverage of State k /
// region r when a bonus is set; g{d}_{K} (continuous) money of donor d spent on eligibility class K.
// Requests with the same set of admitting donors share their flow variables (a transportation problem
// aggregated by class); the per-request split is recovered after the solve (see funding.ts).
import type { LP } from "glpk.js";
import { RULE_IDS, type RowWriter } from "../policy/index.js";
import { ModelWriter } from "./model-writer.js";
import type { BuiltModel, GlpkConstants, ModelOptions, RuleId } from "./model-types.js";
import { cheapestLevel, HALL_MAX_DONORS, hallRows, type Prepared } from "../problem/index.js";

export type { BuiltModel, GlpkConstants, ModelOptions, RuleId };

type Term = { name: string; coef: number };

export function buildModel(prep: Prepared, K: GlpkConstants, opts: ModelOptions = {}): BuiltModel {
  const w = new ModelWriter(prep, K, opts);
  writeColumns(w);
  writeMoney(w);
  writePolicy(w);
  writeDominance(w);
  // The diagnosis's models (elastic copies, probes) carry the money's counting bounds; the allocation's
  // own model does not need them (its LP is within a fraction of a per cent of the optimum).
  if (!w.valueObjective) writeCardinality(w);
  if (w.valueObjective) writeCoverage(w);
  if (opts.probe !== undefined) w.plainRow("nonempty", w.x(prep.requests.map((r) => r.index)), ">=", 1);
  // glpk aborts on a model without columns (every request locked out, say): a column fixed at 0 keeps
  // the model well-formed without changing it.
  w.objective({ name: "zero", coef: 0 });
  w.bounds.push({ name: "zero", type: K.GLP_FX, lb: 0, ub: 0 });
  const lp: LP = {
    name: "allocation",
    objective: {
      direction: opts.elastic && opts.probe === undefined ? K.GLP_MIN : K.GLP_MAX,
      name: "obj",
      vars: [...w.objectiveCoefs].map(([name, coef]) => ({ name, coef })),
    },
    subjectTo: w.subjectTo,
    bounds: w.bounds,
    binaries: w.binaries,
    ...(w.generals.length ? { generals: w.generals } : {}),
  };
  const { xNames, flowNames, slack, indicator, rowsByRule, symmetryRows } = w;
  return { lp, xNames, flowNames, slack, indicator, rowsByRule, symmetryRows };
}

/** The columns x[i, l], their objective, and each request's at-most-one-level row, lock or forcing. */
function writeColumns(w: ModelWriter): void {
  const { probe } = w.opts;
  for (const r of w.prep.requests) {
    const names = w.xNames[r.index];
    if (!names) continue;
    names.forEach((name, l) => {
      const lv = r.levels[l]!;
      w.addBinary(name);
      if (w.valueObjective) w.objective({ name, coef: lv.units - lv.tie });
      else if (probe !== undefined) w.objective({ name, coef: probe(r) });
    });
    const f = w.force.get(r.index);
    const lockedIn = f === "in" || (r.req.lock === "in" && f !== "out");
    const terms = names.map((name) => ({ name, coef: 1 }));
    if (lockedIn && f === "in") {
      w.row(RULE_IDS.force(r.req.id), `one${r.index}`, terms, "=", 1, 1);
    } else if (lockedIn && !w.isElastic(RULE_IDS.lock(r.req.id))) {
      w.row(RULE_IDS.lock(r.req.id), `one${r.index}`, terms, "=", 1, 1);
    } else if (lockedIn) {
      w.row(RULE_IDS.lock(r.req.id), `lock${r.index}`, terms, ">=", 1, 1);
      if (names.length > 1) w.plainRow(`one${r.index}`, terms, "<=", 1);
    } else if (names.length > 1) {
      w.plainRow(`one${r.index}`, terms, "<=", 1);
    }
  }
}

/** The budget, and the donors' earmarks: Hall's rows (few donors, plain model) or flows per eligibility class. */
function writeMoney(w: ModelWriter): void {
  const { prep, opts, maxCostSum, meanCost } = w;
  w.row(RULE_IDS.budget, "budget", w.cost(prep.requests.map((r) => r.index)), "<=", prep.problem.budget, maxCostSum, meanCost);
  if (!prep.hasDonors) return;
  if (!opts.elastic && prep.donors.length <= HALL_MAX_DONORS) {
    // Earmarks without flow columns: Hall's condition, one knapsack row per binding donor set.
    for (const h of hallRows(prep)) {
      const terms = w.cost(h.classes.flatMap((k) => prep.classes[k]!.requests));
      if (terms.reduce((s, t) => s + t.coef, 0) <= h.money) continue;
      w.row(RULE_IDS.earmarks, `hall${h.mask}`, terms, "<=", h.money, maxCostSum, meanCost);
    }
    return;
  }
  const byDonor: Term[][] = prep.donors.map(() => []);
  prep.classes.forEach((cls, k) => {
    const flows: Term[] = cls.donors.map((d) => {
      const name = `g${d}_${k}`;
      w.flowNames.push({ donor: d, cls: k, name });
      byDonor[d]!.push({ name, coef: 1 });
      return { name, coef: 1 };
    });
    // Σ_d g[d,K] (+ unpaid when elastic) = cost of the class's funded requests.
    // Unpaid money counts double in the elastic model: "donor X would need more" is the more useful answer.
    const sense = w.elasticAll || w.elasticSet?.has(RULE_IDS.earmarks) ? ">=" : "=";
    w.row(RULE_IDS.earmarks, `cls${k}`, [...flows, ...w.cost(cls.requests, -1)], sense, 0, maxCostSum, meanCost / 2);
  });
  prep.donors.forEach((d, di) => w.row(RULE_IDS.donor(d.id), `donor${di}`, byDonor[di]!, "<=", d.amount, maxCostSum, meanCost));
}

/** Each rule of the policy registry writes its own rows (scoring/policy/rules/). */
function writePolicy(w: ModelWriter): void {
  const { prep } = w;
  const writer: RowWriter = {
    candidates: prep.requests,
    byState: prep.states,
    byRegion: prep.regions,
    byStatus: prep.statuses,
    x: (indexes, coef) => w.x(indexes, coef),
    row: (rule, name, terms, sense, rhs, bigM) => w.row(rule, name, terms, sense, rhs, bigM),
    cut: (name, terms, sense, rhs) => w.plainRow(name, terms, sense, rhs),
    plain: !w.opts.elastic && w.opts.probe === undefined,
    seats: prep.problem.policy.maxDelegates,
  };
  for (const inst of prep.rules) inst.rule.rows?.(writer, inst.bound, inst.scope);
}

/**
 * Dominance: a request a dominates b when both are from the same State, region, status and gender, offer
 * the same support levels, and at every level a costs no more and is worth more (the tie-break counts:
 * between twins, the lower id is worth more). Swapping b for a then keeps every rule and raises the
 * objective, so the optimum never funds b without a: rows x[a] ≥ x[b] spare branch and bound from trying
 * such swaps. (Four near-copies of the demo round: 60 s without a proof → see decision 002.)
 */
function writeDominance(w: ModelWriter): void {
  const { requests } = w.prep;
  const groups = new Map<string, number[]>();
  for (const r of requests) {
    if (!w.xNames[r.index] || r.req.lock || w.force.has(r.index)) continue;
    const key = [r.req.state, r.req.region, r.req.status, r.req.gender, ...r.levels.map((l) => l.level)].join("|");
    const group = groups.get(key);
    if (group) group.push(r.index);
    else groups.set(key, [r.index]);
  }
  const dominates = (a: number, b: number): boolean =>
    requests[a]!.levels.every((la, l) => {
      const lb = requests[b]!.levels[l]!;
      return la.cost <= lb.cost && la.units - la.tie > lb.units - lb.tie;
    });
  for (const group of groups.values()) {
    if (group.length < 2 || group.length > 40) continue;
    for (const a of group) {
      for (const b of group) {
        if (a === b || !dominates(a, b)) continue;
        const name = `dom${a}_${b}`;
        w.plainRow(name, [...w.x([a]), ...w.x([b], () => -1)], ">=", 0);
        for (const i of [a, b]) w.symmetryRows.set(i, [...(w.symmetryRows.get(i) ?? []), name]);
      }
    }
  }
}

/**
 * Counting bounds of the money: at most k of a group's requests fit the budget, k being the most of their
 * cheapest costs, smallest first, whose sum stays within it (a knapsack's cardinality bound). One row per
 * group where the money binds the count: every request, each CCM status, each regional group, the women,
 * the outreach. Valid for every allocation within the budget; they give the LP of an elastic copy what
 * branch and bound cannot prove alone ("at most 13 States Parties fit the money": 16 asked, 3 missing),
 * which left a diagnosis running for more than 15 minutes on a 60-request round. When the budget is
 * itself elastic the row gives way with the budget's indicator (Σ x ≤ k + (n − k) · v); when the budget
 * is held relaxed by a known slack, k counts with that money.
 */
function writeCardinality(w: ModelWriter): void {
  const { prep, opts } = w;
  const budgetRule = RULE_IDS.budget;
  if (opts.omit?.has(budgetRule)) return;
  let money = prep.problem.budget;
  let indicator: string | null = null;
  if (w.isElastic(budgetRule)) {
    const fixed = opts.fixSlack?.get(budgetRule);
    indicator = w.indicator.get(budgetRule) ?? null;
    if (fixed !== undefined) money += fixed;
    else if (indicator === null) return; // the budget's slack is free: no count is bounded
  }
  const fundable = (idx: Iterable<number>): number[] => [...idx].filter((i) => w.xNames[i]);
  const groups: [string, number[]][] = [["all", fundable(prep.requests.map((r) => r.index))]];
  for (const [status, idx] of prep.statuses) groups.push([`status_${status}`, fundable(idx)]);
  for (const [region, idx] of prep.regions) groups.push([`region_${region}`, fundable(idx)]);
  groups.push(["women", fundable(prep.requests.filter((r) => r.woman).map((r) => r.index))]);
  groups.push(["outreach", fundable(prep.requests.filter((r) => r.outreach).map((r) => r.index))]);
  for (const [name, idx] of groups) {
    const k = mostThatFit(
      idx.map((i) => {
        const r = prep.requests[i]!;
        return r.levels[cheapestLevel(r)]!.cost;
      }),
      money,
    );
    if (k >= idx.length) continue;
    const terms = w.x(idx);
    if (indicator) terms.push({ name: indicator, coef: -(idx.length - k) });
    w.plainRow(`card_${name}`, terms, "<=", k);
  }
}

/** How many of `costs` fit within `money`, cheapest first. */
export function mostThatFit(costs: number[], money: number): number {
  let spent = 0;
  let k = 0;
  for (const c of [...costs].sort((a, b) => a - b)) {
    if (spent + c > money + 1e-9) break;
    spent += c;
    k++;
  }
  return k;
}

/** Coverage bonuses: binary y ≤ Σ x per State and per region (binary rather than [0, 1]: far faster in glpk's search). */
function writeCoverage(w: ModelWriter): void {
  const coverage = (prefix: string, groups: Iterable<[string, number[]]>, unitsEach: number): void => {
    if (unitsEach <= 0) return;
    let j = 0;
    for (const [, idx] of groups) {
      const terms = w.x(idx);
      if (terms.length === 0) continue;
      if (idx.filter((i) => w.xNames[i]).length === 1) {
        // One candidate only: covering the group is funding it, so the bonus goes on its columns.
        for (const t of terms) w.objective({ name: t.name, coef: unitsEach });
        continue;
      }
      const y = `${prefix}${j++}`;
      w.addBinary(y);
      w.objective({ name: y, coef: unitsEach });
      w.plainRow(`c${y}`, [{ name: y, coef: 1 }, ...terms.map((t) => ({ name: t.name, coef: -1 }))], "<=", 0);
    }
  };
  coverage("y", w.prep.states, w.prep.stateBonusUnits);
  coverage("z", w.prep.regions, w.prep.regionBonusUnits);
}

const baseModels = new WeakMap<Prepared, BuiltModel>();

/**
 * The model with requests forced in or out, columns fixed, or relaxed, derived from the problem's base
 * model (built once per prepared problem) instead of rebuilt: a forced-in request gets a row Σ x = 1, a
 * forced-out one has its columns fixed at 0 (and its lock row dropped), fixed binaries become fixed
 * continuous columns. Equivalent to buildModel with the same options.
 */
export function variantModel(
  prep: Prepared,
  K: GlpkConstants,
  opts: { force?: Map<number, "in" | "out">; fixed?: Map<string, 0 | 1>; relaxed?: boolean },
): BuiltModel {
  const force = opts.force ?? new Map<number, "in" | "out">();
  // A locked-out request has no columns in the base model: forcing it in needs a model of its own.
  for (const [i, f] of force) if (f === "in" && prep.requests[i]!.req.lock === "out") return buildModel(prep, K, opts);
  let base = baseModels.get(prep);
  if (!base) {
    base = buildModel(prep, K);
    baseModels.set(prep, base);
  }
  const fixed = new Map(opts.fixed ?? []);
  const dropRows = new Set<string>();
  const extraRows: LP["subjectTo"] = [];
  for (const [i, f] of force) {
    // A forced request's dominance rows no longer hold.
    for (const row of base.symmetryRows.get(i) ?? []) dropRows.add(row);
    const names = base.xNames[i];
    if (!names) continue; // locked out: already without columns
    if (f === "out") {
      for (const name of names) fixed.set(name, 0);
      if (prep.requests[i]!.req.lock === "in") dropRows.add(`one${i}`);
    } else {
      extraRows.push({ name: `force${i}`, vars: names.map((name) => ({ name, coef: 1 })), bnds: { type: K.GLP_FX, lb: 1, ub: 1 } });
    }
  }
  const bounds = [...(base.lp.bounds ?? [])];
  const binaries: string[] = [];
  for (const name of base.lp.binaries ?? []) {
    const f = fixed.get(name);
    if (f !== undefined) bounds.push({ name, type: K.GLP_FX, lb: f, ub: f });
    else if (opts.relaxed) bounds.push({ name, type: K.GLP_DB, lb: 0, ub: 1 });
    else binaries.push(name);
  }
  const rows = dropRows.size ? base.lp.subjectTo.filter((r) => !dropRows.has(r.name)) : base.lp.subjectTo;
  return { ...base, lp: { ...base.lp, subjectTo: extraRows.length ? [...rows, ...extraRows] : rows, bounds, binaries } };
}
