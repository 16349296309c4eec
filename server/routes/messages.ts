// The outbox, for staff: the Messages screen's list, a request's messages, a failed message sent again,
// the templates and their previews. Donors and applicants have no route here.
import { AUDIENCE, byCode, MESSAGE_STATUS } from "../../scoring/domain/index.js";
import { z } from "zod";
import { actorOf, body, errors, json, newApp, RequestId, route, STAFF } from "../http/index.js";
import { MESSAGE_KIND_LIST } from "../mail/templates.js";
import { messages, previewTemplate, requestMessages, resendMessage, templateList } from "../services/messages.js";

const Language = z.enum(["en", "fr", "es"]);
const Kind = z.enum(MESSAGE_KIND_LIST);
const Status = z.enum(MESSAGE_STATUS.codes);

const MessageSchema = z.object({
  id: z.number().int(),
  kind: Kind,
  about: z.string(),
  audience: z.enum(AUDIENCE.codes),
  requestId: z.string().nullable(),
  roundId: z.string().nullable(),
  state: z.string().nullable(),
  recipient: z.string(),
  language: Language,
  subject: z.string(),
  body: z.string(),
  status: Status,
  attempts: z.number().int(),
  nextAttemptAt: z.string(),
  lastAnswer: z.string().nullable(),
  interrupted: z.number().int().min(0),
  messageId: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
});
const Delivery = z.object({ configured: z.boolean(), from: z.string() });
const Counts = z.object(byCode(MESSAGE_STATUS.codes, () => z.number().int()));

// The routes: each a named definition (its guard, input and answers), its handler in the chain below.
const getMessages = route(STAFF, {
  method: "get",
  path: "/api/messages",
  tags: ["messages"],
  summary: "The outbox: every message, newest first, with its delivery (queued, sent, failed with the mail server's answer)",
  request: {
    query: z.object({
      status: Status.optional(),
      roundId: z.string().min(1).max(64).optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
      offset: z.coerce.number().int().min(0).default(0),
    }),
  },
  responses: {
    200: json(z.object({ delivery: Delivery, counts: Counts, total: z.number().int(), messages: z.array(MessageSchema) }), "Messages"),
    ...errors(401, 403, 422),
  },
});

const getRequestsMessages = route(STAFF, {
  method: "get",
  path: "/api/requests/{requestId}/messages",
  tags: ["messages"],
  summary: "Who was told what about a request, and when (oldest first)",
  request: { params: RequestId },
  responses: {
    200: json(
      z.object({ delivery: Delivery, hasAddress: z.boolean(), language: Language, messages: z.array(MessageSchema) }),
      "The request's messages",
    ),
    ...errors(401, 403, 404),
  },
});

const postMessagesResend = route(["admin"], {
  method: "post",
  path: "/api/messages/{messageId}/resend",
  tags: ["messages"],
  summary: "Send a failed message again (the same message, queued for the sender)",
  request: {
    params: z.object({ messageId: z.coerce.number().int().min(1) }),
    ...body(z.strictObject({ version: z.number().int().min(1) })),
  },
  responses: {
    200: json(z.object({ id: z.number().int(), status: Status, version: z.number().int() }), "Queued again"),
    ...errors(401, 403, 404, 409, 422),
  },
});

const getMessageTemplates = route(STAFF, {
  method: "get",
  path: "/api/message-templates",
  tags: ["messages"],
  summary: "The messages' templates: each message, who receives it, its languages and placeholders",
  responses: {
    200: json(
      z.array(
        z.object({
          kind: Kind,
          about: z.string(),
          audience: z.enum(AUDIENCE.codes),
          languages: z.array(Language),
          placeholders: z.array(z.string()),
        }),
      ),
      "Templates",
    ),
    ...errors(401, 403),
  },
});

const getMessageTemplatesOne = route(STAFF, {
  method: "get",
  path: "/api/message-templates/{kind}/{language}",
  tags: ["messages"],
  summary: "A template filled in: with a request's values (requestId), else with an example",
  request: {
    params: z.object({ kind: Kind, language: Language }),
    query: z.object({ requestId: z.string().min(1).max(64).optional() }),
  },
  responses: {
    200: json(z.object({ kind: Kind, language: Language, example: z.boolean(), subject: z.string(), body: z.string() }), "Preview"),
    ...errors(401, 403, 404, 422),
  },
});

export function messageRoutes() {
  return newApp()
    .openapi(getMessages, (c) => c.json(messages(c.get("services"), c.req.valid("query")), 200))
    .openapi(getRequestsMessages, (c) => c.json(requestMessages(c.get("services"), c.req.valid("param").requestId), 200))
    .openapi(postMessagesResend, (c) => {
      const m = resendMessage(c.get("services"), c.req.valid("param").messageId, c.req.valid("json").version, actorOf(c));
      return c.json({ id: m.id, status: m.status, version: m.version }, 200);
    })
    .openapi(getMessageTemplates, (c) => c.json(templateList(), 200))
    .openapi(getMessageTemplatesOne, (c) => {
      const { kind, language } = c.req.valid("param");
      return c.json(previewTemplate(c.get("services"), kind, language, c.req.valid("query").requestId), 200);
    });
}
