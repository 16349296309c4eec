// The messages' templates: one text file per message and language in server/mail/templates/
// (KIND.LANG.txt: a "Subject:" line, a blank line, the body), with {{placeholders}}. They are read and
// checked once, at the first message: every message has its three languages (the ISU's notice its
// English), a subject, and only the placeholders its kind fills; a broken template stops the server at
// start rather than a message at send.
import { flattenControls, type Audience, type RequestStatus } from "../../scoring/domain/index.js";
import { readFileSync } from "node:fs";
import type { Language } from "../../scoring/domain/index.js";

const COMMON = ["greeting", "name", "reference", "state", "meeting", "venue", "dates", "statusLink"] as const;
const OFFER = [...COMMON, "level", "amount", "deadline"] as const;

/** Each message: who receives it, what it is about (staff's words), and the placeholders it may use. */
export const MESSAGE_KINDS = {
  received: { audience: "applicant", about: "Request received", fills: COMMON, asked: true },
  offer: { audience: "applicant", about: "Offer made", fills: OFFER },
  "replacement-offer": { audience: "applicant", about: "Offer made from the waiting list", fills: OFFER },
  reminder: { audience: "applicant", about: "Reminder: three days before the offer's deadline", fills: OFFER },
  lapsed: { audience: "applicant", about: "Offer lapsed", fills: [...COMMON, "deadline"], tells: "expired" },
  waitlisted: { audience: "applicant", about: "On the waiting list", fills: COMMON, tells: "waitlisted" },
  "not-funded": { audience: "applicant", about: "Not funded, with the reason", fills: [...COMMON, "reason"] },
  "new-code": { audience: "applicant", about: "New access code", fills: [...COMMON, "code"], asked: true },
  "offer-withdrawn": { audience: "applicant", about: "Offer withdrawn by the ISU", fills: COMMON, tells: "offer-withdrawn" },
  answered: {
    audience: "staff",
    about: "Offer answered (to the ISU)",
    fills: ["answer", "reference", "state", "name", "meeting", "level", "amount", "answeredOn", "requestLink"],
  },
} as const satisfies Record<string, KindRule>;

interface KindRule {
  audience: Audience;
  about: string;
  fills: readonly string[];
  /** The request status whose move this message tells its applicant. */
  tells?: RequestStatus;
  /** Caused by anyone who types a form (no account): within the limits per recipient and per request (limits.ts). */
  asked?: boolean;
}

export type MessageKind = keyof typeof MESSAGE_KINDS;
/** Each kind's rule with its optional fields (absent ones read as undefined). */
const RULES: Readonly<Record<MessageKind, KindRule>> = MESSAGE_KINDS;

/** Whether anyone may cause the message by typing a form (then it is within the outbox's limits per target). */
export const isAsked = (kind: MessageKind): boolean => RULES[kind].asked === true;

/** The message a request's move into a status tells its applicant, where the kind says so (`tells`). */
export function kindTelling(status: RequestStatus): MessageKind | undefined {
  return MESSAGE_KIND_LIST.find((k) => RULES[k].tells === status);
}

export const MESSAGE_KIND_LIST = Object.keys(MESSAGE_KINDS) as [MessageKind, ...MessageKind[]];
export const isMessageKind = (k: string): k is MessageKind => Object.hasOwn(MESSAGE_KINDS, k);

/** The languages a message is written in: the applicants' three; the ISU's notices in English. */
export const languagesOf = (kind: MessageKind): Language[] => (MESSAGE_KINDS[kind].audience === "staff" ? ["en"] : ["en", "fr", "es"]);

export interface Template {
  subject: string;
  body: string;
}

export const TEMPLATE_DIR = new URL("./templates/", import.meta.url);

let loaded: Map<string, Template> | undefined;

/** Reads and checks every template (throws naming each problem); cached after the first call. */
export function templates(): Map<string, Template> {
  if (loaded) return loaded;
  const problems: string[] = [];
  const all = new Map<string, Template>();
  for (const kind of MESSAGE_KIND_LIST) {
    for (const lang of languagesOf(kind)) {
      const file = `${kind}.${lang}.txt`;
      let text: string;
      try {
        text = readFileSync(new URL(file, TEMPLATE_DIR), "utf8");
      } catch {
        problems.push(`${file}: missing`);
        continue;
      }
      const parsed = parseTemplate(text);
      if (typeof parsed === "string") {
        problems.push(`${file}: ${parsed}`);
        continue;
      }
      const allowed = new Set<string>(MESSAGE_KINDS[kind].fills);
      const unknown = [...`${parsed.subject}\n${parsed.body}`.matchAll(/{{(\w+)}}/g)].map((m) => m[1]!).filter((p) => !allowed.has(p));
      if (unknown.length) problems.push(`${file}: unknown placeholder(s) ${[...new Set(unknown)].map((p) => `{{${p}}}`).join(", ")}`);
      all.set(`${kind}.${lang}`, parsed);
    }
  }
  if (problems.length) throw new Error(`the message templates (server/mail/templates/) have problems:\n  ${problems.join("\n  ")}`);
  loaded = all;
  return all;
}

/** A template's text as a subject and a body, or what is wrong with it. */
export function parseTemplate(text: string): Template | string {
  const normalised = text.replace(/\r\n/g, "\n");
  const match = /^Subject: *(.+)\n\n([\s\S]+)$/.exec(normalised);
  if (!match) return 'must start with a "Subject: …" line, then a blank line, then the body';
  return { subject: match[1]!.trim(), body: match[2]!.trimEnd() + "\n" };
}

/** A message in a language, its placeholders filled (every one the template uses must be given). */
export function render(kind: MessageKind, lang: Language, values: Readonly<Record<string, string>>): Template {
  const t = templates().get(`${kind}.${lang}`) ?? templates().get(`${kind}.en`)!;
  // No value starts a line of its own in a message, whatever it holds: its control characters and line
  // breaks become spaces (the person-given ones are also stripped of links where they are made: events.ts).
  const fill = (s: string) =>
    s.replace(/{{(\w+)}}/g, (_m, k: string) => {
      const v = values[k];
      if (v === undefined) throw new Error(`message ${kind}.${lang}: no value for {{${k}}}`);
      return flattenControls(v);
    });
  // A subject is one line, whatever a value holds.
  return { subject: fill(t.subject).replace(/\s+/g, " "), body: fill(t.body) };
}
