// Importing requests from a CSV or XLSX file: the empty templates (the import's columns), and a file with
// bad rows imports nothing and shows every problem of every row at once, by its row in the spreadsheet.
import { plural } from "../../../../scoring/policy/index.js";
import { Button, FileButton, Stack, Table, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, ApiError, call, download, type RowProblem } from "../../api.js";
import { keys } from "../../query-keys.js";

/** Import a CSV or XLSX file; a file with bad rows imports nothing and shows each problem by row and column. */
export function ImportButton({ roundId }: { roundId: string }) {
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
      setResult(`${plural(r.imported, "request", "requests")} imported.`);
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
            <Text size="sm">Every problem of every row, by its row in the spreadsheet (the header is row 1): nothing was imported.</Text>
          )}
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
