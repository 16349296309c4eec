// Which change tells whom what. Each function writes its message into the outbox inside the caller's
// transaction, so that the change and its message are one: a request received, a status that an
// applicant must hear of (an offer, from the waiting list or not; the waiting list; not funded with the
// reason; an offer lapsed), an offer answered by its applicant (the ISU's notice), a reminder three days
// before an offer's deadline, a new access code. Messages go only to the address on file; a request
// without one is told nothing (its page says so to staff). A replay of past records tells no one.
import {
  chfIn,
  dayInFull,
  stateName,
  SUPPORT_LEVEL_PAYS,
  type Language,
  type NotFundedReason,
  type RequestStatus,
  type ApplicantAnswer,
  OFFER_STATE,
  plainOneLine,
  meetingIn,
} from "../../scoring/domain/index.js";
import type { Db } from "../db/database.js";
import { decisionOfRequest } from "../store/decisions.js";
import { getRequest } from "../store/requests.js";
import { getRound } from "../store/rounds.js";
import { insertMessage, type MessageLimits } from "./outbox.js";
import { isAsked, kindTelling, MESSAGE_KINDS, render, type MessageKind } from "./templates.js";
import { MAIL_WORDS, reasonInWords } from "./words.js";

/** Where links in messages point, and who the ISU is by e-mail. */
export interface MailSettings {
  /** The address applicants and staff reach the product at (no trailing slash). */
  publicUrl: string;
  /** The ISU's address for its notices. */
  staffAddress: string;
  /** The Message-ID's domain. */
  domain: string;
  /** The limits on the messages anyone may cause (outbox.ts): per recipient and per request an hour, new codes per request a day. */
  limits: MessageLimits;
}

export const DEFAULT_LIMITS: MessageLimits = { perAddressHour: 5, perRequestHour: 5, newCodesPerDay: 3 };
const DEFAULT_SETTINGS: MailSettings = {
  publicUrl: "http://127.0.0.1:8787",
  staffAddress: "sponsorship@localhost",
  domain: "localhost",
  limits: DEFAULT_LIMITS,
};
const settings = new WeakMap<Db, MailSettings>();

/** The settings of the database's server (set once at start; defaults for a database opened alone). */
export function setMailSettings(db: Db, s: MailSettings): void {
  settings.set(db, { ...s, publicUrl: s.publicUrl.replace(/\/+$/, "") });
}
export const mailSettings = (db: Db): MailSettings => settings.get(db) ?? DEFAULT_SETTINGS;

/** Who made a change: `silent` for a replay of past records (the 2024 year), which tells no one. */
export interface ChangeActor {
  id: number | null;
  name: string;
  silent?: boolean;
}

/** The status page's address for a request, in its language, with the reference filled in. */
export const statusLink = (db: Db, lang: Language, reference: string): string =>
  `${mailSettings(db).publicUrl}/status?lang=${lang}&reference=${encodeURIComponent(reference)}`;

/** The values every applicant's message may use, for a request in a language. */
export function requestValues(db: Db, requestId: string, lang: Language): Record<string, string> {
  const r = getRequest(db, requestId);
  const round = getRound(db, r.roundId);
  const d = decisionOfRequest(db, requestId);
  const w = MAIL_WORDS[lang];
  // What a person typed reaches the ISU's message as one plain line, without links (scoring/domain/text.ts).
  const name = plainOneLine(r.attributes.name ?? "");
  return {
    greeting: w.greeting(name || undefined),
    name: name || r.id,
    reference: r.id,
    state: stateName(r.attributes.state, lang),
    meeting: plainOneLine(meetingIn(round, lang).meeting, 200),
    venue: plainOneLine(meetingIn(round, lang).venue, 200),
    dates: `${dayInFull(lang, round.startDate)} – ${dayInFull(lang, round.endDate)}`,
    statusLink: statusLink(db, lang, r.id),
    ...(d?.level ? { level: SUPPORT_LEVEL_PAYS[d.level][lang] } : {}),
    ...(d?.cost !== null && d?.cost !== undefined ? { amount: chfIn(lang, d.cost) } : {}),
    ...(d?.offerDeadline ? { deadline: dayInFull(lang, d.offerDeadline) } : {}),
  };
}

