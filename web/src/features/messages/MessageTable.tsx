// Messages as a table: when each was written, to whom, about what (and which request, with its State),
// in which language, and what came of its delivery; each can be read, and a failed one sent again.
import { Badge, Button, Group, Modal, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { useState } from "react";
import { SENDABLE_BY_STAFF } from "../../../../scoring/domain/index.js";
import { ErrorAlert } from "../../components/status.js";
import { dateTime, requestName } from "../../format.js";
import { useResend, type Message } from "./api.js";
import { deliveryInWords, LANGUAGE_NAMES } from "./words.js";

interface Props {
  messages: Message[];
  /** Whether a mail server is set up (else the messages wait in the outbox). */
  configured: boolean;
  canResend: boolean;
  /** Show each message's request (the Messages screen; a request's own page does not). */
  withRequest?: boolean;
  label: string;
}

export function MessageTable({ messages, configured, canResend, withRequest = false, label }: Props) {
  const [reading, setReading] = useState<Message | null>(null);
  const resend = useResend();
  return (
    <>
      {resend.isError && <ErrorAlert title="Not sent again" error={resend.error} />}
      <Table.ScrollContainer minWidth={760}>
        <Table fz="sm" striped aria-label={label}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Written</Table.Th>
              <Table.Th>To</Table.Th>
              <Table.Th>About</Table.Th>
              <Table.Th>Language</Table.Th>
              <Table.Th>Delivery</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {messages.map((m) => {
              const d = deliveryInWords(m, configured);
              return (
                <Table.Tr key={m.id}>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{dateTime(m.createdAt)}</Table.Td>
                  <Table.Td>{m.audience === "staff" ? `${m.recipient} (the ISU)` : m.recipient}</Table.Td>
                  <Table.Td>
                    {m.about}
                    {withRequest && m.requestId && (
                      <Text size="xs" c="dimmed">
                        {requestName(m.requestId, m.state ?? undefined)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{LANGUAGE_NAMES[m.language]}</Table.Td>
                  <Table.Td>
                    <Badge color={d.color} style={{ textTransform: "none" }}>
                      {d.label}
                    </Badge>
                    {d.detail && (
                      <Text size="xs" c="dimmed" maw={320}>
                        {d.detail}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button size="xs" variant="default" onClick={() => setReading(m)} aria-label={`Read the message: ${m.subject}`}>
                        Read
                      </Button>
                      {canResend && SENDABLE_BY_STAFF.has(m.status) && (
                        <Button
                          size="xs"
                          loading={resend.isPending}
                          onClick={() => resend.mutate({ id: m.id, version: m.version, requestId: m.requestId })}
                        >
                          Send again
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal
        opened={reading !== null}
        onClose={() => setReading(null)}
        title={reading?.subject ?? ""}
        size="lg"
        closeButtonProps={{ "aria-label": "Close" }}
      >
        {reading && (
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              To {reading.recipient}, in {LANGUAGE_NAMES[reading.language]}, written {dateTime(reading.createdAt)}
            </Text>
            <Text component="pre" size="sm" style={{ whiteSpace: "pre-wrap", fontFamily: "inherit" }}>
              {reading.body}
            </Text>
          </Stack>
        )}
      </Modal>
    </>
  );
}
