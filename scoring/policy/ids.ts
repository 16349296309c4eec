// The ids results give the rules that are not policy fields (the policy rules' ids are their keys, or
// key.scope: regionMin.AFR). One place for them, so that the model, the checker, the diagnosis and the
// sensitivity analysis name a rule the same way.
export const RULE_IDS = {
  /** The money available to the round. */
  budget: "budget",
  /** The donors' earmarks together: what they admit can be paid. */
  earmarks: "earmarks",
  /** One donor's amount. */
  donor: (donorId: string) => `donor.${donorId}`,
  /** One donor's earmark (lifted in the sensitivity analysis). */
  earmark: (donorId: string) => `earmark.${donorId}`,
  /** A lock on a request (a staff decision, with its justification). */
  lock: (requestId: string) => `lock.${requestId}`,
  /** A request forced in or out by a counterfactual (never elastic). */
  force: (requestId: string) => `force.${requestId}`,
} as const;

/** Rules that money or a decision fixes, relaxed only after every policy rule (the diagnosis's tiers). */
export function isHardRule(rule: string): boolean {
  return rule === RULE_IDS.budget || rule === RULE_IDS.earmarks || rule.startsWith("donor.") || rule.startsWith("lock.");
}

/** The part after the kind: the donor's or the request's id. */
export function idOf(rule: string): string {
  return rule.slice(rule.indexOf(".") + 1);
}
