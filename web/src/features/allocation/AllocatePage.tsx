// Allocate: run the optimiser (progress, cancel), read the result (who is funded and why not, who pays,
// charts, the baselines, the diagnosis when the rules cannot hold), lock requests in or out with a
// justification, compare two runs, approve and publish.
import {
  Alert,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useParams } from "react-router-dom";
import { Bar, BarChart, CartesianGrid, Cell, Line, LineChart, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { isDecided } from "../../../../scoring/domain/index.js";
import { api, call, type Answer } from "../../api.js";
import { ErrorAlert, Loading } from "../../components/status.js";
import { chf, pct, points } from "../../format.js";
import { useSession } from "../accounts/index.js";
import { useRound, useStates } from "../rounds/index.js";
import { keys } from "../../query-keys.js";
import { useRequest } from "../requests/index.js";
import { useRun, useRuns } from "./api.js";
import { BaselinesTable, FundedTable, NotFundedTable } from "./ResultTables.js";

type RunView = Answer<(typeof api.api.runs)[":runId"]["$get"]>;
type RunSummary = Answer<(typeof api.api.rounds)[":roundId"]["runs"]["$get"]>[number];

const COLORS = ["#1864ab", "#c2255c", "#2b8a3e", "#e8590c", "#5f3dc4", "#495057"];

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
            label: `${r.createdAt.replace("T", " ").slice(0, 19)}: ${r.status}${r.value !== null ? `, value ${points(r.value)}` : ""}${r.approvedAt ? " (approved)" : ""}`,
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
      {running && (
        <Alert variant="filled" color="blue.8" title="Solving" role="status">
          <Group>
            <Loader size="sm" aria-label="Solving" />
            <Text>{run.data!.status === "queued" ? "Queued" : `Scoring, solving and explaining: ${run.data!.elapsedSeconds ?? 0} s`}</Text>
            {admin && (
              <Button size="xs" variant="default" onClick={() => cancel.mutate(run.data!.id)} loading={cancel.isPending}>
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
      {run.data?.status === "done" && run.data.result && <Result roundId={roundId} run={run.data} runs={runs.data ?? []} admin={admin} />}
    </Stack>
  );
}

function Result({ roundId, run, runs, admin }: { roundId: string; run: RunView; runs: RunSummary[]; admin: boolean }) {
  const r = run.result!;
  const states = useStates(roundId);
  const nameOf = new Map((states.data?.states ?? []).map((s) => [s.iso3, s.name]));
  const lockOf = new Map((run.problem?.requests ?? []).map((q) => [q.id, q.lock]));
  const [locking, setLocking] = useState<string | null>(null);
  if (r.status === "infeasible") {
    return (
      <Alert variant="filled" color="red.9" title="No allocation keeps every rule" role="alert">
        <Text>{r.diagnosis?.text}</Text>
        <Table mt="sm" aria-label="Rules that cannot hold">
          <Table.Tbody>
            {r.diagnosis?.rules.map((x) => (
              <Table.Tr key={x.rule}>
                <Table.Td>{x.rule}</Table.Td>
                <Table.Td>{x.text}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Alert>
    );
  }
  const s = r.summary!;
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
          note={`solved in ${r.solver.ms} ms, explained in ${r.solver.explainMs ?? "–"} ms`}
        />
      </SimpleGrid>

      <Charts roundId={roundId} run={run} />

      <FundedTable r={r} nameOf={nameOf} lockOf={lockOf} admin={admin} onLock={setLocking} />

      <NotFundedTable r={r} admin={admin} onLock={setLocking} />

      <BaselinesTable r={r} />

      <Compare run={run} runs={runs} />
      {admin && !run.approvedAt && <Approve roundId={roundId} runId={run.id} />}
      {run.approvedAt && (
        <Alert variant="filled" color="teal.9" title="Approved">
          Approved {run.approvedAt.replace("T", " ").slice(0, 16)}: the decisions are published.
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
function ChartCard({ title, summary, children }: { title: string; summary: string; children: React.ReactElement }) {
  return (
    <Card withBorder>
      <figure style={{ margin: 0 }} aria-label={title}>
        <Title order={3} size="h5" mb="xs">
          {title}
        </Title>
        <div role="img" aria-label={summary} style={{ width: "100%", height: 220 }}>
          <ResponsiveContainer width="100%" height="100%">
            {children}
          </ResponsiveContainer>
        </div>
        <figcaption style={{ position: "absolute", width: 1, height: 1, overflow: "hidden", clip: "rect(0 0 0 0)" }}>{summary}</figcaption>
      </figure>
    </Card>
  );
}

function Charts({ roundId, run }: { roundId: string; run: RunView }) {
  const r = run.result!;
  const s = r.summary!;
  const curve = useQuery({
    queryKey: keys.curve(run.id),
    queryFn: () => call(api.api.runs[":runId"].curve.$post({ param: { runId: run.id }, json: {} })),
    staleTime: Infinity,
  });
  const regions = Object.entries(s.regions).map(([name, n]) => ({ name, n }));
  const gender = ["F", "M", "X"]
    .map((g) => ({ name: g === "F" ? "women" : g === "M" ? "men" : "other", n: r.funded.filter((f) => f.gender === g).length }))
    .filter((x) => x.n > 0);
  const ccm = ["party", "signatory", "nonparty"]
    .map((k) => ({ name: k, n: r.funded.filter((f) => f.status === k).length }))
    .filter((x) => x.n > 0);
  const donors = s.byDonor.map((d) => ({ name: d.donor, amount: d.amount }));
  const points_ = (curve.data?.points ?? []).map((p) => ({
    budget: Math.round(p.budget),
    value: p.value,
  }));
  const list = (xs: { name: string; n: number }[]) => xs.map((x) => `${x.name} ${x.n}`).join(", ");
  void roundId;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
      <ChartCard title="Regional groups" summary={`Funded delegates by regional group: ${list(regions)}`}>
        <BarChart data={regions}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Bar dataKey="n" name="delegates" fill={COLORS[0]} />
        </BarChart>
      </ChartCard>
      <ChartCard title="Gender" summary={`Funded delegates by gender: ${list(gender)}`}>
        <PieChart>
          <Pie data={gender} dataKey="n" nameKey="name" outerRadius={80} label>
            {gender.map((_, i) => (
              <Cell key={i} fill={COLORS[i % COLORS.length]} />
            ))}
          </Pie>
          <Tooltip />
        </PieChart>
      </ChartCard>
      <ChartCard title="CCM status" summary={`Funded delegates by CCM status: ${list(ccm)}`}>
        <PieChart>
          <Pie data={ccm} dataKey="n" nameKey="name" outerRadius={80} label>
            {ccm.map((_, i) => (
              <Cell key={i} fill={COLORS[(i + 2) % COLORS.length]} />
            ))}
          </Pie>
          <Tooltip />
        </PieChart>
      </ChartCard>
      <ChartCard title="Money per donor" summary={`Money each donor pays: ${donors.map((d) => `${d.name} ${chf(d.amount)}`).join(", ")}`}>
        <BarChart data={donors}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" />
          <YAxis />
          <Tooltip formatter={(v) => chf(Number(v))} />
          <Bar dataKey="amount" name="CHF" fill={COLORS[4]} />
        </BarChart>
      </ChartCard>
      <ChartCard
        title="What more money would buy"
        summary={
          curve.isPending
            ? "Computing the money curve"
            : `Value by budget: ${points_.map((p) => `${chf(p.budget)}: ${points(p.value)}`).join("; ")}`
        }
      >
        <LineChart data={points_}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="budget" tickFormatter={(v: number) => `${Math.round(v / 1000)}k`} />
          <YAxis />
          <Tooltip formatter={(v) => points(Number(v))} labelFormatter={(v) => chf(Number(v))} />
          <Line dataKey="value" name="value" stroke={COLORS[2]} dot={false} />
        </LineChart>
      </ChartCard>
    </SimpleGrid>
  );
}

function Compare({ run, runs }: { run: RunView; runs: RunSummary[] }) {
  const others = runs.filter((x) => x.id !== run.id && x.status === "done");
  const [other, setOther] = useState<string | null>(null);
  const diff = useQuery({
    queryKey: keys.compare(run.id, other),
    enabled: !!other,
    queryFn: () => call(api.api.runs[":runId"].compare[":otherId"].$get({ param: { runId: run.id, otherId: other! } })),
  });
  if (others.length === 0) return null;
  const d = diff.data as
    | {
        same: boolean;
        entered: { id: string; state: string }[];
        left: { id: string; state: string }[];
        value: { a: number; b: number; change: number };
      }
    | undefined;
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        Compare with another run
      </Title>
      <Select
        label="Other run"
        data={others.map((x) => ({ value: x.id, label: `${x.createdAt.replace("T", " ").slice(0, 19)}, value ${points(x.value)}` }))}
        value={other}
        onChange={setOther}
        maw={420}
      />
      {diff.isError && <ErrorAlert error={diff.error} />}
      {d && (
        <Stack mt="sm" gap="xs" aria-live="polite">
          {d.same ? (
            <Text>The two runs fund the same requests.</Text>
          ) : (
            <>
              <Text>
                Value {points(d.value.a)} here, {points(d.value.b)} there ({d.value.change >= 0 ? "+" : ""}
                {points(d.value.change)}).
              </Text>
              <Text>Enter in the other run: {d.entered.map((x) => x.id).join(", ") || "nobody"}</Text>
              <Text>Leave in the other run: {d.left.map((x) => x.id).join(", ") || "nobody"}</Text>
            </>
          )}
        </Stack>
      )}
    </Card>
  );
}

function Approve({ roundId, runId }: { roundId: string; runId: string }) {
  const qc = useQueryClient();
  const round = useRound(roundId);
  const [deadline, setDeadline] = useState("");
  const [waitlist, setWaitlist] = useState<number>(5);
  const approve = useMutation({
    mutationFn: () => {
      if (!round.data) throw new Error("The round is still loading: try again in a moment.");
      return call(
        api.api.runs[":runId"].approve.$post({
          param: { runId },
          json: { offerDeadline: deadline, waitlist, roundVersion: round.data.version },
        }),
      );
    },
    onSuccess: () => {
      void qc.invalidateQueries();
    },
  });
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        Approve and publish
      </Title>
      <Text size="sm" mb="sm">
        The funded requests get offers to accept by the deadline; the next best are waitlisted; the round moves to decided.
      </Text>
      <Group align="flex-end" component="form" onSubmit={(e) => (e.preventDefault(), approve.mutate())} aria-label="Approve this run">
        <TextInput
          type="date"
          label="Offers to be accepted by"
          value={deadline}
          onChange={(e) => setDeadline(e.currentTarget.value)}
          required
        />
        <NumberInput
          label="Waitlist size"
          min={0}
          max={100}
          value={waitlist}
          onChange={(v) => setWaitlist(typeof v === "number" ? v : 0)}
        />
        <Button type="submit" loading={approve.isPending} disabled={!deadline || !round.data}>
          Approve this run
        </Button>
      </Group>
      {approve.isError && <ErrorAlert title="Not approved" error={approve.error} />}
      {approve.isSuccess && (
        <Text c="teal.9" role="status" mt="sm">
          Approved: the decisions are published.
        </Text>
      )}
    </Card>
  );
}

function LockDialog({ requestId, roundId, onClose }: { requestId: string | null; roundId: string; onClose: () => void }) {
  const qc = useQueryClient();
  const [lock, setLock] = useState<string>("in");
  const [why, setWhy] = useState("");
  const request = useRequest(requestId);
  const save = useMutation({
    mutationFn: () => {
      if (!requestId || !request.data) throw new Error("The request is still loading: try again in a moment.");
      return call(
        api.api.requests[":requestId"].lock.$post({
          param: { requestId },
          json: { lock: lock === "none" ? null : lock === "out" ? "out" : "in", justification: why, version: request.data.version },
        }),
      );
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.request(requestId) });
      void qc.invalidateQueries({ queryKey: keys.requests(roundId) });
      setWhy("");
      onClose();
    },
  });
  return (
    <Modal closeButtonProps={{ "aria-label": "Close" }} opened={!!requestId} onClose={onClose} title={`Lock ${requestId ?? ""}`}>
      <Stack component="form" onSubmit={(e) => (e.preventDefault(), save.mutate())}>
        <Radio.Group label="Lock" value={lock} onChange={setLock}>
          <Stack gap="xs" mt="xs">
            <Radio value="in" label="In: must be funded" />
            <Radio value="out" label="Out: must not be funded" />
            <Radio value="none" label="No lock" />
          </Stack>
        </Radio.Group>
        <Textarea
          label="Justification"
          description="Kept in the request's history and the audit log"
          value={why}
          onChange={(e) => setWhy(e.currentTarget.value)}
          required
          minRows={2}
        />
        {save.isError && <ErrorAlert title="Not saved" error={save.error} />}
        <Text size="sm">The lock applies from the next run.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending} disabled={!request.data}>
            Save the lock
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
