// The allocation of the settings being tried, live: solved exactly in the browser at each change, with the
// figures staff compare, who enters and who leaves against the last finished run (with their States and
// why), and the rules that bind; the diagnosis when the rules cannot hold.
import { Badge, Card, Group, List, SimpleGrid, Text, Title } from "@mantine/core";
import { memo } from "react";
import { stateName, type Weights } from "../../../../../scoring/domain/index.js";
import { instanceById, type Policy } from "../../../../../scoring/policy/index.js";
import { ErrorAlert } from "../../../components/status.js";
import { TechnicalDetails } from "../../../components/details.js";
import { chf, pct, plainText, points } from "../../../format.js";
import type { Move, RoundFacts, WhatIfAnswer, WhyNotAnswer } from "./protocol.js";
import { useLiveAllocation } from "./use-live-allocation.js";
import { WhyNotPicker } from "./WhyNotPicker.js";

const named = (m: Move) => `${m.id} (${stateName(m.state, "en")})`;

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} data-figure={label}>
        {value}
      </Text>
    </div>
  );
}

/** The requests that enter or leave against the last run, each named with its State and why. */
function Moves({ title, label, moves, why }: { title: string; label: string; moves: readonly Move[]; why: (m: Move) => string }) {
  return (
    <div>
      <Text fw={700} size="sm">
        {title}
      </Text>
      {moves.length === 0 ? (
        <Text size="sm">Nobody.</Text>
      ) : (
        <List size="sm" aria-label={label}>
          {moves.map((m) => (
            <List.Item key={m.id}>
              {named(m)}
              {why(m)}
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}

export function LiveAllocationCard({
  answer,
  solving,
  policy,
  hasLastRun,
  stateOf,
  whyNot,
  askWhyNot,
  error,
  invalid = [],
}: {
  /** What makes the settings being tried invalid, in words (empty: valid): no figures are shown meanwhile. */
  invalid?: readonly string[];
  answer: WhatIfAnswer | null;
  solving: boolean;
  policy: Policy | null;
  hasLastRun: boolean;
  /** Each request's State (ISO3), to name the requests a reason mentions. */
  stateOf: ReadonlyMap<string, string>;
  whyNot: WhyNotAnswer | null;
  askWhyNot: (id: string) => void;
  error: Error | null;
}) {
  // Invalid settings show no figures at all: an earlier answer would describe other settings.
  const shown = invalid.length ? null : answer;
  const result = shown?.kind === "solved" ? shown.result : null;
  const infeasible = result?.status === "infeasible";
  return (
    <Card
      withBorder
      aria-label="Allocation with these settings"
      component="section"
      data-worker-ms={answer ? Math.round(answer.ms) : undefined}
    >
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          Allocation with these settings
        </Title>
        <Badge
          color={solving || !result ? "gray.7" : infeasible ? "red.9" : result.proven ? "teal.9" : "orange.9"}
          role="status"
          data-proven={!solving && !infeasible && !!result?.proven}
        >
          {invalid.length
            ? "Settings not valid"
            : solving
              ? "Solving…"
              : !result
                ? "Not solved"
                : infeasible
                  ? "No allocation"
                  : result.proven
                    ? "Proven optimal"
                    : "Best so far (time cap)"}
        </Badge>
      </Group>
      <Text size="sm" mb="sm">
        Solved exactly in this browser at each change, without a run: nothing is saved until you save the settings and start a run.
      </Text>
      {error && <ErrorAlert error={error} />}
      {invalid.length > 0 && (
        <div role="alert">
          <Text c="red.8">These settings are not valid: correct them to see the allocation.</Text>
          <List size="sm">
            {invalid.map((p) => (
              <List.Item key={p}>{p}</List.Item>
            ))}
          </List>
        </div>
      )}
      <AnswerView
        shown={shown}
        answerMs={answer?.ms ?? 0}
        policy={policy}
        hasLastRun={hasLastRun}
        stateOf={stateOf}
        whyNot={whyNot}
        askWhyNot={askWhyNot}
      />
    </Card>
  );
}

/**
 * The answer's figures, moves, binding rules and why-nots: memoised on the answer, so that "Solving…"
 * while the next change is solved re-renders the badge only.
 */
const AnswerView = memo(function AnswerView({
  shown,
  answerMs,
  policy,
  hasLastRun,
  stateOf,
  whyNot,
  askWhyNot,
}: {
  shown: WhatIfAnswer | null;
  answerMs: number;
  policy: Policy | null;
  hasLastRun: boolean;
  stateOf: ReadonlyMap<string, string>;
  whyNot: WhyNotAnswer | null;
  askWhyNot: (id: string) => void;
}) {
  const result = shown?.kind === "solved" ? shown.result : null;
  const infeasible = result?.status === "infeasible";
  const s = infeasible ? null : (result?.summary ?? null);
  return (
    <>
      {shown?.kind === "invalid" && <Text c="red.8">These settings are not valid: correct them to see the allocation.</Text>}
      {shown?.kind === "failed" && <Text c="red.8">The allocation could not be computed here: {shown.message}</Text>}
      {result?.status === "infeasible" && result.diagnosis && (
        <div role="alert">
          <Text fw={700}>No allocation keeps every rule.</Text>
          <List size="sm">
            {result.diagnosis.rules.map((r) => (
              <List.Item key={r.rule}>{plainText(r.text, stateOf)}</List.Item>
            ))}
          </List>
        </div>
      )}
      {s && result && (
        <>
          <SimpleGrid cols={{ base: 2, sm: 5 }} mb="sm">
            <Figure label="Total score" value={points(result.value)} />
            <Figure label="Delegates" value={String(s.delegates)} />
            <Figure label="Money left" value={chf(s.moneyLeft)} />
            <Figure label="Women" value={pct(s.womenShare)} />
            <Figure label="Outreach" value={String(s.outreach)} />
          </SimpleGrid>
          {hasLastRun && shown?.kind === "solved" && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Moves
                title="Enter, against the last run"
                label="Requests that enter"
                moves={shown.entered}
                why={(m) => (m.reason ? `: not funded in the last run (${plainText(m.reason, stateOf).replace(/\.$/, "")})` : "")}
              />
              <Moves
                title="Leave, against the last run"
                label="Requests that leave"
                moves={shown.left}
                why={() => ": funded in the last run, displaced by this change"}
              />
            </SimpleGrid>
          )}
          <Text fw={700} size="sm" mt="sm">
            Rules that bind (at their limit: loosening one could change the selection)
          </Text>
          {result.binding.length === 0 ? (
            <Text size="sm">None of the policy's rules is at its limit.</Text>
          ) : (
            <List size="sm" aria-label="Rules that bind">
              {result.binding.map((id) => {
                const inst = policy ? instanceById(policy, id) : undefined;
                return <List.Item key={id}>{inst ? inst.rule.words.en.statement(inst.bound, inst.scope) : id}</List.Item>;
              })}
            </List>
          )}
          {shown?.kind === "solved" && <WhyNotPicker notFunded={shown.notFunded} answer={whyNot} ask={askWhyNot} stateOf={stateOf} />}
          <TechnicalDetails>
            Scored and allocated in this browser in {Math.round(answerMs)} ms (the solver: {Math.round(result.ms)} ms).
          </TechnicalDetails>
        </>
      )}
    </>
  );
});

/**
 * The live allocation with its own state: an answer re-renders this panel only, never the settings page
 * around it (the page's weights, policy and ranking re-render for a change of theirs).
 */
export const LivePanel = memo(function LivePanel({
  roundId,
  weights,
  policy,
  rules,
  facts,
  invalid,
  stateOf,
}: {
  roundId: string;
  weights: Weights | null;
  policy: Policy | null;
  rules: unknown;
  facts: RoundFacts;
  invalid: readonly string[];
  stateOf: ReadonlyMap<string, string>;
}) {
  const live = useLiveAllocation(roundId, weights, policy, rules, facts);
  return (
    <LiveAllocationCard
      answer={live.answer}
      solving={live.solving}
      policy={policy}
      invalid={invalid}
      hasLastRun={!!live.inputs.data?.lastRun}
      stateOf={stateOf}
      whyNot={live.whyNot}
      askWhyNot={live.askWhyNot}
      error={live.inputs.error}
    />
  );
});
