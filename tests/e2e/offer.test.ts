// An applicant answers their offer on the status page (issue 15): in French, with a confirmation before
// the answer is sent; the answer is final and the page says so.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_APPLICANT } from "../../server/io/seed.js";
import { approveDemoRound, axe, shot, AS_OF_13MSP, startE2E, type E2E } from "./harness.js";

describe("an applicant's answer to an offer (end to end)", () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E({ today: AS_OF_13MSP });
    await approveDemoRound(e);
  });
  afterAll(async () => {
    await e?.close();
  });

  it("accepts the offer on the status page after a confirmation, in French", async () => {
    const { page, base } = e;
    await page.goto(`${base}/status?lang=fr`);
    await page.getByLabel("Référence").fill(DEMO_APPLICANT.reference);
    await page.getByLabel("Code d'accès").fill(DEMO_APPLICANT.code);
    await page.getByRole("button", { name: "Consulter" }).click();
    // The status in French words, not the engine's ("funded").
    await page.getByText("État : parrainage proposé", { exact: false }).waitFor();
    await page.getByRole("button", { name: "Accepter l'offre" }).click();
    // Nothing is sent before the confirmation; going back leaves the offer open.
    await page.getByText("Accepter l'offre de parrainage ?", { exact: false }).waitFor();
    expect(await axe(page)).toEqual([]);
    await shot(page, "38-offer-confirm");
    await page.getByRole("button", { name: "Revenir" }).click();
    await page.getByRole("button", { name: "Accepter l'offre" }).click();
    await page.getByRole("button", { name: "Oui, envoyer ma réponse" }).click();
    await page.getByText("Votre réponse est enregistrée.").waitFor();
    await page.getByText("État : offre acceptée", { exact: false }).waitFor();
    expect(await page.getByRole("button", { name: "Accepter l'offre" }).count()).toBe(0);
    // The server has it: the decision's offer is accepted.
    const status = await page.request.post(`${base}/api/applicant/status`, {
      data: { reference: DEMO_APPLICANT.reference, code: DEMO_APPLICANT.code },
    });
    expect((await status.json()).decision.offerStatus).toBe("accepted");
  });
});
