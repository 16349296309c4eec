// The year's ledger: its money as dated entries, each with its effect and the balance after it.
import { Table, Text, Title } from "@mantine/core";
import { ErrorAlert, Loading } from "../../components/status.js";
import { chf as chfNumber } from "../../../../scoring/domain/index.js";
import { day, plainText } from "../../format.js";
import { useLedger } from "./api.js";

const KIND_WORDS = {
  opening: "Opening",
  contribution: "Contribution",
  commitment: "Offer",
  release: "Released",
  "actual-cost": "Actual cost",
  administration: "Administration",
} as const;

export function Ledger({ year }: { year: string }) {
  const ledger = useLedger(year);
  if (ledger.isPending) return <Loading label="Loading the ledger" />;
  if (ledger.isError) return <ErrorAlert error={ledger.error} />;
  return (
    <>
      <Title order={3} size="h4">
        Ledger
      </Title>
      <Text size="sm" c="dimmed">
        Every movement of the year's money, derived from the contributions, the offers and what they cost; the last balance is what the year
        defers to the next.
      </Text>
      <Table aria-label="Ledger" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Date</Table.Th>
            <Table.Th>Entry</Table.Th>
            <Table.Th>What</Table.Th>
            <Table.Th ta="right">Effect (CHF)</Table.Th>
            <Table.Th ta="right">Balance (CHF)</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ledger.data.map((e, k) => (
            <Table.Tr key={k}>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{e.date ? day(e.date) : "no date"}</Table.Td>
              <Table.Td>{KIND_WORDS[e.kind]}</Table.Td>
              <Table.Td>{plainText(e.text, new Map())}</Table.Td>
              <Table.Td ta="right">{e.effect === 0 ? "" : `${e.effect > 0 ? "+" : "−"}${chfNumber(Math.abs(e.effect))}`}</Table.Td>
              <Table.Td ta="right">{chfNumber(e.balance)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
