// The allocation model as data: builds the glpk.js MIP (or its LP relaxation, or an elastic copy) from a
// prepared problem. Building is separate from solving so that the same model can be relaxed, read for
// its duals, written out for another solver, or re-solved with a request forced in or out.
//
// Variables: x{i}_{l} (binary) request i funded at level l; y{k} / z{r} (binary) coverage of State k /
// region r when a bonus is set; g{d}_{K} (continuous) money of donor d spent on eligibility class K.
// Requests with the same set of admitting donors share their flow variables (a transportation problem
// aggregated by class); the per-request split is recovered after the solve (see funding.ts).
import type { LP } from "glpk.js";
import { isHardRule, RULE_IDS, type RowWriter } from "../policy/index.js";
import { HALL_MAX_DONORS, hallRows, type Prepared, type PreparedRequest } from "../problem/index.js";

export interface GlpkConstants {
  GLP_MAX: number;
  GLP_MIN: number;
  GLP_UP: number;
  GLP_LO: number;
  GLP_FX: number;
  GLP_DB: number;
}

/** Rule identifiers, as the diagnosis names them. */
export type RuleId = string;

export interface ModelOptions {
  /** Requests forced in (at some level) or out, in addition to the problem's locks. */
  force?: Map<number, "in" | "out">;
  /** "all": every rule gets a penalised slack (tiered: policy rules before locks and money).
   *  A set: only these rules are elastic, and the objective is their total slack. */
  elastic?: "all" | Set<RuleId>;
  /** Rules left out of the model entirely. */
  omit?: Set<RuleId>;
  /** Maximise Σ probe(request) over the funded instead of the value, with at least one funded (the diagnosis's probes). */
  probe?: (request: PreparedRequest) => number;
  /** LP relaxation: binaries become [0, 1] columns. */
  relaxed?: boolean;
  /** Elastic rules whose slack is held at a given value (a rule relaxed by that much). */
  fixSlack?: Map<RuleId, number>;
  /** With a set of elastic rules: minimise this one rule's slack only. */
  slackObjective?: RuleId;
  /** Binary columns fixed at 0 or 1 (by reduced costs): kept as fixed continuous columns, since glpk.js
   *  resets a binary's bounds to [0, 1] and would drop the fixing. */
  fixed?: Map<string, 0 | 1>;
}

export interface BuiltModel {
  lp: LP;
  /** xNames[i][l]: column of request i at level l, or null when the request cannot be funded. */
  xNames: (string[] | null)[];
  flowNames: { donor: number; cls: number; name: string }[];
  slack: Map<RuleId, { name: string; scale: number }>;
  indicator: Map<RuleId, string>;
  /** Rows written, by rule (for duals and sensitivities). */
  rowsByRule: Map<RuleId, string[]>;
  /** Dominance rows in which each request appears (dropped when a variant forces it). */
  symmetryRows: Map<number, string[]>;
}

type Term = { name: string; coef: number };

const POLICY_PENALTY = 1_000;
const HARD_PENALTY = 1_000_000;

