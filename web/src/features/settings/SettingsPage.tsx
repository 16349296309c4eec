// Weights and rules: sliders for the five weights with the ranking re-computed live in the browser by
// scoring/ (no round trip), the policy (one field per rule of the registry: components/PolicyFields.tsx)
// and the rule set, each validated by the same zod schemas as the server's, saved as a new
// version of the round's settings.
import { Button, Card, Group, JsonInput, SimpleGrid, Slider, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { useParams } from "react-router-dom";
import { z } from "zod";
import { rankByWeights, DEFAULT_RULES, RuleSetSchema } from "../../../../scoring/criteria/index.js";
import { CRITERIA, CRITERION_NAMES, WeightsSchema, type Weights, fieldProblems } from "../../../../scoring/domain/index.js";
import { PolicySchema, type Policy } from "../../../../scoring/policy/index.js";
import { api, ApiError, call } from "../../api.js";
import { clearDraft, loadDraft, saveDraft } from "../../drafts.js";
import { ErrorAlert, Loading } from "../../components/status.js";
import { points } from "../../format.js";
import { useSession } from "../accounts/index.js";
import { PolicyFields, policySharesValid } from "./PolicyFields.js";
import { keys } from "../../query-keys.js";
import { useScores } from "../requests/index.js";
import { useSettings } from "../rounds/index.js";

/** Ranks requests by their weighted total under `weights` (scoring/rank.ts: the engine's own score). */
export const rank = rankByWeights;

/** An unsaved what-if, as this page keeps it in the browser (Dexie). */
const ScenarioSchema = z.object({
  weights: WeightsSchema,
  policy: PolicySchema,
  rulesText: z.string(),
  note: z.string(),
  basedOn: z.number().int(),
});

export function SettingsPage() {
  const { roundId = "" } = useParams();
  const admin = useSession().data?.role === "admin";
  const qc = useQueryClient();
  const settings = useSettings(roundId);
  const scores = useScores(roundId);
  const [weights, setWeights] = useState<Weights | null>(null);
  const [policy, setPolicy] = useState<Policy | null>(null);
  const [rulesText, setRulesText] = useState("");
  const [note, setNote] = useState("");
  // Unsaved what-ifs live in the browser (Dexie), per round: a reload loses none; saving promotes them.
  const scenarioKey = `scenario:${roundId}`;
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  useEffect(() => {
    if (!settings.data || weights) return;
    const saved = settings.data;
    void loadDraft(scenarioKey).then((d) => {
      // A draft kept by an older version of this page may not parse: it is then ignored.
      const parsed = d ? ScenarioSchema.safeParse(d.values) : null;
      const v = parsed?.success ? parsed.data : null;
      if (d && v && v.basedOn === saved.version) {
        setWeights(v.weights);
        setPolicy(v.policy);
        setRulesText(v.rulesText);
        setNote(v.note);
        setRestoredAt(d.updatedAt);
      } else {
        setWeights(saved.weights);
        setPolicy(saved.policy);
        setRulesText(saved.rules ? JSON.stringify(saved.rules, null, 2) : "");
      }
    });
  }, [settings.data, weights, scenarioKey]);
  const dirty =
    !!settings.data &&
    !!weights &&
    (JSON.stringify(weights) !== JSON.stringify(settings.data.weights) ||
      JSON.stringify(policy) !== JSON.stringify(settings.data.policy) ||
      rulesText !== (settings.data.rules ? JSON.stringify(settings.data.rules, null, 2) : ""));
  useEffect(() => {
    if (!settings.data || !weights) return;
    if (dirty) void saveDraft(scenarioKey, { weights, policy, rulesText, note, basedOn: settings.data.version });
    else void clearDraft(scenarioKey);
  }, [dirty, weights, policy, rulesText, note, settings.data, scenarioKey]);
  const discard = async () => {
    await clearDraft(scenarioKey);
    setRestoredAt(null);
    setWeights(null);
  };

  const requests = scores.data?.requests ?? [];
  // Live ranking: every request re-scored in the browser at each move of a slider.
  const live = useMemo(() => {
    if (!weights || requests.length === 0) return null;
    const t0 = performance.now();
    const ranked = rank(requests, weights);
    return { ranked, ms: performance.now() - t0 };
  }, [weights, requests]);
  const saved = useMemo(
    () =>
      settings.data && requests.length
        ? new Map(rank(requests, settings.data.weights).map((r, i) => [r.id, i + 1]))
        : new Map<string, number>(),
    [settings.data, requests],
  );

  const weightProblems = weights ? WeightsSchema.safeParse(weights) : null;
  const policyParsed = policy ? PolicySchema.safeParse(policy) : null;
  const policyErrors = new Map(
    policyParsed && !policyParsed.success ? fieldProblems(policyParsed.error).map((p) => [p.path, p.message]) : [],
  );
  let rulesParsed: { ok: true; value: unknown } | { ok: false; problems: { path: string; message: string }[] } = { ok: true, value: null };
  if (rulesText.trim()) {
    try {
      const r = RuleSetSchema.safeParse(JSON.parse(rulesText));
      rulesParsed = r.success ? { ok: true, value: r.data } : { ok: false, problems: fieldProblems(r.error) };
    } catch (e) {
      rulesParsed = { ok: false, problems: [{ path: "(the text)", message: `not JSON: ${(e as Error).message}` }] };
    }
  }
  const valid = weightProblems?.success && policyParsed?.success && rulesParsed.ok && !!policy && policySharesValid(policy);

  const save = useMutation({
    mutationFn: () =>
      call(
        api.api.rounds[":roundId"].settings.$put({
          param: { roundId },
          json: {
            weights: weights!,
            policy: policyParsed!.data!,
            rules: rulesParsed.ok ? (rulesParsed.value as never) : null,
            note,
            basedOn: settings.data!.version,
          },
        }),
      ),
    onSuccess: () => {
      void clearDraft(scenarioKey);
      setRestoredAt(null);
      setWeights(null);
      void qc.invalidateQueries({ queryKey: keys.settings(roundId) });
      void qc.invalidateQueries({ queryKey: keys.scores(roundId) });
    },
  });
  const serverProblems = new Map(
    save.error instanceof ApiError
      ? (save.error.details?.problems ?? []).flatMap((p) => ("path" in p ? [[p.path, p.message] as const] : []))
      : [],
  );

  if (settings.isError) return <ErrorAlert error={settings.error} />;
  if (!settings.data || !weights || !policy) return <Loading label="Loading the settings" />;
  const version = settings.data.version;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Weights and rules: {roundId}</Title>
        <Text c="dimmed">Settings version {version}</Text>
      </Group>
      {(dirty || restoredAt) && (
        <Group role="status" gap="xs">
          <Text size="sm">
            {restoredAt
              ? `Your unsaved what-if from ${new Date(restoredAt).toLocaleString()} was restored from this browser.`
              : "Unsaved what-if: kept in this browser until you save or discard it."}
          </Text>
          <Button size="compact-xs" variant="default" onClick={() => void discard()}>
            Discard the what-if
          </Button>
        </Group>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            Weights
          </Title>
          {CRITERIA.map((c) => (
            <Stack key={c} gap={2} mb="md">
              <Text size="sm" id={`w-${c}`}>
                {CRITERION_NAMES[c]}: {weights[c]}
              </Text>
              <Slider
                min={0}
                max={100}
                step={1}
                value={weights[c]}
                onChange={(v) => setWeights({ ...weights, [c]: v })}
                aria-labelledby={`w-${c}`}
                thumbLabel={`${CRITERION_NAMES[c]} weight`}
                disabled={!admin}
              />
            </Stack>
          ))}
          {weightProblems && !weightProblems.success && (
            <Text c="red.9" size="sm" role="alert">
              {weightProblems.error.issues[0]?.message}
            </Text>
          )}
        </Card>
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            Ranking with these weights
          </Title>
          {scores.isPending && <Loading label="Loading the scores" />}
          {scores.isError && <ErrorAlert error={scores.error} />}
          {live && (
            <>
              <Text size="sm" c="dimmed" aria-live="polite">
                {requests.length} requests re-scored in the browser in {live.ms.toFixed(2)} ms.
              </Text>
              <Table fz="sm" aria-label="Ranking">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Rank</Table.Th>
                    <Table.Th>Reference</Table.Th>
                    <Table.Th ta="right">Total</Table.Th>
                    <Table.Th>Saved weights</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {live.ranked.slice(0, 15).map((r, i) => {
                    const before = saved.get(r.id);
                    const move = before ? before - (i + 1) : 0;
                    return (
                      <Table.Tr key={r.id}>
                        <Table.Td>{i + 1}</Table.Td>
                        <Table.Td>{r.id}</Table.Td>
                        <Table.Td ta="right">{points(r.total)}</Table.Td>
                        <Table.Td>
                          {before === undefined
                            ? ""
                            : move === 0
                              ? `#${before}`
                              : `#${before} (${move > 0 ? "up" : "down"} ${Math.abs(move)})`}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </>
          )}
        </Card>
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            Policy
          </Title>
          <PolicyFields policy={policy} onChange={setPolicy} problems={new Map([...policyErrors, ...serverProblems])} disabled={!admin} />
        </Card>
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            Rule set
          </Title>
          <Text size="sm" mb="xs">
            Empty: the default rules ({DEFAULT_RULES.id}, from para. 102 of the ISU's 2024 report). Each rule adds points to one criterion
            when its condition holds.
          </Text>
          <JsonInput
            label="Rules (JSON)"
            value={rulesText}
            onChange={setRulesText}
            autosize
            minRows={6}
            maxRows={18}
            formatOnBlur
            disabled={!admin}
          />
          {!rulesParsed.ok && (
            <Stack gap={2} mt="xs" role="alert">
              {rulesParsed.problems.slice(0, 8).map((p, i) => (
                <Text key={i} size="sm" c="red.9">
                  {p.path}: {p.message}
                </Text>
              ))}
            </Stack>
          )}
          {admin && (
            <Group mt="xs">
              <Button size="xs" variant="default" onClick={() => setRulesText(JSON.stringify(DEFAULT_RULES, null, 2))}>
                Start from the default rules
              </Button>
              <Button size="xs" variant="default" onClick={() => setRulesText("")}>
                Use the default rules
              </Button>
            </Group>
          )}
        </Card>
      </SimpleGrid>
      {admin && (
        <Group align="flex-end" component="form" onSubmit={(e) => (e.preventDefault(), save.mutate())} aria-label="Save the settings">
          <TextInput label="Note for this version" value={note} onChange={(e) => setNote(e.currentTarget.value)} w={360} />
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
