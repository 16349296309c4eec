// What staff see of the outbox: every message (to whom, about what, when, what came of it), a request's
// messages, the templates with a preview in each language, and a failed message sent again. Donors see
// none of it (the routes are staff's). A new access code never shows: it is made when its message leaves.
import { chfIn, dayInFull, meetingIn, stateName, SUPPORT_LEVEL_PAYS, type Language, OFFER_STATE } from "../../scoring/domain/index.js";
import { tx } from "../db/database.js";
import { notFound } from "../errors.js";
import type { Services } from "../http/index.js";
import { CODE_SLOT, mailSettings, requestValues, statusLink } from "../mail/events.js";
import { listMessages, messageCounts, requeueFailed, type MessageFilter, type MessageRecord } from "../mail/outbox.js";
import { addressOf } from "../mail/sender.js";
import { languagesOf, MESSAGE_KIND_LIST, MESSAGE_KINDS, render, type MessageKind } from "../mail/templates.js";
import { MAIL_WORDS, reasonInWords } from "../mail/words.js";
import { getRequest, listRounds } from "../store/index.js";
import { dayFrom } from "../store/rows.js";
import type { Actor } from "./actor.js";
import { audit } from "../audit.js";

/** A message as staff see it: the code's place said in words, and its request's State (ISO code, named by the screen). */
export interface MessageView extends Omit<MessageRecord, "body"> {
  body: string;
  about: string;
  state: string | null;
}

/** `states`: each request's State, read once per answer. */
function viewOf(db: Services["db"], m: MessageRecord, states: Map<string, string>): MessageView {
  if (m.requestId && !states.has(m.requestId)) states.set(m.requestId, getRequest(db, m.requestId).attributes.state);
  return {
    ...m,
    body: m.body.replaceAll(CODE_SLOT, MAIL_WORDS[m.language].codeHidden),
    about: MESSAGE_KINDS[m.kind].about,
    state: m.requestId ? states.get(m.requestId)! : null,
  };
}

/** Whether messages leave, and as whom. */
export function delivery({ config }: Pick<Services, "config">): { configured: boolean; from: string } {
  return { configured: Boolean(config.SMTP_URL), from: addressOf(config.MAIL_FROM) };
}

export function messages(services: Pick<Services, "db" | "config">, filter: MessageFilter) {
  const { db } = services;
  const { messages: list, total } = listMessages(db, filter);
  const states = new Map<string, string>();
  return {
    delivery: delivery(services),
    counts: messageCounts(db, filter.roundId),
    total,
    messages: list.map((m) => viewOf(db, m, states)),
  };
}

/** A request's messages, oldest first, and whether an address is on file. */
export function requestMessages(services: Pick<Services, "db" | "config">, requestId: string) {
  const { db } = services;
  const r = getRequest(db, requestId);
  const states = new Map<string, string>();
  return {
    delivery: delivery(services),
    hasAddress: Boolean(r.attributes.email),
    language: r.attributes.language ?? "en",
    messages: listMessages(db, { requestId, limit: 500 })
      .messages.reverse()
      .map((m) => viewOf(db, m, states)),
  };
}

export function resendMessage({ db }: Pick<Services, "db">, id: number, version: number, actor: Actor): MessageRecord {
  return tx(db, () => {
    const m = requeueFailed(db, id, version);
    // Filed under its request (every message is about one), in words.
    audit(db, {
      actor: actor.name,
      action: "resend",
      entity: m.requestId ? "request" : "message",
      entityId: m.requestId ?? String(id),
      data: { message: `${MESSAGE_KINDS[m.kind].about}, to ${m.recipient}` },
    });
    return m;
  });
}

/** The templates: each message, who gets it, its languages and the placeholders it fills. */
export function templateList() {
  return MESSAGE_KIND_LIST.map((kind) => ({
    kind,
    about: MESSAGE_KINDS[kind].about,
    audience: MESSAGE_KINDS[kind].audience,
    languages: languagesOf(kind),
    placeholders: [...MESSAGE_KINDS[kind].fills],
  }));
}

/** Example values, for a preview without a request. */
function exampleValues(db: Services["db"], lang: Language): Record<string, string> {
  const w = MAIL_WORDS[lang];
  const rounds = listRounds(db);
  const round = rounds.find((r) => r.status === "review") ?? rounds.at(-1);
  const reference = `${round?.id ?? "13MSP"}-K7P2QX9M`;
  return {
    greeting: w.greeting("Sophea Keo"),
    name: "Sophea Keo",
    reference,
    state: stateName("KHM", lang),
    // A real round's meeting and dates (one in review first), so that the preview reads as a message would.
    ...(round ? meetingIn(round, lang) : { meeting: "Thirteenth Meeting of States Parties", venue: "Geneva" }),
    dates: `${dayInFull(lang, round?.startDate ?? "2025-09-16")} – ${dayInFull(lang, round?.endDate ?? "2025-09-19")}`,
    statusLink: statusLink(db, lang, reference),
    level: SUPPORT_LEVEL_PAYS.full[lang],
    amount: chfIn(lang, 3290),
    deadline: dayInFull(lang, round ? dayFrom(round.startDate, -30) : "2025-08-15"),
  };
}

/**
 * A template filled in: with a request's own values when one is named (what it would be sent), else with
 * an example. The values a request does not have yet (an offer's, a reason) are the example's.
 */
export function previewTemplate({ db }: Pick<Services, "db">, kind: MessageKind, lang: Language, requestId?: string) {
  if (!languagesOf(kind).includes(lang)) throw notFound(`the message "${MESSAGE_KINDS[kind].about}" in ${lang}`);
  const base = exampleValues(db, lang);
  const own = requestId ? requestValues(db, requestId, lang) : {};
  const w = MAIL_WORDS[lang];
  const values: Record<string, string> = {
    ...base,
    ...own,
    reason: reasonInWords(lang, { kind: "price-of-inclusion" }),
    code: w.codeHidden,
    answer: OFFER_STATE.say("accepted", lang),
    answeredOn: base.deadline!,
    requestLink: `${mailSettings(db).publicUrl}/rounds/${encodeURIComponent(requestId ? getRequest(db, requestId).roundId : "13MSP")}/requests/${encodeURIComponent(own.reference ?? base.reference!)}`,
  };
  return { kind, language: lang, example: !requestId, ...render(kind, lang, values) };
}
