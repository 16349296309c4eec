// Applicants in Chromium: the request form in English, French and Spanish, a draft that survives a reload
// and a lost connection, the reference and the access code shown once, the status page.
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

  it("keeps a draft through a reload and a lost connection, then submits it and shows the code once", async () => {
    const { page, base } = e;
    await page.goto(`${base}/apply/DEMO-OPEN?lang=en`);
    await page.getByRole("heading", { name: "Sponsorship Programme: request sponsorship" }).waitFor();
    await page.getByRole("combobox", { name: "Nominating State" }).fill("Kenya");
    await page.getByRole("option", { name: "Kenya" }).click();
    await page.getByRole("combobox", { name: "Gender" }).click();
    await page.getByRole("option", { name: "Woman" }).click();
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
    await page.getByText("You are back online", { exact: false }).waitFor();
    expect(await axe(page)).toEqual([]);
    await page.getByRole("button", { name: "Submit the request" }).click();
    const reference = (await page.getByTestId("reference").textContent())!;
    const code = (await page.getByTestId("access-code").textContent())!;
    expect(reference).toBe("DEMO-OPEN-001");
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}$/);
    await shot(page, "31-apply-submitted");
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

  it("speaks French: labels, validation messages and the status", async () => {
    const { page, base } = e;
    await page.goto(`${base}/apply/DEMO-OPEN?lang=fr`);
    await page.getByRole("heading", { name: "Programme de parrainage : demander un parrainage" }).waitFor();
    await page.getByLabel("Nom complet").waitFor();
    await page.getByRole("button", { name: "Envoyer la demande" }).click();
    // zod's own messages in French, next to the fields.
    await page.getByText(/invalide|Entrée/i).first().waitFor();
    expect(await axe(page)).toEqual([]);
    await shot(page, "33-apply-fr");
    await page.goto(`${base}/status?lang=fr`);
    await page.getByLabel("Référence").fill("13MSP-001");
    await page.getByLabel("Code d'accès").fill("DEMO-CODE-13MS-P001");
    await page.getByRole("button", { name: "Consulter" }).click();
    await page.getByText("Votre demande a été reçue et sera examinée.").waitFor();
  });

  it("speaks Spanish, and switches language on the page", async () => {
    const { page, base } = e;
    await page.goto(`${base}/apply/DEMO-OPEN?lang=es`);
    await page.getByRole("heading", { name: "Programa de patrocinio: solicitar patrocinio" }).waitFor();
    await page.getByLabel("Nombre completo").waitFor();
    await page.getByLabel("Billete de avión estimado (CHF)").waitFor();
    expect(await axe(page)).toEqual([]);
    await shot(page, "34-apply-es");
    await page.getByRole("combobox", { name: "Idioma" }).click();
    await page.getByRole("option", { name: "English" }).click();
    await page.getByRole("heading", { name: "Sponsorship Programme: request sponsorship" }).waitFor();
  });
});
