// One request: its attributes, its score breakdown (every reason with its points), the reviews (with
// the rating form and the conflict-of-interest declaration) and its status history.
import {
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Timeline,
  Title,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useParams } from "react-router-dom";
import { CRITERION, stateName, GENDER, MEETING_ROLE, REQUEST_STATUS, SUPPORT_LEVEL } from "../../../../scoring/domain/index.js";
import { api, call } from "../../api.js";
import { ErrorAlert, Loading } from "../../components/status.js";
import { chf, dateTime, plainText, points, requestName } from "../../format.js";
import { useSession } from "../accounts/index.js";
import { keys } from "../../query-keys.js";
import { useRequest, useScores } from "./api.js";
import { EligibilityCard } from "./Eligibility.js";
import { RequestMessages } from "../messages/index.js";
import { RequestActions } from "./RequestActions.js";
import { LiftConflict, ratingSource } from "./Reviews.js";

export function RequestPage() {
  const { roundId = "", requestId = "" } = useParams();
  const request = useRequest(requestId);
  const scores = useScores(roundId);
  const session = useSession();
  if (request.isPending) return <Loading label="Loading the request" />;
  if (request.isError) return <ErrorAlert error={request.error} />;
  const r = request.data;
  const score = scores.data?.requests.find((s) => s.id === requestId);
  const a = r.attributes;
  const facts: [string, string][] = [
    ["State", stateName(a.state)],
    ["Name", String(a.name ?? "–")],
    ["Title, organisation", [a.title, a.organisation].filter(Boolean).join(", ") || "–"],
    ["E-mail", String(a.email ?? "–")],
    ["Gender", GENDER.say(a.gender)],
    ["Role at the meeting", MEETING_ROLE.say(a.role)],
    ["Expertise", a.expertise.join(", ") || "–"],
    ["Operational expertise", a.operationalExpertise ? "yes" : "no"],
    ["Survivor or affected community", a.survivor ? "yes" : "no"],
    ["First participation", a.firstParticipation ? "yes" : "no"],
    ["Sponsored before (rounds)", String(a.previousSponsorships)],
    ["Evidence of interest in accession", String(a.interestEvidence || "–")],
    ["Air ticket", chf(a.travel.airTicket)],
    ["Support levels accepted", a.acceptedLevels.map((l) => SUPPORT_LEVEL.say(l)).join(", ")],
    ["Submitted", dateTime(a.submittedAt)],
  ];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Request {requestName(r.id, a.state)}</Title>
        <Group gap="xs">
          {session.data?.role === "admin" && <RequestActions roundId={roundId} request={r} />}
          <Badge size="lg" variant="default">
            {REQUEST_STATUS.say(r.status)}
          </Badge>
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            Attributes
          </Title>
          <Table aria-label="Attributes">
            <Table.Tbody>
              {facts.map(([k, v]) => (
                <Table.Tr key={k}>
                  <Table.Th scope="row" w="45%">
                    {k}
                  </Table.Th>
                  <Table.Td>{v}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            Score {score ? points(score.total) : ""}
          </Title>
          {scores.isError && <ErrorAlert error={scores.error} />}
          {!score && scores.isSuccess && (
            <Text size="sm">Not scored: the request is not in the allocation (status: {REQUEST_STATUS.say(r.status)}).</Text>
          )}
          {score &&
            CRITERION.codes.map((c) => (
              <div key={c}>
                <Text fw={700} mt="sm">
                  {CRITERION.say(c)}: {points(score.criteria[c])}
                </Text>
                <Table aria-label={`Reasons for ${CRITERION.say(c)}`}>
                  <Table.Tbody>
                    {(score.reasons[c] ?? []).length === 0 && (
                      <Table.Tr>
                        <Table.Td c="dimmed">No rule applies.</Table.Td>
                      </Table.Tr>
                    )}
                    {(score.reasons[c] ?? []).map((reason) => (
                      <Table.Tr key={reason.rule}>
                        <Table.Td>
                          {reason.label}
                          <Text size="xs" c="dimmed">
                            {plainText(reason.evidence, new Map())}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right">{reason.points > 0 ? `+${reason.points}` : reason.points}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </div>
            ))}
        </Card>
        <EligibilityCard roundId={roundId} request={r} verdict={score?.eligibility} role={session.data?.role} />
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            Reviews
          </Title>
          <Text size="sm" mb="xs" data-testid="rating-source">
            {ratingSource(r.reviews, a.technicalRating)}
          </Text>
          {r.reviews.map((rv) => (
            <Group key={rv.reviewer} gap="xs" wrap="nowrap" align="baseline">
              <Text size="sm">
                <strong>{rv.reviewer}</strong>: {rv.conflict ? "declared a conflict of interest" : `rating ${rv.rating ?? "–"} of 5`}{" "}
                {rv.comment && `(${rv.comment})`}
              </Text>
              {rv.conflict && session.data?.role === "admin" && <LiftConflict requestId={r.id} roundId={roundId} review={rv} />}
            </Group>
          ))}
          <ReviewForm requestId={r.id} roundId={roundId} mine={r.reviews.find((x) => x.reviewer === session.data?.username)} />
        </Card>
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            Status history
          </Title>
          <Timeline bulletSize={14} lineWidth={2} active={r.history.length}>
            {r.history.map((h, i) => (
              <Timeline.Item key={i} title={REQUEST_STATUS.say(h.status)}>
                <Text size="xs" c="dimmed">
                  {dateTime(h.at)} {h.by ? `by ${h.by}` : ""}
                </Text>
                {h.note && <Text size="sm">{plainText(h.note, new Map([[r.id, a.state]]))}</Text>}
              </Timeline.Item>
            ))}
          </Timeline>
        </Card>
        <RequestMessages requestId={r.id} canResend={session.data?.role === "admin"} />
      </SimpleGrid>
    </Stack>
  );
}

function ReviewForm({
  requestId,
  roundId,
  mine,
}: {
  requestId: string;
  roundId: string;
  mine?: { rating: number | null; comment: string; conflict: boolean; version: number };
}) {
  const qc = useQueryClient();
  const [rating, setRating] = useState<number | null>(mine?.rating ?? null);
  const [comment, setComment] = useState(mine?.comment ?? "");
  const [conflict, setConflict] = useState(mine?.conflict ?? false);
  // A value out of range is refused at the field, never clamped behind the reviewer's back.
  const outOfRange = !conflict && rating !== null && (rating < 0 || rating > 5);
  const save = useMutation({
    mutationFn: () =>
      call(
        api.api.requests[":requestId"].review.$put({
          param: { requestId },
          json: { rating: conflict ? null : rating, comment, conflict, ...(mine ? { version: mine.version } : {}) },
        }),
      ),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.request(requestId) });
      void qc.invalidateQueries({ queryKey: keys.scores(roundId) });
    },
  });
  return (
    <Stack mt="md" component="form" onSubmit={(e) => (e.preventDefault(), save.mutate())} aria-label="Your review">
      <Checkbox
        label="I have a conflict of interest with this request (I will not rate it)"
        checked={conflict}
        disabled={mine?.conflict}
        onChange={(e) => setConflict(e.currentTarget.checked)}
      />
      <NumberInput
        label="Technical value, 0 to 5"
        min={0}
        max={5}
        step={0.5}
        clampBehavior="none"
        value={rating ?? ""}
        onChange={(v) => setRating(typeof v === "number" ? v : null)}
        error={outOfRange ? "Enter a rating from 0 to 5: it is not changed for you." : null}
        disabled={conflict}
      />
      <Textarea label="Comment" value={comment} onChange={(e) => setComment(e.currentTarget.value)} autosize minRows={2} />
      {save.isError && <ErrorAlert title="The review was not saved" error={save.error} />}
      {save.isSuccess && (
        <Text c="teal.9" role="status">
          Review saved.
        </Text>
      )}
      <Group>
        <Button type="submit" loading={save.isPending} disabled={outOfRange}>
          Save my review
        </Button>
      </Group>
    </Stack>
  );
}
