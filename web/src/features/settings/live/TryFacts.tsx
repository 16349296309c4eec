// What else the live what-if may try, beyond the settings: the money available, a request's lock and a
// State's fact. Nothing here is saved: each is a question put to the live allocation.
import { Card, NativeSelect, NumberInput, SimpleGrid, Text, Title } from "@mantine/core";
import { memo } from "react";
import { CCM_STATUS, stateName } from "../../../../../scoring/domain/index.js";
import type { RoundFacts } from "./protocol.js";

const FACTS = {
  ccmStatus: "Status in the Convention",
  ldc: "Least developed country",
  art4Clearance: "Clearance obligations (Article 4)",
  art5VictimAssistance: "Victim assistance obligations (Article 5)",
  art7ReportOutstanding: "Article 7 report outstanding",
} as const;
type FactName = keyof typeof FACTS;
const isFact = (x: string): x is FactName => x in FACTS;

export const NO_FACTS: RoundFacts = { budgetChange: 0, lock: null, fact: null };

export const TryFacts = memo(function TryFacts({
  facts,
  onChange,
  requests,
}: {
  facts: RoundFacts;
  onChange: (facts: RoundFacts) => void;
  requests: readonly { id: string; state: string }[];
}) {
  const states = [...new Set(requests.map((r) => r.state))]
    .map((iso3) => ({ value: iso3, label: stateName(iso3, "en") }))
    .sort((a, b) => a.label.localeCompare(b.label, "en"));
  const fact = facts.fact;
  const lock = facts.lock;
  const values =
    fact?.name === "ccmStatus"
      ? CCM_STATUS.codes.map((s) => ({ value: s, label: CCM_STATUS.say(s) }))
      : [
          { value: "yes", label: "Yes" },
          { value: "no", label: "No" },
        ];
  return (
    <Card withBorder component="section" aria-label="Try other facts">
      <Title order={3} size="h4" mb="xs">
        Try other facts
      </Title>
      <Text size="sm" mb="sm">
        The money, a lock or a State&apos;s fact, as a question to the allocation above: nothing here is saved.
      </Text>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <NumberInput
          label="Money available: change (CHF)"
          description="More (or, negative, less) than the round's money"
          value={facts.budgetChange}
          step={1000}
          thousandSeparator="'"
          onChange={(v) => onChange({ ...facts, budgetChange: typeof v === "number" ? v : 0 })}
        />
        <div>
          <NativeSelect
            label="Lock a request"
            value={facts.lock?.id ?? ""}
            data={[
              { value: "", label: "No request" },
              ...requests.map((r) => ({ value: r.id, label: `${r.id} · ${stateName(r.state, "en")}` })),
            ]}
            onChange={(e) => onChange({ ...facts, lock: e.currentTarget.value ? { id: e.currentTarget.value, lock: "in" } : null })}
          />
          {lock && (
            <NativeSelect
              label="Its lock"
              value={lock.lock ?? ""}
              data={[
                { value: "in", label: "Locked in (funded)" },
                { value: "out", label: "Locked out (not funded)" },
                { value: "", label: "No lock (the optimiser decides)" },
              ]}
              onChange={(e) => {
                const v = e.currentTarget.value;
                onChange({ ...facts, lock: { id: lock.id, lock: v === "in" || v === "out" ? v : null } });
              }}
            />
          )}
        </div>
        <div>
          <NativeSelect
            label="A State's fact"
            value={fact?.iso3 ?? ""}
            data={[{ value: "", label: "No State" }, ...states]}
            onChange={(e) =>
              onChange({ ...facts, fact: e.currentTarget.value ? { iso3: e.currentTarget.value, name: "ldc", value: true } : null })
            }
          />
          {fact && (
            <SimpleGrid cols={2}>
              <NativeSelect
                label="Fact"
                value={fact.name}
                data={Object.entries(FACTS).map(([value, label]) => ({ value, label }))}
                onChange={(e) => {
                  const name = e.currentTarget.value;
                  if (isFact(name)) onChange({ ...facts, fact: { iso3: fact.iso3, name, value: name === "ccmStatus" ? "party" : true } });
                }}
              />
              <NativeSelect
                label="Value"
                value={typeof fact.value === "boolean" ? (fact.value ? "yes" : "no") : fact.value}
                data={values}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  onChange({ ...facts, fact: { ...fact, value: fact.name === "ccmStatus" ? v : v === "yes" } });
                }}
              />
            </SimpleGrid>
          )}
        </div>
      </SimpleGrid>
    </Card>
  );
});
