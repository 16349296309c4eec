// Applicants with JavaScript disabled (issue 21): the server's pages alone, on a phone. In French and in
// Spanish, a request is refused with an error summary (values kept), corrected and submitted; the ISU
// locks both requests in and approves the allocation (through the API); each applicant then reads the
// offer on the status page and answers it, confirmed in a second step. Every page clean for axe.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { adminApi, axe, shot, startE2E, type AxeViolation, type E2E } from "./harness.js";
import { wordsProblems, type WordsProblem } from "./words-check.js";
import { WORDS } from "../../server/pages/words/index.js";

/** A day 13MSP takes requests (its window: 1 May to 15 July 2025). */
const IN_THE_WINDOW = "2025-07-10";

describe("applicants without JavaScript (end to end)", () => {
  let e: E2E;
  let context: BrowserContext;
  let page: Page;
  const submitted: Record<"fr" | "es", { reference: string; code: string }> = {
    fr: { reference: "", code: "" },
    es: { reference: "", code: "" },
  };

  const wordProblems: WordsProblem[] = [];

  /**
   * axe, and the words check, on what a page without scripts shows: both are scripts, so the page's HTML,
   * as the browser without scripts holds it, is opened again in a tab that runs them but loads none of the
   * page's own scripts.
   */
  async function checkWithoutScripts(screen: string, lang: "fr" | "es"): Promise<AxeViolation[]> {
    const html = await page.content();
    const tab = await e.browser.newPage();
    try {
      await tab.route("**/assets/**", (r) => r.abort());
      await tab.route(`${e.base}/axe-of-a-page`, (r) => r.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }));
      await tab.goto(`${e.base}/axe-of-a-page`);
      wordProblems.push(...(await wordsProblems(tab, `${screen} without scripts`, lang)));
      return await axe(tab);
    } finally {
      await tab.close();
    }
  }

  beforeAll(async () => {
    e = await startE2E({ today: IN_THE_WINDOW });
    // The demo round is under review: the ISU opens it again for these requests.
    const isu = await adminApi(e);
    const round = await isu.get("/api/rounds/13MSP");
    await isu.post("/api/rounds/13MSP/status", { status: "open", version: round.version });
    context = await e.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 }, isMobile: true });
    page = await context.newPage();
    page.setDefaultTimeout(60_000);
  });
  afterAll(async () => {
    await context?.close();
    await e?.close();
  });

  const cases = [
    {
      lang: "fr" as const,
      heading: "Programme de parrainage : demander un parrainage",
      submit: "Envoyer la demande",
      summary: "Il y a un problème : corrigez les réponses ci-dessous.",
      stateLabel: "État qui vous désigne",
      state: "Sénégal",
      genderLabel: "Genre",
      gender: "Femme",
      nameLabel: "Nom complet",
      name: "Awa Diop",
      ticketLabel: "Billet d'avion estimé (CHF)",
      ticketProblem: "Indiquez le prix estimé du billet d'avion en francs suisses : un nombre, 0 ou plus.",
      received: "Demande reçue",
    },
    {
      lang: "es" as const,
      heading: "Programa de patrocinio: solicitar patrocinio",
      submit: "Enviar la solicitud",
      summary: "Hay un problema: corrija las respuestas de abajo.",
      stateLabel: "Estado que le designa",
      // A State the Programme is for (a lower-middle-income State Party; an upper-middle-income one is not).
      state: "Bolivia (Estado Plurinacional de)",
      genderLabel: "Género",
      gender: "Mujer",
      nameLabel: "Nombre completo",
      name: "Ana Lucía Pérez",
      ticketLabel: "Billete de avión estimado (CHF)",
      ticketProblem: "Indique el precio estimado del billete de avión en francos suizos: un número, 0 o más.",
      received: "Solicitud recibida",
    },
  ];

  for (const c of cases) {
    it(`submits a request with no script, in ${c.lang === "fr" ? "French" : "Spanish"}: refused at its fields with the values kept, then received`, async () => {
      await page.goto(`${e.base}/apply/13MSP?lang=${c.lang}`);
      await page.getByRole("heading", { name: c.heading }).waitFor();
      // No script ran: what only a script shows (discarding a draft) stays hidden.
      expect(await page.locator("[data-action=discard]").isHidden()).toBe(true);
      // A first try with the State, the gender and a ticket that is not a number.
      await page.getByLabel(c.nameLabel).fill(c.name);
      await page.getByLabel(c.ticketLabel).fill("beaucoup");
      await page.getByRole("button", { name: c.submit }).click();
      const summary = page.getByTestId("error-summary");
      await summary.getByText(c.summary).waitFor();
      // The summary lists each problem as a link to its field; the same sentence is beside the field.
      expect(await summary.getByRole("link").count()).toBe(3);
      await summary.getByRole("link", { name: c.ticketProblem }).waitFor();
      expect(await page.locator("#error-airTicket").innerText()).toBe(c.ticketProblem);
      expect(await page.getByLabel(c.ticketLabel).getAttribute("aria-invalid")).toBe("true");
      // What was typed is kept.
      expect(await page.getByLabel(c.nameLabel).inputValue()).toBe(c.name);
      expect(await page.getByLabel(c.ticketLabel).inputValue()).toBe("beaucoup");
      expect(await page.title()).toMatch(/^(Erreur|Error): /);
      expect(await checkWithoutScripts("apply-problems", c.lang)).toEqual([]);
      await shot(page, `60-no-script-problems-${c.lang}`);
      // Corrected and sent again: received, with the reference and the code.
      await page.getByLabel(c.stateLabel).selectOption({ label: c.state });
      await page.getByLabel(c.genderLabel).selectOption({ label: c.gender });
      await page.getByLabel(c.ticketLabel).fill("1'150");
      await page.getByRole("button", { name: c.submit }).click();
      await page.getByRole("heading", { name: c.received }).waitFor();
      const reference = await page.getByTestId("reference").innerText();
      const code = await page.getByTestId("access-code").innerText();
      expect(reference).toMatch(/^13MSP-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
      expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}$/);
      // Copy and print need a script: not offered without one. The status page opens with a plain form.
      expect(await page.getByRole("button").allInnerTexts()).toEqual([WORDS[c.lang].submitted.status]);
      expect(await checkWithoutScripts("apply-received", c.lang)).toEqual([]);
      await shot(page, `61-no-script-received-${c.lang}`);
      submitted[c.lang] = { reference, code };
    });
  }

  it("the ISU locks both requests in and approves the allocation", async () => {
    const isu = await adminApi(e);
    let round = await isu.get("/api/rounds/13MSP");
    await isu.post("/api/rounds/13MSP/status", { status: "review", version: round.version });
    for (const { reference } of Object.values(submitted)) {
      const r = await isu.get(`/api/requests/${reference}`);
      await isu.post(`/api/requests/${reference}/lock`, {
        lock: "in",
        justification: "end-to-end test: an offer to answer",
        version: r.version,
      });
    }
    const run = await isu.run("13MSP");
    round = await isu.get("/api/rounds/13MSP");
    await isu.post(`/api/runs/${run.id}/approve`, { offerDeadline: "2025-08-15", roundVersion: round.version });
    await isu.signOut();
  });

  const answers = [
    {
      lang: "fr" as const,
      reference: "Référence",
      code: "Code d'accès",
      check: "Consulter",
      offered: "État : parrainage proposé",
      button: "Accepter l'offre",
      confirm: "Accepter l'offre de parrainage ?",
      back: "Revenir",
      yes: "Oui, envoyer ma réponse",
      done: "Votre réponse est enregistrée.",
      after: "État : offre acceptée",
      answer: "accepted",
    },
    {
      lang: "es" as const,
      reference: "Referencia",
      code: "Código de acceso",
      check: "Consultar",
      offered: "Estado: patrocinio ofrecido",
      button: "Rechazar la oferta",
      confirm: "¿Rechazar la oferta de patrocinio?",
      back: "Volver",
      yes: "Sí, enviar mi respuesta",
      done: "Su respuesta ha quedado registrada.",
      after: "Estado: oferta rechazada",
      answer: "declined",
    },
  ];

  for (const a of answers) {
    it(`answers the offer with no script, in ${a.lang === "fr" ? "French" : "Spanish"}, after a confirmation page`, async () => {
      const mine = submitted[a.lang];
      await page.goto(`${e.base}/status?lang=${a.lang}`);
      await page.getByLabel(a.reference).fill(mine.reference.toLowerCase());
      await page.getByLabel(a.code).fill(mine.code);
      await page.getByRole("button", { name: a.check }).click();
      await page
        .getByText(a.offered, { exact: false })
        .waitFor({ timeout: 20_000 })
        .catch(async (err: Error) => {
          throw new Error(`${err.message}\n${await page.locator("main").innerText()}`);
        });
      expect(await checkWithoutScripts("status-offer", a.lang)).toEqual([]);
      await shot(page, `62-no-script-offer-${a.lang}`);
      // Nothing is recorded before the confirmation; going back leaves the offer open.
      await page.getByRole("button", { name: a.button }).click();
      await page.getByText(a.confirm, { exact: false }).waitFor();
      expect(await checkWithoutScripts("status-confirm", a.lang)).toEqual([]);
      await shot(page, `63-no-script-confirm-${a.lang}`);
      await page.getByRole("button", { name: a.back }).click();
      await page.getByText(a.offered, { exact: false }).waitFor();
      await page.getByRole("button", { name: a.button }).click();
      await page.getByRole("button", { name: a.yes }).click();
      await page.getByText(a.done).waitFor();
      await page.getByText(a.after, { exact: false }).waitFor();
      expect(await page.getByRole("button", { name: a.button }).count()).toBe(0);
      // The server has it.
      const status = await page.request.post(`${e.base}/api/applicant/status`, { data: { reference: mine.reference, code: mine.code } });
      expect((await status.json()).decision.offerStatus).toBe(a.answer);
    });
  }

  it("refuses a form sent from another site, and says so in the page's language", async () => {
    const res = await e.page.request.post(`${e.base}/status?lang=es`, {
      headers: { origin: "https://elsewhere.example", "content-type": "application/x-www-form-urlencoded" },
      data: `reference=${submitted.es.reference}&code=${submitted.es.code}`,
    });
    expect(res.status()).toBe(403);
    const html = await res.text();
    expect(html).toContain("Este formulario solo puede enviarse desde su propia página.");
    expect(html).not.toContain(submitted.es.code);
  });

  it("said every page without scripts in words for people (no engine code, raw date or English status)", () => {
    expect(wordProblems.map((p) => `${p.screen}: ${p.problem} … ${p.around}`)).toEqual([]);
  });
});
