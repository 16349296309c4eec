// A whole round's e-mail (issue 20), end to end: a mail server in the test's process receives what the
// real server sends. Three applicants submit on the request form in English, French and Spanish, and are
// told their request was received; the ISU approves an allocation and each is offered sponsorship in their
// language; three days before the deadline (the server started again on a later day) each is reminded;
// each follows the link in the reminder, which opens their status page in their language with their
// reference, and answers; the ISU is told of each answer. An applicant who lost the code asks for a new one:
// it arrives by e-mail and the old one stops working. Staff read it all on the Messages screen.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtp, type Received, type TestSmtp } from "../support/smtp.js";
import { adminApi, axe, shot, startE2E, type E2E } from "./harness.js";
import { wordsProblems } from "./words-check.js";

/** A day 13MSP takes requests (its window: 1 May to 15 July 2025); the offers' deadline; a day within three days of it. */
const IN_THE_WINDOW = "2025-07-10";
const DEADLINE = "2025-07-25";
const THREE_DAYS_BEFORE = "2025-07-23";
const ISU = "isu@example.org";

type Lang = "en" | "fr" | "es";
const applicants: Record<
  Lang,
  {
    email: string;
    state: string;
    name: string;
    labels: { state: string; gender: string; name: string; email: string; ticket: string; submit: string };
    gender: string;
    /** The words each message must hold, in its language. */
    received: RegExp;
    offer: RegExp;
    amount: RegExp;
    deadline: string;
    reminder: RegExp;
    status: { code: string; check: string; offered: string; button: string; yes: string; after: string };
    answer: "accepted" | "declined";
  }
