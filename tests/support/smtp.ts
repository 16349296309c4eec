// A mail server in the test's process (smtp-server, as a real one speaks SMTP): it receives the product's
// messages, parses each (mailparser), and can refuse them with the answer a test sets (a temporary 451,
// a permanent 550). No TLS, no authentication: a loopback test server.
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { freePort } from "./server-process.js";

export interface Received {
  to: string;
  from: string;
  subject: string;
  text: string;
  messageId: string;
  language: string | undefined;
  parsed: ParsedMail;
}

export interface TestSmtp {
  port: number;
  /** The SMTP_URL that reaches it. */
  url: string;
  received: Received[];
  /** Sets the answer to every next recipient: null accepts; e.g. { code: 451, message: "try later" }. */
  refuse(answer: { code: number; message: string } | null): void;
  /** Delays each acceptance by `ms()` milliseconds (after the message was read whole). */
  delay(ms: () => number): void;
  /** How many recipients were refused so far. */
  refusals(): number;
  /** Waits until `n` messages were received (rejects after `ms`). */
  waitFor(n: number, ms?: number): Promise<Received[]>;
  close(): Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
  const received: Received[] = [];
  let refusal: { code: number; message: string } | null = null;
  let refused = 0;
  let delay = (): number => 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (!refusal) return callback();
      refused++;
      const err = Object.assign(new Error(refusal.message), { responseCode: refusal.code });
      callback(err);
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          // Received once accepted (a delivery cut before the acceptance was never received).
          const accept = () => {
            received.push({
              to: session.envelope.rcptTo.map((r) => r.address).join(", "),
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
              subject: parsed.subject ?? "",
              text: parsed.text ?? "",
              messageId: parsed.messageId ?? "",
              language: parsed.headers.get("content-language")?.toString(),
              parsed,
            });
            callback();
          };
          const ms = delay();
          if (ms > 0) setTimeout(accept, ms);
          else accept();
        })
        .catch((e: Error) => callback(e));
    },
  });
  // A client gone mid-conversation (a killed server) is no failure of the test's mail server.
  server.on("error", () => {});
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuse: (answer) => {
      refusal = answer;
    },
    refusals: () => refused,
    delay: (ms) => {
      delay = ms;
    },
    async waitFor(n, ms = 30_000) {
      const until = Date.now() + ms;
      while (received.length < n) {
        if (Date.now() > until) throw new Error(`received ${received.length} messages of ${n} in ${ms} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
