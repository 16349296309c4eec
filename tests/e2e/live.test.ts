// The live what-if (issue 19): on the weights and rules screen, a change of a weight or of a policy field
// is allocated exactly in the browser (a Web Worker with glpk.js and the server's core), without a run;
// the figures, who enters and leaves against the last run, and the rules that bind follow it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminApi, axe, shot, AS_OF_13MSP, startE2E, type E2E } from "./harness.js";

describe("the live allocation on the weights and rules screen (end to end)", () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E({ today: AS_OF_13MSP });
  });
  afterAll(async () => {
    await e?.close();
  });

  it("allocates each change of a weight and a policy field in the browser, with no run, at the server's optimum", async () => {
    const { page, base } = e;
    // A server run first: the live allocation of the saved settings is its optimum, and the moves are against it.
    // The page stays signed in as the administrator.
    const serverValue = (await (await adminApi(e)).run("13MSP")).result.value as number;
    const runsStarted: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && /\/runs$/.test(new URL(r.url()).pathname)) runsStarted.push(r.url());
    });
    // The solver and the core load only on the screen that uses them: not on the workspace's first screens.
    const solverScripts: string[] = [];
    page.on("request", (r) => {
      if (/\/assets\/what-if\.worker-[\w-]+\.js$/.test(new URL(r.url()).pathname)) solverScripts.push(r.url());
    });
    await page.goto(`${base}/rounds`);
    await page.getByRole("heading", { level: 2 }).first().waitFor();
    await page.goto(`${base}/rounds/13MSP`);
    await page.getByRole("heading", { level: 2 }).first().waitFor();
    await page.waitForLoadState("networkidle");
    expect(solverScripts).toEqual([]);
    await page.goto(`${base}/rounds/13MSP/settings`);
    const card = page.getByRole("region", { name: "Allocation with these settings" });
    const figure = (label: string) => card.locator(`[data-figure="${label}"]`);
    await card.getByText("Proven optimal").waitFor();
    expect(solverScripts.length).toBe(1);
    expect(await figure("Total score").innerText()).toBe(serverValue.toFixed(2));
    expect(await figure("Delegates").innerText()).toBe("20");
    await card.getByText("Enter, against the last run").waitFor();
    expect(await card.getByText("Nobody.").count()).toBe(2);
    expect(await card.getByRole("list", { name: "Rules that bind" }).getByText("At most 20 delegates are sponsored.").count()).toBe(1);
    // A weight: universalization to 100. The allocation changes with no run.
    const before = await figure("Total score").innerText();
    const slider = page.getByRole("slider", { name: "Universalization potential weight" });
    await slider.focus();
    await page.keyboard.press("End");
    await page.getByText("Universalization potential: 100").waitFor();
    await page.waitForFunction((b) => {
      const el = document.querySelector('[data-figure="Total score"]');
      const badge = [...document.querySelectorAll('[role="status"]')].some((s) => s.textContent === "Proven optimal");
      return el && badge && el.textContent !== b;
    }, before);
    // Who enters and leaves against the last run, named with their States.
    const entered = card.getByRole("list", { name: "Requests that enter" });
    const left = card.getByRole("list", { name: "Requests that leave" });
    expect((await entered.count()) + (await left.count())).toBeGreaterThan(0);
    if (await entered.count()) expect(await entered.innerText()).toMatch(/13MSP-\d{3} \([A-Z][a-z]/);
    // Why not, on demand: a request not funded, its counterfactual computed in the browser.
    const picker = page.getByLabel("Why is this request not funded?");
    const option = (await picker.locator("option").nth(1).getAttribute("value"))!;
    await picker.selectOption(option);
    const why = page.locator(`[data-why-not="${option}"]`);
    await why.waitFor();
    expect(await why.innerText()).toMatch(/\w{4,}/);
    expect(await why.innerText()).not.toMatch(/Working it out|could not be worked out/);
    expect(await axe(page)).toEqual([]);
    await shot(page, "70-live-weight");
    // The money, a lock: more money leaves more money left or funds more; a request not funded, locked in, is funded.
    const tryFacts = page.getByRole("region", { name: "Try other facts" });
    const moneyLeft = await figure("Money left").innerText();
    await tryFacts.getByLabel("Money available: change (CHF)").fill("20000");
    await page.waitForFunction((m) => document.querySelector('[data-figure="Money left"]')?.textContent !== m, moneyLeft);
    await card.getByText("Proven optimal").waitFor();
    await tryFacts.getByLabel("Money available: change (CHF)").fill("0");
    await page.waitForFunction((m) => document.querySelector('[data-figure="Money left"]')?.textContent === m, moneyLeft);
    // Locked in, a request not funded is funded (it leaves the list of requests not funded), unless its
    // State already has its one delegate: then no allocation keeps every rule, and the card says which.
    const outside = await picker.locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    let funded = 0;
    for (const candidate of outside.slice(0, 6)) {
      await tryFacts.getByLabel("Lock a request").selectOption(candidate);
      await expect.poll(() => picker.locator(`option[value="${candidate}"]`).count(), { timeout: 60_000 }).toBe(0);
      await expect.poll(async () => (await card.getByText(/^(Proven optimal|No allocation keeps every rule\.)$/).count()) > 0).toBe(true);
      if (await card.getByText("No allocation keeps every rule.").count()) {
        await card.getByText(/at most 1 delegate per State is too few/).waitFor();
      } else {
        await card.getByText("Proven optimal").waitFor();
        funded++;
      }
      await tryFacts.getByLabel("Lock a request").selectOption("");
      await card.getByText("Proven optimal").waitFor();
      if (funded) break;
    }
    expect(funded).toBe(1);
    // A policy field: seats to 15. Fifteen delegates, with no run.
    await page.getByLabel("Seats (delegates at most)").fill("15");
    await page.waitForFunction(() => document.querySelector('[data-figure="Delegates"]')?.textContent === "15");
    await card.getByText("Proven optimal").waitFor();
    expect(await card.getByRole("list", { name: "Rules that bind" }).getByText("At most 15 delegates are sponsored.").count()).toBe(1);
    await shot(page, "71-live-seats");
    // Settings no allocation can keep: the diagnosis, live.
    await page.getByLabel("Seats (delegates at most)").fill("1");
    await card.getByText("No allocation keeps every rule.").waitFor();
    await shot(page, "72-live-infeasible");
    expect(runsStarted).toEqual([]);
    await page.getByRole("button", { name: "Discard the what-if" }).click();
  });
});
