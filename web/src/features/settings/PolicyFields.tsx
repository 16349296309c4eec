// The policy's fields, one per rule of the registry (scoring/policy/): a new rule appears here with its
// own label and input kind, with no change to this form. Shares are typed as percentages.
import { NumberInput, SimpleGrid, Stack, Text } from "@mantine/core";
import { memo } from "react";
import { CCM_STATUS, REGION, CCM_STATUS_GROUP } from "../../../../scoring/domain/index.js";
import { POLICY_RULES, type Lang, type Policy, type PolicyRule } from "../../../../scoring/policy/index.js";

type Values = Record<string, unknown>;
type PerScope = Partial<Record<string, number>>;

const isPerScope = (x: unknown): x is PerScope =>
  typeof x === "object" && x !== null && Object.values(x).every((v) => v === undefined || typeof v === "number");

/** The policy with one rule's value set (undefined: left to the default); the schema checks the whole. */
function withValue(policy: Policy, key: string, value: number | PerScope | undefined): Policy {
  const next: Policy = { ...policy };
  Reflect.set(next, key, value);
  return next;
}

export interface PolicyFieldsProps {
  policy: Policy;
  onChange: (policy: Policy) => void;
  /** Problems by path ("minWomenShare", "regionMin.AFR"), from the client's parse or the server's answer. */
  problems: Map<string, string>;
  disabled: boolean;
  lang?: Lang;
}

/** A share typed as a percentage must lie in 0–100; the form says so before the schema does. */
export function percentProblem(value: unknown): string | null {
  return typeof value === "number" && (value < 0 || value > 1) ? "Enter a percentage from 0 to 100." : null;
}

/** Re-rendered only when its own props change (not at each move of a weight). */
export const PolicyFields = memo(function PolicyFields({ policy, onChange, problems, disabled, lang = "en" }: PolicyFieldsProps) {
  const values: Values = policy;
  const set = (key: string, value: number | PerScope | undefined): void => onChange(withValue(policy, key, value));
  // Rules written per scope (a regional group, a CCM status) get one input per scope.
  const scopesOf = (rule: PolicyRule): { scope: string; label: string }[] =>
    rule.field === "count-per-region"
      ? REGION.codes.map((r) => ({ scope: r, label: r }))
      : rule.field === "count-per-status"
        ? CCM_STATUS.codes.map((s) => ({ scope: s, label: CCM_STATUS_GROUP[s][lang] }))
        : [];
  const single = POLICY_RULES.filter((r) => scopesOf(r).length === 0);
  const scoped = POLICY_RULES.filter((r) => scopesOf(r).length > 0);
  const field = (rule: PolicyRule) => {
    const typed = values[rule.key];
    const value = typeof typed === "number" ? typed : undefined;
    const share = rule.field === "share";
    return (
      <NumberInput
        key={rule.key}
        label={share ? `${rule.words[lang].name} (%)` : rule.words[lang].name}
        value={value === undefined ? "" : share ? Math.round(value * 10000) / 100 : value}
        min={0}
        clampBehavior="none"
        max={share ? 100 : undefined}
        step={share ? 5 : 1}
        decimalScale={rule.field === "count" ? 0 : 2}
        onChange={(v) => set(rule.key, typeof v === "number" ? (share ? v / 100 : v) : undefined)}
        error={(share ? percentProblem(value) : null) ?? problems.get(rule.key) ?? problems.get(`policy.${rule.key}`)}
        disabled={disabled}
      />
    );
  };
  const scopeField = (rule: PolicyRule, { scope: region, label }: { scope: string; label: string }) => {
    const typed = values[rule.key];
    const current: PerScope = isPerScope(typed) ? typed : {};
    return (
      <NumberInput
        key={`${rule.key}.${region}`}
        label={`${label} ${rule.sense === "min" ? "at least" : "at most"}`}
        value={current[region] ?? ""}
        min={0}
        clampBehavior="none"
        onChange={(v) => {
          const next = { ...current };
          if (typeof v === "number") next[region] = v;
          else delete next[region];
          set(rule.key, Object.keys(next).length ? next : undefined);
        }}
        error={problems.get(`${rule.key}.${region}`) ?? problems.get(`policy.${rule.key}.${region}`)}
        disabled={disabled}
      />
    );
  };
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>{single.map(field)}</SimpleGrid>
      {scoped.map((rule) => (
        <Stack key={rule.key} gap={4} mt="xs">
          <Text fw={700} size="sm">
            {rule.words[lang].name}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 5 }}>{scopesOf(rule).map((s) => scopeField(rule, s))}</SimpleGrid>
        </Stack>
      ))}
    </Stack>
  );
});

/** Whether every share in the policy is a percentage the form accepts. */
export function policySharesValid(policy: Policy): boolean {
  const values: Values = policy;
  return POLICY_RULES.every((r) => r.field !== "share" || percentProblem(values[r.key]) === null);
}
