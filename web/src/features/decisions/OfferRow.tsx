// One offer in the table after the decision: its answer (accepted, declined, lapsed) while pending; after
// the meeting, its settlement (travelled with its actual cost, a no-show or a late cancellation with what
// could not be refunded); a settled offer's cost can be corrected. The moves offered are the core's.
import { Button, Group, NumberInput, Select, Table, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router-dom";
import { OFFER_TRANSITIONS, SETTLED_OFFERS, stateName, type OfferStatus } from "../../../../scoring/domain/index.js";
import { api, call, type Answer } from "../../api.js";
import { ErrorAlert } from "../../components/status.js";
import { chf, day } from "../../format.js";
import { word } from "../../words.js";

type Decision = Answer<(typeof api.api.rounds)[":roundId"]["decisions"]["$get"]>[number];
type Settled = "travelled" | "no-show" | "cancelled";

export const OFFER_WORDS: Record<OfferStatus, string> = {
  pending: "Awaiting an answer",
  accepted: "Accepted",
  declined: "Declined",
  expired: "Lapsed (no answer by the deadline)",
  travelled: "Travelled",
  "no-show": "Did not travel (no-show)",
  cancelled: "Cancelled late",
};
type Answered = "accepted" | "declined" | "expired";
const ANSWER_BUTTONS: Record<Answered, string> = { accepted: "Accepted", declined: "Declined", expired: "Lapsed" };
const isAnswer = (s: OfferStatus): s is Answered => s in ANSWER_BUTTONS;
const SETTLE: readonly Settled[] = ["travelled", "no-show", "cancelled"];
const SETTLE_OPTIONS = SETTLE.map((value) => ({ value, label: OFFER_WORDS[value] }));

export function OfferRow({
  roundId,
  d,
  state,
  admin,
  onSaved,
}: {
  roundId: string;
  d: Decision;
  state: string | undefined;
  admin: boolean;
  onSaved: () => void;
}) {
  const status: OfferStatus = d.offerStatus ?? "pending";
  const settled = SETTLED_OFFERS.includes(status);
  const [actual, setActual] = useState<number | "">(d.actualCost ?? "");
  const [outcome, setOutcome] = useState<Settled>("travelled");
  const save = useMutation({
    mutationFn: (json: { offerStatus?: Exclude<OfferStatus, "pending">; actualCost?: number }) =>
      call(
        api.api.rounds[":roundId"].offers[":requestId"].$post({
          param: { roundId, requestId: d.requestId },
          json: { ...json, version: d.version },
        }),
      ),
    onSuccess: onSaved,
  });
  const answers = OFFER_TRANSITIONS[status].filter(isAnswer);
  const canSettle = status === "accepted";
  const cost = actual === "" ? undefined : actual;
  return (
    <Table.Tr>
      <Table.Td>
        <Link to={`/rounds/${roundId}/requests/${d.requestId}`}>{d.requestId}</Link>
      </Table.Td>
      <Table.Td>{state ? stateName(state) : "–"}</Table.Td>
      <Table.Td>{word(d.level)}</Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
        {chf(d.cost)}
      </Table.Td>
      <Table.Td>{day(d.offerDeadline)}</Table.Td>
      <Table.Td>
        <Text size="sm">{OFFER_WORDS[status]}</Text>
        {admin && answers.length > 0 && (
          <Group gap={4} wrap="nowrap" mt={4}>
            {answers.map((s) => (
              <Button
                key={s}
                size="compact-xs"
                variant="default"
                onClick={() => save.mutate({ offerStatus: s })}
                aria-label={`${d.requestId}: ${ANSWER_BUTTONS[s]}`}
              >
                {ANSWER_BUTTONS[s]}
              </Button>
            ))}
          </Group>
        )}
        {save.isError && <ErrorAlert error={save.error} />}
      </Table.Td>
      <Table.Td>
        {admin && (canSettle || settled) ? (
          <Group
            gap={4}
            wrap="nowrap"
            component="form"
            onSubmit={(e) => (
              e.preventDefault(),
              save.mutate(canSettle ? { offerStatus: outcome, actualCost: cost } : { actualCost: cost })
            )}
          >
            {canSettle && (
              <Select
                aria-label={`Outcome for ${d.requestId}`}
                size="xs"
                w={170}
                data={SETTLE_OPTIONS}
                value={outcome}
                allowDeselect={false}
                onChange={(v) => setOutcome(SETTLE.find((x) => x === v) ?? "travelled")}
              />
            )}
            <NumberInput
              aria-label={canSettle && outcome !== "travelled" ? `Non-refundable cost of ${d.requestId}` : `Actual cost of ${d.requestId}`}
              placeholder={canSettle && outcome !== "travelled" ? "Not refundable" : "Actual cost"}
              size="xs"
              w={110}
              min={0}
              thousandSeparator="'"
              value={actual}
              onChange={(v) => setActual(typeof v === "number" ? v : "")}
            />
            <Button size="compact-xs" type="submit" variant="default">
              {canSettle ? "Record" : "Correct"}
            </Button>
          </Group>
        ) : (
          chf(d.actualCost)
        )}
      </Table.Td>
    </Table.Tr>
  );
}
