// Every screen in words for people (issue 18's acceptance): each screen of the three audiences is opened in
// Chromium in each language it is offered in (the ISU's workspace in English, the donors' and applicants'
// pages in English, French and Spanish) and its visible text is read for engine identifiers, raw
// timestamps, UUIDs, JSON, developer metrics, statuses left in English and references or ISO codes without
// the State's name (words-check.ts). Each screen is also photographed and checked with axe.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { DEMO_APPLICANT } from "../../server/io/seed.js";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { approveDemoRound, axe, SCREENSHOTS, shot, AS_OF_13MSP, startE2E, type E2E } from "./harness.js";
import { wordsProblems, type WordsProblem } from "./words-check.js";

const LANGS = ["en", "fr", "es"] as const;

async function signIn(page: Page, base: string, username: string, password: string): Promise<string> {
  await page.context().clearCookies();
  const login = await page.request.post(`${base}/api/auth/login`, { data: { username, password } });
  if (login.status() !== 200) throw new Error(`sign-in of ${username} answered ${login.status()}`);
  return (await login.json()).csrfToken as string;
}

/** A screen as it finally looks: no request in flight, no loader, no skeleton. */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.waitForFunction(() => !document.querySelector('[role="status"] .mantine-Loader-root, .mantine-Skeleton-root'), null, {
    timeout: 60_000,
  });
  await page.waitForTimeout(150);
}

/** The allocation page on the infeasible run (the one without a value in the list of runs). */
async function openInfeasibleRun(page: Page): Promise<void> {
  await page.getByLabel("Run", { exact: true }).first().click();
  await page.getByRole("option", { name: /no allocation keeps every rule/ }).click();
  await page.getByRole("table", { name: "Rules that cannot hold" }).waitFor();
}

