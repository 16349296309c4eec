// The donors' rationale in Chromium: a donor signs in, reads how the money of the approved allocation
// was used (without personal data), and cannot reach the staff's pages or API.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminApi, approveDemoRound, axe, shot, AS_OF_13MSP, startE2E, type E2E } from "./harness.js";

/** The demo's Australian donor signs in through the form and lands on the allocations. */
async function signInAsDonor({ page, base }: E2E): Promise<void> {
  await page.goto(`${base}/signin`);
  await page.getByLabel("User name").fill("donor-aus");
  await page.getByLabel("Password", { exact: true }).fill("demo-donor-13msp");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Allocations" }).waitFor();
}

describe("donors' rationale (end to end)", () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E({ today: AS_OF_13MSP });
    // An approved allocation: the admin runs and approves the demo round through the API.
    await approveDemoRound(e);
  });
  afterAll(async () => {
    await e?.close();
  });

  it("signs a donor in to the rationale: rules in words, their delegates marked, no personal data", async () => {
    const { page } = e;
    await signInAsDonor(e);
    await page.getByRole("link", { name: /Thirteenth Meeting of States Parties/ }).click();
    await page
      .getByRole("heading", { name: /How the Sponsorship Programme used the money: Thirteenth Meeting/ })
      .waitFor({ timeout: 60_000 });
    await page.getByText("At most 20 delegates are sponsored.", { exact: true }).waitFor();
    await page.getByText(/Your contribution: CHF\s28'933/).waitFor();
    await page.getByText(/Your earmark \(regional groups: Asia-Pacific Group\) was honoured/).waitFor();
    const table = page.getByRole("table", { name: "Sponsored delegates" });
    expect(await table.getByText("yours").count()).toBeGreaterThan(0);
    await page.getByText(/CHF\s5'000 more would/).waitFor();
    await page.getByRole("table", { name: "Financial statement" }).waitFor();
    const text = await page.locator("body").innerText();
    for (const needle of ["@example.org", "Delegate LAO-1", "National Mine Action Authority"]) expect(text).not.toContain(needle);
    expect(await axe(page)).toEqual([]);
    await shot(page, "20-donor-rationale");
  });

  it("says, after a decline and its replacement, which allocation its analyses describe (verbs agreeing in French and Spanish)", async () => {
    const { page, base } = e;
    const admin = await adminApi(e);
    const declined = (await admin.get("/api/rounds/13MSP/decisions")).find((x: { decision: string }) => x.decision === "funded");
    await admin.post(`/api/rounds/13MSP/offers/${declined.requestId}`, { offerStatus: "declined", version: declined.version });
    const proposal = await admin.post("/api/rounds/13MSP/replacements", {});
    await admin.post(`/api/replacements/${proposal.id}/apply`, { offerDeadline: "2025-09-01" });
    const replacement: string = proposal.proposal.replacements[0].id;
    await admin.signOut();
    await signInAsDonor(e);
    const prices = (lang: string, title: string) =>
      page.goto(`${base}/donor/13MSP?lang=${lang}`).then(async () => {
        const card = page.locator(".mantine-Card-root", { has: page.getByRole("heading", { name: title }) });
        await card.waitFor({ timeout: 60_000 });
        return card.innerText();
      });
    const en = await prices("en", "What each rule costs");
    await page
      .getByRole("note")
      .getByText(
        new RegExp(
          `^The four analyses below are of the allocation as approved on \\d+ \\w+ 2025 \\(20 delegates\\), before what happened since: ${declined.requestId} \\([A-Z][^)]*\\): offer declined; ${replacement} \\([A-Z][^)]*\\): funded as a replacement\\.$`,
        ),
      )
      .waitFor();
    // A request the rules' prices name whose decision changed since says so beside its name.
    for (const [id, since] of [
      [declined.requestId, "declined since the approval"],
      [replacement, "funded since the approval, as a replacement"],
    ])
      if (en.includes(`${id} (`)) expect(en).toMatch(new RegExp(`${id} \\([^)]*\\) \\(${since}\\)`));
    expect(await axe(page)).toEqual([]);
    await shot(page, "21-donor-after-replacement");
    // French and Spanish: the verb agrees with a list of several, and "nobody" takes its negation.
    const fr = await prices("fr", "Ce que coûte chaque règle");
    expect(fr).not.toMatch(/, [^:;]*\) entrerait|, [^:;]*\) sortirait|personne (entrerait|sortirait)/);
    expect(fr).toMatch(/entreraient|entrerait|personne n'entrerait/);
    const es = await prices("es", "Lo que cuesta cada regla");
    expect(es).not.toMatch(/entraría [^:;.]*\), [^:;.]*\)|saldría [^:;.]*\), [^:;.]*\)|(?<!no )(entraría|saldría) nadie/);
    expect(es).toMatch(/entrarían|entraría|no entraría nadie/);
    await prices("en", "What each rule costs");
  });

  it("keeps the donor out of the staff's pages and the requests' personal data (403)", async () => {
    const { page, base } = e;
    await page.goto(`${base}/rounds/13MSP/requests`);
    await page.getByRole("heading", { name: "Allocations" }).waitFor();
    const res = await page.request.get(`${base}/api/rounds/13MSP/requests`);
    expect(res.status()).toBe(403);
    const other = await page.request.get(`${base}/api/requests/13MSP-001`);
    expect(other.status()).toBe(403);
    // Another round (not funded by this donor): 403, and the page says so.
    expect((await page.request.get(`${base}/api/rounds/DEMO-OPEN/rationale`)).status()).toBe(403);
    await page.goto(`${base}/donor/DEMO-OPEN`);
    await page.getByRole("alert").getByText("did not contribute to round DEMO-OPEN", { exact: false }).waitFor();
  });
});
