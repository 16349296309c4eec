// A whole programme year in Debian's Chromium against the real server (issue 15): 2024 is closed (replayed
// from the report) and opens 2025; a contribution is recorded; the round is approved; the applicant
// accepts on the status page; staff record a decline, propose and apply a replacement, a no-show with
// what could not be refunded, the actual costs and the administrative costs; the year closes after a
// confirmation, and the next year opens with what 2025 deferred.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_APPLICANT } from "../../server/io/seed.js";
import { approveDemoRound, axe, shot, AS_OF_13MSP, startE2E, type E2E } from "./harness.js";

describe("a programme year, end to end", () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E({ today: AS_OF_13MSP });
  });
  afterAll(async () => {
    await e?.close();
  });

  async function signIn(): Promise<void> {
    const { page, base } = e;
    await page.goto(`${base}/years`);
    await page.getByLabel("User name").fill("admin");
    await page.getByLabel("Password", { exact: true }).fill("demo-admin-13msp");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Programme years" }).waitFor();
  }

  /** The API as the signed-in admin (the UI's own session, and its CSRF token). */
  async function adminApi() {
    const { page, base } = e;
    const session = await (await page.request.get(`${base}/api/auth/session`)).json();
    const headers = { "x-csrf-token": session.csrfToken as string, "content-type": "application/json" };
    return {
      get: async (path: string) => (await page.request.get(`${base}${path}`)).json(),
      post: async (path: string, data: unknown) => page.request.post(`${base}${path}`, { headers, data }),
    };
  }

  it("opens 2025 with 2024's deferred-to, and records a contribution", async () => {
    const { page, base } = e;
    await signIn();
    const years = page.getByRole("table", { name: "Programme years" });
    await years.getByRole("row", { name: /2024 Closed/ }).waitFor();
    await years.getByRole("row", { name: /2025 Open CHF\s51'319, carried from 2024/ }).waitFor();
    expect(await axe(page)).toEqual([]);
    await shot(page, "50-years");
    // 2024's Table 3, as the report prints it (total revenues computed: 105'002, the note says why).
    await page.goto(`${base}/years/2024`);
    const t3 = page.getByRole("table", { name: "Financial statement" });
    await t3.getByRole("row", { name: "Travel costs CHF 53'488" }).waitFor();
    await t3.getByRole("row", { name: "Total Revenues CHF 105'002" }).waitFor();
    await page.getByText(/prints total revenues of CHF\s105'001/).waitFor();
    expect(await axe(page)).toEqual([]);
    await shot(page, "51-year-2024");
    // A contribution to the 13MSP round.
    await page.goto(`${base}/rounds/13MSP`);
    const form = page.getByRole("form", { name: "Record a contribution" });
    await form.getByLabel("Donor code").fill("NZL");
    await form.getByLabel("Donor's name").fill("New Zealand");
    await form.getByLabel("Amount (CHF)").fill("5000");
    await form.getByLabel("Received on").fill("2025-06-02");
    await form.getByRole("button", { name: "Save the contribution" }).click();
    await page.getByRole("table", { name: "Contributions" }).getByText("received 2025-06-02").waitFor();
    await page.getByRole("table", { name: "Money at a glance" }).getByText("Contribution: New Zealand").waitFor();
    expect(await axe(page)).toEqual([]);
  });

  it("approves the round, and the applicant accepts on the status page", async () => {
    const { page, base } = e;
    await page.context().clearCookies();
    await approveDemoRound(e);
    await page.goto(`${base}/status`);
    await page.getByLabel("Reference").fill(DEMO_APPLICANT.reference);
    await page.getByLabel("Access code").fill(DEMO_APPLICANT.code);
    await page.getByRole("button", { name: "Check" }).click();
    await page.getByRole("button", { name: "Accept the offer" }).click();
    await page.getByRole("button", { name: "Yes, send my answer" }).click();
    await page.getByText("Your answer is recorded.").waitFor();
  });

  it("records a decline, a replacement, a no-show and the actual costs", async () => {
    const { page, base } = e;
    await signIn();
    await page.goto(`${base}/rounds/13MSP/after`);
    const offers = page.getByRole("table", { name: "Offers" });
    await offers.waitFor();
    // Decline the first pending offer other than the applicant's.
    const declineButtons = offers.getByRole("button", { name: /: Declined$/ });
    const label = (await declineButtons.first().getAttribute("aria-label"))!;
    const declined = label.split(":")[0]!;
    expect(declined).not.toBe(DEMO_APPLICANT.reference);
    await declineButtons.first().click();
    // The answer is recorded only after a confirmation naming the request, its State and what follows.
    const confirm = page.getByRole("dialog", { name: "Record: declined?" });
    await confirm.getByText(new RegExp(`^${declined} \\(.+\\) declined the offer: the seat and its money are released`)).waitFor();
    await confirm.getByRole("button", { name: "Yes, record it" }).click();
    await offers.getByRole("row", { name: new RegExp(`^${declined} .*Declined`) }).waitFor();
    await page.getByRole("button", { name: "Propose replacements" }).click();
    await page.getByRole("table", { name: "Proposed replacements" }).waitFor();
    await shot(page, "52-replacement");
    await page.getByLabel("Replacements accept by").fill("2025-09-15");
    await page.getByRole("button", { name: "Accept the replacement" }).click();
    await page.getByRole("dialog", { name: "Make the replacement offers?" }).getByRole("button", { name: "Yes, make the offers" }).click();
    await page.getByText("Replacement applied: the new offers are pending.").waitFor();
    // The other delegates accept before their deadlines (staff record the answers that came by e-mail).
    const early = await adminApi();
    const pending: { requestId: string; offerStatus: string; version: number }[] = (await early.get("/api/rounds/13MSP/decisions")).filter(
      (x: { offerStatus: string }) => x.offerStatus === "pending",
    );
    for (const d of pending) {
      const res = await early.post(`/api/rounds/13MSP/offers/${d.requestId}`, { offerStatus: "accepted", version: d.version });
      expect(res.status(), await res.text()).toBe(200);
    }
    // The meeting has taken place (16–19 September 2025): the server's calendar moves past it, so that
    // the offers can be settled (a settlement before the meeting is refused).
    await e.restart({ TODAY: "2025-09-22" });
    await page.reload();
    // The applicant accepted, then did not travel: a no-show, with a ticket that could not be refunded.
    const mine = offers.getByRole("row", { name: new RegExp(`^${DEMO_APPLICANT.reference} `) });
    await mine.getByText("Accepted").waitFor();
    await mine.getByLabel(`Outcome for ${DEMO_APPLICANT.reference}`).click();
    await page.getByRole("option", { name: "Did not travel" }).click();
    await mine.getByLabel(`Non-refundable cost of ${DEMO_APPLICANT.reference}`).fill("640");
    await mine.getByRole("button", { name: "Record" }).click();
    await page.getByRole("dialog", { name: "Record: did not travel?" }).getByRole("button", { name: "Yes, record it" }).click();
    await mine.getByText("Did not travel", { exact: true }).waitFor();
    expect(await axe(page)).toEqual([]);
    await shot(page, "53-after-no-show");
    // Every other delegate travelled: their actual costs (through the API, one by one as staff would).
    const api = await adminApi();
    const decisions: { requestId: string; decision: string; offerStatus: string; cost: number; version: number }[] =
      await api.get("/api/rounds/13MSP/decisions");
    for (const d of decisions.filter((x) => x.offerStatus === "pending" || x.offerStatus === "accepted")) {
      const res = await api.post(`/api/rounds/13MSP/offers/${d.requestId}`, {
        offerStatus: "travelled",
        actualCost: Math.round(d.cost * 0.9),
        version: d.version,
      });
      expect(res.status(), await res.text()).toBe(200);
    }
    // The administrative costs, in the round's edit form.
    await page.goto(`${base}/rounds/13MSP`);
    await page.getByRole("button", { name: "Edit the round" }).click();
    await page.getByLabel("Actual administrative costs (CHF), once known").fill("210");
    await page.getByRole("dialog").getByRole("button", { name: "Save", exact: true }).click();
    await page.getByRole("table", { name: "Money at a glance" }).getByText("Administrative costs", { exact: true }).waitFor();
  });

  it("closes 2025 after a confirmation, and the next year opens with what 2025 deferred", async () => {
    const { page, base } = e;
    await page.goto(`${base}/years/2025`);
    await page.getByText("Final", { exact: true }).waitFor();
    await page.getByRole("button", { name: "Close the year 2025" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Close the year" }).click();
    await page.getByText("Closed: figures locked").waitFor();
    expect(await axe(page)).toEqual([]);
    await shot(page, "54-year-2025-closed");
    const api = await adminApi();
    const y2025 = await api.get("/api/years/2025/statement");
    expect(y2025).toMatchObject({ status: "closed", provisional: false });
    expect(y2025.delegates["no-show"]).toBe(1);
    expect(y2025.delegates.declined).toBe(1);
    // The no-show's ticket is spent; the declined offer's money went back.
    const ledger: { kind: string; requestId: string | null; amount: number }[] = await api.get("/api/years/2025/ledger");
    expect(ledger.find((x) => x.kind === "actual-cost" && x.requestId === DEMO_APPLICANT.reference)?.amount).toBe(640);
    // The year after 2025 (the demo also has later years, each carried from the one before it).
    const next = (await api.get("/api/years")).find((y: { year: number }) => y.year === 2026);
    expect(next.opening).toMatchObject({ amount: y2025.deferredTo, carriedFrom: 2025, provisional: false });
    await page.goto(`${base}/years`);
    await page
      .getByRole("table", { name: "Programme years" })
      .getByRole("row", { name: new RegExp(`${next.year} Open .*carried from 2025`) })
      .waitFor();
    // 2025's figures are locked.
    const d = (await api.get("/api/rounds/13MSP/decisions")).find((x: { offerStatus: string }) => x.offerStatus === "travelled");
    expect((await api.post(`/api/rounds/13MSP/offers/${d.requestId}`, { actualCost: 1, version: d.version })).status()).toBe(409);
  });
});
