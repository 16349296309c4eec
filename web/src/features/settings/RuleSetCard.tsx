// The scoring rule set (empty: the default rules): a form of its rules, and the JSON as the advanced view
// (for compound conditions and the eligibility paths), checked against the engine's schema as typed.
import { Button, Card, Group, JsonInput, Stack, Tabs, Text, Title } from "@mantine/core";
import { memo } from "react";
import { RuleSetForm } from "./RuleSetForm.js";
import { DEFAULT_RULES, RuleSetSchema, type RuleSet } from "../../../../scoring/criteria/index.js";
import { fieldProblems, type FieldProblem } from "../../../../scoring/domain/index.js";
import { fieldInWords } from "../../../../scoring/policy/index.js";

export type ParsedRules = { ok: true; value: RuleSet | null } | { ok: false; problems: FieldProblem[] };

/** The rule set typed as JSON: null for the default rules, or every problem by its path. */
export function parseRules(text: string): ParsedRules {
  if (!text.trim()) return { ok: true, value: null };
  try {
    const r = RuleSetSchema.safeParse(JSON.parse(text));
    return r.success ? { ok: true, value: r.data } : { ok: false, problems: fieldProblems(r.error) };
  } catch (e) {
    return { ok: false, problems: [{ path: "(the text)", message: `not JSON: ${e instanceof Error ? e.message : String(e)}` }] };
  }
}

/** Re-rendered only when its own props change (not at each move of a weight: the live allocation's latency). */
export const RuleSetCard = memo(function RuleSetCard({
  text,
  onChange,
  admin,
}: {
  text: string;
  onChange: (text: string) => void;
  admin: boolean;
}) {
  const parsed = parseRules(text);
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        Rule set
      </Title>
      <Text size="sm" mb="xs">
        Empty: the default rules, from paragraph 102 of the ISU's 2024 annual report. Each rule adds points to one criterion when its
        condition holds.
      </Text>
      <Tabs defaultValue="form" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="form">The rules</Tabs.Tab>
          <Tabs.Tab value="json">JSON (advanced)</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="form" pt="xs">
          {parsed.ok ? (
            <RuleSetForm
              value={parsed.value ?? RuleSetSchema.parse(DEFAULT_RULES)}
              onChange={(r) => onChange(JSON.stringify(r, null, 2))}
              admin={admin}
            />
          ) : (
            <Text size="sm">The JSON has problems (below): correct them in the JSON view to see the rules as a form.</Text>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="json" pt="xs">
          <JsonInput
            label="Rules (JSON)"
            value={text}
            onChange={onChange}
            autosize
            minRows={6}
            maxRows={18}
            formatOnBlur
            disabled={!admin}
          />
        </Tabs.Panel>
      </Tabs>
      {!parsed.ok && (
        <Stack gap={2} mt="xs" role="alert">
          {parsed.problems.slice(0, 8).map((p, i) => (
            <Text key={i} size="sm" c="red.9">
              {fieldInWords(p.path)}: {p.message}
            </Text>
          ))}
        </Stack>
      )}
      {admin && (
        <Group mt="xs">
          <Button size="xs" variant="default" onClick={() => onChange(JSON.stringify(DEFAULT_RULES, null, 2))}>
            Start from the default rules
          </Button>
          <Button size="xs" variant="default" onClick={() => onChange("")}>
            Use the default rules
          </Button>
        </Group>
      )}
    </Card>
  );
});
