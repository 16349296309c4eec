// The sender: delivers the outbox's messages through SMTP (nodemailer), one at a time, oldest first.
// Before a message's first byte leaves, its row says "sending" (committed); the mail server's acceptance
// makes it "sent" with the server's answer. A temporary refusal (4xx) or no connection queues it again
// after a growing wait (MAIL_RETRY_SECONDS, doubling, at most an hour) until MAIL_ATTEMPTS; a permanent
// refusal (5xx) fails it at once, with the answer, for staff to see and resend. With no SMTP_URL nothing
// is sent: the messages wait in the outbox. Every MAIL_POLL_SECONDS the sender also lapses the offers
// past their deadline and writes the reminders due (see schedule()).
import nodemailer from "nodemailer";
import { accessCode, hashCode } from "../auth/passwords.js";
import type { Config } from "../config.js";
import { tx, type Db } from "../db/database.js";
import { now, today } from "../store/rows.js";
import { setAccessCodeHash } from "../store/requests.js";
import { CODE_SLOT } from "./events.js";
import { isAsked } from "./templates.js";
import { dueMessages, markSending, markSent, markUndelivered, recoverInterrupted, type MessageRecord } from "./outbox.js";

/** What the sender hands a message to: nodemailer's transport, or a test's stand-in. */
export interface MailTransport {
  sendMail(mail: {
    from: string;
    to: string;
    subject: string;
    text: string;
    messageId: string;
    headers: Record<string, string>;
  }): Promise<{ response?: string }>;
  close?(): void;
}

export interface SenderOptions {
  from: string;
  attempts: number;
  retryMs: number;
  pollMs: number;
  /** Lapses offers past their deadline and writes the reminders due on `day` (a service of the decisions). */
  schedule: (day: string) => void;
  /** How long a stop waits for the delivery under way before it lets go (ms; default 5 s). */
  stopMs?: number;
}

/** The sender's options and transport from the configuration (no transport: SMTP_URL unset). */
export function senderSetup(config: Config): {
  transport: MailTransport | null;
  from: string;
  attempts: number;
  retryMs: number;
  pollMs: number;
} {
  const transport = config.SMTP_URL
    ? nodemailer.createTransport({ url: config.SMTP_URL, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 })
    : null;
  return {
    transport,
    from: config.MAIL_FROM,
    attempts: config.MAIL_ATTEMPTS,
    retryMs: config.MAIL_RETRY_SECONDS * 1000,
    pollMs: config.MAIL_POLL_SECONDS * 1000,
  };
}

/** The address part of "Name <address>". */
export const addressOf = (from: string): string => /<([^>]+)>/.exec(from)?.[1] ?? from.trim();

const MAX_WAIT_MS = 3_600_000;

export class MailSender {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private scheduledDay = "";
  private scheduledAt = 0;
  private stopping = false;

  constructor(
    private readonly db: Db,
    private readonly transport: MailTransport | null,
    private readonly opts: SenderOptions,
  ) {}

  /** Whether messages leave (an SMTP server is configured). */
  get delivers(): boolean {
    return this.transport !== null;
  }

  /** Starts: the messages interrupted by the last stop are queued again, then the outbox is looked at every pollMs. */
  start(): void {
    recoverInterrupted(this.db);
    this.timer = setInterval(() => void this.tick(), this.opts.pollMs);
    this.timer.unref();
    void this.tick();
  }

  /** One look at the outbox (never two at once): the schedule when due, then every message due. */
  tick(): Promise<void> {
    this.running ??= this.once().finally(() => (this.running = undefined));
    return this.running;
  }

  private async once(): Promise<void> {
    const day = today();
    if (day !== this.scheduledDay || Date.now() - this.scheduledAt > 60_000) {
      this.scheduledDay = day;
      this.scheduledAt = Date.now();
      try {
        this.opts.schedule(day);
      } catch (e) {
        process.stderr.write(`the outbox's schedule failed: ${(e as Error).message}\n`);
      }
    }
    if (!this.transport) return;
    for (;;) {
      if (this.stopping) return;
      const due = dueMessages(this.db, now(), 10);
      if (due.length === 0) return;
      for (const group of digests(due)) {
        if (this.stopping) return; // the rest stay queued for the next start
        await this.deliver(group);
      }
    }
  }

