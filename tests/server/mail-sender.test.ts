// The sender against a real SMTP server in the test's process: messages delivered once each with their
// Message-ID and language; a temporary refusal (451) retried with growing waits, then failed with the
// server's answer, and sent once staff resend it; a permanent refusal (550) failed at once; no server at
// all retried; a new access code made when its message leaves, the old code refused from then on.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getMessage, listMessages } from "../../server/mail/outbox.js";
import { freePort } from "../support/server-process.js";
import { startSmtp, type TestSmtp } from "../support/smtp.js";
import { senderFor, testApi, type Client } from "./api-helpers.js";

const apply = (anon: Client, email: string, language: string) =>
  anon.req("POST", "/api/rounds/DEMO-OPEN/apply", {
    state: "LAO",
    name: "Noy Phommachanh",
    gender: "F",
    email,
    language,
    travel: { airTicket: 1100 },
    acceptedLevels: ["full"],
  });

describe("the sender", () => {
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(() => smtp.close());

  it("delivers each queued message once, in its language, and records the server's answer", async () => {
    const api = await testApi();
    const anon = await api.as("anonymous");
    const sent = [await apply(anon, "noy@example.org", "fr"), await apply(anon, "ana@example.org", "es")];
    const sender = senderFor(api, { SMTP_URL: smtp.url, MAIL_FROM: "ISU Sponsorship <sponsorship@isu.example>" });
    const before = smtp.received.length;
    await sender.tick();
    await sender.tick();
    const got = smtp.received.slice(before);
    expect(got.map((m) => [m.to, m.language])).toEqual([
      ["noy@example.org", "fr"],
      ["ana@example.org", "es"],
    ]);
    // The reference with its State's name, in the applicant's language.
    expect(got[0]!.subject).toMatch(new RegExp(`^Votre demande de parrainage ${sent[0]!.json.reference} \\([A-ZÉ][^)]+\\) a été reçue$`));
    expect(got[0]!.from).toBe("sponsorship@isu.example");
    const rows = listMessages(api.db).messages;
    expect(rows.every((m) => m.status === "sent" && m.attempts === 1 && /^250/.test(m.lastAnswer ?? ""))).toBe(true);
    expect(new Set(got.map((m) => m.messageId))).toEqual(new Set(rows.map((m) => m.messageId)));
    await sender.stop();
  });

  it("retries a temporary refusal with growing waits, then marks it failed with the answer; a resend delivers it", async () => {
    const api = await testApi();
    const anon = await api.as("anonymous");
    const admin = await api.as("admin");
    await apply(anon, "later@example.org", "en");
    const sender = senderFor(api, { SMTP_URL: smtp.url, MAIL_ATTEMPTS: "3", MAIL_RETRY_SECONDS: "0.2" });
    smtp.refuse({ code: 451, message: "4.3.0 Mailbox temporarily unavailable" });
    const refusedBefore = smtp.refusals();
    const { id } = listMessages(api.db).messages[0]!;
    const seen: { status: string; attempts: number; wait: number }[] = [];
    for (let i = 0; i < 40 && getMessage(api.db, id).status !== "failed"; i++) {
      await sender.tick();
      const m = getMessage(api.db, id);
      if (m.attempts > (seen.at(-1)?.attempts ?? 0))
        seen.push({ status: m.status, attempts: m.attempts, wait: Date.parse(m.nextAttemptAt) - Date.parse(m.updatedAt) });
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(seen.map((s) => [s.status, s.attempts])).toEqual([
      ["queued", 1],
      ["queued", 2],
      ["failed", 3],
    ]);
    // 0.2 s, then 0.4 s: each wait twice the one before.
    expect(seen[0]!.wait).toBeGreaterThanOrEqual(190);
    expect(seen[1]!.wait).toBeGreaterThanOrEqual(390);
    expect(smtp.refusals() - refusedBefore).toBe(3);
    const failed = getMessage(api.db, id);
    expect(failed.lastAnswer).toMatch(/^451 .*Mailbox temporarily unavailable/);
    // Staff see it failed, with the answer, and send it again once the server takes mail.
    const listed = (await admin.req("GET", "/api/messages?status=failed")).json.messages;
    expect(listed.map((m: { id: number; lastAnswer: string }) => [m.id, m.lastAnswer])).toEqual([[id, failed.lastAnswer]]);
    smtp.refuse(null);
    const before = smtp.received.length;
    expect((await admin.req("POST", `/api/messages/${id}/resend`, { version: failed.version })).status).toBe(200);
    await sender.tick();
    expect(getMessage(api.db, id)).toMatchObject({ status: "sent", attempts: 1 });
    expect(smtp.received.slice(before).map((m) => m.to)).toEqual(["later@example.org"]);
    await sender.stop();
  });

  it("fails a permanent refusal at once, and retries when no server answers", async () => {
    const api = await testApi();
    const anon = await api.as("anonymous");
    await apply(anon, "nobody@example.org", "en");
    const { id } = listMessages(api.db).messages[0]!;
    smtp.refuse({ code: 550, message: "5.1.1 No such user" });
    const sender = senderFor(api, { SMTP_URL: smtp.url, MAIL_ATTEMPTS: "5" });
    await sender.tick();
    smtp.refuse(null);
    expect(getMessage(api.db, id)).toMatchObject({ status: "failed", attempts: 1 });
    expect(getMessage(api.db, id).lastAnswer).toMatch(/^550 .*No such user/);
    await sender.stop();

    await apply(anon, "second@example.org", "en");
    const second = listMessages(api.db).messages[0]!.id;
    const closedPort = await freePort();
    const offline = senderFor(api, { SMTP_URL: `smtp://127.0.0.1:${closedPort}`, MAIL_ATTEMPTS: "5" });
    await offline.tick();
    expect(getMessage(api.db, second)).toMatchObject({ status: "queued", attempts: 1 });
    expect(getMessage(api.db, second).lastAnswer).toMatch(/no answer from the mail server \(ECONNECTION|ECONNREFUSED/);
    await offline.stop();
  });

  it("sends a new access code made when the message leaves: the new code opens the request, the old one no longer", async () => {
    const api = await testApi();
    const anon = await api.as("anonymous");
    const sent = await apply(anon, "noy@example.org", "es");
    const { reference, accessCode } = sent.json as { reference: string; accessCode: string };
    expect((await anon.req("POST", "/api/applicant/new-code", { reference, email: "NOY@example.org" })).status).toBe(202);
    const sender = senderFor(api, { SMTP_URL: smtp.url });
    const before = smtp.received.length;
    await sender.tick();
    const mail = smtp.received.slice(before).find((m) => m.subject.startsWith("Su nuevo código de acceso"))!;
    expect(mail.to).toBe("noy@example.org");
    const code = /Su nuevo código de acceso: ([A-Z0-9-]+)/.exec(mail.text)![1]!;
    expect(code).not.toBe(accessCode);
    expect((await anon.req("POST", "/api/applicant/status", { reference, code })).status).toBe(200);
    expect((await anon.req("POST", "/api/applicant/status", { reference, code: accessCode })).status).toBe(404);
    // The stored message never holds the code.
    expect(JSON.stringify(listMessages(api.db).messages)).not.toContain(code);
    // The link in the message opens the status page in Spanish with the reference filled in.
    const link = /(http:\/\/\S+\/status\?\S+)/.exec(mail.text)![1]!;
    const page = await anon.req("GET", link.replace(/^http:\/\/[^/]+/, ""));
    expect(page.status).toBe(200);
    expect(page.text).toContain('lang="es"');
    expect(page.text).toContain(`value="${reference}"`);
    await sender.stop();
  });
});
