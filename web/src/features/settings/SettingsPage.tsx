// Weights and rules: sliders for the five weights with the ranking re-computed live in the browser by
// scoring/ (no round trip), the policy (one field per rule of the registry: PolicyFields.tsx) and the
// rule set, each validated by the same zod schemas as the server's, saved as a new version of the
// round's settings. An unsaved what-if is kept in the browser (scenario.ts).
import { Button, Card, Grid, Group, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { useParams, useSearchParams } from "react-router-dom";
import { fieldProblems, WeightsSchema } from "../../../../scoring/domain/index.js";
import { fieldInWords, instanceById, PolicySchema, withBound } from "../../../../scoring/policy/index.js";
import { api, ApiError, call } from "../../api.js";
import { ErrorAlert, Loading } from "../../components/status.js";
import { keys } from "../../query-keys.js";
import { dateTime } from "../../format.js";
import { useSession } from "../accounts/index.js";
import { useScores } from "../requests/index.js";
import { useSettings } from "../rounds/index.js";
import { PolicyFields, policySharesValid } from "./PolicyFields.js";
import { RankingCard } from "./RankingCard.js";
import { parseRules, RuleSetCard } from "./RuleSetCard.js";
import { useScenario } from "./scenario.js";
import { WeightsCard } from "./WeightsCard.js";
import { LivePanel } from "./live/LiveAllocationCard.js";
import { NO_FACTS, TryFacts } from "./live/TryFacts.js";
import type { RoundFacts } from "./live/protocol.js";

export function SettingsPage() {
  const { roundId = "" } = useParams();
  const admin = useSession().data?.role === "admin";
  const qc = useQueryClient();
  const settings = useSettings(roundId);
  const scores = useScores(roundId);
  const s = useScenario(roundId, settings.data);
  useWhatIfFromLink(s);

  // Parsed once per change of their own (a move of a weight re-renders the page: it must not re-parse them).
  const policyParsed = useMemo(() => (s.policy ? PolicySchema.safeParse(s.policy) : null), [s.policy]);
  const policyErrors =
    policyParsed && !policyParsed.success ? fieldProblems(policyParsed.error).map((p) => [p.path, p.message] as const) : [];
  const rules = useMemo(() => parseRules(s.rulesText), [s.rulesText]);
  // The live allocation follows the settings being tried, once they are valid (each kept by identity, so
  // that a render alone does not start a solve).
  const livePolicy = useMemo(() => (s.policy && policyParsed?.success ? s.policy : null), [s.policy, policyParsed]);
  const liveRules = useMemo(() => (rules.ok ? rules.value : undefined), [rules]);
  const [facts, setFacts] = useState<RoundFacts>(NO_FACTS);
  const stateOf = useMemo(() => new Map((scores.data?.requests ?? []).map((r) => [r.id, r.state])), [scores.data]);
  const weightsValid = !!s.weights && WeightsSchema.safeParse(s.weights).success;
  const valid = weightsValid && policyParsed?.success && rules.ok && !!s.policy && policySharesValid(s.policy);

  const save = useMutation({
    mutationFn: () => {
      if (!settings.data || !s.weights || !policyParsed?.success || !rules.ok)
        throw new Error("The settings are not valid: nothing was saved.");
      return call(
        api.api.rounds[":roundId"].settings.$put({
          param: { roundId },
          json: { weights: s.weights, policy: policyParsed.data, rules: rules.value, note: s.note, basedOn: settings.data.version },
        }),
      );
    },
    onSuccess: () => {
      void s.reset();
      void qc.invalidateQueries({ queryKey: keys.settings(roundId) });
      void qc.invalidateQueries({ queryKey: keys.scores(roundId) });
    },
  });
  const serverProblems =
    save.error instanceof ApiError
      ? (save.error.details?.problems ?? []).flatMap((p) => ("path" in p ? [[p.path, p.message] as const] : []))
      : [];

  // Kept by identity while the problems are the same (the policy's fields re-render only then).
  const problemList = [...policyErrors, ...serverProblems];
  const problemsKey = JSON.stringify(problemList);
  const problems = useMemo(() => new Map(problemList), [problemsKey]);
  // What keeps the live allocation from following the settings, each field in the form's words.
  const invalidList = [
    ...(s.weights && !weightsValid ? ["Weights: each from 0 to 100, and not all 0"] : []),
    ...policyErrors.map(([path, message]) => `${fieldInWords(path)}: ${message}`),
    ...(rules.ok ? [] : ["Rule set: see its problems below"]),
  ];
  // Kept by identity while the same: the live panel re-renders for a change of its own inputs only.
  const invalidKey = JSON.stringify(invalidList);
  const invalidSettings = useMemo(() => invalidList, [invalidKey]);
  if (settings.isError) return <ErrorAlert error={settings.error} />;
  if (!settings.data || !s.weights || !s.policy) return <Loading label="Loading the settings" />;
  const version = settings.data.version;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Weights and rules: {roundId}</Title>
        <Text c="dimmed">Settings version {version}</Text>
      </Group>
      {(s.dirty || s.restoredAt) && (
        <Group role="status" gap="xs">
          <Text size="sm">
            {s.restoredAt
              ? `Your unsaved what-if from ${dateTime(s.restoredAt)} was restored from this browser.`
              : "Unsaved what-if: kept in this browser until you save or discard it."}
          </Text>
          <Button size="compact-xs" variant="default" onClick={() => void s.reset()}>
            Discard the what-if
          </Button>
        </Group>
      )}
      {/* The live allocation stays in view beside the weights and the policy while they move (sticky under
          the header); the ranking and the rule set, wide tables, take the full width below. */}
      <Grid align="flex-start">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack>
            <WeightsCard weights={s.weights} onChange={s.setWeights} disabled={!admin} />
            <Card withBorder>
              <Title order={3} size="h4" mb="sm">
                Policy
              </Title>
              <PolicyFields policy={s.policy} onChange={s.setPolicy} problems={problems} disabled={!admin} />
            </Card>
            <TryFacts facts={facts} onChange={setFacts} requests={scores.data?.requests ?? []} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }} style={{ position: "sticky", top: 64, maxHeight: "calc(100vh - 72px)", overflowY: "auto" }}>
          <LivePanel
            roundId={roundId}
            weights={s.weights}
            policy={livePolicy}
            rules={liveRules}
            facts={facts}
            invalid={invalidSettings}
            stateOf={stateOf}
          />
        </Grid.Col>
      </Grid>
      <RankingCard
        requests={scores.data?.requests ?? []}
        weights={s.weights}
        savedWeights={settings.data.weights}
        pending={scores.isPending}
        error={scores.error}
      />
      <RuleSetCard text={s.rulesText} onChange={s.setRulesText} admin={admin} />
      {admin && (
        <Group align="flex-end" component="form" onSubmit={(e) => (e.preventDefault(), save.mutate())} aria-label="Save the settings">
          <TextInput label="Note for this version" value={s.note} onChange={(e) => s.setNote(e.currentTarget.value)} w={360} />
          <Button type="submit" disabled={!valid} loading={save.isPending}>
            Save as version {version + 1}
          </Button>
        </Group>
      )}
      {save.isError && <ErrorAlert title="Not saved" error={save.error} />}
      {save.isSuccess && (
        <Text c="teal.9" role="status">
          Saved. The next run uses these settings.
        </Text>
      )}
    </Stack>
  );
}

/**
 * A what-if opened from a link (the diagnosis's "least change": `?try=regionMin.AFR&to=2`): once the form
 * is loaded, the rule takes that bound, unsaved, with a note saying where it came from.
 */
function useWhatIfFromLink(s: ReturnType<typeof useScenario>): void {
  const [params, setParams] = useSearchParams();
  const { policy, setPolicy, setNote } = s;
  useEffect(() => {
    const id = params.get("try");
    const to = Number(params.get("to"));
    if (!id || !policy) return;
    setParams({}, { replace: true });
    const inst = instanceById(policy, id);
    if (!inst || !Number.isFinite(to)) return;
    setPolicy(withBound(policy, inst, to));
    setNote(`What-if from the diagnosis: ${inst.rule.words.en.statement(to, inst.scope)}`);
  }, [params, setParams, policy, setPolicy, setNote]);
}
