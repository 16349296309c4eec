// The round's financial statement (the form of Table 3 of the ISU's report), on screen and as a page
// made for printing; shared with the donors' pages.
import { Button, Card, Group, Table, Text, Title } from "@mantine/core";
import { Link, useParams } from "react-router-dom";
import { download } from "../../api.js";
import { ErrorAlert, Loading } from "../../components/status.js";
import { chf } from "../../format.js";
import { useStatement } from "./api.js";

export function Statement({ roundId, printable = false }: { roundId: string; printable?: boolean }) {
  const st = useStatement(roundId);
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
