// The Messages screen: the outbox (every message to applicants and to the ISU, with its delivery), the
// state of delivery (a mail server set up or not), and the templates with a preview in each language.
import { Alert, Group, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { ErrorAlert, Loading } from "../../components/status.js";
import { useSession } from "../accounts/index.js";
import { useMessages } from "./api.js";
import { MessageTable } from "./MessageTable.js";
import { TemplatesCard } from "./TemplatesCard.js";
import { STATUS_FILTERS } from "./words.js";

// A light alert's title in the text's colour: its colour's own shades do not all read on its tint (WCAG AA).
const READABLE_TITLE = { title: { color: "var(--mantine-color-text)" } };

export function MessagesPage() {
  const [filter, setFilter] = useState("all");
  const status = STATUS_FILTERS.find((f) => f.value === filter)?.status ?? null;
  const list = useMessages(status);
  const session = useSession();
  const data = list.data;
  return (
    <Stack>
      <Title order={2}>Messages</Title>
      <Text>
        Every message to applicants (in their language) and to the ISU, written when the change that causes it is saved: a request received,
        an offer, a reminder three days before its deadline, a lapsed offer, the waiting list, a request not funded, a new access code, an
        offer answered.
      </Text>
      {data &&
        (data.delivery.configured ? (
          <Alert color="teal" title="Messages are sent" role="status" styles={READABLE_TITLE}>
            Through the mail server set up for the product, from {data.delivery.from}. A refused message is tried again with growing waits,
            then marked failed with the server&apos;s answer.
          </Alert>
        ) : (
          <Alert color="orange" title="No mail server is set up" role="status" styles={READABLE_TITLE}>
            Messages stay here in the outbox and nobody receives them. To send them, start the server with SMTP_URL (and MAIL_FROM) set.
          </Alert>
        ))}
      <Group justify="space-between" align="flex-end">
        <SegmentedControl aria-label="Show" data={STATUS_FILTERS} value={filter} onChange={setFilter} />
        {data && (
          <Text size="sm" aria-live="polite">
            {data.counts.queued + data.counts.sending} waiting, {data.counts.sent} sent, {data.counts.failed} failed, {data.counts.held}{" "}
            held
          </Text>
        )}
      </Group>
      {list.isPending && <Loading label="Loading the messages" />}
      {list.isError && <ErrorAlert error={list.error} />}
      {data && data.messages.length === 0 && <Text c="dimmed">No message {status ? "in this state" : "yet"}.</Text>}
      {data && data.messages.length > 0 && (
        <MessageTable
          messages={data.messages}
          configured={data.delivery.configured}
          canResend={session.data?.role === "admin"}
          withRequest
          label="Messages"
        />
      )}
      {data && data.total > data.messages.length && (
        <Text size="sm" c="dimmed">
          The newest {data.messages.length} of {data.total} are shown.
        </Text>
      )}
      <TemplatesCard />
    </Stack>
  );
}
