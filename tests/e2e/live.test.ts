// The live what-if (issue 19): on the weights and rules screen, a change of a weight or of a policy field
// is allocated exactly in the browser (a Web Worker with glpk.js and the server's core), without a run;
// the figures, who enters and leaves against the last run, and the rules that bind follow it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axe, shot, AS_OF_13MSP, startE2E, type E2E } from "./harness.js";

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
    const login = await page.request.post(`${base}/api/auth/login`, { data: { username: "admin", password: "demo-admin-13msp" } });
    const headers = { "x-csrf-token": (await login.json()).csrfToken as string, "content-type": "application/json" };
    // A server run first: the live allocation of the saved settings is its optimum, and the moves are against it.
    const run = await (await page.request.post(`${base}/api/rounds/13MSP/runs`, { headers, data: {} })).json();
    let serverValue: number | null = null;
    for (let k = 0; k < 300 && serverValue === null; k++) {
      const r = await (await page.request.get(`${base}/api/runs/${run.id}`)).json();
      if (r.status === "done") serverValue = r.result.value as number;
      else await new Promise((res) => setTimeout(res, 200));
    }
    const runsStarted: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && /\/runs$/.test(new URL(r.url()).pathname)) runsStarted.push(r.url());
    });
    await page.goto(`${base}/rounds/13MSP/settings`);
    const card = page.getByRole("region", { name: "Allocation with these settings" });
    const figure = (label: string) => card.locator(`[data-figure="${label}"]`);
    await card.getByText("Proven optimal").waitFor();
    expect(await figure("Total score").innerText()).toBe(serverValue!.toFixed(2));
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
    expect(await axe(page)).toEqual([]);
    await shot(page, "70-live-weight");
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
