// The round's requests: a table with filters (status, region, CCM status, gender, eligibility) and
// sorting by total or any criterion; import from CSV / XLSX with the per-row error report; export.
import { Button, FileButton, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type SortingState,
} from "@tanstack/react-table";
import { useMemo, useState } from "react";
import { useParams } from "react-router-dom";
import { CRITERIA, IN_RUN } from "../../../../scoring/domain/index.js";
import { api, ApiError, call, type RowProblem, download } from "../../api.js";
import { ErrorAlert, Loading } from "../../components/status.js";
import { useSession } from "../accounts/index.js";
import { keys } from "../../query-keys.js";
import { useStates } from "../rounds/index.js";
import { useRequests, useScores } from "./api.js";
import { applyFilters, NO_FILTERS, RequestFilters, requestColumns, type Filters } from "./RequestFilters.js";

export interface Row {
  id: string;
  state: string;
  stateName: string;
  region: string;
  ccmStatus: string;
  gender: string;
  status: string;
  eligible: boolean;
  criteria: Record<string, number | null>;
  total: number | null;
}

const ELIGIBLE = new Set<string>(IN_RUN);

export function useRequestRows(roundId: string) {
  const requests = useRequests(roundId);
  const scores = useScores(roundId);
  const states = useStates(roundId);
  const rows = useMemo((): Row[] | undefined => {
    if (!requests.data || !scores.data || !states.data) return undefined;
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
        ccmStatus: s?.ccmStatus ?? "",
        gender: a.gender,
        status: q.status as string,
        eligible: ELIGIBLE.has(q.status as string),
        criteria: Object.fromEntries(CRITERIA.map((c) => [c, sc?.criteria[c] ?? null])),
        total: sc?.total ?? null,
      };
    });
  }, [requests.data, scores.data, states.data]);
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
  const [sorting, setSorting] = useState<SortingState>([{ id: "total", desc: true }]);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const columns = useMemo(() => requestColumns(roundId), [roundId]);
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
          <Text size="sm" aria-live="polite">
            {filtered.length} of {rows.length} requests
          </Text>
          <Table.ScrollContainer minWidth={1150}>
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

/** Import a CSV or XLSX file; a file with bad rows imports nothing and shows each problem by row and column. */
function ImportButton({ roundId }: { roundId: string }) {
  const qc = useQueryClient();
  const [result, setResult] = useState<string | null>(null);
  const importFile = useMutation({
    mutationFn: async (file: File) => {
      const xlsx = /\.xlsx$/i.test(file.name);
      const json = xlsx
        ? { format: "xlsx" as const, contentBase64: await toBase64(file) }
        : { format: "csv" as const, content: await file.text() };
      return call(api.api.rounds[":roundId"].requests.import.$post({ param: { roundId }, json }));
    },
    onSuccess: (r) => {
      setResult(`${r.imported} request(s) imported.`);
      void qc.invalidateQueries({ queryKey: keys.requests(roundId) });
      void qc.invalidateQueries({ queryKey: keys.scores(roundId) });
    },
    onError: () => setResult(null),
  });
  const problems =
    importFile.error instanceof ApiError ? (importFile.error.details?.problems ?? []).filter((p): p is RowProblem => "row" in p) : [];
  return (
    <>
      <Button
        variant="default"
        onClick={() => void download(`/api/rounds/${roundId}/requests/template?format=xlsx`, `${roundId}-requests-template.xlsx`)}
      >
        Template (XLSX)
      </Button>
      <Button
        variant="default"
        onClick={() => void download(`/api/rounds/${roundId}/requests/template?format=csv`, `${roundId}-requests-template.csv`)}
      >
        Template (CSV)
      </Button>
      <FileButton
        onChange={(f) => f && importFile.mutate(f)}
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      >
        {(props) => (
          <Button {...props} loading={importFile.isPending}>
            Import CSV / XLSX
          </Button>
        )}
      </FileButton>
      {result && (
        <Text role="status" c="teal.9">
          {result}
        </Text>
      )}
      {importFile.isError && (
        <Stack w="100%" role="alert">
          <Text c="red.9" fw={700}>
            {importFile.error.message}
          </Text>
          {problems.length > 0 && (
            <Table aria-label="Problems in the file">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Row</Table.Th>
                  <Table.Th>Column</Table.Th>
                  <Table.Th>Problem</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {problems.map((p, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{p.row === 0 ? "the file" : p.row === 1 ? "1 (the header)" : p.row}</Table.Td>
                    <Table.Td>{p.column}</Table.Td>
                    <Table.Td>{p.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      )}
    </>
  );
}

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
