// After the decision: the offers and their answers, declines and expired offers with the proposed
// replacement, actual costs after the meeting, and the financial statement (Table 3 of the ISU's report).
import { Alert, Button, Card, Group, NumberInput, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { api, call, download, type Answer } from "../api.js";
import { ErrorAlert, Loading } from "../components/status.js";
import { chf } from "../format.js";
import { useSession } from "../session.js";

type Decision = Answer<(typeof api.api.rounds)[":roundId"]["decisions"]["$get"]>[number];
type Proposal = Answer<(typeof api.api.rounds)[":roundId"]["replacements"]["$post"]>;

export function AfterPage() {
  const { roundId = "" } = useParams();
  const admin = useSession().data?.role === "admin";
  const qc = useQueryClient();
  const decisions = useQuery({
    queryKey: ["decisions", roundId],
    queryFn: () => call(api.api.rounds[":roundId"].decisions.$get({ param: { roundId } })),
  });
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [deadline, setDeadline] = useState("");
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ["decisions", roundId] });
    void qc.invalidateQueries({ queryKey: ["statement", roundId] });
  };
  const propose = useMutation({
    mutationFn: () => call(api.api.rounds[":roundId"].replacements.$post({ param: { roundId } })),
    onSuccess: (p) => (setProposal(p), refresh()),
  });
  const apply = useMutation({
    mutationFn: () =>
      call(
        api.api.replacements[":replacementId"].apply.$post({ param: { replacementId: proposal!.id }, json: { offerDeadline: deadline } }),
      ),
    onSuccess: () => (setProposal(null), refresh()),
  });
  if (decisions.isPending) return <Loading label="Loading the decisions" />;
  if (decisions.isError) return <ErrorAlert error={decisions.error} />;
  const offers = decisions.data.filter((d) => d.decision === "funded");
  const released = offers.filter((d) => d.offerStatus === "declined" || d.offerStatus === "expired");
  return (
    <Stack>
      <Title order={2}>After the decision: {roundId}</Title>
      {offers.length === 0 && <Text>No decision is published yet: approve a run first.</Text>}
      {offers.length > 0 && (
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            Offers
          </Title>
          <Table.ScrollContainer minWidth={800}>
            <Table fz="sm" striped aria-label="Offers">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Reference</Table.Th>
                  <Table.Th>Support</Table.Th>
                  <Table.Th ta="right">Committed</Table.Th>
                  <Table.Th>Deadline</Table.Th>
                  <Table.Th>Answer</Table.Th>
                  <Table.Th>Actual cost</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {offers.map((d) => (
                  <OfferRow key={d.requestId} roundId={roundId} d={d} admin={admin} onSaved={refresh} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      {admin && offers.length > 0 && (
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            Replacements
          </Title>
          <Text size="sm" mb="sm">
            {released.length} offer(s) declined or expired. Offers still pending past their deadline are marked expired when replacements
            are proposed. Everyone else keeps their offer.
          </Text>
          <Button onClick={() => propose.mutate()} loading={propose.isPending}>
            Propose replacements
          </Button>
          {propose.isError && <ErrorAlert title="No proposal" error={propose.error} />}
          {proposal && (
            <Stack mt="md" aria-live="polite">
              <Alert variant="filled" color={proposal.proposal.status === "infeasible" ? "red.9" : "blue.8"} title="Proposal">
                {proposal.proposal.text}
              </Alert>
              {proposal.proposal.replacements.length > 0 && (
                <Table fz="sm" aria-label="Proposed replacements">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Reference</Table.Th>
                      <Table.Th>State</Table.Th>
                      <Table.Th>Region</Table.Th>
                      <Table.Th>Gender</Table.Th>
                      <Table.Th>Support</Table.Th>
                      <Table.Th ta="right">Cost</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {proposal.proposal.replacements.map((r) => (
                      <Table.Tr key={r.id}>
                        <Table.Td>{r.id}</Table.Td>
                        <Table.Td>{r.state}</Table.Td>
                        <Table.Td>{r.region}</Table.Td>
                        <Table.Td>{r.gender}</Table.Td>
                        <Table.Td>{r.level}</Table.Td>
                        <Table.Td ta="right">{chf(r.cost)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
              {proposal.proposal.status !== "infeasible" && (
                <Group
                  align="flex-end"
                  component="form"
                  onSubmit={(e) => (e.preventDefault(), apply.mutate())}
                  aria-label="Accept the replacement"
                >
                  <TextInput
                    type="date"
                    label="Replacements accept by"
                    value={deadline}
                    onChange={(e) => setDeadline(e.currentTarget.value)}
                    required
                  />
                  <Button type="submit" loading={apply.isPending} disabled={!deadline}>
                    Accept the replacement
                  </Button>
                </Group>
              )}
              {apply.isError && <ErrorAlert title="Not applied" error={apply.error} />}
            </Stack>
          )}
          {apply.isSuccess && (
            <Text c="teal.9" role="status" mt="sm">
              Replacement applied: the new offers are pending.
            </Text>
          )}
        </Card>
      )}
      <Statement roundId={roundId} />
    </Stack>
  );
}

function OfferRow({ roundId, d, admin, onSaved }: { roundId: string; d: Decision; admin: boolean; onSaved: () => void }) {
  const [actual, setActual] = useState<number | "">(d.actualCost ?? "");
  const save = useMutation({
    mutationFn: (json: { offerStatus?: "accepted" | "declined" | "expired"; actualCost?: number | null }) =>
      call(
        api.api.rounds[":roundId"].offers[":requestId"].$post({
          param: { roundId, requestId: d.requestId },
          json: { ...json, version: d.version },
        }),
      ),
    onSuccess: onSaved,
  });
  return (
    <Table.Tr>
      <Table.Td>
        <Link to={`/rounds/${roundId}/requests/${d.requestId}`}>{d.requestId}</Link>
      </Table.Td>
      <Table.Td>{d.level}</Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
        {chf(d.cost)}
      </Table.Td>
      <Table.Td>{d.offerDeadline}</Table.Td>
      <Table.Td>
        {d.offerStatus === "pending" && admin ? (
          <Group gap={4} wrap="nowrap">
            <Text size="sm">pending:</Text>
            {(["accepted", "declined", "expired"] as const).map((s) => (
              <Button
                key={s}
                size="compact-xs"
                variant="default"
                onClick={() => save.mutate({ offerStatus: s })}
                aria-label={`${d.requestId} ${s}`}
              >
                {s}
              </Button>
            ))}
          </Group>
        ) : (
          d.offerStatus
        )}
        {save.isError && <ErrorAlert error={save.error} />}
      </Table.Td>
      <Table.Td>
        {admin ? (
          <Group
            gap={4}
            wrap="nowrap"
            component="form"
            onSubmit={(e) => (e.preventDefault(), save.mutate({ actualCost: actual === "" ? null : actual }))}
          >
            <NumberInput
              aria-label={`Actual cost of ${d.requestId}`}
              size="xs"
              w={110}
              min={0}
              thousandSeparator="'"
              value={actual}
              onChange={(v) => setActual(typeof v === "number" ? v : "")}
            />
            <Button size="compact-xs" type="submit" variant="default">
              Save
            </Button>
          </Group>
        ) : (
          chf(d.actualCost)
        )}
      </Table.Td>
    </Table.Tr>
  );
}

export function Statement({ roundId, printable = false }: { roundId: string; printable?: boolean }) {
  const st = useQuery({
    queryKey: ["statement", roundId],
    queryFn: () => call(api.api.rounds[":roundId"].statement.$get({ param: { roundId }, query: {} })),
  });
  if (st.isPending) return <Loading label="Loading the statement" />;
  if (st.isError) return <ErrorAlert error={st.error} />;
  const s = st.data;
  const row = (label: string, amount: number | null, strong = false, indent = false) => (
    <Table.Tr>
      <Table.Td fw={strong ? 700 : undefined} pl={indent ? "xl" : undefined}>
        {label}
      </Table.Td>
      <Table.Td ta="right" fw={strong ? 700 : undefined}>
        {amount === null ? "" : chf(amount)}
      </Table.Td>
    </Table.Tr>
  );
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={printable ? 1 : 3} size={printable ? "h3" : "h4"}>
          Sponsorship Programme: expenditures and revenues, {roundId}
        </Title>
        {!printable && (
          <Group className="no-print">
            <Button
              size="xs"
              variant="default"
              onClick={() => void download(`/api/rounds/${roundId}/statement?format=csv`, `${roundId}-statement.csv`)}
            >
              Export CSV
            </Button>
            <Button size="xs" variant="default" component={Link} to={`/rounds/${roundId}/statement`}>
              Print-ready page
            </Button>
          </Group>
        )}
      </Group>
      {s.provisional && (
        <Text size="sm" c="dimmed" mb="xs">
          Provisional: some actual costs, or the actual general and administrative expenses, are not recorded yet; committed amounts stand
          in for them.
        </Text>
      )}
      <Table aria-label="Financial statement">
        <Table.Tbody>
          {row("EXPENDITURES", null, true)}
          {row("Travel costs", s.expenditures.travel, false, true)}
          {row("General & admin. expenses", s.expenditures.generalAndAdministrative, false, true)}
          {row("Total Expenditures", s.expenditures.total, true)}
          {row("REVENUES", null, true)}
          {s.revenues.contributions.map((c) => (
            <Table.Tr key={c.donor}>
              <Table.Td pl="xl">Contributions: {c.donor}</Table.Td>
              <Table.Td ta="right">{chf(c.amount)}</Table.Td>
            </Table.Tr>
          ))}
          {row("Total Contributions", s.revenues.totalContributions, true)}
          {row("Contributions deferred from earlier years", s.revenues.deferredFrom)}
          {row("Total Revenues", s.revenues.total, true)}
          {row("Contributions deferred to the next year", s.deferredTo, true)}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

/** The statement alone, for printing (to paper or PDF from the browser). */
export function StatementPrintPage() {
  const { roundId = "" } = useParams();
  return (
    <main style={{ maxWidth: 760, margin: "2rem auto", padding: "0 1rem" }}>
      <Statement roundId={roundId} printable />
      <Group mt="md" className="no-print">
        <Button onClick={() => window.print()}>Print</Button>
        <Button variant="default" component={Link} to={`/rounds/${roundId}/after`}>
          Back
        </Button>
      </Group>
      <style>{"@media print { .no-print { display: none !important; } body { background: white; } }"}</style>
    </main>
  );
}