> = {
  en: {
    email: "kwame.mensah@example.org",
    state: "Ghana",
    name: "Kwame Mensah",
    gender: "Man",
    labels: {
      state: "Nominating State",
      gender: "Gender",
      name: "Full name",
      email: "E-mail",
      ticket: "Estimated air ticket (CHF)",
      submit: "Submit the request",
    },
    received: /^Your sponsorship request (\S+) \(Ghana\) has been received$/,
    offer: /^Sponsorship offered: please answer by 25 July 2025 \(\S+, Ghana\)$/,
    amount: /CHF\s?\d{1,3}(?:'\d{3})*(?:\.\d{2})?/,
    deadline: "25 July 2025",
    reminder: /^Reminder: your sponsorship offer ends on 25 July 2025 \(\S+, Ghana\)$/,
    status: {
      code: "Access code",
      check: "Check",
      offered: "Status: offered sponsorship",
      button: "Accept the offer",
      yes: "Yes, send my answer",
      after: "Status: offer accepted",
    },
    answer: "accepted",
  },
  fr: {
    email: "awa.diop@example.org",
    state: "Sénégal",
    name: "Awa Diop",
    gender: "Femme",
    labels: {
      state: "État qui vous désigne",
      gender: "Genre",
      name: "Nom complet",
      email: "Courriel",
      ticket: "Billet d'avion estimé (CHF)",
      submit: "Envoyer la demande",
    },
    received: /^Votre demande de parrainage (\S+) \(Sénégal\) a été reçue$/,
    offer: /^Parrainage proposé : merci de répondre avant le 25 juillet 2025 \(\S+, Sénégal\)$/,
    amount: /\d{1,3}(?:[\s\u202f]\d{3})*(?:\.\d{2})?\s?CHF/,
    deadline: "25 juillet 2025",
    reminder: /^Rappel : votre offre de parrainage prend fin le 25 juillet 2025 \(\S+, Sénégal\)$/,
    status: {
      code: "Code d'accès",
      check: "Consulter",
      offered: "État : parrainage proposé",
      button: "Accepter l'offre",
      yes: "Oui, envoyer ma réponse",
      after: "État : offre acceptée",
    },
    answer: "accepted",
  },
  es: {
    email: "ana.perez@example.org",
    state: "Bolivia (Estado Plurinacional de)",
    name: "Ana Lucía Pérez",
    gender: "Mujer",
    labels: {
      state: "Estado que le designa",
      gender: "Género",
      name: "Nombre completo",
      email: "Correo electrónico",
      ticket: "Billete de avión estimado (CHF)",
      submit: "Enviar la solicitud",
    },
    received: /^Su solicitud de patrocinio (\S+) \(Bolivia[^)]*\)\) se ha recibido$/,
    offer: /^Patrocinio ofrecido: responda antes del 25 de julio de 2025 \(\S+, Bolivia/,
    amount: /\d+(?:[\s.\u202f]\d{3})*(?:,\d{2})?\s?CHF/,
    deadline: "25 de julio de 2025",
    reminder: /^Recordatorio: su oferta de patrocinio vence el 25 de julio de 2025 \(\S+, Bolivia/,
    status: {
      code: "Código de acceso",
      check: "Consultar",
      offered: "Estado: patrocinio ofrecido",
      button: "Rechazar la oferta",
      yes: "Sí, enviar mi respuesta",
      after: "Estado: oferta rechazada",
    },
    answer: "declined",
  },
};
const LANGS: Lang[] = ["en", "fr", "es"];

describe("a round's e-mail, received by a mail server (end to end)", () => {
  let e: E2E;
  let smtp: TestSmtp;
  const submitted: Partial<Record<Lang, { reference: string; code: string }>> = {};

  /** The one message to `to` whose subject matches, once it has arrived (the sender polls the outbox). */
  async function mailTo(to: string, subject: RegExp): Promise<Received> {
    for (let k = 0; k < 600; k++) {
      const found = smtp.received.filter((m) => m.to === to && subject.test(m.subject));
      if (found.length > 1) throw new Error(`${found.length} messages to ${to} match ${subject}`);
      if (found.length === 1) return found[0]!;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no message to ${to} matching ${subject}; received: ${smtp.received.map((m) => `${m.to}: ${m.subject}`).join("\n")}`);
  }
  const linkIn = (m: Received): string => m.text.match(/https?:\/\/\S+/)![0];

  beforeAll(async () => {
    smtp = await startSmtp();
    e = await startE2E({
      today: IN_THE_WINDOW,
      env: {
        SMTP_URL: smtp.url,
        MAIL_FROM: "Sponsorship Programme <sponsorship@isu.example.org>",
        MAIL_STAFF: ISU,
        MAIL_POLL_SECONDS: "0.2",
      },
    });
    // The demo round is under review: the ISU opens it again for these requests.
    const isu = await adminApi(e);
    const round = await isu.get("/api/rounds/13MSP");
    await isu.post("/api/rounds/13MSP/status", { status: "open", version: round.version });
    await isu.signOut();
  });
  afterAll(async () => {
    await e?.close();
    await smtp?.close();
  });

  for (const lang of LANGS) {
    it(`submits a request in ${lang} and is told it was received, in ${lang}`, async () => {
      const a = applicants[lang];
      const { page, base } = e;
      await page.goto(`${base}/apply/13MSP?lang=${lang}`);
      await page.getByLabel(a.labels.state).selectOption({ label: a.state });
      await page.getByLabel(a.labels.gender).selectOption({ label: a.gender });
      await page.getByLabel(a.labels.name).fill(a.name);
      await page.getByLabel(a.labels.email, { exact: true }).fill(a.email);
      await page.getByLabel(a.labels.ticket).fill("1150");
      await page.getByRole("button", { name: a.labels.submit }).click();
      const reference = (await page.getByTestId("reference").innerText()).trim();
      const code = (await page.getByTestId("access-code").innerText()).trim();
      submitted[lang] = { reference, code };
      const mail = await mailTo(a.email, a.received);
      expect(a.received.exec(mail.subject)![1]).toBe(reference);
      expect(mail.language).toBe(lang);
      expect(mail.from).toBe("sponsorship@isu.example.org");
      expect(mail.text).toContain(a.name);
      // The access code is never in a message (only a new code, asked for, is).
      expect(mail.text).not.toContain(code);
      expect(linkIn(mail)).toBe(`${base}/status?lang=${lang}&reference=${encodeURIComponent(reference)}`);
    });
  }

  it("the ISU approves the allocation: each applicant is offered sponsorship in their language, with the amount and the deadline", async () => {
    const isu = await adminApi(e);
    let round = await isu.get("/api/rounds/13MSP");
    await isu.post("/api/rounds/13MSP/status", { status: "review", version: round.version });
    for (const lang of LANGS) {
      const r = await isu.get(`/api/requests/${submitted[lang]!.reference}`);
      await isu.post(`/api/requests/${r.id}/lock`, {
        lock: "in",
        justification: "end-to-end test: an offer by e-mail",
        version: r.version,
      });
    }
    const run = await isu.run("13MSP");
    round = await isu.get("/api/rounds/13MSP");
    await isu.post(`/api/runs/${run.id}/approve`, { offerDeadline: DEADLINE, roundVersion: round.version });
    await isu.signOut();
    for (const lang of LANGS) {
      const a = applicants[lang];
      const mail = await mailTo(a.email, a.offer);
      expect(mail.subject).toContain(submitted[lang]!.reference);
      expect(mail.language).toBe(lang);
      expect(mail.text, mail.text).toMatch(a.amount);
      expect(mail.text).toContain(a.deadline);
      expect(linkIn(mail)).toContain(`/status?lang=${lang}&reference=`);
    }
  });

  it("three days before the deadline (the server started again on a later day), each applicant is reminded once", async () => {
    await e.restart({ TODAY: THREE_DAYS_BEFORE });
    for (const lang of LANGS) {
      const mail = await mailTo(applicants[lang].email, applicants[lang].reminder);
      expect(mail.language).toBe(lang);
      expect(mail.text).toContain(applicants[lang].deadline);
    }
    // Started once more on the same day: nobody is reminded twice.
    await e.restart();
    const count = smtp.received.length;
    await new Promise((r) => setTimeout(r, 1500));
    expect(smtp.received.slice(count).filter((m) => LANGS.some((l) => m.to === applicants[l].email))).toEqual([]);
  });

  for (const lang of LANGS) {
    it(`follows the reminder's link to the status page in ${lang}, answers, and the ISU is told`, async () => {
      const a = applicants[lang];
      const mine = submitted[lang]!;
      const { page } = e;
      await page.context().clearCookies();
      await page.goto(linkIn(await mailTo(a.email, a.reminder)));
      expect(await page.locator("html").getAttribute("lang")).toBe(lang);
      // The reference is filled in from the link; the applicant types only the code.
      expect(await page.getByRole("textbox").first().inputValue()).toBe(mine.reference);
      await page.getByLabel(a.status.code).fill(mine.code);
      await page.getByRole("button", { name: a.status.check }).click();
      await page.getByText(a.status.offered, { exact: false }).waitFor();
      await page.getByRole("button", { name: a.status.button }).click();
      await page.getByRole("button", { name: a.status.yes }).click();
      await page.getByText(a.status.after, { exact: false }).waitFor();
      await shot(page, `70-mail-answered-${lang}`);
      const notice = await mailTo(ISU, new RegExp(`^Offer ${a.answer}: ${mine.reference} \\(`));
      expect(notice.language).toBe("en");
      expect(notice.text).toContain(a.name);
      expect(notice.text).toMatch(/The answer was recorded on \d{1,2} \w+ 2025/);
      // The notice's link opens the request in the ISU's workspace.
      const link = linkIn(notice);
      expect(link).toBe(`${e.base}/rounds/13MSP/requests/${mine.reference}`);
    });
  }

  it("an applicant who lost the code gets a new one by e-mail; the old one stops working; a wrong address gets the same answer", async () => {
    const { page, base } = e;
    const mine = submitted.en!;
    await page.goto(`${base}/status?lang=en&reference=${mine.reference}`);
    await page.getByRole("link", { name: "I lost my access code" }).click();
    await page.getByLabel("E-mail address given in the request").fill("someone.else@example.org");
    await page.getByRole("button", { name: "Send me a new code" }).click();
    const answer = (await page.getByRole("status").or(page.getByRole("alert")).first().innerText()).trim();
    expect(answer).toMatch(/^If the reference and the e-mail address match a request, a new access code is on its way/);
    expect(await axe(page)).toEqual([]);
    await page.goto(`${base}/status/new-code?lang=en&reference=${mine.reference}`);
    await page.getByLabel("E-mail address given in the request").fill(applicants.en.email.toUpperCase());
    await page.getByRole("button", { name: "Send me a new code" }).click();
    expect((await page.getByRole("status").or(page.getByRole("alert")).first().innerText()).trim()).toBe(answer);
    const mail = await mailTo(applicants.en.email, /^Your new access code \(/);
    const code = mail.text.match(/Your new access code: ([A-Z0-9-]+)/)![1]!;
    expect(code).not.toBe(mine.code);
    const status = (c: string) => page.request.post(`${base}/api/applicant/status`, { data: { reference: mine.reference, code: c } });
    expect((await status(mine.code)).status()).toBe(404);
    expect((await status(code)).status()).toBe(200);
    // Nobody else was sent anything.
    expect(smtp.received.filter((m) => m.to === "someone.else@example.org")).toEqual([]);
  });

  it("staff read who was told what, and when, on the Messages screen and on the request's page", async () => {
    const { page, base } = e;
    await adminApi(e);
    await page.goto(`${base}/messages`);
    const table = page.getByRole("table", { name: "Messages" });
    await table.waitFor();
    await page.getByText("Messages are sent").waitFor();
    // Every message of the three applicants was delivered: received, offer, reminder (and a new code).
    for (const lang of LANGS) {
      const rows = table.getByRole("row").filter({ hasText: applicants[lang].email });
      expect(await rows.count()).toBe(lang === "en" ? 4 : 3);
      expect(await rows.filter({ hasText: /^(?![\s\S]*Sent \d)/ }).count()).toBe(0);
    }
    expect((await axe(page)).map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    expect(await wordsProblems(page, "messages", "en")).toEqual([]);
    await shot(page, "71-messages");
    // The French offer, previewed.
    await page.getByRole("combobox", { name: "Message" }).click();
    await page.getByRole("option", { name: "Offer made", exact: true }).click();
    await page.getByRole("radiogroup", { name: "Language" }).getByText("French", { exact: true }).click();
    await page
      .getByTestId("template-preview")
      .getByText(/^Parrainage proposé : merci de répondre avant le/)
      .waitFor();
    // A request's page: its messages, oldest first.
    await page.goto(`${base}/rounds/13MSP/requests/${submitted.fr!.reference}`);
    const own = page.getByRole("table", { name: "Messages about this request" });
    await own.waitFor();
    await page.getByText("The applicant is written to in French.").waitFor();
    // Its messages, oldest first: the applicant's three, and the ISU's notice of the answer.
    const rows = own.getByRole("row");
    const abouts: string[] = [];
    for (let k = 1; k < (await rows.count()); k++) abouts.push((await rows.nth(k).getByRole("cell").nth(2).innerText()).trim());
    expect(abouts).toEqual([
      "Request received",
      "Offer made",
      "Reminder: three days before the offer's deadline",
      "Offer answered (to the ISU)",
    ]);
    expect(await axe(page)).toEqual([]);
    expect(await wordsProblems(page, "request-messages", "en")).toEqual([]);
  });
});