  /**
   * Hands one message to the mail server (or several about one request, as one digest) and records what
   * came of it. A new access code is made for this handover: only its hash is kept, on the message, and
   * the request's code changes only once the mail server accepted the message.
   */
  private async deliver(group: MessageRecord[]): Promise<void> {
    const m = group[0]!;
    const code = group.length === 1 && m.kind === "new-code" && m.requestId ? accessCode() : null;
    tx(this.db, () => {
      for (const x of group) markSending(this.db, x.id, code ? hashCode(code) : null);
    });
    const text = code ? m.body.replaceAll(CODE_SLOT, code) : group.map((x) => x.body.trimEnd()).join(`\n\n${DIGEST_RULE}\n\n`) + "\n";
    try {
      const info = await this.transport!.sendMail({
        from: this.opts.from,
        to: m.recipient,
        subject: group.at(-1)!.subject,
        text,
        messageId: m.messageId,
        headers: { "Auto-Submitted": "auto-generated", "Content-Language": m.language },
      });
      tx(this.db, () => {
        for (const x of group) {
          const codes = markSent(this.db, x.id, info.response ?? "accepted");
          if (codes.codeHash && x.requestId) setAccessCodeHash(this.db, x.requestId, codes.codeHash, codes.spareHash);
        }
      });
    } catch (e) {
      if (!this.db.open) return; // stopped meanwhile: the message is queued again at the next start
      const { answer, permanent } = smtpAnswer(e);
      const attempt = Math.max(...group.map((x) => x.attempts)) + 1;
      const retry = !permanent && attempt < this.opts.attempts;
      const wait = Math.min(this.opts.retryMs * 2 ** (attempt - 1), MAX_WAIT_MS);
      tx(this.db, () => {
        for (const x of group) markUndelivered(this.db, x.id, answer, retry ? new Date(Date.parse(now()) + wait).toISOString() : null);
      });
    }
  }

  /**
   * Stops looking at the outbox: no new delivery starts, the one under way is given `stopMs` (5 s) to end,
   * and then the sender lets go. A delivery cut that way stays "sending" and is queued again at the next
   * start (recoverInterrupted); the messages not begun stay queued. Nothing is lost, and a silent mail
   * server cannot hold the stop.
   */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.stopping = true;
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.opts.stopMs ?? 5_000)));
    await Promise.race([this.running, waited]);
    clearTimeout(timer);
    this.transport?.close?.();
  }
}

/** What separates the messages of a digest (language-neutral). */
const DIGEST_RULE = "— — —";

/**
 * The due messages as deliveries: each alone, except the product's own to an applicant about one request,
 * which leave as one digest (an applicant hears about a request at most once at a time; outbox.ts defers
 * a second one in a day to the next day). A new access code always travels alone.
 */
export function digests(due: MessageRecord[]): MessageRecord[][] {
  const groups = new Map<string, MessageRecord[]>();
  const out: MessageRecord[][] = [];
  for (const m of due) {
    if (m.audience !== "applicant" || !m.requestId || isAsked(m.kind)) {
      out.push([m]);
      continue;
    }
    const key = `${m.requestId} ${m.recipient.toLowerCase()}`;
    const group = groups.get(key);
    if (group) group.push(m);
    else {
      const fresh = [m];
      groups.set(key, fresh);
      out.push(fresh);
    }
  }
  return out;
}

/** The mail server's answer to a failed delivery, and whether it is final (a 5xx reply). */
export function smtpAnswer(e: unknown): { answer: string; permanent: boolean } {
  const err = e as { responseCode?: unknown; response?: unknown; code?: unknown; message?: unknown };
  if (typeof err.responseCode === "number") {
    const response = typeof err.response === "string" ? err.response : String(err.message ?? "");
    return {
      answer: response.startsWith(String(err.responseCode)) ? response : `${err.responseCode} ${response}`,
      permanent: err.responseCode >= 500,
    };
  }
  const code = typeof err.code === "string" ? `${err.code}: ` : "";
  return { answer: `no answer from the mail server (${code}${String(err.message ?? e)})`, permanent: false };
}
