// Issue 30, findings 2, 3 and 4, against a real SMTP server in the test's process:
// - a name with line breaks wrote the attacker's paragraphs and link into the ISU's "received" message;
//   now the forms refuse it at the field, and whatever reaches a message is one line without links;
// - 60 messages reached one victim in a second from 6 client addresses; now the messages anyone may
//   cause are limited per recipient and per request (then held, visible to staff), the caller told alike;
// - a failing mail server killed a working access code; now a code changes only once its message was
//   accepted, and a handover cut by a stop leaves both codes that may have arrived working.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMessages, recoverInterrupted } from "../../server/mail/outbox.js";
import { MailSender } from "../../server/mail/sender.js";
import { startSmtp, type TestSmtp } from "../support/smtp.js";
import { senderFor, testApi, type Client, type TestApi } from "../server/api-helpers.js";

/** A sender that tries each message once, with no calendar. */
const sender = (api: TestApi, smtp: TestSmtp) => senderFor(api, { SMTP_URL: smtp.url, MAIL_ATTEMPTS: "1" }, () => undefined);
const from = (n: number) => ({ "x-test-remote": `198.51.100.${n}` });
const apply = (anon: Client, name: string, email: string, n = 1) =>
  anon.req(
    "POST",
    "/api/rounds/DEMO-OPEN/apply",
    { state: "LAO", name, gender: "F", email, language: "en", travel: { airTicket: 900 }, acceptedLevels: ["full"] },
    from(n),
  );
/** A request whose applicant then asked for a new code from client `n` (earlier messages removed). */
async function askedNewCode(n: number) {
  const api = await testApi();
  const anon = await api.as("anonymous");
  const { reference, accessCode } = (await apply(anon, "Noy", "noy@example.org")).json as { reference: string; accessCode: string };
  api.db.prepare("DELETE FROM messages").run();
  await anon.req("POST", "/api/applicant/new-code", { reference, email: "noy@example.org" }, from(n));
  return { api, anon, reference, accessCode };
}
/** The new access code a message carries. */
const codeIn = (text: string): string => /Your new access code: (\S+)/.exec(text)![1]!;
const status = (anon: Client, reference: string, code: string) => anon.req("POST", "/api/applicant/status", { reference, code }, from(200));

