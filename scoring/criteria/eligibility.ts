// Who may be sponsored (para. 100): a rule set's eligibility paths, each a condition on the same facts
// as the scoring rules. A request is eligible when one path holds, or when the ISU admitted it by
// exception (with a justification, shown to donors). An ineligible request is not allocated; its reason
// says, in words, what fails on each path.
import type { State } from "../domain/index.js";
import { factValueInWords, type Condition, type Fact, type RuleSet, type Scalar } from "./rules.js";
import type { RequestAttributes } from "./score.js";

type FactValue = string | number | boolean;

export interface Eligibility {
  eligible: boolean;
  /** The path that holds (its label), when one does. */
  path?: string;
  /** Admitted by the ISU although no path holds. */
  exception?: { justification: string; by: string; on: string };
  /** Each path that does not hold, with what fails on it. */
  failed: { path: string; fails: string[] }[];
  /** The whole verdict as one sentence. */
  text: string;
}

/** The yes-or-no facts as people say them: [when true, when false]. */
const BOOL_WORDS: Partial<Record<Fact, [string, string]>> = {
  "state.ldc": ["a least developed country", "not a least developed country"],
  "state.art4Clearance": ["clearance obligations (Article 4)", "no clearance obligations (Article 4)"],
  "state.art4ExtensionRequest": ["an Article 4 extension request at this meeting", "no Article 4 extension request at this meeting"],
  "state.art5VictimAssistance": ["victim-assistance obligations (Article 5)", "no victim-assistance obligations (Article 5)"],
  "state.art7ReportOutstanding": ["a transparency report (Article 7) outstanding", "no transparency report (Article 7) outstanding"],
  "state.genevaMission": ["a permanent mission in Geneva", "no permanent mission in Geneva"],
  "state.underrepresentedRegion": ["from an under-represented region", "not from an under-represented region"],
  "request.operationalExpertise": ["operational experience", "no operational experience"],
  "request.survivor": ["a survivor or affected-community representative", "not a survivor or affected-community representative"],
  "request.firstParticipation": ["a first participation", "not a first participation"],
  "request.interestEvidence": ["evidence of interest given", "no evidence of interest given"],
};

/** The other facts as people name them. */
const FACT_WORDS: Partial<Record<Fact, string>> = {
  "state.region": "regional group",
  "state.ccmStatus": "status under the Convention",
  "state.incomeGroup": "World Bank income group",
  "request.interestReview": "evidence of interest",
  "request.gender": "gender",
  "request.role": "role at the meeting",
};

/** What fails in a condition, in words: empty when it holds. */
export function failures(cond: Condition, f: Record<Fact, FactValue>): string[] {
  // eslint-disable-next-line no-restricted-syntax -- narrowing a condition the schema parsed by its own key
  if ("all" in cond) return cond.all.flatMap((c) => failures(c, f));
  // eslint-disable-next-line no-restricted-syntax -- narrowing a condition the schema parsed by its own key
  if ("any" in cond) {
    const each = cond.any.map((c) => failures(c, f));
    return each.some((x) => x.length === 0) ? [] : [`none holds: ${each.map((x) => x.join(" and ")).join(", ")}`];
  }
  // eslint-disable-next-line no-restricted-syntax -- narrowing a condition the schema parsed by its own key
  if ("not" in cond) return failures(cond.not, f).length ? [] : ["an excluded case holds"];
  const v = f[cond.fact];
  const bool = BOOL_WORDS[cond.fact];
  if (bool && typeof v === "boolean" && typeof cond.eq === "boolean") return v === cond.eq ? [] : [bool[v ? 0 : 1]];
  const name = FACT_WORDS[cond.fact] ?? cond.fact;
  const word = (x: Scalar | FactValue): string => factValueInWords(cond.fact, x);
  const needed = (what: string): string[] => [`${name}: ${word(v)} (needed: ${what})`];
  if (cond.eq !== undefined) return v === cond.eq ? [] : needed(word(cond.eq));
  if (cond.in !== undefined) return cond.in.includes(v) ? [] : needed(cond.in.map(word).join(" or "));
  if (cond.gte !== undefined) return typeof v === "number" && v >= cond.gte ? [] : needed(`at least ${cond.gte}`);
  if (cond.lte !== undefined) return typeof v === "number" && v <= cond.lte ? [] : needed(`at most ${cond.lte}`);
  return [];
}

/** The request's eligibility under the rule set (every request, when the set has no paths). */
export function eligibility(request: RequestAttributes, state: State, rules: RuleSet, f: Record<Fact, FactValue>): Eligibility {
  if (!rules.eligibility) return { eligible: true, failed: [], text: "Eligible (the rules set no condition)." };
  const failed: Eligibility["failed"] = [];
  for (const p of rules.eligibility) {
    const fails = failures(p.when, f);
    if (fails.length === 0) return { eligible: true, path: p.label, failed: [], text: `Eligible: ${p.label}.` };
    failed.push({ path: p.label, fails });
  }
  const why = failed.map((p) => `${p.path}: ${p.fails.join("; ")}`).join(". ");
  if (request.exception)
    return {
      eligible: true,
      exception: request.exception,
      failed,
      text: `Admitted by the ISU by exception (${request.exception.justification}). No eligibility condition holds for ${state.name}: ${why}.`,
    };
  return { eligible: false, failed, text: `Not eligible: no eligibility condition holds for ${state.name}. ${why}.` };
}
