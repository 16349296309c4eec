// Reviewers and staff acting on a person's behalf, in Chromium: a reviewer lands on the queue of requests
// to review and declares a conflict of interest by mistake; an administrator lifts it with a reason (then
// the reviewer rates), edits a request as its applicant asked and withdraws another, each reason in the
// request's history. Every screen fits 1280 px and is clean for axe.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axe, shot, startE2E, type E2E } from "./harness.js";

async function signIn({ page, base }: E2E, username: string, password: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${base}/signin`);
  await page.getByLabel("User name").fill(username);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/signin"));
}

describe("reviewers' queue and staff on a person's behalf (end to end)", () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(async () => {
    await e?.close();
  });

  it("lands a reviewer on the requests to review; a conflict declared by mistake is lifted by an administrator, with its reason", async () => {
    const { page } = e;
    await signIn(e, "reviewer", "demo-reviewer-13msp");
    await page.getByRole("heading", { name: "Requests to review" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/reviews");
    const table = page.getByRole("table", { name: "Requests of DEMO-REVIEW to review" });
    await table.waitFor();
    const before = await table.getByRole("row").count();
    expect(before).toBeGreaterThan(10);
    // Every row not reviewed yet, each request with its State's name.
    expect(await table.getByText("not reviewed yet").count()).toBe(before - 1);
    expect(await axe(page)).toEqual([]);
    await shot(page, "40-review-queue");
    const link = table.getByRole("link").first();
    const name = (await link.innerText()).trim();
    const reference = name.split(" · ")[0]!;
    expect(name).toMatch(/^DEMO-REVIEW-\d{3} · \S/);
    await link.click();
    await page.getByRole("heading", { name: new RegExp(`Request ${reference}`) }).waitFor();
    const review = page.getByRole("form", { name: "Your review" });
    await review.getByLabel(/I have a conflict of interest/).check();
    await review.getByRole("button", { name: "Save my review" }).click();
    await review.getByText("Review saved.").waitFor();
    // Back on the queue, it is reviewed (a conflict): one fewer to review.
    await page.getByRole("link", { name: "Requests to review" }).click();
    await table.waitFor();
    expect(await table.getByRole("row").count()).toBe(before - 1);

    await signIn(e, "admin", "demo-admin-13msp");
    await page.goto(`${e.base}/rounds/DEMO-REVIEW/requests/${reference}`);
    await page.getByText("reviewer: declared a conflict of interest").waitFor();
    await page.getByRole("button", { name: "Lift the conflict" }).click();
    const dialog = page.getByRole("dialog", { name: "Lift reviewer's conflict of interest?" });
    await dialog.getByRole("button", { name: "Lift it" }).click();
    await dialog.getByText("Say why the conflict is lifted (at least 10 characters).").waitFor();
    await dialog.getByLabel(/Why \(kept in the request's history\)/).fill("ticked by mistake, the reviewer's e-mail of 3 July says");
    expect(await axe(page)).toEqual([]);
    await shot(page, "41-lift-conflict");
    await dialog.getByRole("button", { name: "Lift it" }).click();
    await page
      .getByText("conflict of interest declared by reviewer lifted: ticked by mistake, the reviewer's e-mail of 3 July says")
      .waitFor();
    // The rating the score uses is said where the reviews are (here the one entered with the request, or none).
    expect(await page.getByTestId("rating-source").innerText()).toMatch(/^No reviewer has rated it yet: /);

    await signIn(e, "reviewer", "demo-reviewer-13msp");
    await page.goto(`${e.base}/rounds/DEMO-REVIEW/requests/${reference}`);
    const again = page.getByRole("form", { name: "Your review" });
    await again.getByLabel("Technical value, 0 to 5").fill("4");
    await again.getByRole("button", { name: "Save my review" }).click();
    await again.getByText("Review saved.").waitFor();
    await page.getByText("The technical value uses the one reviewer's rating: 4 of 5.").waitFor();
  });

  it("lets an administrator edit a request as its applicant asked and withdraw another, each with a reason in its history", async () => {
    const { page, base } = e;
    await signIn(e, "admin", "demo-admin-13msp");
    await page.goto(`${base}/rounds/DEMO-REVIEW/requests/DEMO-REVIEW-010`);
    await page.getByRole("button", { name: "Edit on the applicant's behalf" }).click();
    const form = page.getByRole("form", { name: "Edit the request" });
    await form.getByLabel("Air ticket (CHF)").fill("1'480");
    await form.getByRole("button", { name: "Save the request" }).click();
    // Nothing saved without a reason, and the reason's field says so.
    await form.getByText("Say why (at least 3 characters): it stays in the request's history.").waitFor();
    await form.getByLabel(/Why you edit it/).fill("the applicant's e-mail of 3 July gives the fare quoted");
    expect(await axe(page)).toEqual([]);
    await shot(page, "42-edit-on-behalf");
    await form.getByRole("button", { name: "Save the request" }).click();
    await page.getByText("edited (travel): the applicant's e-mail of 3 July gives the fare quoted").waitFor();
    await page.getByRole("row", { name: /Air ticket CHF\s1'480/ }).waitFor();

    await page.getByRole("button", { name: "Withdraw the request" }).click();
    const withdraw = page.getByRole("form", { name: "Withdraw the request" });
    await withdraw.getByLabel(/Why \(kept in the request's history\)/).fill("the State's letter of 6 July withdraws the application");
    await shot(page, "43-withdraw-on-behalf");
    await withdraw.getByRole("button", { name: "Withdraw it" }).click();
    await withdraw.waitFor({ state: "detached" });
    await page.getByText("the State's letter of 6 July withdraws the application").waitFor();
    await page.locator(".mantine-Badge-root", { hasText: /^withdrawn$/ }).waitFor();
    // Withdrawn, it offers no second withdrawal.
    expect(await page.getByRole("button", { name: "Withdraw the request" }).count()).toBe(0);
  });

  it("fits the settlement of a meeting just held at 1280 px: every offer's answer, actual cost and its controls", async () => {
    const { page, base } = e;
    await signIn(e, "admin", "demo-admin-13msp");
    await page.goto(`${base}/rounds/DEMO-PAST/after`);
    const offers = page.getByRole("table", { name: "Offers" });
    await offers.waitFor();
    expect(await axe(page)).toEqual([]);
    // The fit check of shot(): no sideways scroll of the page or of the table, no text cut.
    await shot(page, "44-settle-after-the-meeting");
    const overflow = await offers.evaluate((t) => {
      const box = t.closest(".mantine-ScrollArea-viewport, .mantine-Table-scrollContainer") ?? t.parentElement!;
      return box.scrollWidth - box.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(1);
  });
});
