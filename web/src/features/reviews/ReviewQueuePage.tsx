// A reviewer's queue: the requests of the rounds taking or reviewing requests, those the signed-in
// reviewer has not reviewed first, each with a link to rate it. Reviewers land here after signing in.
import { Anchor, Badge, Card, Group, SegmentedControl, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router-dom";
import { MEETING_ROLE, ROUND_STATUS, ROUND_STATUS_SHADE, stateName } from "../../../../scoring/domain/index.js";
import { plural } from "../../../../scoring/policy/index.js";
import { api, call } from "../../api.js";
import { ErrorAlert, Loading } from "../../components/status.js";
import { keys } from "../../query-keys.js";

const useReviewQueue = () => useQuery({ queryKey: keys.reviewQueue(), queryFn: () => call(api.api.reviews.queue.$get()) });

/** The reviewer's own review in words. */
function mineInWords(mine: { rating: number | null; conflict: boolean } | null): string {
  if (!mine) return "not reviewed yet";
  if (mine.conflict) return "you declared a conflict of interest";
  return mine.rating === null ? "commented, not rated" : `you rated it ${mine.rating} of 5`;
}

export function ReviewQueuePage() {
  const queue = useReviewQueue();
  const [params, setParams] = useSearchParams();
  const all = params.get("show") === "all";
  if (queue.isPending) return <Loading label="Loading your requests to review" />;
  if (queue.isError) return <ErrorAlert error={queue.error} />;
  const { rounds } = queue.data;
  const left = rounds.reduce((n, r) => n + r.toReview, 0);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Requests to review</Title>
        <SegmentedControl
          aria-label="Which requests"
          value={all ? "all" : "todo"}
          onChange={(v) => setParams(v === "all" ? { show: "all" } : {}, { replace: true })}
          data={[
            { value: "todo", label: `Not reviewed yet (${left})` },
            { value: "all", label: "All" },
          ]}
        />
      </Group>
      {rounds.length === 0 && <Text>No round takes or reviews requests now: there is nothing to review.</Text>}
      {rounds.length > 0 && left === 0 && !all && (
        <Text role="status">You have reviewed every request of the rounds in review. Thank you.</Text>
      )}
      {rounds.map((round) => {
        const shown = all ? round.requests : round.requests.filter((q) => q.mine === null);
        if (shown.length === 0) return null;
        return (
          <Card withBorder key={round.id}>
            <Group justify="space-between" mb="sm">
              <Title order={3} size="h4">
                {round.id}: {round.meeting}
              </Title>
              <Group gap="xs">
                <Badge color={ROUND_STATUS_SHADE[round.status]}>{ROUND_STATUS.say(round.status)}</Badge>
                <Text size="sm">
                  {round.toReview} of {plural(round.requests.length, "request", "requests")} not reviewed by you
                </Text>
              </Group>
            </Group>
            <Table aria-label={`Requests of ${round.id} to review`} striped layout="fixed">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="40%">Request</Table.Th>
                  <Table.Th w="28%">Role at the meeting</Table.Th>
                  <Table.Th w="12%" ta="right">
                    Ratings so far
                  </Table.Th>
                  <Table.Th w="20%">Your review</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((q) => (
                  <Table.Tr key={q.requestId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/rounds/${round.id}/requests/${q.requestId}`}>
                        {q.requestId} · {stateName(q.state)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{MEETING_ROLE.say(q.role)}</Table.Td>
                    <Table.Td ta="right">{q.ratings}</Table.Td>
                    <Table.Td>{mineInWords(q.mine)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
        );
      })}
    </Stack>
  );
}
