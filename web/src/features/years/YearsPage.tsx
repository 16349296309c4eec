// The programme years: each with its opening balance (carried from the year before, or entered for the
// first year), what it received and spent, what it defers, and whether it is closed.
import { Badge, Button, Group, NumberInput, Stack, Table, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router-dom";
import { capitalised, YEAR_STATUS } from "../../../../scoring/domain/index.js";
import { api, call } from "../../api.js";
import { ErrorAlert, Loading } from "../../components/status.js";
import { chf } from "../../format.js";
import { keys } from "../../query-keys.js";
import { useSession } from "../accounts/index.js";
import { useYears } from "./api.js";

export function openingWords(o: { amount: number; carriedFrom: number | null; provisional: boolean; note: string }): string {
  if (o.carriedFrom === null) return `${chf(o.amount)}, entered${o.note ? `: ${o.note}` : " (no note yet)"}`;
  return `${chf(o.amount)}, carried from ${o.carriedFrom}${o.provisional ? " (not closed yet: may still change)" : ""}`;
}

export function YearsPage() {
  const years = useYears();
  const admin = useSession().data?.role === "admin";
  if (years.isPending) return <Loading label="Loading the programme years" />;
  if (years.isError) return <ErrorAlert error={years.error} />;
  return (
    <Stack>
      <Title order={2}>Programme years</Title>
      <Text c="dimmed" size="sm">
        A round belongs to the financial year of its first day. Each year starts from what the year before deferred to it, and its close
        locks its figures.
      </Text>
      <Table aria-label="Programme years">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Year</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Opening balance</Table.Th>
            <Table.Th ta="right">Deferred to the next year</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {years.data.map((y) => (
            <Table.Tr key={y.year}>
              <Table.Td>
                <Link to={`/years/${y.year}`}>{y.year}</Link>
              </Table.Td>
              <Table.Td>
                <Badge color={y.status === "closed" ? "gray.7" : "teal.9"}>{capitalised(YEAR_STATUS.say(y.status))}</Badge>
              </Table.Td>
              <Table.Td>{openingWords(y.opening)}</Table.Td>
              <Table.Td ta="right">{y.closing === null ? "open" : chf(y.closing)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {admin && <OpenYear />}
    </Stack>
  );
}

function OpenYear() {
  const qc = useQueryClient();
  const [year, setYear] = useState<number | "">(new Date().getFullYear() + 1);
  const open = useMutation({
    mutationFn: () => call(api.api.years.$post({ json: { year: year === "" ? 0 : year } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.years() }),
  });
  return (
    <Group align="flex-end" component="form" onSubmit={(e) => (e.preventDefault(), open.mutate())}>
      <NumberInput
        label="Open a programme year"
        w={200}
        min={2000}
        max={2100}
        value={year}
        onChange={(v) => setYear(typeof v === "number" ? v : "")}
      />
      <Button type="submit" variant="default" loading={open.isPending}>
        Open the year
      </Button>
      {open.isError && <ErrorAlert title="The year was not opened" error={open.error} />}
    </Group>
  );
}