describe("the ISU's messages against a hostile outsider", () => {
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(() => smtp.close());

  it("refuses a name with line breaks at the field, on the JSON route and the form, in the page's language", async () => {
    const api = await testApi();
    const anon = await api.as("anonymous");
    const injected = "Ana\r\n\r\nURGENT: confirm your bank details at https://evil.example/pay";
    const json = await apply(anon, injected, "victim@example.org");
    expect(json.status).toBe(422);
    expect(json.json.error.details.problems).toEqual([
      { path: "name", message: "must be one line, without line breaks or control characters" },
    ]);
    const form = await anon.req(
      "POST",
      "/apply/DEMO-OPEN?lang=fr",
      new URLSearchParams({
        state: "LAO",
        gender: "F",
        name: injected,
        email: "victim@example.org",
        airTicket: "900",
        acceptedLevels: "full",
      }).toString(),
      { "content-type": "application/x-www-form-urlencoded", ...from(2) },
    );
    expect(form.status).toBe(422);
    expect(form.text).toContain("Indiquez votre nom complet sur une ligne");
    expect(listMessages(api.db).messages).toHaveLength(0);
  });

  it("carries a person's text as one line without links, whatever was stored", async () => {
    const api = await testApi();
    const anon = await api.as("anonymous");
    const made = await apply(anon, "Ana www.evil.example", "ana@example.org");
    expect(made.status).toBe(201);
    // A name stored before the form refused such text (an import of old data, a direct write).
    const row = api.db.prepare("SELECT attributes FROM requests WHERE id = ?").pluck().get(made.json.reference) as string;
    api.db
      .prepare("UPDATE requests SET attributes = ? WHERE id = ?")
      .run(JSON.stringify({ ...JSON.parse(row), name: "Ana\n\nURGENT: pay at https://evil.example/x\u202e" }), made.json.reference);
    api.db.prepare("DELETE FROM messages").run();
    const { tellReceived } = await import("../../server/mail/events.js");
    tellReceived(api.db, made.json.reference);
    const s = sender(api, smtp);
    const before = smtp.received.length;
    await s.tick();
    const got = smtp.received.slice(before);
    expect(got).toHaveLength(1);
    const greeting = got[0]!.text.split("\n")[0]!;
    expect(greeting).toBe("Dear Ana URGENT: pay at [\u2026],");
    expect(got[0]!.text).not.toMatch(/evil\.example/);
    expect(got[0]!.text.split("\n").filter((l) => /URGENT/.test(l))).toHaveLength(1);
    await s.stop();
  });

  it("holds what anyone may cause past the limits per recipient and per request, and answers the caller alike", async () => {
    const api = await testApi();
    const anon = await api.as("anonymous");
    // 40 requests from 6 addresses, all naming the victim's address.
    const answers = [];
    for (let n = 0; n < 40; n++) answers.push(await apply(anon, `Person ${n}`, "Victim@Example.org", n % 6));
    expect(answers.every((a) => a.status === 201)).toBe(true);
    const first = answers[0]!.json.reference as string;
    // 20 new codes for one request, from 6 addresses: each answered as a success.
    const codes = [];
    for (let n = 0; n < 20; n++)
      codes.push(await anon.req("POST", "/api/applicant/new-code", { reference: first, email: "victim@example.org" }, from(n % 6)));
    expect(new Set(codes.map((c) => `${c.status} ${c.text}`)).size).toBe(1);
    expect(codes[0]!.status).toBe(202);
    const all = listMessages(api.db).messages;
    const queued = all.filter((m) => m.status === "queued");
    const held = all.filter((m) => m.status === "held");
    expect(queued).toHaveLength(5); // MAIL_PER_ADDRESS_HOUR
    expect(held).toHaveLength(55);
    const s = sender(api, smtp);
    const before = smtp.received.length;
    await s.tick();
    expect(smtp.received.length - before).toBe(5);
    await s.stop();
    // Staff see the held ones, and may send one.
    const admin = await api.as("admin");
    const listed = await admin.req("GET", "/api/messages?status=held");
    expect(listed.json.total).toBe(55);
    const one = listed.json.messages[0];
    expect((await admin.req("POST", `/api/messages/${one.id}/resend`, { version: one.version })).status).toBe(200);
  });

  it("limits new codes per request within a day, whatever the addresses", async () => {
    const api = await testApi({ MAIL_PER_ADDRESS_HOUR: "100", MAIL_PER_REQUEST_HOUR: "100" });
    const anon = await api.as("anonymous");
    const made = await apply(anon, "Noy", "noy@example.org");
    for (let n = 0; n < 6; n++)
      await anon.req("POST", "/api/applicant/new-code", { reference: made.json.reference, email: "noy@example.org" }, from(n));
    const codes = listMessages(api.db).messages.filter((m) => m.kind === "new-code");
    expect(codes.map((m) => m.status).sort()).toEqual(["held", "held", "held", "queued", "queued", "queued"]);
  });

  it("keeps the old access code working until the new code's message was accepted", async () => {
    const { api, anon, reference, accessCode } = await askedNewCode(3);
    // The mail server refuses the message for good (550): the old code still opens the request.
    smtp.refuse({ code: 550, message: "no such mailbox" });
    const s = sender(api, smtp);
    await s.tick();
    smtp.refuse(null);
    expect(listMessages(api.db).messages[0]!.status).toBe("failed");
    expect((await status(anon, reference, accessCode)).status).toBe(200);
    // Sent again and accepted: the new code works, the old one no longer.
    const admin = await api.as("admin");
    const failed = listMessages(api.db).messages[0]!;
    await admin.req("POST", `/api/messages/${failed.id}/resend`, { version: failed.version });
    const before = smtp.received.length;
    await s.tick();
    const newCode = codeIn(smtp.received[before]!.text);
    expect((await status(anon, reference, newCode)).status).toBe(200);
    expect((await status(anon, reference, accessCode)).status).toBe(404);
    await s.stop();
  });

  it("leaves both codes working when a stop cut the handover (either may have arrived)", async () => {
    const { api, anon, reference, accessCode } = await askedNewCode(4);
    // A handover that never ends (the mail server took the text, the process is stopped before its answer).
    const handed: string[] = [];
    const silent = { sendMail: (mail: { text: string }) => (handed.push(mail.text), new Promise<never>(() => undefined)) };
    const cut = new MailSender(api.db, silent, {
      from: "isu@example.org",
      attempts: 3,
      retryMs: 1000,
      pollMs: 60_000,
      schedule: () => undefined,
      stopMs: 50,
    });
    void cut.tick();
    while (handed.length === 0) await new Promise((r) => setTimeout(r, 10));
    await cut.stop();
    const firstCode = codeIn(handed[0]!);
    expect(listMessages(api.db).messages[0]!.status).toBe("sending");
    // Until a message is accepted, the old code still works; the cut code does not yet.
    expect((await status(anon, reference, accessCode)).status).toBe(200);
    expect((await status(anon, reference, firstCode)).status).toBe(404);
    // The next start queues it again and sends it with a new code: both codes that may have arrived work.
    expect(recoverInterrupted(api.db)).toBe(1);
    const s2 = sender(api, smtp);
    const before = smtp.received.length;
    await s2.tick();
    await s2.stop();
    const secondCode = codeIn(smtp.received[before]!.text);
    expect(secondCode).not.toBe(firstCode);
    expect((await status(anon, reference, secondCode)).status).toBe(200);
    expect((await status(anon, reference, firstCode)).status).toBe(200);
    expect((await status(anon, reference, accessCode)).status).toBe(404);
  });
});
