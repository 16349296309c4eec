// What a policy rule is: one module owns the rule's field (its kind gives its schema), its model rows, its check on a selection,
// its baseline behaviour, its relaxation (sensitivity), its diagnosis and its words. Everything that
// reads or writes the policy (the model, the rule checker, the diagnosis, the sensitivity analysis, the
// baselines, the settings form, the donors' page) loops over the registry of these modules.
//
// A rule knows the requests only through `Candidate` (the prepared requests satisfy it), so this stage
// comes before the problem and the model and depends on nothing but the domain's shapes. A rule holds no
// zod schema: its field kind gives its schema (schema.ts), so that the solver's modules load without zod.
import type { CcmStatus, Region } from "../domain/index.js";

export type Lang = "en" | "fr" | "es";
export const LANGS: readonly Lang[] = ["en", "fr", "es"];

/** What a rule knows of a request. */
export interface Candidate {
  index: number;
  req: { state: string; region: Region; status: CcmStatus };
  woman: boolean;
  /** From a signatory or a State not party. */
  outreach: boolean;
}

/** The counts of a selection that the rules are written on. */
export interface Tally {
  delegates: number;
  women: number;
  outreach: number;
  perState: ReadonlyMap<string, number>;
  perRegion: ReadonlyMap<Region, number>;
  perStatus: ReadonlyMap<CcmStatus, number>;
}

export interface Term {
  name: string;
  coef: number;
}

/** What a rule writes its rows with (the model builder implements it). */
export interface RowWriter {
  candidates: readonly Candidate[];
  /** Candidates by State and by region (indexes into `candidates`). */
  byState: ReadonlyMap<string, readonly number[]>;
  byRegion: ReadonlyMap<Region, readonly number[]>;
  /** Candidates by CCM status (indexes into `candidates`). */
  byStatus: ReadonlyMap<CcmStatus, readonly number[]>;
  /** The terms Σ coef(i) · x[i, l] over every level of the requests `indexes` that the model can fund. */
  x(indexes: Iterable<number>, coef?: (i: number) => number): Term[];
  /** A row of the rule `rule`: `terms (sense) rhs`. `bigM` bounds how far it can be broken (its slack in the elastic copy). */
  row(rule: string, name: string, terms: Term[], sense: "<=" | ">=", rhs: number, bigM: number): void;
  /** A valid inequality that only tightens the plain value model (never elastic, never a rule of its own). */
  cut(name: string, terms: Term[], sense: "<=" | ">=", rhs: number): void;
  /** Whether the model is the plain value model (not elastic, not a probe): the only one cuts are written for. */
  plain: boolean;
  /** The seats (the maxDelegates rule's bound) when set: some rules' cuts combine with it. */
  seats: number | undefined;
}

/** The diagnosis's questions about one rule, answered with the other rules relaxed as the diagnosis found. */
export interface Probe {
  /** The requests the model is written on, and the seats when set (the most that can be funded). */
  candidates: readonly Candidate[];
  seats: number | undefined;
  /** The best Σ weight(c) over the funded, with this rule left out and at least one request funded (null: no allocation). */
  maximise(weight: (c: Candidate) => number): Promise<Candidate[] | null>;
  /** Whether an allocation keeps the other rules with this rule's bound set to `bound`. */
  feasibleAt(bound: number): Promise<boolean>;
}

/** A rule's words in one language, for staff, donors and applicants. */
export interface RuleWords {
  /** The rule's name, as a heading or a form label. */
  name: string;
  /** The rule as a sentence (donors' page, staff's settings summary): "At most 20 delegates are sponsored." */
  statement(bound: number, scope?: string): string;
  /** Why a request was not funded because of this rule, for its applicant (no figures of other requests). */
  applicant: string;
}

/** One bound written in a policy: a rule instance ("regionMin.AFR" with its bound 2). */
export interface RuleInstance {
  /** The rule's id as results name it: the policy key, or key.scope (regionMin.AFR). */
  id: string;
  rule: PolicyRule;
  scope?: string;
  bound: number;
}

/** How the settings form asks for the rule's value. */
export type FieldKind =
  /** A whole number of delegates. */
  | "count"
  /** A share of delegates, typed as a percentage, stored as 0–1. */
  | "share"
  /** Points of value. */
  | "points"
  /** A whole number per regional group. */
  | "count-per-region"
  /** A whole number per CCM status (States Parties, signatories, States not party). */
  | "count-per-status";

/** The value a field kind holds (its schema is in schema.ts). */
export type ValueOf<F extends FieldKind> = F extends "count-per-region"
  ? Partial<Record<Region, number>>
  : F extends "count-per-status"
    ? Partial<Record<CcmStatus, number>>
    : number;

export interface PolicyRule<V = unknown> {
  /** The key of the policy object (and the problem file's field). */
  key: string;
  /** The field's kind: its schema (schema.ts) and its input in the settings form. */
  field: FieldKind;
  words: Record<Lang, RuleWords>;
  /** The bounds this rule writes for the value in a policy (none for a value that asks nothing). */
  instances(value: V): { scope?: string; bound: number }[];
  /** A maximum relaxes upwards, a minimum downwards; a bonus is not a constraint. */
  sense: "max" | "min" | "bonus";
  /** One step of relaxation, as the sensitivity analysis takes it. */
  step: number;
  /** The policy value with one instance's bound replaced. */
  withBound(value: V | undefined, scope: string | undefined, bound: number): V;
  /** Writes the rule's rows. */
  rows?(w: RowWriter, bound: number, scope: string | undefined): void;
  /** The rule's violations by a selection (staff's words, English), empty when it holds. */
  broken?(t: Tally, bound: number, scope: string | undefined): string[];
  /** Whether a selection sits at the rule's limit. */
  tight?(t: Tally, bound: number, scope: string | undefined): boolean;
  /** The baselines' check before funding `c` (absent: the baselines ignore the rule and list it as broken). */
  admits?(t: Tally, c: Candidate, bound: number, scope: string | undefined): boolean;
  /**
   * The least relaxation that lets the rule hold with the others (the diagnosis). `slack` is the elastic
   * copy's slack on the rule's rows, in their units; rules whose rows are not in delegates use the probe.
   */
  reachable?(bound: number, scope: string | undefined, slack: () => Promise<number>, probe: Probe): Promise<number | null>;
  /** The diagnosis's sentence: the bound and what is reachable (null: not reachable by relaxing it alone). */
  unreachable?(
    bound: number,
    scope: string | undefined,
    reachable: number | null,
    context: { withOthers: string; withLocks: string },
  ): string;
  /** The sensitivity analysis's name for the instance ("the limit of 20 delegates"). */
  sensitivityName?(bound: number, scope: string | undefined): string;
}

/** A rule with its field kind kept, so that the policy's type has each field's type. */
export function defineRule<F extends FieldKind>(rule: PolicyRule<ValueOf<F>> & { field: F }): PolicyRule<ValueOf<F>> & { field: F } {
  return rule;
}
