// A request's messages on its page: who was told what and when, and what came of each delivery.
import { Card, Text, Title } from "@mantine/core";
import { ErrorAlert, Loading } from "../../components/status.js";
import { useRequestMessages } from "./api.js";
import { MessageTable } from "./MessageTable.js";
import { LANGUAGE_NAMES } from "./words.js";

export function RequestMessages({ requestId, canResend }: { requestId: string; canResend: boolean }) {
  const q = useRequestMessages(requestId);
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        Messages
      </Title>
      {q.isPending && <Loading label="Loading the messages" />}
      {q.isError && <ErrorAlert error={q.error} />}
      {q.data && !q.data.hasAddress && <Text size="sm">No e-mail address on file: the applicant is told nothing by e-mail.</Text>}
      {q.data && q.data.hasAddress && (
        <Text size="sm" mb="xs">
          The applicant is written to in {LANGUAGE_NAMES[q.data.language]}.
          {!q.data.delivery.configured && " No mail server is set up: messages wait in the outbox."}
        </Text>
      )}
      {q.data && q.data.hasAddress && q.data.messages.length === 0 && <Text size="sm">No message yet.</Text>}
      {q.data && q.data.messages.length > 0 && (
        <MessageTable
          messages={q.data.messages}
          configured={q.data.delivery.configured}
          canResend={canResend}
          label="Messages about this request"
        />
      )}
    </Card>
  );
}
