// Table 3 of the ISU's report (expenditures and revenues) for a round or a programme year, on screen and
// as a page made for printing; exports in CSV and XLSX. Shared with the years' and the donors' pages.
import { Badge, Button, Card, Group, List, Table, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { Link, useParams } from "react-router-dom";
import { download } from "../../api.js";
import { ErrorAlert, Loading } from "../../components/status.js";
import { chf } from "../../format.js";
import { useStatement } from "./api.js";

/** What Table 3 shows, for a round or a year. */
export interface Table3Data {
  provisional: boolean;
  pending: string[];
  expenditures: { travel: number; generalAndAdministrative: number; total: number };
  revenues: {
    contributions: { donor: string; name: string; amount: number; source: "sourced" | "derived"; note: string }[];
    totalContributions: number;
    deferredFrom: number;
    total: number;
  };
  deferredTo: number;
}

interface Exports {
  /** The API path of the statement (without ?format=). */
  path: string;
  /** The file name's stem. */
  file: string;
  /** The print-ready page. */
  print: string;
}

export function Table3View({
  t,
  title,
  exports,
  printable = false,
}: {
  t: Table3Data;
  title: string;
  exports?: Exports;
  printable?: boolean;
}) {
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
  const derived = t.revenues.contributions.filter((c) => c.source === "derived");
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={printable ? 1 : 3} size={printable ? "h3" : "h4"}>
          {title}
        </Title>
        {!printable && exports && (
          <Group className="no-print">
            <Button size="xs" variant="default" onClick={() => void download(`${exports.path}?format=csv`, `${exports.file}.csv`)}>
              Export CSV
            </Button>
            <Button size="xs" variant="default" onClick={() => void download(`${exports.path}?format=xlsx`, `${exports.file}.xlsx`)}>
              Export XLSX
            </Button>
            <Button size="xs" variant="default" component={Link} to={exports.print}>
              Print-ready page
            </Button>
          </Group>
        )}
      </Group>
      {t.provisional ? (
        <Text size="sm" mb="xs" component="div">
          <Badge color="gray.8" mr="xs">
            Provisional
          </Badge>
          Committed amounts stand in for costs not yet known:
          <List size="sm">
            {t.pending.map((p) => (
              <List.Item key={p}>{p}</List.Item>
            ))}
          </List>
        </Text>
      ) : (
        <Badge color="teal.9" mb="xs">
          Final
        </Badge>
      )}
      <Table aria-label="Financial statement">
        <Table.Tbody>
          {row("EXPENDITURES", null, true)}
          {row("Travel costs", t.expenditures.travel, false, true)}
          {row("General & admin. expenses", t.expenditures.generalAndAdministrative, false, true)}
          {row("Total Expenditures", t.expenditures.total, true)}
          {row("REVENUES", null, true)}
          {t.revenues.contributions.map((c) => (
            <Table.Tr key={c.donor}>
              <Table.Td pl="xl">
                Contributions: {c.name}
                {c.source === "derived" ? " *" : ""}
              </Table.Td>
              <Table.Td ta="right">{chf(c.amount)}</Table.Td>
            </Table.Tr>
          ))}
          {row("Total Contributions", t.revenues.totalContributions, true)}
          {row("Contributions deferred from earlier years", t.revenues.deferredFrom)}
          {row("Total Revenues", t.revenues.total, true)}
          {row("Contributions deferred to the next year", t.deferredTo, true)}
        </Table.Tbody>
      </Table>
      {derived.map((c) => (
        <Text key={c.donor} size="xs" c="dimmed" mt="xs">
          * {c.name}: {c.note}
        </Text>
      ))}
    </Card>
  );
}

export function Statement({ roundId, printable = false }: { roundId: string; printable?: boolean }) {
  const st = useStatement(roundId);
  if (st.isPending) return <Loading label="Loading the statement" />;
  if (st.isError) return <ErrorAlert error={st.error} />;
  return (
    <Table3View
      t={st.data}
      title={`Expenditures and revenues: ${st.data.meeting} (${roundId})`}
      exports={{ path: `/api/rounds/${roundId}/statement`, file: `${roundId}-statement`, print: `/rounds/${roundId}/statement` }}
      printable={printable}
    />
  );
}

/** A page made for printing (to paper or PDF from the browser). */
export function PrintFrame({ children, back }: { children: ReactNode; back: string }) {
  return (
    <main style={{ maxWidth: 760, margin: "2rem auto", padding: "0 1rem" }}>
      {children}
      <Group mt="md" className="no-print">
        <Button onClick={() => window.print()}>Print</Button>
        <Button variant="default" component={Link} to={back}>
          Back
        </Button>
      </Group>
      <style>{"@media print { .no-print { display: none !important; } body { background: white; } }"}</style>
    </main>
  );
}

/** The round's statement alone, for printing. */
export function StatementPrintPage() {
  const { roundId = "" } = useParams();
  return (
    <PrintFrame back={`/rounds/${roundId}/after`}>
      <Statement roundId={roundId} printable />
    </PrintFrame>
  );
}
