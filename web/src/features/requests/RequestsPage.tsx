// The round's requests: a table with filters (status, region, CCM status, gender, eligibility) and
// sorting by total or any criterion; import from CSV / XLSX with the per-row error report; export.
import { Button, Group, Stack, Table, Text, Title } from "@mantine/core";
import { flexRender, getCoreRowModel, getFilteredRowModel, getSortedRowModel, useReactTable } from "@tanstack/react-table";
import { useMemo } from "react";
import { useParams } from "react-router-dom";
import { levelCosts } from "../../../../scoring/criteria/index.js";
import {
  CRITERION,
  eligibilityOf,
  type CcmStatus,
  type EligibilityVerdict,
  type Gender,
  type RequestStatus,
} from "../../../../scoring/domain/index.js";
import { download } from "../../api.js";
import { ErrorAlert, Loading } from "../../components/status.js";
import { ImportButton } from "./ImportButton.js";
import { useSession } from "../accounts/index.js";
import { useRound, useStates } from "../rounds/index.js";
import { useRequests, useScores } from "./api.js";
import { applyFilters, NO_FILTERS, RequestFilters, requestColumns, useRequestView } from "./RequestFilters.js";

export interface Row {
  id: string;
  state: string;
  stateName: string;
  region: string;
  ccmStatus: CcmStatus | null;
  gender: Gender;
  status: RequestStatus;
  /** The rules' verdict on the request (null while it is not scored). */
  eligibility: EligibilityVerdict | null;
  criteria: Record<string, number | null>;
  total: number | null;
  /** What full support costs (ticket, terminal, nights at the daily allowance). */
  cost: number | null;
}

export function useRequestRows(roundId: string) {
  const requests = useRequests(roundId);
  const scores = useScores(roundId);
  const states = useStates(roundId);
  const round = useRound(roundId);
  const rows = useMemo((): Row[] | undefined => {
    if (!requests.data || !scores.data || !states.data) return undefined;
    const r = round.data;
    const stateOf = new Map(states.data.states.map((s) => [s.iso3, s]));
    const scoreOf = new Map(scores.data.requests.map((s) => [s.id, s]));
    return requests.data.map((q) => {
      const a = q.attributes;
      const s = stateOf.get(a.state);
      const sc = scoreOf.get(q.id);
      return {
        id: q.id,
        state: a.state,
        stateName: s?.name ?? a.state,
        region: s?.region ?? "",
        ccmStatus: s?.ccmStatus ?? null,
        gender: a.gender,
        status: q.status,
        eligibility: sc?.eligibility ? eligibilityOf(sc.eligibility) : null,
        criteria: Object.fromEntries(CRITERION.codes.map((c) => [c, sc?.criteria[c] ?? null])),
        total: sc?.total ?? null,
        cost: r ? levelCosts(a, r).full : null,
      };
    });
  }, [requests.data, scores.data, states.data, round.data]);
  return {
    rows,
    error: requests.error ?? scores.error ?? states.error,
    pending: requests.isPending || scores.isPending || states.isPending,
  };
}

export function RequestsPage() {
  const { roundId = "" } = useParams();
  const session = useSession();
  const { rows, error, pending } = useRequestRows(roundId);
  const { filters, setFilters, sorting, setSorting } = useRequestView();
  const columns = useMemo(() => requestColumns(roundId, filters.criteria), [roundId, filters.criteria]);
  const filtered = useMemo(() => applyFilters(rows ?? [], filters), [rows, filters]);
  const table = useReactTable({
    data: filtered,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
  });
  const statuses = [...new Set((rows ?? []).map((r) => r.status))].sort();

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Requests of {roundId}</Title>
        <Group>
          <Button
            variant="default"
            onClick={() => void download(`/api/rounds/${roundId}/requests/export?format=csv`, `${roundId}-requests.csv`)}
          >
            Export CSV
          </Button>
          <Button
            variant="default"
            onClick={() => void download(`/api/rounds/${roundId}/requests/export?format=xlsx`, `${roundId}-requests.xlsx`)}
          >
            Export XLSX
          </Button>
          {session.data?.role === "admin" && <ImportButton roundId={roundId} />}
        </Group>
      </Group>
      <RequestFilters filters={filters} onChange={setFilters} statuses={statuses} />
      {pending && <Loading label="Loading the requests" />}
      {error && <ErrorAlert error={error} />}
      {rows && (
        <>
          <Group gap="sm">
            <Text size="sm" aria-live="polite">
              {filtered.length} of {rows.length} requests
            </Text>
            {JSON.stringify({ ...filters, criteria: false }) !== JSON.stringify(NO_FILTERS) && (
              <Button size="compact-sm" variant="default" onClick={() => setFilters({ ...NO_FILTERS, criteria: filters.criteria })}>
                Clear the filters
              </Button>
            )}
          </Group>
          {rows.length === 0 && <Text>No request yet: requests come through the public form while the round is open, or by import.</Text>}
          {rows.length > 0 && filtered.length === 0 && <Text>No request matches these filters.</Text>}
          <Table.ScrollContainer minWidth={filters.criteria ? 1500 : 900}>
            <Table striped highlightOnHover fz="sm" aria-label="Requests">
              <Table.Thead>
                {table.getHeaderGroups().map((hg) => (
                  <Table.Tr key={hg.id}>
                    {hg.headers.map((h) => {
                      const dir = h.column.getIsSorted();
                      return (
                        <Table.Th key={h.id} aria-sort={dir === "asc" ? "ascending" : dir === "desc" ? "descending" : "none"}>
                          <button
                            type="button"
                            onClick={h.column.getToggleSortingHandler()}
                            style={{ all: "unset", cursor: "pointer", fontWeight: 700 }}
                          >
                            {flexRender(h.column.columnDef.header, h.getContext())} {dir === "asc" ? "▲" : dir === "desc" ? "▼" : ""}
                          </button>
                        </Table.Th>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Thead>
              <Table.Tbody>
                {table.getRowModel().rows.map((row) => (
                  <Table.Tr key={row.id}>
                    {row.getVisibleCells().map((cell) => (
                      <Table.Td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}
