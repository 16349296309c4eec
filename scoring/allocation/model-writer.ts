// The model being written: rows, columns, objective and slacks, and the helpers every section of
// buildModel (model.ts) writes with.
import type { LP } from "glpk.js";
import { isHardRule, RULE_IDS } from "../policy/index.js";
import type { Prepared } from "../problem/index.js";
import type { BuiltModel, GlpkConstants, ModelOptions, RuleId } from "./model-types.js";

type Term = { name: string; coef: number };

// Penalties per rule relaxed, all multiples of 1'000 (glpk then rounds an elastic copy's bound up to the
// next multiple): policy rules before hard ones; among hard ones, a lock after money (the money needed is
// the more useful answer than a lock that cannot hold), still before any second hard rule.
const POLICY_PENALTY = 1_000;
const HARD_PENALTY = 1_000_000;
const LOCK_PENALTY = HARD_PENALTY + POLICY_PENALTY;

/**
 * The model being written: its rows, columns, objective and slacks, and the helpers every section uses
 * (a binary column, a rule's row with its slack when elastic, the terms of some requests' columns).
 */
export class ModelWriter {
  readonly subjectTo: LP["subjectTo"] = [];
  // Accumulated per column: glpk.js sets (does not add) a coefficient named twice.
  readonly objectiveCoefs = new Map<string, number>();
  readonly binaries: string[] = [];
  readonly generals: string[] = [];
  readonly bounds: NonNullable<LP["bounds"]> = [];
  readonly slack = new Map<RuleId, { name: string; scale: number }>();
  readonly indicator = new Map<RuleId, string>();
  readonly rowsByRule = new Map<RuleId, string[]>();
  readonly flowNames: BuiltModel["flowNames"] = [];
  readonly symmetryRows = new Map<number, string[]>();
  readonly force: Map<number, "in" | "out">;
  readonly elasticAll: boolean;
  readonly elasticSet: Set<RuleId> | null;
  /** The plain value objective (not an elastic copy, not a probe). */
  readonly valueObjective: boolean;
  /** xNames[i][l]: the column of request i at level l; null when it cannot be funded. */
  readonly xNames: (string[] | null)[];
  readonly maxCostSum: number;
  readonly meanCost: number;

  constructor(
    readonly prep: Prepared,
    readonly K: GlpkConstants,
    readonly opts: ModelOptions,
  ) {
    this.force = opts.force ?? new Map();
    this.elasticAll = opts.elastic === "all";
    this.elasticSet = opts.elastic instanceof Set ? opts.elastic : null;
    this.valueObjective = !opts.elastic && opts.probe === undefined;
    this.xNames = prep.requests.map((r) => {
      const f = this.force.get(r.index);
      if (f === "out" || (r.req.lock === "out" && f !== "in")) return null;
      return r.levels.map((_, l) => `x${r.index}_${l}`);
    });
    this.maxCostSum = prep.requests.reduce((s, r) => s + Math.max(...r.levels.map((l) => l.cost)), 0) + 1;
    this.meanCost = Math.max(1, this.maxCostSum / Math.max(1, prep.requests.length));
  }

  objective(t: Term): void {
    this.objectiveCoefs.set(t.name, (this.objectiveCoefs.get(t.name) ?? 0) + t.coef);
  }

  /** Forced rows are never elastic: a counterfactual asks what follows if this request is in (or out). */
  isElastic(rule: RuleId): boolean {
    return !rule.startsWith(RULE_IDS.force("")) && (this.elasticAll || (this.elasticSet?.has(rule) ?? false));
  }

  addBinary(name: string): void {
    const { K, opts } = this;
    const f = opts.fixed?.get(name);
    if (f !== undefined) this.bounds.push({ name, type: K.GLP_FX, lb: f, ub: f });
    else if (opts.relaxed) this.bounds.push({ name, type: K.GLP_DB, lb: 0, ub: 1 });
    else this.binaries.push(name);
  }

