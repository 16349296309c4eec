// Who may be sponsored, for one request: the verdict in words (the condition that holds, what fails on
// each, or the exception), the review of a signatory's or State not party's evidence of interest
// (staff), and an exception to eligibility with its justification (administrators).
import { Alert, Button, Card, Group, SegmentedControl, Stack, Text, Textarea, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Eligibility as Verdict, RequestAttributes } from "../../../../scoring/criteria/index.js";
import { ELIGIBILITY, ELIGIBILITY_SHADE, eligibilityOf, type InterestReview } from "../../../../scoring/domain/index.js";
import { api, call } from "../../api.js";
import { ErrorAlert } from "../../components/status.js";
import { keys } from "../../query-keys.js";
import { day } from "../../format.js";

interface Props {
  roundId: string;
  request: { id: string; version: number; attributes: RequestAttributes };
  verdict: Verdict | undefined;
  role: string | undefined;
}

export function EligibilityCard({ roundId, request, verdict, role }: Props) {
  const review = request.attributes.interestReview;
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        Eligibility
      </Title>
      {!verdict && <Text size="sm">Not scored: the request is not in the allocation.</Text>}
      {verdict && (
        <Alert
          variant="filled"
          color={ELIGIBILITY_SHADE[eligibilityOf(verdict)]}
          aria-label={`Eligibility: ${ELIGIBILITY.say(eligibilityOf(verdict))}`}
        >
          {/* The sentence starts with the verdict ("Eligible: …", "Not eligible: …"): no title repeats it. */}
          <Text size="sm">{verdict.text}</Text>
        </Alert>
      )}
      {request.attributes.interestEvidence.trim() && (
        <Stack gap={4} mt="sm">
          <Text fw={700} size="sm">
            Evidence of interest
          </Text>
          <Text size="sm">{request.attributes.interestEvidence}</Text>
          <Text size="sm" c="dimmed">
            {review
              ? `${review.decision === "accepted" ? "Accepted" : "Not accepted"} by ${review.by} on ${day(review.on)}${review.note ? `: ${review.note}` : ""}`
              : "Not yet reviewed."}
          </Text>
          {(role === "admin" || role === "reviewer") && <InterestForm roundId={roundId} request={request} />}
        </Stack>
      )}
      {role === "admin" && verdict && (!verdict.eligible || verdict.exception) && (
        <ExceptionForm roundId={roundId} request={request} admitted={!!verdict.exception} />
      )}
    </Card>
  );
}

function useSaved(roundId: string, requestId: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: keys.request(requestId) });
    void qc.invalidateQueries({ queryKey: keys.scores(roundId) });
  };
}

function InterestForm({ roundId, request }: Omit<Props, "verdict" | "role">) {
  const [decision, setDecision] = useState<InterestReview>(request.attributes.interestReview?.decision ?? "accepted");
  const [note, setNote] = useState("");
  const saved = useSaved(roundId, request.id);
  const save = useMutation({
    mutationFn: () =>
      call(
        api.api.requests[":requestId"].interest.$post({
          param: { requestId: request.id },
          json: { decision, note, version: request.version },
        }),
      ),
    onSuccess: saved,
  });
  return (
    <Stack gap="xs" component="form" aria-label="Review of the evidence of interest" onSubmit={(e) => (e.preventDefault(), save.mutate())}>
      <SegmentedControl
        value={decision}
        onChange={(v) => setDecision(v === "not-accepted" ? "not-accepted" : "accepted")}
        data={[
          { value: "accepted", label: "Accept the evidence" },
          { value: "not-accepted", label: "Do not accept it" },
        ]}
      />
      <Textarea
        label="Note (kept in the request's history)"
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        autosize
        minRows={2}
      />
      {save.isError && <ErrorAlert title="The review was not saved" error={save.error} />}
      <Group>
        <Button type="submit" loading={save.isPending}>
          Save the review
        </Button>
      </Group>
    </Stack>
  );
}

function ExceptionForm({ roundId, request, admitted }: Omit<Props, "verdict" | "role"> & { admitted: boolean }) {
  const [justification, setJustification] = useState("");
  const saved = useSaved(roundId, request.id);
  const save = useMutation({
    mutationFn: () =>
      call(
        api.api.requests[":requestId"].exception.$post({
          param: { requestId: request.id },
          json: { admit: !admitted, justification, version: request.version },
        }),
      ),
    onSuccess: () => (setJustification(""), saved()),
  });
  return (
    <Stack gap="xs" mt="sm" component="form" aria-label="Exception to eligibility" onSubmit={(e) => (e.preventDefault(), save.mutate())}>
      <Textarea
        label={admitted ? "Why the exception is withdrawn" : "Why the ISU admits this request by exception (shown to donors)"}
        value={justification}
        onChange={(e) => setJustification(e.currentTarget.value)}
        autosize
        minRows={2}
      />
      {save.isError && <ErrorAlert title="The exception was not saved" error={save.error} />}
      <Group>
        <Button type="submit" variant="outline" loading={save.isPending}>
          {admitted ? "Withdraw the exception" : "Admit by exception"}
        </Button>
      </Group>
    </Stack>
  );
}
