// The allocation model's types: the glpk constants it needs, its options (forcings, elastic copies,
// probes, relaxations, fixings) and what building it returns.
import type { LP } from "glpk.js";
import type { PreparedRequest } from "../problem/index.js";

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
  /** With every rule elastic: minimise the penalties of the rules relaxed only, not their slacks' sizes
   *  (an objective in whole penalties, whose bound glpk rounds up: the fewest rules are proven at once). */
  indicatorsOnly?: boolean;
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
