// The audit log: every change with who and when, newest first, and the state of its hash chain.
import { Alert, Button, Group, Select, Stack, Table, Text, Title } from "@mantine/core";
import { useQueries, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api, call } from "../../api.js";
import { ErrorAlert, Loading } from "../../components/status.js";
import { keys } from "../../query-keys.js";
import { dateTime } from "../../format.js";
import { detailsInWords, didInWords, recordInWords } from "./entry-words.js";

const ENTITIES = [
  { value: "round", label: "Rounds" },
  { value: "request", label: "Requests" },
  { value: "donor", label: "Contributions" },
  { value: "settings", label: "Settings" },
  { value: "state", label: "States' reference data" },
  { value: "run", label: "Allocation runs" },
  { value: "replacement", label: "Replacements" },
  { value: "year", label: "Programme years" },
  { value: "user", label: "Accounts" },
];

export function AuditPage() {
  const [entity, setEntity] = useState<string | null>(null);
  const [before, setBefore] = useState<number | undefined>(undefined);
  const verify = useQuery({ queryKey: keys.auditVerify(), queryFn: () => call(api.api.audit.verify.$get()) });
  const entries = useQuery({
    queryKey: keys.audit(entity, before),
    queryFn: () =>
      call(api.api.audit.$get({ query: { limit: "50", ...(entity ? { entity } : {}), ...(before ? { before: String(before) } : {}) } })),
  });
  const v = verify.data;
  // The requests of the rounds the entries name, with their States (a note naming a request names its State).
  const rounds = [...new Set((entries.data ?? []).flatMap((e) => (e.about.roundId ? [e.about.roundId] : [])))];
  const requests = useQueries({
    queries: rounds.map((roundId) => ({
      queryKey: keys.requests(roundId),
      queryFn: () => call(api.api.rounds[":roundId"].requests.$get({ param: { roundId } })),
    })),
  });
  const names = new Map(requests.flatMap((q) => (q.data ?? []).map((r): [string, string] => [r.id, r.attributes.state])));
  return (
    <Stack>
      <Title order={2}>Audit log</Title>
      {verify.isPending && <Loading label="Checking the chain" />}
      {verify.isError && <ErrorAlert error={verify.error} />}
      {v &&
        (v.ok ? (
          <Alert variant="filled" color="teal.9" title="The chain is intact" role="status">
            All {v.entries} entries match their hashes and links.
          </Alert>
        ) : (
          <Alert variant="filled" color="red.9" title="The chain is broken" role="alert">
            Entry {v.firstBad?.seq}: {v.firstBad?.problem}. The log was changed outside the application.
          </Alert>
        ))}
      <Group align="flex-end">
        <Select label="What" clearable data={ENTITIES} value={entity} onChange={(x) => (setEntity(x), setBefore(undefined))} />
        {before && (
          <Button variant="default" onClick={() => setBefore(undefined)}>
            Newest
          </Button>
        )}
      </Group>
      {entries.isPending && <Loading label="Loading the log" />}
      {entries.isError && <ErrorAlert error={entries.error} />}
      {entries.data && (
        <>
          <Table.ScrollContainer minWidth={800}>
            <Table fz="sm" striped aria-label="Audit log">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>When</Table.Th>
                  <Table.Th>Who</Table.Th>
                  <Table.Th>Did what</Table.Th>
                  <Table.Th>To what</Table.Th>
                  <Table.Th>Details</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.data.map((e) => (
                  <Table.Tr key={e.seq}>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>{dateTime(e.at)}</Table.Td>
                    <Table.Td>{e.actor}</Table.Td>
                    <Table.Td>{didInWords(e)}</Table.Td>
                    <Table.Td>{recordInWords(e)}</Table.Td>
                    <Table.Td>
                      {detailsInWords(e, names).map((line, k) => (
                        <Text key={k} size="xs">
                          {line}
                        </Text>
                      ))}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {entries.data.length === 50 && (
            <Group>
              <Button variant="default" onClick={() => setBefore(entries.data.at(-1)?.seq)}>
                Older entries
              </Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
