// One offer in the table after the decision: its answer (accepted, declined, lapsed) while pending; after
// the meeting, its settlement (travelled with its actual cost, a no-show or a late cancellation with what
// could not be refunded); a settled offer's cost can be corrected. The moves offered are the core's.
import { Button, Group, NumberInput, Select, Table, Text, Textarea } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router-dom";
import {
  OFFER_RULES,
  OFFER_STATE,
  OFFER_TRANSITIONS,
  SETTLED_OFFERS,
  stateName,
  SUPPORT_LEVEL,
  type OfferStatus,
} from "../../../../scoring/domain/index.js";
import { api, call, type Answer } from "../../api.js";
import { Confirm } from "../../components/confirm.js";
import { ErrorAlert } from "../../components/status.js";
import { chf, day } from "../../format.js";
import { consequence, offerLabel, SETTLE_OPTIONS, type Save, type Settled } from "./offer-words.js";

type Decision = Answer<(typeof api.api.rounds)[":roundId"]["decisions"]["$get"]>[number];

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
  const settled = SETTLED_OFFERS.has(status);
  const [actual, setActual] = useState<number | "">(d.actualCost ?? "");
  const [outcome, setOutcome] = useState<Settled>("travelled");
  const [asked, setAsked] = useState<Save | null>(null);
  const [note, setNote] = useState("");
  const save = useMutation({
    mutationFn: (json: Save) =>
      call(
        api.api.rounds[":roundId"].offers[":requestId"].$post({
          param: { roundId, requestId: d.requestId },
          json: { ...json, ...(note.trim() ? { note: note.trim() } : {}), version: d.version },
        }),
      ),
    onSuccess: () => (setAsked(null), setNote(""), onSaved()),
  });
  const who = `${d.requestId}${state ? ` (${stateName(state)})` : ""}`;
  // The moves recorded with a button: every one but a settlement (recorded with its cost, on the right).
  const answers = OFFER_TRANSITIONS[status].filter((s): s is Exclude<OfferStatus, "pending"> => s !== "pending" && !SETTLED_OFFERS.has(s));
  const canSettle = status === "accepted";
  const cost = actual === "" ? undefined : actual;
  return (
    <Table.Tr>
      <Table.Td>
        <Link to={`/rounds/${roundId}/requests/${d.requestId}`} style={{ whiteSpace: "nowrap" }}>
          {d.requestId}
        </Link>
        <Text size="xs">{state ? stateName(state) : "–"}</Text>
      </Table.Td>
      <Table.Td>{d.level ? SUPPORT_LEVEL.say(d.level) : "–"}</Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
        {chf(d.cost)}
      </Table.Td>
      <Table.Td style={{ whiteSpace: "nowrap" }}>{day(d.offerDeadline)}</Table.Td>
      <Table.Td>
        <Text size="sm">{offerLabel(status)}</Text>
        {admin && answers.length > 0 && (
          <Group gap={4} wrap="nowrap" mt={4}>
            {answers.map((s) => (
              <Button
                key={s}
                size="compact-xs"
                variant="default"
                onClick={() => (save.reset(), setAsked({ offerStatus: s }))}
                aria-label={`${d.requestId}: ${offerLabel(s)}`}
              >
                {offerLabel(s)}
              </Button>
            ))}
          </Group>
        )}
        {save.isError && !asked && <ErrorAlert error={save.error} />}
        <Confirm
          opened={asked !== null}
          title={asked?.offerStatus ? `Record: ${OFFER_STATE.say(asked.offerStatus)}?` : "Correct the actual cost?"}
          confirm="Yes, record it"
          onConfirm={() => asked && save.mutate(asked)}
          onCancel={() => setAsked(null)}
          pending={save.isPending}
          error={save.isError ? save.error : null}
        >
          <Text>
            {asked?.offerStatus
              ? `${who} ${consequence(asked.offerStatus)}${asked.actualCost !== undefined ? ` (${chf(asked.actualCost)})` : ""} This cannot be undone here.`
              : `${who}'s actual cost becomes ${chf(asked?.actualCost)}; the statement changes with it.`}
          </Text>
          {asked?.offerStatus && (
            <Textarea
              mt="sm"
              label={OFFER_RULES[asked.offerStatus].needsReason ? "Why (required)" : "Why (optional)"}
              description="Kept in the request's history and the audit log; not sent to the applicant."
              required={OFFER_RULES[asked.offerStatus].needsReason === true}
              maxLength={2000}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
          )}
        </Confirm>
      </Table.Td>
      <Table.Td>
        {admin && (canSettle || settled) ? (
          <Group
            gap={4}
            wrap="nowrap"
            component="form"
            onSubmit={(e) => (
              e.preventDefault(),
              save.reset(),
              setAsked(canSettle ? { offerStatus: outcome, actualCost: cost } : { actualCost: cost })
            )}
          >
            {canSettle && (
              <Select
                aria-label={`Outcome for ${d.requestId}`}
                size="xs"
                w={150}
                data={SETTLE_OPTIONS}
                value={outcome}
                allowDeselect={false}
                onChange={(v) => setOutcome(SETTLED_OFFERS.has(v) ? v : "travelled")}
              />
            )}
            <NumberInput
              aria-label={canSettle && outcome !== "travelled" ? `Non-refundable cost of ${d.requestId}` : `Actual cost of ${d.requestId}`}
              placeholder={canSettle && outcome !== "travelled" ? "Not refundable" : "Actual cost"}
              size="xs"
              w={100}
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
