// Applicants in Chromium, with scripts (the enhancement of the server's pages): the request form in
// English, French and Spanish, a draft that survives a reload and a lost connection, inline checks with an
// error summary, the reference and the access code shown once, the status page. The same pages with no
// script at all are no-script.test.ts's.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axe, shot, startE2E, type E2E } from "./harness.js";

describe("applicants (end to end)", () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(async () => {
    await e?.close();
  });

  it("loads at most 250 KB of JavaScript (gzip) for the request form, none of the workspace's, and none before the form", async () => {
    const { page, base } = e;
    const scripts = new Set<string>();
    page.on("response", (r) => {
      if (r.url().endsWith(".js")) scripts.add(new URL(r.url()).pathname);
    });
    await page.goto(`${base}/apply/DEMO-OPEN?lang=en`);
    await page.getByRole("heading", { name: "Sponsorship Programme: request sponsorship" }).waitFor();
    await page.waitForLoadState("networkidle");
    const assets = [...scripts].filter((p) => p.startsWith("/assets/"));
    const total = assets.reduce((sum, p) => sum + gzipSync(readFileSync(join(e.dist, p))).length, 0);
    console.log(
      `request form: ${assets.length} scripts, ${(total / 1024).toFixed(1)} KB gzip:`,
      assets.map((p) => `${p.slice(8)} ${(gzipSync(readFileSync(join(e.dist, p))).length / 1024).toFixed(1)}`).join(", "),
    );
    expect(total).toBeLessThan(250 * 1024);
    expect(assets.some((p) => /Allocate|LineChart|Requests|Dashboard/.test(p))).toBe(false);
    // The script is an enhancement: it loads without blocking the page (async), and the form is in the HTML.
    const html = await (await page.request.get(`${base}/apply/DEMO-OPEN?lang=en`)).text();
    expect(html).toMatch(/<script type="module" async="" src="\/assets\/applicant-[\w-]+\.js"><\/script>/);
    expect(html).toContain('<select id="field-state" name="state"');
  });

  it("serves every page and file compressed (built once as .br and .gz), hashed files for a year, pages revalidated", async () => {
    const { page, base } = e;
    const br = { "accept-encoding": "gzip, deflate, br" };
    const workspace = await page.request.get(`${base}/rounds/13MSP`, { headers: br });
    expect(workspace.headers()["content-encoding"]).toBe("br");
    expect(workspace.headers()["cache-control"]).toBe("no-cache");
    const modified = workspace.headers()["last-modified"]!;
    expect((await page.request.get(`${base}/rounds/13MSP`, { headers: { ...br, "if-modified-since": modified } })).status()).toBe(304);
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(await workspace.text())![1]!;
    const asset = await page.request.get(`${base}${script}`, { headers: br });
    expect(asset.headers()["content-encoding"]).toBe("br");
    expect(asset.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(asset.headers()["vary"]).toBe("Accept-Encoding");
    const gzip = await page.request.get(`${base}${script}`, { headers: { "accept-encoding": "gzip" } });
    expect(gzip.headers()["content-encoding"]).toBe("gzip");
    const form = await page.request.get(`${base}/apply/DEMO-OPEN?lang=en`, { headers: br });
    expect(form.headers()["content-encoding"]).toBe("br");
    expect(form.headers()["cache-control"]).toBe("no-cache");
    expect(
      (await page.request.get(`${base}/apply/DEMO-OPEN?lang=en`, { headers: { "if-none-match": form.headers()["etag"]! } })).status(),
    ).toBe(304);
  });

  it("is usable before its script arrives; the script then keeps what was typed (no re-render) as the draft", async () => {
    const { base } = e;
    const context = await e.browser.newContext({ viewport: { width: 390, height: 844 } });
    const tab = await context.newPage();
    try {
      // The enhancement script is held back until the applicant has typed.
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      await tab.route(/\/assets\/applicant-[\w-]+\.js$/, async (route) => {
        await held;
        await route.continue();
      });
      await tab.goto(`${base}/apply/DEMO-OPEN?lang=en`, { waitUntil: "commit" });
      await tab.getByLabel("Full name").fill("Typed Before Script");
      await tab.getByLabel("Nominating State").selectOption({ label: "Nepal" });
      expect(await tab.getByRole("button", { name: "Discard the draft" }).isHidden()).toBe(true);
      release();
      await tab.getByRole("button", { name: "Discard the draft" }).waitFor();
      await tab.getByText(/Draft saved on this device/).waitFor();
      expect(await tab.getByLabel("Full name").inputValue()).toBe("Typed Before Script");
      expect(await tab.getByLabel("Nominating State").inputValue()).toBe("NPL");
    } finally {
      await context.close();
    }
  });

  it("keeps a draft through a reload and a lost connection, then submits it and shows the code once", async () => {
    const { page, base } = e;
    await page.goto(`${base}/apply/DEMO-OPEN?lang=en`);
    await page.getByRole("heading", { name: "Sponsorship Programme: request sponsorship" }).waitFor();
    await page.getByLabel("Nominating State").selectOption({ label: "Kenya" });
    await page.getByLabel("Gender").selectOption({ label: "Woman" });
    await page.getByLabel("Full name").fill("Wanjiru Kamau");
    await page.getByLabel("E-mail").fill("w.kamau@example.org");
    await page.getByLabel("Estimated air ticket (CHF)").fill("1200");
    await page.getByText(/Draft saved on this device/).waitFor();
    // A reload (or a closed tab) loses nothing: the draft is in IndexedDB.
    await page.reload();
    await page.getByText(/Your draft from .* was restored/).waitFor();
    expect(await page.getByLabel("Full name").inputValue()).toBe("Wanjiru Kamau");
    expect(await page.getByLabel("E-mail").inputValue()).toBe("w.kamau@example.org");
    // The connection drops: the form says so and keeps the draft; submitting waits for the connection.
    await page.context().setOffline(true);
    await page.getByLabel("Title or function").fill("Victim assistance officer");
    await page.getByText("You are offline.", { exact: false }).waitFor();
    expect(await page.getByRole("button", { name: "Submit the request" }).isDisabled()).toBe(true);
    await shot(page, "30-apply-offline");
    await page.context().setOffline(false);
    await page.getByText(/^You are back online/).waitFor();
    expect(await axe(page)).toEqual([]);
    await page.getByRole("button", { name: "Submit the request" }).click();
    const reference = (await page.getByTestId("reference").textContent())!;
    const code = (await page.getByTestId("access-code").textContent())!;
    expect(reference).toMatch(/^DEMO-OPEN-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}$/);
    // Once the page's script has run, copy and print are offered (and the draft is gone).
    await page.getByRole("button", { name: "Copy the reference and the code" }).waitFor();
    await shot(page, "31-apply-submitted");
    // "Check the status" opens this request's status at once: its reference carried, nothing to type again.
    await page.getByRole("button", { name: "Check the status" }).click();
    await page.getByText("Your request has been received and will be reviewed.").waitFor();
    expect(await page.getByLabel("Reference").inputValue()).toBe(reference);
    // The draft is gone: the form is empty again.
    await page.goto(`${base}/apply/DEMO-OPEN?lang=en`);
    await page.getByLabel("Full name").waitFor();
    expect(await page.getByLabel("Full name").inputValue()).toBe("");
    // The status page: this request only.
    await page.goto(`${base}/status?lang=en`);
    await page.getByLabel("Reference").fill(reference);
    await page.getByLabel("Access code").fill("AAAA-BBBB-CCCC-DDDD");
    await page.getByRole("button", { name: "Check" }).click();
    await page.getByText("No request with this reference and access code.").waitFor();
    await page.getByLabel("Access code").fill(code);
    await page.getByRole("button", { name: "Check" }).click();
    await page.getByText("Your request has been received and will be reviewed.").waitFor();
    expect(await axe(page)).toEqual([]);
    await shot(page, "32-status");
  });

  it("reloads the form while offline (service worker) with the draft intact", async () => {
    const { page, base } = e;
    await page.goto(`${base}/apply/DEMO-OPEN?lang=en`);
    await page.getByLabel("Full name").waitFor();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // A second load goes through the service worker, which keeps what the page needs.
    await page.reload();
    await page.getByLabel("Full name").fill("Ana Souza");
    await page.getByText(/Draft saved on this device/).waitFor();
    await page.context().setOffline(true);
    await page.reload({ timeout: 15_000 });
    await page.getByText(/Your draft from .* was restored/).waitFor({ timeout: 15_000 });
    expect(await page.getByLabel("Full name").inputValue()).toBe("Ana Souza");
    await page.getByText("You are offline.", { exact: false }).waitFor({ timeout: 15_000 });
    await shot(page, "35-apply-offline-reload");
    await page.context().setOffline(false);
  });

  it("speaks French: labels, validation messages and the status", async () => {
    const { page, base } = e;
    await page.goto(`${base}/apply/DEMO-OPEN?lang=fr`);
    await page.getByRole("heading", { name: "Programme de parrainage : demander un parrainage" }).waitFor();
    await page.getByLabel("Nom complet").waitFor();
    // Once the page's script runs (the discard button shows), the form is checked in the page.
    await page.getByRole("button", { name: "Supprimer le brouillon" }).waitFor();
    await page.getByRole("button", { name: "Envoyer la demande" }).click();
    // A summary at the top in French, focused, each problem a sentence that says what to do and links to
    // its field (never zod's message); the same sentence beside the field.
    const summary = page.getByTestId("error-summary");
    await summary.getByText("Il y a un problème : corrigez les réponses ci-dessous.").waitFor();
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await summary.getByRole("link").count()).toBe(3);
    const text = await page.locator("body").innerText();
    expect(text).not.toMatch(/invalide|Entrée|expected|attendu/i);
    await summary.getByRole("link", { name: "Choisissez l'État qui vous désigne." }).click();
    expect(await page.getByLabel("État qui vous désigne").evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await axe(page)).toEqual([]);
    await shot(page, "33-apply-fr");
    // A ticket below zero stays as typed and is refused at its field, not changed to 0.
    await page.getByLabel("Billet d'avion estimé (CHF)").fill("-50");
    await page.getByLabel("Nom complet").click();
    expect(await page.getByLabel("Billet d'avion estimé (CHF)").inputValue()).toBe("-50");
    await page.getByText("Indiquez le prix estimé du billet d'avion en francs suisses : un nombre, 0 ou plus.").first().waitFor();
    // The whole request in French, to the reference and the code; the States by their French names.
    await page.getByLabel("État qui vous désigne").selectOption({ label: "Sénégal" });
    await page.getByLabel("Genre").selectOption({ label: "Femme" });
    await page.getByLabel("Nom complet").fill("Awa Diop");
    await page.getByLabel("Billet d'avion estimé (CHF)").fill("950");
    await page.getByRole("button", { name: "Envoyer la demande" }).click();
    await page.getByRole("heading", { name: "Demande reçue" }).waitFor();
    await page.getByText("Le code d'accès n'est affiché qu'une fois", { exact: false }).waitFor();
    expect(await page.getByTestId("reference").textContent()).toMatch(/^DEMO-OPEN-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    await page.goto(`${base}/status?lang=fr`);
    await page.getByLabel("Référence").fill("13MSP-001");
    await page.getByLabel("Code d'accès").fill("DEMO-CODE-13MS-P001");
    await page.getByRole("button", { name: "Consulter" }).click();
    await page.getByText("Votre demande a été reçue et sera examinée.").waitFor();
    // The reference is read whatever its case; the date is said in French, not as 2026-11-30.
    await page.getByLabel("Référence").fill("13msp-001");
    await page.getByRole("button", { name: "Consulter" }).click();
    await page.getByText(/depuis le \d{1,2} [a-zéû]+\.? \d{4}/).waitFor();
    expect(await page.getByText(/\d{4}-\d{2}-\d{2}/).count()).toBe(0);
  });

  it("fits a phone-sized window: the form and the status page, clean for axe", async () => {
    const { page, base } = e;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${base}/apply/DEMO-OPEN?lang=es`);
    await page.getByLabel("Nombre completo").waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await axe(page)).toEqual([]);
    await shot(page, "36-apply-phone");
    await page.goto(`${base}/status?lang=es`);
    await page.getByLabel("Referencia").waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await axe(page)).toEqual([]);
    await shot(page, "37-status-phone");
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it("speaks Spanish, and switches language on the page", async () => {
    const { page, base } = e;
    await page.goto(`${base}/apply/DEMO-OPEN?lang=es`);
    await page.getByRole("heading", { name: "Programa de patrocinio: solicitar patrocinio" }).waitFor();
    await page.getByLabel("Nombre completo").waitFor();
    await page.getByLabel("Billete de avión estimado (CHF)").waitFor();
    expect(await axe(page)).toEqual([]);
    await shot(page, "34-apply-es");
    // The switch is a link per language (it works without a script).
    await page.getByRole("navigation", { name: "Idioma" }).getByRole("link", { name: "English" }).click();
    await page.getByRole("heading", { name: "Sponsorship Programme: request sponsorship" }).waitFor();
  });

  it("says a round no longer takes requests, with its dates in the page's language, and shows no form", async () => {
    const { page, base } = e;
    await page.goto(`${base}/apply/13MSP?lang=fr`);
    await page.getByText("Ce cycle ne reçoit plus de demandes : elles ont été reçues du 1 mai 2025 au 15 juil. 2025.").waitFor();
    await page.getByText("du 16 sept. 2025 au 19 sept. 2025", { exact: false }).waitFor();
    expect(await page.getByRole("form").count()).toBe(0);
    expect(await page.getByRole("button", { name: "Envoyer la demande" }).count()).toBe(0);
    expect(await axe(page)).toEqual([]);
    await shot(page, "35-apply-closed-fr");
  });
});
