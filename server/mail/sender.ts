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
      const due = dueMessages(this.db, now(), 10);
      if (due.length === 0) return;
      for (const m of due) await this.deliver(m);
    }
  }

  /** Hands one message to the mail server and records what came of it. */
  private async deliver(m: MessageRecord): Promise<void> {
    const text = tx(this.db, () => {
      markSending(this.db, m.id);
      if (m.kind !== "new-code" || !m.requestId) return m.body;
      // A new access code is made now: only its hash is kept, and the earlier code stops working.
      const code = accessCode();
      setAccessCodeHash(this.db, m.requestId, hashCode(code));
      return m.body.replaceAll(CODE_SLOT, code);
    });
    try {
      const info = await this.transport!.sendMail({
        from: this.opts.from,
        to: m.recipient,
        subject: m.subject,
        text,
        messageId: m.messageId,
        headers: { "Auto-Submitted": "auto-generated", "Content-Language": m.language },
      });
      markSent(this.db, m.id, info.response ?? "accepted");
    } catch (e) {
      const { answer, permanent } = smtpAnswer(e);
      const attempt = m.attempts + 1;
      const retry = !permanent && attempt < this.opts.attempts;
      const wait = Math.min(this.opts.retryMs * 2 ** (attempt - 1), MAX_WAIT_MS);
      markUndelivered(this.db, m.id, answer, retry ? new Date(Date.parse(now()) + wait).toISOString() : null);
    }
  }

  /** Stops looking at the outbox, after the delivery under way. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
    this.transport?.close?.();
  }
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
