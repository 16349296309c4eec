// Approving a run: offers with their deadline, a waitlist, the round decided.
import { Button, Card, Group, NumberInput, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, call } from "../../api.js";
import { ErrorAlert } from "../../components/status.js";
import { useRound } from "../rounds/index.js";

export function Approve({ roundId, runId }: { roundId: string; runId: string }) {
  const qc = useQueryClient();
  const round = useRound(roundId);
  const [deadline, setDeadline] = useState("");
  const [waitlist, setWaitlist] = useState<number>(5);
  const approve = useMutation({
    mutationFn: () => {
      if (!round.data) throw new Error("The round is still loading: try again in a moment.");
      return call(
        api.api.runs[":runId"].approve.$post({
          param: { runId },
          json: { offerDeadline: deadline, waitlist, roundVersion: round.data.version },
        }),
      );
    },
    onSuccess: () => {
      void qc.invalidateQueries();
    },
  });
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        Approve and publish
      </Title>
      <Text size="sm" mb="sm">
        The funded requests get offers to accept by the deadline; the next best are waitlisted; the round moves to decided.
      </Text>
      <Group align="flex-end" component="form" onSubmit={(e) => (e.preventDefault(), approve.mutate())} aria-label="Approve this run">
        <TextInput
          type="date"
          label="Offers to be accepted by"
          value={deadline}
          onChange={(e) => setDeadline(e.currentTarget.value)}
          required
        />
        <NumberInput
          label="Waitlist size"
          min={0}
          max={100}
          value={waitlist}
          onChange={(v) => setWaitlist(typeof v === "number" ? v : 0)}
        />
        <Button type="submit" loading={approve.isPending} disabled={!deadline || !round.data}>
          Approve this run
        </Button>
      </Group>
      {approve.isError && <ErrorAlert title="Not approved" error={approve.error} />}
      {approve.isSuccess && (
        <Text c="teal.9" role="status" mt="sm">
          Approved: the decisions are published.
        </Text>
      )}
    </Card>
  );
}
