// Edit a round (admin): dates, window, allowance, money; and move it along its statuses.
import { Button, Group, Modal, NumberInput, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, call, type Answer } from "../../api.js";
import { ErrorAlert } from "../../components/status.js";
import { keys } from "../../query-keys.js";
import { MoveRound } from "./MoveRound.js";
import { MeetingInOtherLanguages, OTHER_LANGUAGES } from "./MeetingInOtherLanguages.js";

export type RoundRecord = Answer<(typeof api.api.rounds)[":roundId"]["$get"]>;

export function RoundEditButton({ round }: { round: RoundRecord }) {
  const [opened, setOpened] = useState(false);
  const [draft, setDraft] = useState(round);
  const qc = useQueryClient();
  const done = () => {
    void qc.invalidateQueries({ queryKey: keys.round(round.id) });
    void qc.invalidateQueries({ queryKey: keys.rounds() });
  };
  const save = useMutation({
    mutationFn: () => {
      const { meeting, venue, startDate, endDate, windowOpens, windowCloses, allowanceRate, nights, reserve, adminEstimate, adminActual } =
        draft;
      const inOtherLanguages = Object.fromEntries(OTHER_LANGUAGES.map(([k]) => [k, draft[k]?.trim() || null]));
      return call(
        api.api.rounds[":roundId"].$patch({
          param: { roundId: round.id },
          json: {
            version: round.version,
            meeting,
            venue,
            ...inOtherLanguages,
            startDate,
            endDate,
            windowOpens,
            windowCloses,
            allowanceRate,
            nights,
            reserve,
            adminEstimate,
            adminActual,
          },
        }),
      );
    },
    onSuccess: () => (done(), setOpened(false)),
  });
  const text = (k: keyof RoundRecord, label: string, type = "text") => (
    <TextInput label={label} type={type} value={String(draft[k])} onChange={(e) => setDraft({ ...draft, [k]: e.currentTarget.value })} />
  );
  const num = (k: keyof RoundRecord, label: string) => (
    <NumberInput
      label={label}
      min={0}
      thousandSeparator="'"
      value={typeof draft[k] === "number" ? draft[k] : ""}
      onChange={(v) => setDraft({ ...draft, [k]: typeof v === "number" ? v : 0 })}
    />
  );
  const optional = (k: (typeof OTHER_LANGUAGES)[number][0], label: string) => (
    <TextInput label={label} value={draft[k] ?? ""} onChange={(e) => setDraft({ ...draft, [k]: e.currentTarget.value })} />
  );
  return (
    <Group gap="xs">
      <MoveRound round={round} />
      <Button size="xs" onClick={() => (setDraft(round), setOpened(true))}>
        Edit the round
      </Button>
      <Modal
        closeButtonProps={{ "aria-label": "Close" }}
        opened={opened}
        onClose={() => setOpened(false)}
        title={`Edit ${round.id}`}
        size="lg"
      >
        <Stack component="form" onSubmit={(e) => (e.preventDefault(), save.mutate())}>
          {text("meeting", "Meeting")}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {text("venue", "Venue")}
            {num("allowanceRate", "Daily allowance (CHF)")}
            {text("startDate", "First day", "date")}
            {text("endDate", "Last day", "date")}
            {text("windowOpens", "Applications open", "date")}
            {text("windowCloses", "Applications close", "date")}
            {num("nights", "Nights")}
            {num("reserve", "Reserve (CHF)")}
            {num("adminEstimate", "Admin estimate (CHF)")}
            <NumberInput
              label="Actual administrative costs (CHF), once known"
              min={0}
              thousandSeparator="'"
              value={draft.adminActual ?? ""}
              onChange={(v) => setDraft({ ...draft, adminActual: typeof v === "number" ? v : null })}
            />
          </SimpleGrid>
          <MeetingInOtherLanguages>{OTHER_LANGUAGES.map(([k, label]) => optional(k, label))}</MeetingInOtherLanguages>
          <Text size="sm" c="dimmed">
            Saving checks that nobody changed the round since you opened it.
          </Text>
          {save.isError && <ErrorAlert title="Not saved" error={save.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  );
}