  /** The rule's slack column when it is elastic (one per rule), with its indicator in the "all" copy. */
  private slackFor(rule: RuleId, bigM: number, scale: number, integral: boolean): string | null {
    if (!this.isElastic(rule)) return null;
    const { K, opts } = this;
    let s = this.slack.get(rule);
    if (!s) {
      s = { name: `s_${this.slack.size}`, scale };
      this.slack.set(rule, s);
      // The slack minimised alone, of a row in whole delegates: a whole number too, so that glpk rounds
      // its bound up ("2.4 missing" proves 3) instead of branching to close the fraction.
      if (integral && opts.slackObjective === rule && !opts.fixSlack?.has(rule)) this.generals.push(s.name);
      if (this.elasticAll) {
        const v = `v_${this.indicator.size}`;
        this.indicator.set(rule, v);
        this.binaries.push(v);
        this.objective({
          name: v,
          coef: rule.startsWith(RULE_IDS.lock("")) ? LOCK_PENALTY : isHardRule(rule) ? HARD_PENALTY : POLICY_PENALTY,
        });
        this.subjectTo.push({
          name: `ind_${this.slack.size}`,
          vars: [
            { name: s.name, coef: 1 },
            { name: v, coef: -Math.max(1, bigM) },
          ],
          bnds: { type: K.GLP_UP, lb: 0, ub: 0 },
        });
      }
      // In the objective: nothing in a probe or a copy on penalties alone; 1 for the one slack minimised;
      // else each slack in its own scale.
      const noSlacks = opts.probe !== undefined || (this.elasticAll && opts.indicatorsOnly);
      const coef = noSlacks ? 0 : opts.slackObjective === undefined ? 1 / scale : Number(opts.slackObjective === rule);
      if (coef !== 0) this.objective({ name: s.name, coef });
      const fixed = opts.fixSlack?.get(rule);
      if (fixed !== undefined) this.bounds.push({ name: s.name, type: K.GLP_FX, lb: fixed, ub: fixed });
    }
    return s.name;
  }

  /** Adds `vars (sense) rhs` as a row of `rule`, with the rule's slack when it is elastic. */
  row(rule: RuleId, name: string, vars: Term[], sense: "<=" | ">=" | "=", rhs: number, bigM: number, scale = 1): void {
    if (this.opts.omit?.has(rule)) return;
    const integral = Number.isInteger(rhs) && vars.every((v) => Number.isInteger(v.coef));
    const s = this.slackFor(rule, bigM, scale, integral);
    const all = s ? [...vars, { name: s, coef: sense === "<=" ? -1 : 1 }] : vars;
    if (all.length === 0) {
      if ((sense === "<=" && rhs >= 0) || (sense === ">=" && rhs <= 0) || (sense === "=" && rhs === 0)) return;
    }
    this.subjectTo.push({ name, vars: all, bnds: this.bounded(sense, rhs) });
    const list = this.rowsByRule.get(rule);
    if (list) list.push(name);
    else this.rowsByRule.set(rule, [name]);
  }

  /** A row of no rule (a cut, a one-level row, a dominance row): never elastic, never omitted. */
  plainRow(name: string, vars: Term[], sense: "<=" | ">=", rhs: number): void {
    this.subjectTo.push({ name, vars, bnds: this.bounded(sense, rhs) });
  }

  private bounded(sense: "<=" | ">=" | "=", rhs: number) {
    const { K } = this;
    return sense === "<="
      ? { type: K.GLP_UP, lb: 0, ub: rhs }
      : sense === ">="
        ? { type: K.GLP_LO, lb: rhs, ub: 0 }
        : { type: K.GLP_FX, lb: rhs, ub: rhs };
  }

  /** Σ coef(i) · x[i, l] over every level of the requests `indexes` the model can fund. */
  x(indexes: Iterable<number>, coef: (i: number) => number = () => 1): Term[] {
    return [...indexes].flatMap((i) => (this.xNames[i] ?? []).map((name) => ({ name, coef: coef(i) })));
  }

  /** Σ cost · x over the requests `indexes`, with a sign. */
  cost(indexes: Iterable<number>, sign = 1): Term[] {
    const { requests } = this.prep;
    return [...indexes].flatMap((i) => (this.xNames[i] ?? []).map((name, l) => ({ name, coef: sign * requests[i]!.levels[l]!.cost })));
  }
}
