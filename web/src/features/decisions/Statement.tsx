// Table 3 of the ISU's report (expenditures and revenues) for a round or a programme year, on screen and
// as a page made for printing; exports in CSV and XLSX. Shared with the years' and the donors' pages.
import { Badge, Button, Card, Group, List, Table, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { Link, useParams } from "react-router-dom";
import { download } from "../../api.js";
import { ErrorAlert, Loading } from "../../components/status.js";
import { meetingIn, stateName, type DataSource } from "../../../../scoring/domain/index.js";
import { useRound } from "../rounds/index.js";
import type { PendingWhy } from "../../../../scoring/ledger/index.js";
import { donorName } from "../../format.js";
import { useWords } from "../../workspace-words/index.js";
import { useStatement } from "./api.js";

/** What Table 3 shows, for a round or a year. */
export interface Table3Data {
  provisional: boolean;
  pending: string[];
  pendingWhy: PendingWhy[];
  expenditures: { travel: number; generalAndAdministrative: number; total: number };
  revenues: {
    contributions: { donor: string; name: string; amount: number; source: DataSource; note: string }[];
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
  meetingSaid = (m) => m,
}: {
  t: Table3Data;
  title: string;
  exports?: Exports;
  printable?: boolean;
  /** A meeting's name (as the ledger has it, in English) in the page's language. */
  meetingSaid?: (meeting: string) => string;
}) {
  const { t: w, lang, chf } = useWords();
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
              {w("table3.csv")}
            </Button>
            <Button size="xs" variant="default" onClick={() => void download(`${exports.path}?format=xlsx`, `${exports.file}.xlsx`)}>
              {w("table3.xlsx")}
            </Button>
            <Button size="xs" variant="default" component={Link} to={exports.print}>
              {w("table3.printPage")}
            </Button>
          </Group>
        )}
      </Group>
      {t.provisional ? (
        <Text size="sm" mb="xs" component="div">
          <Badge color="gray.8" mr="xs">
            {w("table3.provisional")}
          </Badge>
          {w("table3.pending")}
          <List size="sm">
            {t.pendingWhy.map((p, k) => (
              <List.Item key={k}>
                {p.kind === "opening"
                  ? w("table3.opening", { year: p.from })
                  : p.kind === "admin"
                    ? w("table3.admin-estimate", { meeting: meetingSaid(p.meeting) })
                    : w("table3.offers", {
                        count: p.offers.length,
                        list: p.offers.map((o) => `${stateName(o.state, lang)}, ${o.requestId}`).join("; "),
                      })}
              </List.Item>
            ))}
          </List>
        </Text>
      ) : (
        <Badge color="teal.9" mb="xs">
          {w("table3.final")}
        </Badge>
      )}
      <Table aria-label={w("table3.label")}>
        <Table.Tbody>
          {row(w("table3.expenditures"), null, true)}
          {row(w("table3.travel"), t.expenditures.travel, false, true)}
          {row(w("table3.admin"), t.expenditures.generalAndAdministrative, false, true)}
          {row(w("table3.totalExpenditures"), t.expenditures.total, true)}
          {row(w("table3.revenues"), null, true)}
          {t.revenues.contributions.map((c) => (
            <Table.Tr key={c.donor}>
              <Table.Td pl="xl">
                {w("table3.contributions", { name: donorName(c.donor, lang, c.name) })}
                {c.source === "derived" ? " *" : ""}
              </Table.Td>
              <Table.Td ta="right">{chf(c.amount)}</Table.Td>
            </Table.Tr>
          ))}
          {row(w("table3.totalContributions"), t.revenues.totalContributions, true)}
          {row(w("table3.deferredFrom"), t.revenues.deferredFrom)}
          {row(w("table3.totalRevenues"), t.revenues.total, true)}
          {row(w("table3.deferredTo"), t.deferredTo, true)}
        </Table.Tbody>
      </Table>
      {derived.map((c) => (
        <Text key={c.donor} size="xs" c="dimmed" mt="xs">
          * {donorName(c.donor, lang, c.name)}: {c.note}
        </Text>
      ))}
    </Card>
  );
}

export function Statement({ roundId, printable = false }: { roundId: string; printable?: boolean }) {
  const st = useStatement(roundId);
  const round = useRound(roundId);
  const { t, lang } = useWords();
  if (st.isPending) return <Loading label={t("table3.loading")} />;
  if (st.isError) return <ErrorAlert error={st.error} />;
  // The meeting in the reader's language (the round's French or Spanish name), once the round is read.
  const meetingSaid = (m: string) => (round.data && m === round.data.meeting ? meetingIn(round.data, lang).meeting : m);
  return (
    <Table3View
      t={st.data}
      meetingSaid={meetingSaid}
      title={t("table3.title", { meeting: meetingSaid(st.data.meeting) })}
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
