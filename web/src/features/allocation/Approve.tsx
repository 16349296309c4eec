// Approving a run: offers with their deadline, a waitlist, the round decided; after a confirmation that
// says what will happen. The deadline lies between today and the meeting's first day (the server checks it too).
import { Alert, Button, Card, Checkbox, Group, List, NumberInput, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, call } from "../../api.js";
import { Confirm } from "../../components/confirm.js";
import { ErrorAlert } from "../../components/status.js";
import { chf, day } from "../../format.js";
import { useRound } from "../rounds/index.js";
import { useToday } from "../accounts/index.js";
import { useRunChanges } from "./api.js";
import { capitalised, offerDeadlineRefused, offersClosed } from "../../../../scoring/domain/index.js";

export function Approve({
  roundId,
  runId,
  funded,
  notFunded,
  committed,
}: {
  roundId: string;
  runId: string;
  funded: number;
  notFunded: number;
  committed: number;
}) {
  const qc = useQueryClient();
  const round = useRound(roundId);
  const [deadline, setDeadline] = useState("");
  const [waitlist, setWaitlist] = useState<number | "">(5);
  const [confirming, setConfirming] = useState(false);
  const changes = useRunChanges(runId).data?.changes ?? [];
  const [asItWas, setAsItWas] = useState(false);
  const approve = useMutation({
    mutationFn: () => {
      if (!round.data) throw new Error("The round is still loading: try again in a moment.");
      return call(
        api.api.runs[":runId"].approve.$post({
          param: { runId },
          json: {
            offerDeadline: deadline,
            waitlist: waitlist === "" ? 0 : waitlist,
            roundVersion: round.data.version,
            ...(changes.length && asItWas ? { outOfDate: "approve-as-it-was" as const } : {}),
          },
        }),
      );
    },
    onSuccess: () => {
      setConfirming(false);
      void qc.invalidateQueries();
    },
  });
  const meeting = round.data?.startDate ?? "";
  // The server's today: the offers are made on it, and their deadline lies between it and the meeting.
  const today = useToday();
  const meetingBegun = !!today && !!meeting && offersClosed(meeting, today);
  // Refused at the field before the server is asked, by the server's calendar: a deadline before the day
  // of the offers, or after the meeting's first day.
  const refused = deadline && meeting && today ? offerDeadlineRefused(deadline, today, meeting) : null;
  const deadlineProblem = refused ? `${capitalised(refused)}.` : null;
  const heading = (
    <Title order={3} size="h4" mb="sm">
      Approve and publish
    </Title>
  );
  if (meetingBegun)
    return (
      <Card withBorder>
        {heading}
        <Text size="sm" role="status">
          {`This round's meeting began on ${day(meeting)}: offers can no longer be made for it, since their deadline must fall before the meeting. Its runs can still be read and compared.`}
        </Text>
      </Card>
    );
  const waitlistProblem =
    waitlist === "" || !Number.isInteger(waitlist) || waitlist < 0 || waitlist > 100 ? "A whole number from 0 to 100." : null;
  const waiting = Math.min(waitlist === "" ? 0 : waitlist, notFunded);
  return (
    <Card withBorder>
      {heading}
      <Text size="sm" mb="sm">
        The funded requests get offers to accept by the deadline; the next best are waitlisted; the round moves to decided.
      </Text>
      {changes.length > 0 && <OutOfDate changes={changes} asItWas={asItWas} onChange={setAsItWas} />}
      <Group
        align="flex-start"
        component="form"
        onSubmit={(e) => (e.preventDefault(), approve.reset(), setConfirming(true))}
        aria-label="Approve this run"
      >
        <TextInput
          type="date"
          label="Offers to be accepted by"
          description={meeting ? `By the meeting's first day, ${day(meeting)}, at the latest` : undefined}
          value={deadline}
          min={today ?? undefined}
          max={meeting || undefined}
          onChange={(e) => setDeadline(e.currentTarget.value)}
          error={deadlineProblem}
          required
        />
        <NumberInput
          label="Waitlist size"
          min={0}
          max={100}
          allowDecimal={false}
          value={waitlist}
          onChange={(v) => setWaitlist(typeof v === "number" ? v : "")}
          error={waitlistProblem}
        />
        <Button
          type="submit"
          mt={25}
          disabled={!deadline || !round.data || !!deadlineProblem || !!waitlistProblem || (changes.length > 0 && !asItWas)}
        >
          Approve this run
        </Button>
      </Group>
      <Confirm
        opened={confirming}
        title="Approve and publish this allocation?"
        confirm="Yes, approve and publish"
        onConfirm={() => approve.mutate()}
        onCancel={() => setConfirming(false)}
        pending={approve.isPending}
        error={approve.isError ? approve.error : null}
      >
        {changes.length > 0 &&
          `This run is out of date: the ${changes.length === 1 ? "change" : "changes"} since it was made ${changes.length === 1 ? "is" : "are"} not in it. `}
        {`${funded} applicants are offered sponsorship (${chf(committed)} committed), to accept by ${deadline ? day(deadline) : "–"}; ${waiting} go on the waiting list and ${notFunded - waiting} are told they are not sponsored. Each applicant sees the decision on the status page at once, and the round moves to decided. Offers can later be replaced, but the approval cannot be withdrawn once an answer or a cost is recorded.`}
      </Confirm>
      {approve.isSuccess && (
        <Text c="teal.9" role="status" mt="sm">
          Approved: the decisions are published.
        </Text>
      )}
      {approve.isError && !confirming && <ErrorAlert title="Not approved" error={approve.error} />}
    </Card>
  );
}

/** The round changed since the run: what changed, and the choice to approve the run as it was. */
function OutOfDate({ changes, asItWas, onChange }: { changes: string[]; asItWas: boolean; onChange: (v: boolean) => void }) {
  return (
    <Alert color="orange.9" variant="light" mb="sm" title="This run is out of date" role="region" aria-label="This run is out of date">
      <Text size="sm" mb={4}>
        The round has changed since this run was made; its allocation does not take these changes into account:
      </Text>
      <List size="sm" mb="sm" aria-label="Changes since the run">
        {changes.map((c) => (
          <List.Item key={c}>{c}</List.Item>
        ))}
      </List>
      <Text size="sm" mb="xs">
        Start a new run to allocate the round as it is now, or approve this one as it was.
      </Text>
      <Checkbox
        label="Approve this run as it was, without these changes"
        checked={asItWas}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
    </Alert>
  );
}