/** Writes an applicant's message about their request (nothing when no address is on file). */
export function tellApplicant(db: Db, eventKey: string, kind: MessageKind, requestId: string, extra: Record<string, string> = {}): boolean {
  const r = getRequest(db, requestId);
  if (!r.attributes.email) return false;
  const lang = r.attributes.language ?? "en";
  const { subject, body } = render(kind, lang, { ...requestValues(db, requestId, lang), ...extra });
  return insertMessage(db, {
    eventKey,
    kind,
    audience: MESSAGE_KINDS[kind].audience,
    requestId,
    roundId: r.roundId,
    recipient: r.attributes.email,
    language: lang,
    subject,
    body,
    domain: mailSettings(db).domain,
    limits: isAsked(kind) ? mailSettings(db).limits : null,
  });
}

/** A request submitted by its applicant on the public form. */
export function tellReceived(db: Db, requestId: string): void {
  tellApplicant(db, `received:${requestId}`, "received", requestId);
}

export interface StatusChange {
  requestId: string;
  from: RequestStatus;
  to: RequestStatus;
  /** The history line the change wrote: the event's identity. */
  historyId: number;
  actor: ChangeActor;
  /** Why a request was not funded (the engine's reason), when the change says it. */
  reason?: NotFundedReason | undefined;
}

/** The message a request's status change causes, if any (called by the one writer of statuses). */
export function tellStatusChange(db: Db, c: StatusChange): void {
  if (c.actor.silent) return;
  const key = `status:${c.historyId}`;
  switch (c.to) {
    case "funded":
      tellApplicant(db, key, c.from === "waitlisted" ? "replacement-offer" : "offer", c.requestId);
      return;
    case "not-funded": {
      const r = getRequest(db, c.requestId);
      tellApplicant(db, key, "not-funded", c.requestId, { reason: reasonInWords(r.attributes.language ?? "en", c.reason) });
      return;
    }
    case "accepted":
    case "declined":
      // The applicant answered on the status page: the ISU hears of it (staff recording an answer know it).
      if (c.actor.id === null) tellStaffOfAnswer(db, `answered:${c.historyId}`, c.requestId, c.to);
      return;
    default: {
      // A move whose message its kind names (templates.ts: `tells`).
      const kind = kindTelling(c.to);
      if (kind) tellApplicant(db, key, kind, c.requestId);
      return;
    }
  }
}

function tellStaffOfAnswer(db: Db, eventKey: string, requestId: string, answer: ApplicantAnswer): void {
  const r = getRequest(db, requestId);
  const v = requestValues(db, requestId, "en");
  const s = mailSettings(db);
  const { subject, body } = render("answered", "en", {
    answer: OFFER_STATE.say(answer, "en"),
    reference: r.id,
    state: v.state!,
    name: plainOneLine(r.attributes.name ?? "") || "no name given",
    meeting: v.meeting!,
    level: v.level ?? "",
    amount: v.amount ?? "",
    answeredOn: dayInFull("en", decisionOfRequest(db, requestId)?.answeredOn ?? new Date().toISOString()),
    requestLink: `${s.publicUrl}/rounds/${encodeURIComponent(r.roundId)}/requests/${encodeURIComponent(r.id)}`,
  });
  insertMessage(db, {
    eventKey,
    kind: "answered",
    audience: "staff",
    requestId,
    roundId: r.roundId,
    recipient: s.staffAddress,
    language: "en",
    subject,
    body,
    domain: s.domain,
    limits: null,
  });
}

/** What a new access code's message holds in place of the code until it is sent (the code is made then). */
export const CODE_SLOT = "{{code}}";