describe("every screen in words for people (end to end)", () => {
  let e: E2E;
  const problems: WordsProblem[] = [];
  const axeProblems: string[] = [];
  const shots: string[] = [];

  async function check(path: string, name: string, lang: (typeof LANGS)[number] = "en", ready?: (page: Page) => Promise<unknown>) {
    const { page, base } = e;
    await page.goto(`${base}${path}${path.includes("?") ? "&" : "?"}lang=${lang}`);
    if (ready) await ready(page);
    await settled(page);
    problems.push(...(await wordsProblems(page, `${name} (${lang})`, lang)));
    for (const v of await axe(page))
      axeProblems.push(`${name} (${lang}): ${v.id} ${v.help} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    await shot(page, `words-${name}-${lang}`);
    shots.push(`words-${name}-${lang}`);
  }

  beforeAll(async () => {
    e = await startE2E({ today: AS_OF_13MSP });
    // An infeasible run of the demo round first (a regional minimum no allocation can reach), then the
    // settings as they were and an approved allocation.
    const csrf = await signIn(e.page, e.base, "admin", "demo-admin-13msp");
    const headers = { "x-csrf-token": csrf, "content-type": "application/json" };
    const settings = await (await e.page.request.get(`${e.base}/api/rounds/13MSP/settings`)).json();
    const save = async (policy: unknown, note: string, basedOn: number) => {
      const saved = await e.page.request.put(`${e.base}/api/rounds/13MSP/settings`, {
        headers,
        data: { weights: settings.weights, policy, rules: settings.rules, note, basedOn },
      });
      if (saved.status() !== 200) throw new Error(`settings answered ${saved.status()}: ${await saved.text()}`);
      return (await saved.json()).version as number;
    };
    const impossible = await save(
      { ...settings.policy, regionMin: { ...(settings.policy.regionMin ?? {}), AFR: 40 } },
      "An impossible regional minimum, to see the diagnosis",
      settings.version,
    );
    const started = await e.page.request.post(`${e.base}/api/rounds/13MSP/runs`, { headers, data: {} });
    if (started.status() !== 202) throw new Error(`the run answered ${started.status()}: ${await started.text()}`);
    const run = await started.json();
    for (let k = 0; k < 300; k++) {
      const r = await (await e.page.request.get(`${e.base}/api/runs/${run.id}`)).json();
      if (r.status === "done" || r.status === "failed") {
        if (r.result?.status !== "infeasible") throw new Error(`the impossible run ended ${r.status} ${r.result?.status}`);
        break;
      }
      await new Promise((res) => setTimeout(res, 200));
    }
    await save(settings.policy, "Back to the round's rules", impossible);
    await e.page.request.post(`${e.base}/api/auth/logout`, { headers });
    await e.page.context().clearCookies();
    await approveDemoRound(e);
  });
  afterAll(async () => {
    await e?.close();
  });

  it("shows the ISU's workspace in plain words (English)", async () => {
    await signIn(e.page, e.base, "admin", "demo-admin-13msp");
    const requests = await (await e.page.request.get(`${e.base}/api/rounds/13MSP/requests`)).json();
    const withStatus = (status: string) => (requests as { id: string; status: string }[]).find((r) => r.status === status)?.id;
    const funded = withStatus("funded");
    const notFunded = withStatus("not-funded");
    expect([funded, notFunded]).not.toContain(undefined);
    await check("/rounds", "rounds");
    await check("/rounds/13MSP", "dashboard");
    await check("/rounds/DEMO-OPEN", "dashboard-open");
    await check("/rounds/13MSP/requests", "requests", "en", (p) => p.getByRole("table").first().waitFor());
    await check(`/rounds/13MSP/requests/${funded}`, "request-funded");
    await check(`/rounds/13MSP/requests/${notFunded}`, "request-not-funded");
    await check("/rounds/13MSP/settings", "settings");
    await check("/rounds/13MSP/allocate", "allocate", "en", (p) => p.getByRole("table").first().waitFor());
    await check("/rounds/13MSP/allocate", "allocate-infeasible", "en", openInfeasibleRun);
    await check("/rounds/13MSP/after", "after");
    await check("/rounds/13MSP/statement", "statement");
    await check("/years", "years");
    await check("/years/2024", "year-2024");
    await check("/years/2025", "year-2025");
    await check("/years/2024/statement", "year-statement");
    await check("/audit", "audit", "en", (p) => p.getByRole("table").first().waitFor());
    // The outbox with no mail server: every message of the approval waits there.
    await check("/messages", "messages", "en", (p) => p.getByRole("table", { name: "Messages" }).waitFor());
    await signIn(e.page, e.base, "reviewer", "demo-reviewer-13msp");
    await check("/rounds/13MSP/requests", "requests-reviewer", "en", (p) => p.getByRole("table").first().waitFor());
    await e.page.context().clearCookies();
    await check("/signin", "signin");
  });

  it("turns the diagnosis into actions: the least change of each rule opens that what-if", async () => {
    await signIn(e.page, e.base, "admin", "demo-admin-13msp");
    const { page, base } = e;
    await page.goto(`${base}/rounds/13MSP/allocate`);
    await openInfeasibleRun(page);
    const table = page.getByRole("table", { name: "Rules that cannot hold" });
    const row = table.getByRole("row").filter({ hasText: "At least 40 delegates from the African Group." });
    const button = row.getByRole("link", { name: /^Lower it to \d+$/ });
    const to = Number((await button.innerText()).replace(/\D/g, ""));
    expect(to).toBeGreaterThan(0);
    expect(to).toBeLessThan(40);
    await button.click();
    // The settings with the rule changed, unsaved, and a note saying where the change came from.
    await page.getByText("Unsaved what-if: kept in this browser", { exact: false }).waitFor();
    expect(await page.getByLabel("Note for this version").inputValue()).toBe(
      `What-if from the diagnosis: At least ${to} delegates from the African Group.`,
    );
    await page.getByRole("button", { name: "Discard the what-if" }).click();
  });

  it("shows the scoring rules as a form, with the JSON as the advanced view", async () => {
    await signIn(e.page, e.base, "admin", "demo-admin-13msp");
    const { page, base } = e;
    await page.goto(`${base}/rounds/13MSP/settings`);
    const rules = page.getByRole("table", { name: "Scoring rules" });
    await rules.waitFor();
    // Conditions in words, chosen from lists: no fact name or code.
    expect(await rules.getByLabel('Fact of "Least developed State Party"').count()).toBe(0);
    await rules.getByText("least developed country is yes and CCM status is State Party (edit in the JSON view)").waitFor();
    await rules.getByLabel('Points of "Least developed State Party"').fill("30");
    await page.getByRole("button", { name: "Discard the what-if" }).waitFor();
    await page.getByRole("tab", { name: "JSON (advanced)" }).click();
    expect(await page.getByLabel("Rules (JSON)").inputValue()).toMatch(/"label": "Least developed State Party",[\s\S]*?"points": 30/);
    expect(await axe(page)).toEqual([]);
    await page.getByRole("button", { name: "Discard the what-if" }).click();
  });

  it("keeps the requests' filters and sort in the address, with the total and the cost in view and an empty state", async () => {
    await signIn(e.page, e.base, "admin", "demo-admin-13msp");
    const { page, base } = e;
    await page.goto(`${base}/rounds/13MSP/requests?status=funded&sort=cost.asc`);
    await page.getByText("20 of 48 requests").waitFor();
    const headers = await page.getByRole("table", { name: "Requests" }).getByRole("columnheader").allInnerTexts();
    expect(headers.slice(0, 4).map((h) => h.replace(/[▲▼]/g, "").trim())).toEqual(["Reference", "State", "Total", "Cost (full)"]);
    const costs = await page.getByRole("table", { name: "Requests" }).locator("tbody tr td:nth-child(4)").allInnerTexts();
    const numbers = costs.map((c) => Number(c.replace(/\D/g, "")));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    // A filter chosen on the page is written to the address: a reload keeps it.
    await page.getByRole("combobox", { name: "Region" }).click();
    await page.getByRole("option", { name: "AFR" }).click();
    await page.waitForFunction(() => new URLSearchParams(location.search).get("region") === "AFR");
    await page.reload();
    await page.getByText(/^\d+ of 48 requests$/).waitFor();
    expect(new URL(page.url()).searchParams.get("status")).toBe("funded");
    await page.goto(`${base}/rounds/13MSP/requests?q=no-such-request`);
    await page.getByText("No request matches these filters.").waitFor();
    await page.getByRole("button", { name: "Clear the filters" }).click();
    await page.getByText("48 of 48 requests").waitFor();
    expect(new URL(page.url()).search).toBe("");
  });

  it("shows the donors' pages in plain words, in English, French and Spanish", async () => {
    await signIn(e.page, e.base, "donor-aus", "demo-donor-13msp");
    for (const lang of LANGS) {
      await check("/donor", "donor-home", lang);
      await check("/donor/13MSP", "donor-rationale", lang, (p) => p.getByRole("table").first().waitFor());
    }
  });

  it("shows the applicants' pages in plain words, in English, French and Spanish", async () => {
    await e.page.context().clearCookies();
    for (const lang of LANGS) {
      await check("/apply/DEMO-OPEN", "apply", lang);
      await check("/apply/13MSP", "apply-closed", lang);
      await check("/status", "status", lang, async (p) => {
        await p.locator("input").nth(0).fill(DEMO_APPLICANT.reference.toLowerCase());
        await p.locator("input").nth(1).fill(DEMO_APPLICANT.code.toLowerCase());
        await p.locator("form button[type=submit]").click();
        await p.locator("[data-testid=status-result]").waitFor();
      });
    }
  });

  it("found no engine identifier, raw timestamp, English status or bare reference, and axe nothing serious", () => {
    const lines = problems.map((p) => `${p.screen}: ${p.problem} … ${p.around}`);
    // Printed for the closing note: the screens photographed.
    console.log(`screenshots (tests/e2e/screenshots/): ${shots.join(", ")}`);
    // And the problems, one per line, beside the screenshots (the assertion's diff truncates a long list).
    writeFileSync(join(SCREENSHOTS, "words-problems.txt"), [...new Set(lines)].join("\n"));
    expect([...new Set(lines)]).toEqual([]);
    expect(axeProblems).toEqual([]);
  });
});
