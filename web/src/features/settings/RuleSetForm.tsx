// The scoring rules as a form: each rule's criterion, label, points and condition (a fact and its value,
// chosen from lists in words); a compound condition is said in words and edited in the JSON view.
import { ActionIcon, Button, Group, NativeSelect, NumberInput, Table, Text, TextInput } from "@mantine/core";
import {
  conditionInWords,
  FACT_CHOICES,
  factName,
  factValues,
  type Fact,
  type Rule,
  type RuleSet,
} from "../../../../scoring/criteria/index.js";
import { CRITERION } from "../../../../scoring/domain/index.js";

type Simple = { fact: Fact; eq: string | number | boolean };
const isSimple = (w: Rule["when"]): w is Simple => !!w && "fact" in w && w.eq !== undefined;
const CRITERION_CHOICES = CRITERION.codes.map((c) => ({ value: c, label: CRITERION.say(c) }));

/** A fact's value input: a list of its values in words, or a number. */
function ValueInput({
  when,
  label,
  disabled,
  onChange,
}: {
  when: Simple;
  label: string;
  disabled: boolean;
  onChange: (w: Simple) => void;
}) {
  const values = factValues(when.fact);
  if (values === "number")
    return (
      <NumberInput
        aria-label={label}
        size="xs"
        w={90}
        value={typeof when.eq === "number" ? when.eq : ""}
        disabled={disabled}
        onChange={(v) => onChange({ ...when, eq: typeof v === "number" ? v : 0 })}
      />
    );
  return (
    <NativeSelect
      aria-label={label}
      size="xs"
      data={values.map((v) => ({ value: v.value, label: v.label }))}
      value={String(when.eq)}
      disabled={disabled}
      onChange={(e) => onChange({ ...when, eq: values.find((v) => v.value === e.currentTarget.value)?.scalar ?? e.currentTarget.value })}
    />
  );
}

export function RuleSetForm({ value, onChange, admin }: { value: RuleSet; onChange: (r: RuleSet) => void; admin: boolean }) {
  const set = (k: number, patch: Partial<Rule>) =>
    onChange({ ...value, rules: value.rules.map((r, i) => (i === k ? { ...r, ...patch } : r)) });
  const firstValue = (fact: Fact): Simple["eq"] => {
    const v = factValues(fact);
    return v === "number" ? 1 : (v[0]?.scalar ?? true);
  };
  return (
    <>
      <Table.ScrollContainer minWidth={1100}>
        <Table fz="sm" aria-label="Scoring rules">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Criterion</Table.Th>
              <Table.Th>Rule</Table.Th>
              <Table.Th>When</Table.Th>
              <Table.Th>Points</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {value.rules.map((r, k) => (
              <Table.Tr key={`${r.id}-${k}`}>
                <Table.Td>
                  <NativeSelect
                    aria-label={`Criterion of "${r.label}"`}
                    size="xs"
                    miw={200}
                    data={CRITERION_CHOICES}
                    value={r.criterion}
                    disabled={!admin}
                    onChange={(e) => CRITERION.is(e.currentTarget.value) && set(k, { criterion: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={`Rule ${k + 1}`}
                    size="xs"
                    miw={220}
                    value={r.label}
                    disabled={!admin}
                    onChange={(e) => set(k, { label: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td>
                  {isSimple(r.when) ? (
                    <Group gap={4} wrap="nowrap">
                      <NativeSelect
                        aria-label={`Fact of "${r.label}"`}
                        size="xs"
                        miw={190}
                        data={FACT_CHOICES}
                        value={r.when.fact}
                        disabled={!admin}
                        onChange={(e) => {
                          const fact = FACT_CHOICES.find((f) => f.value === e.currentTarget.value)?.value;
                          if (fact) set(k, { when: { fact, eq: firstValue(fact) } });
                        }}
                      />
                      <Text size="xs">is</Text>
                      <ValueInput when={r.when} label={`Value of "${r.label}"`} disabled={!admin} onChange={(when) => set(k, { when })} />
                    </Group>
                  ) : (
                    <Text size="xs">{r.when ? `${conditionInWords(r.when)} (edit in the JSON view)` : "always"}</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={`Points of "${r.label}"`}
                    size="xs"
                    w={80}
                    min={-100}
                    max={100}
                    value={r.points}
                    disabled={!admin}
                    error={r.points < -100 || r.points > 100 ? "−100 to 100" : null}
                    onChange={(v) => set(k, { points: typeof v === "number" ? v : 0 })}
                  />
                  {r.per && <Text size="xs">× {factName(r.per)}</Text>}
                </Table.Td>
                <Table.Td>
                  {admin && (
                    <ActionIcon
                      variant="default"
                      aria-label={`Remove "${r.label}"`}
                      onClick={() => onChange({ ...value, rules: value.rules.filter((_, i) => i !== k) })}
                    >
                      ×
                    </ActionIcon>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {admin && (
        <Group mt="xs">
          <Button
            size="xs"
            variant="default"
            onClick={() =>
              onChange({
                ...value,
                rules: [
                  ...value.rules,
                  {
                    id: `rule-${value.rules.length + 1}`,
                    criterion: "implementation",
                    label: "New rule",
                    points: 10,
                    when: { fact: "state.ldc", eq: true },
                  },
                ],
              })
            }
          >
            Add a rule
          </Button>
        </Group>
      )}
    </>
  );
}
