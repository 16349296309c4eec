// Allocate: run the optimiser (progress, cancel), read the result (who is funded and why not, who pays,
// charts, the baselines, the diagnosis when the rules cannot hold), lock requests in or out with a
// justification, compare two runs, approve and publish.
import { Alert, Button, Card, Group, Loader, Select, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useParams } from "react-router-dom";
import { isDecided, RUN_OUTCOME, RUN_STATUS } from "../../../../scoring/domain/index.js";
import { api, call, type Answer } from "../../api.js";
import { ErrorAlert, Loading } from "../../components/status.js";
import { TechnicalDetails } from "../../components/details.js";
import { chf, dateTime, pct, points, plainText } from "../../format.js";
import { useSession } from "../accounts/index.js";
import { useRound, useStates } from "../rounds/index.js";
import { keys } from "../../query-keys.js";
import { useRun, useRuns } from "./api.js";
import { BaselinesTable, FundedTable, NotFundedTable } from "./ResultTables.js";
import { Charts } from "./Charts.js";
import { Compare } from "./Compare.js";
import { Approve } from "./Approve.js";
import { LockDialog } from "./LockDialog.js";
import { DiagnosisAlert } from "./Diagnosis.js";

type RunView = Answer<(typeof api.api.runs)[":runId"]["$get"]>;
type RunSummary = Answer<(typeof api.api.rounds)[":roundId"]["runs"]["$get"]>[number];

export function AllocatePage() {
  const { roundId = "" } = useParams();
  const session = useSession();
  const admin = session.data?.role === "admin";
  const qc = useQueryClient();
  const runs = useRuns(roundId);
  const [selected, setSelected] = useState<string | null>(null);
  const current = selected ?? runs.data?.[0]?.id ?? null;
  const run = useRun(current);
  const start = useMutation({
    mutationFn: () => call(api.api.rounds[":roundId"].runs.$post({ param: { roundId }, json: {} })),
    onSuccess: (r) => {
      setSelected(r.id);
      void qc.invalidateQueries({ queryKey: keys.runs(roundId) });
    },
  });
  const cancel = useMutation({
    mutationFn: (id: string) => call(api.api.runs[":runId"].cancel.$post({ param: { runId: id } })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.run(current) });
      void qc.invalidateQueries({ queryKey: keys.runs(roundId) });
    },
  });
  // When the run finishes, the list of runs (and its status there) follows.
  const finished = run.data && run.data.status !== "queued" && run.data.status !== "running" ? run.data.status : null;
  useEffect(() => {
    if (finished) void qc.invalidateQueries({ queryKey: keys.runs(roundId) });
  }, [finished, qc, roundId]);
  const running = run.data?.status === "queued" || run.data?.status === "running";
  const round = useRound(roundId);
  const decided = isDecided(round.data?.status ?? "");

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Allocate {roundId}</Title>
        {admin && (
          <Button onClick={() => start.mutate()} loading={start.isPending} disabled={running || decided}>
            Run the optimiser
          </Button>
        )}
      </Group>
      {decided && (
        <Text size="sm">
          The round is decided: its requests have their decisions. Declines and expired offers are replaced after the decision.
        </Text>
      )}
      {start.isError && <ErrorAlert title="The run did not start" error={start.error} />}
      {runs.isPending && <Loading label="Loading the runs" />}
      {runs.isError && <ErrorAlert error={runs.error} />}
      {runs.data && runs.data.length > 0 && (
        <Select
          label="Run"
          data={runs.data.map((r) => ({
            value: r.id,
            label: `${dateTime(r.createdAt)}: ${r.resultStatus ? RUN_OUTCOME.say(r.resultStatus) : RUN_STATUS.say(r.status)}${r.value !== null ? `, value ${points(r.value)}` : ""}${r.approvedAt ? " (approved)" : ""}`,
          }))}
          value={current}
          onChange={setSelected}
          allowDeselect={false}
          maw={520}
        />
      )}
      {runs.data?.length === 0 && (
        <Text>No run yet. {admin ? "Run the optimiser to allocate the round." : "An administrator starts the runs."}</Text>
      )}
      {run.isError && <ErrorAlert error={run.error} />}
      {running && run.data && (
        <Alert variant="filled" color="blue.8" title="Solving" role="status">
          <Group>
            <Loader size="sm" role="img" aria-label="Solving" />
            <Text>
              {run.data.status === "queued"
                ? "Queued"
                : run.data.result
                  ? `The proposal below is solved; each request's reasons are being worked out: ${run.data.elapsedSeconds ?? 0} s`
                  : `Scoring, solving and explaining: ${run.data.elapsedSeconds ?? 0} s`}
            </Text>
            {admin && (
              <Button size="xs" variant="default" onClick={() => cancel.mutate(run.data.id)} loading={cancel.isPending}>
                Cancel
              </Button>
            )}
          </Group>
        </Alert>
      )}
      {run.data?.status === "failed" && <ErrorAlert title="The run failed" error={new Error(run.data.error ?? "unknown error")} />}
      {run.data?.status === "cancelled" && (
        <Alert variant="filled" color="gray.7" title="Cancelled">
          This run was cancelled.
        </Alert>
      )}
      {/* The proposal is shown as soon as it is solved; while its reasons are worked out, nothing can be done with it yet. */}
      {(run.data?.status === "done" || run.data?.status === "running") && run.data.result && (
        <Result
          roundId={roundId}
          run={run.data}
          result={run.data.result}
          runs={runs.data ?? []}
          admin={admin && run.data.status === "done"}
        />
      )}
    </Stack>
  );
}

