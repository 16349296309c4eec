// The registry of policy rules: the bounds a policy writes (rule instances), and the policy in words.
// Every consumer loops over this (the policy's schema, built from the same rules, is in schema.ts).
import { RULES } from "./rules/index.js";
import type { Policy } from "./schema.js";
import type { Lang, PolicyRule, RuleInstance } from "./types.js";

/** The rules, in order. */
export const POLICY_RULES: readonly PolicyRule[] = Object.values(RULES) as PolicyRule[];

/** The rule named by a policy key, if there is one. */
export function policyRule(key: string): PolicyRule | undefined {
  return POLICY_RULES.find((r) => r.key === key);
}

/** Every bound a policy writes, in the registry's order: the rules' instances. */
export function instancesOf(policy: Policy): RuleInstance[] {
  const out: RuleInstance[] = [];
  for (const rule of POLICY_RULES) {
    const value = (policy as Record<string, unknown>)[rule.key];
    if (value === undefined) continue;
    for (const { scope, bound } of rule.instances(value)) {
      out.push({ id: scope === undefined ? rule.key : `${rule.key}.${scope}`, rule, scope, bound });
    }
  }
  return out;
}

/** The instance a result's rule id names (regionMin.AFR), if the policy writes it. */
export function instanceById(policy: Policy, id: string): RuleInstance | undefined {
  return instancesOf(policy).find((i) => i.id === id);
}

/** The policy with one instance's bound replaced (a relaxation, a what-if). */
export function withBound(policy: Policy, instance: Pick<RuleInstance, "rule" | "scope">, bound: number): Policy {
  const key = instance.rule.key;
  const value = (policy as Record<string, unknown>)[key];
  return { ...policy, [key]: instance.rule.withBound(value, instance.scope, bound) };
}

/** The policy as sentences in the reader's language (the donors' page, the settings summary). */
export function policyInWords(policy: Policy, lang: Lang = "en"): string[] {
  const out: string[] = [];
  for (const rule of POLICY_RULES) {
    const value = (policy as Record<string, unknown>)[rule.key];
    if (value === undefined) continue;
    if (rule.sense === "bonus") {
      if (typeof value === "number" && value > 0) out.push(rule.words[lang].statement(value));
      continue;
    }
    for (const { scope, bound } of rule.instances(value)) out.push(rule.words[lang].statement(bound, scope));
  }
  return out;
}