export function buildModel(prep: Prepared, K: GlpkConstants, opts: ModelOptions = {}): BuiltModel {
  const { problem, requests } = prep;
  const policy = problem.policy;
  const force = opts.force ?? new Map();
  const omit = opts.omit ?? new Set<RuleId>();
  const elasticAll = opts.elastic === "all";
  const elasticSet = opts.elastic instanceof Set ? opts.elastic : null;
  // Forced rows are never elastic: a counterfactual asks what follows if this request is in (or out).
  const isElastic = (rule: RuleId): boolean => !rule.startsWith(RULE_IDS.force("")) && (elasticAll || (elasticSet?.has(rule) ?? false));
  const probe = opts.probe;
  const valueObjective = !opts.elastic && probe === undefined;

  const subjectTo: LP["subjectTo"] = [];
  // Accumulated per column: glpk.js sets (does not add) a coefficient named twice.
  const objectiveCoefs = new Map<string, number>();
  const objective = { push: (t: Term): void => void objectiveCoefs.set(t.name, (objectiveCoefs.get(t.name) ?? 0) + t.coef) };
  const binaries: string[] = [];
  const bounds: NonNullable<LP["bounds"]> = [];
  const slack = new Map<RuleId, { name: string; scale: number }>();
  const indicator = new Map<RuleId, string>();
  const rowsByRule = new Map<RuleId, string[]>();
  const maxCostSum = requests.reduce((s, r) => s + Math.max(...r.levels.map((l) => l.cost)), 0) + 1;
  const meanCost = Math.max(1, maxCostSum / Math.max(1, requests.length));

  const addBinary = (name: string): void => {
    const f = opts.fixed?.get(name);
    if (f !== undefined) bounds.push({ name, type: K.GLP_FX, lb: f, ub: f });
    else if (opts.relaxed) bounds.push({ name, type: K.GLP_DB, lb: 0, ub: 1 });
    else binaries.push(name);
  };
  const slackFor = (rule: RuleId, bigM: number, scale: number): string | null => {
    if (!isElastic(rule)) return null;
    let s = slack.get(rule);
    if (!s) {
      s = { name: `s_${slack.size}`, scale };
      slack.set(rule, s);
      if (elasticAll) {
        const v = `v_${indicator.size}`;
        indicator.set(rule, v);
        binaries.push(v);
        objective.push({ name: v, coef: isHardRule(rule) ? HARD_PENALTY : POLICY_PENALTY });
        subjectTo.push({
          name: `ind_${slack.size}`,
          vars: [
            { name: s.name, coef: 1 },
            { name: v, coef: -Math.max(1, bigM) },
          ],
          bnds: { type: K.GLP_UP, lb: 0, ub: 0 },
        });
      }
      const coef = probe !== undefined ? 0 : opts.slackObjective !== undefined ? (opts.slackObjective === rule ? 1 : 0) : 1 / scale;
      if (coef !== 0) objective.push({ name: s.name, coef });
      const fixed = opts.fixSlack?.get(rule);
      if (fixed !== undefined) bounds.push({ name: s.name, type: K.GLP_FX, lb: fixed, ub: fixed });
    }
    return s.name;
  };

  /** Adds `vars (sense) rhs`, with the rule's slack when it is elastic. */
  const row = (rule: RuleId, name: string, vars: Term[], sense: "<=" | ">=" | "=", rhs: number, bigM: number, scale = 1): void => {
    if (omit.has(rule)) return;
    const s = slackFor(rule, bigM, scale);
    const all = s ? [...vars, { name: s, coef: sense === "<=" ? -1 : 1 }] : vars;
    if (all.length === 0) {
      if ((sense === "<=" && rhs >= 0) || (sense === ">=" && rhs <= 0) || (sense === "=" && rhs === 0)) return;
    }
    const bnds =
      sense === "<="
        ? { type: K.GLP_UP, lb: 0, ub: rhs }
        : sense === ">="
          ? { type: K.GLP_LO, lb: rhs, ub: 0 }
          : { type: K.GLP_FX, lb: rhs, ub: rhs };
    subjectTo.push({ name, vars: all, bnds });
    const list = rowsByRule.get(rule);
    if (list) list.push(name);
    else rowsByRule.set(rule, [name]);
  };

  // Columns and the objective.
  const xNames: (string[] | null)[] = requests.map((r) => {
    const f = force.get(r.index);
    if (f === "out" || (r.req.lock === "out" && f !== "in")) return null;
    return r.levels.map((_, l) => `x${r.index}_${l}`);
  });
  const allX: Term[] = [];
  for (const r of requests) {
    const names = xNames[r.index];
    if (!names) continue;
    names.forEach((name, l) => {
      const lv = r.levels[l]!;
      addBinary(name);
      allX.push({ name, coef: 1 });
      if (valueObjective) objective.push({ name, coef: lv.units - lv.tie });
      else if (probe !== undefined) objective.push({ name, coef: probe(r) });
    });
    const f = force.get(r.index);
    const lockedIn = f === "in" || (r.req.lock === "in" && f !== "out");
    const terms = names.map((name) => ({ name, coef: 1 }));
    if (lockedIn && f === "in") {
      row(RULE_IDS.force(r.req.id), `one${r.index}`, terms, "=", 1, 1);
    } else if (lockedIn && !isElastic(RULE_IDS.lock(r.req.id))) {
      row(RULE_IDS.lock(r.req.id), `one${r.index}`, terms, "=", 1, 1);
    } else if (lockedIn) {
      row(RULE_IDS.lock(r.req.id), `lock${r.index}`, terms, ">=", 1, 1);
      if (names.length > 1) subjectTo.push({ name: `one${r.index}`, vars: terms, bnds: { type: K.GLP_UP, lb: 0, ub: 1 } });
    } else if (names.length > 1) {
      subjectTo.push({ name: `one${r.index}`, vars: terms, bnds: { type: K.GLP_UP, lb: 0, ub: 1 } });
    }
  }
  const xOf = (indexes: number[], coef: (i: number) => number = () => 1): Term[] =>
    indexes.flatMap((i) => (xNames[i] ?? []).map((name) => ({ name, coef: coef(i) })));

  // Money.
  const costTerms: Term[] = requests.flatMap((r) => (xNames[r.index] ?? []).map((name, l) => ({ name, coef: r.levels[l]!.cost })));
  row(RULE_IDS.budget, "budget", costTerms, "<=", problem.budget, maxCostSum, meanCost);

  const flowNames: BuiltModel["flowNames"] = [];
  if (prep.hasDonors && !opts.elastic && prep.donors.length <= HALL_MAX_DONORS) {
    // Earmarks without flow columns: Hall's condition, one knapsack row per binding donor set.
    for (const h of hallRows(prep)) {
      const terms = h.classes.flatMap((k) =>
        prep.classes[k]!.requests.flatMap((i) => (xNames[i] ?? []).map((name, l) => ({ name, coef: requests[i]!.levels[l]!.cost }))),
      );
      if (terms.reduce((s, t) => s + t.coef, 0) <= h.money) continue;
      row(RULE_IDS.earmarks, `hall${h.mask}`, terms, "<=", h.money, maxCostSum, meanCost);
    }
  } else if (prep.hasDonors) {
    const byDonor: Term[][] = prep.donors.map(() => []);
    prep.classes.forEach((cls, k) => {
      const flows: Term[] = cls.donors.map((d) => {
        const name = `g${d}_${k}`;
        flowNames.push({ donor: d, cls: k, name });
        byDonor[d]!.push({ name, coef: 1 });
        return { name, coef: 1 };
      });
      const spent = cls.requests.flatMap((i) => (xNames[i] ?? []).map((name, l) => ({ name, coef: -requests[i]!.levels[l]!.cost })));
      // Σ_d g[d,K] (+ unpaid when elastic) = cost of the class's funded requests.
      // Unpaid money counts double in the elastic model: "donor X would need more" is the more useful answer.
      row(
        RULE_IDS.earmarks,
        `cls${k}`,
        [...flows, ...spent],
        elasticAll || elasticSet?.has(RULE_IDS.earmarks) ? ">=" : "=",
        0,
        maxCostSum,
        meanCost / 2,
      );
    });
    prep.donors.forEach((d, di) => row(RULE_IDS.donor(d.id), `donor${di}`, byDonor[di]!, "<=", d.amount, maxCostSum, meanCost));
  }

  // Policy: each rule of the registry writes its own rows (scoring/policy/rules/).
  const writer: RowWriter = {
    candidates: requests,
    byState: prep.states,
    byRegion: prep.regions,
    x: (indexes, coef) => xOf([...indexes], coef),
    row: (rule, name, terms, sense, rhs, bigM) => row(rule, name, terms, sense, rhs, bigM),
    cut: (name, terms, sense, rhs) =>
      subjectTo.push({ name, vars: terms, bnds: sense === "<=" ? { type: K.GLP_UP, lb: 0, ub: rhs } : { type: K.GLP_LO, lb: rhs, ub: 0 } }),
    plain: !opts.elastic && probe === undefined,
    seats: policy.maxDelegates,
  };
  for (const inst of prep.rules) inst.rule.rows?.(writer, inst.bound, inst.scope);

  // Dominance: a request a dominates b when both are from the same State, region, status and gender,
  // offer the same support levels, and at every level a costs no more and is worth more (the tie-break
  // counts: between twins, the lower id is worth more). Swapping b for a then keeps every rule and raises
  // the objective, so the optimum never funds b without a: rows x[a] ≥ x[b] spare branch and bound from
  // trying such swaps. (Four near-copies of the demo round: 60 s without a proof → see decision 002.)
  const symmetryRows = new Map<number, string[]>();
  const groups = new Map<string, number[]>();
  for (const r of requests) {
    if (!xNames[r.index] || r.req.lock || force.has(r.index)) continue;
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
        subjectTo.push({ name, vars: [...xOf([a]), ...xOf([b], () => -1)], bnds: { type: K.GLP_LO, lb: 0, ub: 0 } });
        for (const i of [a, b]) symmetryRows.set(i, [...(symmetryRows.get(i) ?? []), name]);
      }
    }
  }

  // Coverage bonuses: binary y ≤ Σ x (binary rather than [0, 1] columns: far faster in glpk's search).
  if (valueObjective) {
    const coverage = (prefix: string, groups: Iterable<[string, number[]]>, unitsEach: number): void => {
      if (unitsEach <= 0) return;
      let j = 0;
      for (const [, idx] of groups) {
        const terms = xOf(idx);
        if (terms.length === 0) continue;
        if (idx.filter((i) => xNames[i]).length === 1) {
          // One candidate only: covering the group is funding it, so the bonus goes on its columns.
          for (const t of terms) objective.push({ name: t.name, coef: unitsEach });
          continue;
        }
        const y = `${prefix}${j++}`;
        addBinary(y);
        objective.push({ name: y, coef: unitsEach });
        subjectTo.push({
          name: `c${y}`,
          vars: [{ name: y, coef: 1 }, ...terms.map((t) => ({ name: t.name, coef: -1 }))],
          bnds: { type: K.GLP_UP, lb: 0, ub: 0 },
        });
      }
    };
    coverage("y", prep.states, prep.stateBonusUnits);
    coverage("z", prep.regions, prep.regionBonusUnits);
  }
  if (probe !== undefined) {
    subjectTo.push({ name: "nonempty", vars: allX, bnds: { type: K.GLP_LO, lb: 1, ub: 0 } });
  }
  // glpk aborts on a model without columns (every request locked out, say): a column fixed at 0 keeps
  // the model well-formed without changing it.
  objective.push({ name: "zero", coef: 0 });
  bounds.push({ name: "zero", type: K.GLP_FX, lb: 0, ub: 0 });

  const lp: LP = {
    name: "allocation",
    objective: {
      direction: opts.elastic && probe === undefined ? K.GLP_MIN : K.GLP_MAX,
      name: "obj",
      vars: [...objectiveCoefs].map(([name, coef]) => ({ name, coef })),
    },
    subjectTo,
    bounds,
    binaries,
  };
  return { lp, xNames, flowNames, slack, indicator, rowsByRule, symmetryRows };
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
