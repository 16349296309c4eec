// The round's contributions: each donor's amount, when it was received, its earmark, and whether the
// amount is sourced or derived (with a note saying how). Staff add one or correct one (with its version).
import { Button, Card, Group, MultiSelect, NumberInput, Select, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { DATA_SOURCE, REGION, type DataSource, type Region } from "../../../../scoring/domain/index.js";
import { api, call } from "../../api.js";
import { ErrorAlert } from "../../components/status.js";
import { chf } from "../../format.js";
import { keys } from "../../query-keys.js";
import { useDonors } from "./api.js";

type Donor = NonNullable<ReturnType<typeof useDonors>["data"]>[number];
type Draft = {
  /** Earmarks by status or State, kept as they are (this form edits the regions). */
  statuses?: Donor["statuses"];
  states?: Donor["states"];
  id: string;
  name: string;
  amount: number | "";
  receivedOn: string;
  regions: Region[];
  source: DataSource;
  note: string;
  version?: number;
};
const EMPTY: Draft = { id: "", name: "", amount: "", receivedOn: "", regions: [], source: "sourced", note: "" };

export function Contributions({ roundId, admin }: { roundId: string; admin: boolean }) {
  const donors = useDonors(roundId);
  const qc = useQueryClient();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const save = useMutation({
    mutationFn: () =>
      call(
        api.api.rounds[":roundId"].donors[":donorId"].$put({
          param: { roundId, donorId: draft.id.trim() },
          json: {
            name: draft.name,
            amount: draft.amount === "" ? 0 : draft.amount,
            ...(draft.regions.length ? { regions: draft.regions } : {}),
            ...(draft.statuses ? { statuses: draft.statuses } : {}),
            ...(draft.states ? { states: draft.states } : {}),
            receivedOn: draft.receivedOn || null,
            source: draft.source,
            note: draft.note,
            ...(draft.version ? { version: draft.version } : {}),
          },
        }),
      ),
    onSuccess: () => {
      setDraft(EMPTY);
      for (const k of [keys.donors(roundId), keys.statement(roundId), keys.round(roundId)]) void qc.invalidateQueries({ queryKey: k });
    },
  });
  return (
    <Card withBorder id="contributions">
      <Title order={3} size="h4" mb="sm">
        Contributions
      </Title>
      {donors.isError && <ErrorAlert error={donors.error} />}
      <Table aria-label="Contributions" fz="sm">
        <Table.Tbody>
          {(donors.data ?? []).map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>{d.name}</Table.Td>
              <Table.Td ta="right">{chf(d.amount)}</Table.Td>
              <Table.Td>{d.receivedOn ? `received ${d.receivedOn}` : "date not recorded"}</Table.Td>
              <Table.Td>{d.regions ? `for ${d.regions.map((r) => REGION.say(r)).join(", ")}` : "any delegate"}</Table.Td>
              <Table.Td>{d.source === "sourced" ? d.note : `${DATA_SOURCE.say(d.source)}: ${d.note}`}</Table.Td>
              {admin && (
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="default"
                    onClick={() => setDraft({ ...d, amount: d.amount, receivedOn: d.receivedOn ?? "", regions: d.regions ?? [] })}
                  >
                    Change
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {admin && (
        <Stack component="form" mt="sm" gap="xs" aria-label="Record a contribution" onSubmit={(e) => (e.preventDefault(), save.mutate())}>
          <Text size="sm" fw={600}>
            {draft.version ? `Change ${draft.name}'s contribution` : "Record a contribution"}
          </Text>
          <Group align="flex-end" gap="xs">
            <TextInput
              label="Donor code"
              w={110}
              required
              disabled={Boolean(draft.version)}
              value={draft.id}
              onChange={(e) => setDraft({ ...draft, id: e.currentTarget.value })}
            />
            <TextInput
              label="Donor's name"
              w={180}
              required
              value={draft.name}
              onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
            />
            <NumberInput
              label="Amount (CHF)"
              w={140}
              min={0}
              required
              thousandSeparator="'"
              value={draft.amount}
              onChange={(v) => setDraft({ ...draft, amount: typeof v === "number" ? v : "" })}
            />
            <TextInput
              label="Received on"
              type="date"
              w={160}
              value={draft.receivedOn}
              onChange={(e) => setDraft({ ...draft, receivedOn: e.currentTarget.value })}
            />
          </Group>
          <Group align="flex-end" gap="xs">
            <MultiSelect
              label="Only for delegates of (empty: any)"
              w={300}
              data={REGION.codes.map((r) => ({ value: r, label: REGION.say(r) }))}
              value={draft.regions}
              onChange={(v) => setDraft({ ...draft, regions: v.filter(REGION.is) })}
            />
            <Select
              label="Amount"
              w={270}
              allowDeselect={false}
              data={DATA_SOURCE.choices()}
              value={draft.source}
              onChange={(v) => setDraft({ ...draft, source: DATA_SOURCE.is(v) ? v : "sourced" })}
            />
            <TextInput
              label="Note (how a derived amount was derived)"
              w={300}
              value={draft.note}
              onChange={(e) => setDraft({ ...draft, note: e.currentTarget.value })}
            />
            <Button type="submit" loading={save.isPending}>
              Save the contribution
            </Button>
          </Group>
          {save.isError && <ErrorAlert title="The contribution was not saved" error={save.error} />}
        </Stack>
      )}
    </Card>
  );
}
