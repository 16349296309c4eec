// The outbox's queries: the Messages screen's list, a request's messages, the templates and a preview;
// and sending a failed message again.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, call, type Answer } from "../../api.js";
import type { Language, MessageStatus } from "../../../../scoring/domain/index.js";
import { keys } from "../../query-keys.js";

export type { Language, MessageStatus };
export type MessagesAnswer = Answer<typeof api.api.messages.$get>;
export type Message = MessagesAnswer["messages"][number];

/** The outbox, newest first; refreshed every few seconds while it has messages on their way. */
export const useMessages = (status: MessageStatus | null) =>
  useQuery({
    queryKey: keys.messages(status),
    queryFn: () => call(api.api.messages.$get({ query: { limit: "200", ...(status ? { status } : {}) } })),
    refetchInterval: (q) => ((q.state.data?.counts.queued ?? 0) + (q.state.data?.counts.sending ?? 0) > 0 ? 5000 : false),
  });

export const useRequestMessages = (requestId: string) =>
  useQuery({
    queryKey: keys.requestMessages(requestId),
    queryFn: () => call(api.api.requests[":requestId"].messages.$get({ param: { requestId } })),
  });

export const useTemplates = () => useQuery({ queryKey: keys.messageTemplates(), queryFn: () => call(api.api["message-templates"].$get()) });

export type TemplateKind = Answer<(typeof api.api)["message-templates"]["$get"]>[number]["kind"];

export const useTemplatePreview = (kind: TemplateKind | null, language: Language) =>
  useQuery({
    queryKey: keys.messagePreview(kind, language),
    enabled: kind !== null,
    queryFn: () =>
      call(api.api["message-templates"][":kind"][":language"].$get({ param: { kind: kind ?? "received", language }, query: {} })),
  });

/** Sends a failed message again (administrators). */
export function useResend() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (m: { id: number; version: number; requestId: string | null }) =>
      call(api.api.messages[":messageId"].resend.$post({ param: { messageId: String(m.id) }, json: { version: m.version } })),
    onSuccess: (_, m) => {
      void client.invalidateQueries({ queryKey: keys.allMessages() });
      if (m.requestId) void client.invalidateQueries({ queryKey: keys.requestMessages(m.requestId) });
    },
  });
}