function Result({
  roundId,
  run,
  result: r,
  runs,
  admin,
}: {
  roundId: string;
  run: RunView;
  result: NonNullable<RunView["result"]>;
  runs: RunSummary[];
  admin: boolean;
}) {
  const states = useStates(roundId);
  const nameOf = new Map((states.data?.states ?? []).map((s) => [s.iso3, s.name]));
  const lockOf = new Map((run.problem?.requests ?? []).map((q) => [q.id, q.lock]));
  // Every reference in a sentence is followed by its State's name.
  const stateOf = new Map((run.problem?.requests ?? []).map((q) => [q.id, q.state]));
  const say = (text: string): string => plainText(text, stateOf);
  const stateName = (id: string): string => nameOf.get(stateOf.get(id) ?? "") ?? stateOf.get(id) ?? "";
  const [locking, setLocking] = useState<string | null>(null);

  if (r.status === "infeasible") {
    return (
      <>
        <DiagnosisAlert roundId={roundId} diagnosis={r.diagnosis} problem={run.problem} admin={admin} onLock={setLocking} />
        <LockDialog requestId={locking} roundId={roundId} onClose={() => setLocking(null)} />
      </>
    );
  }
  const s = r.summary;
  if (!s) return <ErrorAlert title="The run has no summary" error={new Error(`a ${r.status} result without its figures`)} />;
  return (
    <Stack>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Figure
          label="Value"
          value={points(r.value)}
          note={r.status === "optimal" ? "proven optimum" : `stopped by the time limit (gap ${pct(r.solver.gap)})`}
        />
        <Figure label="Delegates" value={String(s.delegates)} note={`${s.women} women (${pct(s.womenShare)}), ${s.outreach} outreach`} />
        <Figure label="Committed" value={chf(s.totalCost)} note={`${chf(s.moneyLeft)} left`} />
        <Figure
          label="States"
          value={String(s.states)}
          note={`from ${Object.values(s.regions).filter((n) => n > 0).length} regional groups`}
        />
      </SimpleGrid>
      <TechnicalDetails>
        Solved in {r.solver.ms} ms, explained in {r.solver.explainMs ?? "–"} ms ({r.solver.name} {r.solver.version}).
      </TechnicalDetails>

      <Charts run={run} result={r} summary={s} />

      <FundedTable r={r} nameOf={nameOf} lockOf={lockOf} admin={admin} onLock={setLocking} say={say} />

      <NotFundedTable r={r} admin={admin} onLock={setLocking} say={say} stateName={stateName} />

      <BaselinesTable r={r} say={say} />

      <Compare run={run} runs={runs} />
      {admin && !run.approvedAt && (
        <Approve
          roundId={roundId}
          runId={run.id}
          funded={r.funded.length}
          notFunded={r.notFunded.length}
          committed={r.summary?.totalCost ?? 0}
        />
      )}
      {run.approvedAt && (
        <Alert variant="filled" color="teal.9" title="Approved">
          Approved {dateTime(run.approvedAt)}: the decisions are published.
        </Alert>
      )}
      <LockDialog requestId={locking} roundId={roundId} onClose={() => setLocking(null)} />
    </Stack>
  );
}

function Figure({ label, value, note }: { label: string; value: string; note: string }) {
  return (
    <Card withBorder>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={24} fw={700}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {note}
      </Text>
    </Card>
  );
}

/** A chart with its title and a text alternative for screen readers. */
