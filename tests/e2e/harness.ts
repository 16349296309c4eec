// End-to-end harness: the web UI built by Vite, the real server (its own process) on a free port with a
// fresh database, and Debian's Chromium driven by playwright-core. Each screen is checked with axe-core
// (no serious or critical violation) and photographed into tests/e2e/screenshots/ (git-ignored).
import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { freePort, startServer } from "../support/server-process.js";
import { buildWeb, launchChromium } from "../support/browser.js";

export { CHROMIUM } from "../support/browser.js";
export const SCREENSHOTS = "tests/e2e/screenshots";
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface E2E {
  base: string;
  /** Where the UI was built (to measure what a page loads). */
  dist: string;
  browser: Browser;
  page: Page;
  /** Stops the server and starts it again on the same port and database, with `env` added to its settings. */
  restart(env?: Record<string, string>): Promise<void>;
  close(): Promise<void>;
}

/** `today`: the day the server takes as today (the TODAY setting); AS_OF_13MSP puts it before the demo round's meeting. */
export const AS_OF_13MSP = "2025-07-20";
import { DEMO_DAY } from "../support/demo-day.js";
export { DEMO_DAY };

/** `env`: more settings for the server (a mail server's SMTP_URL, …). */
export async function startE2E(opts: { today?: string; env?: Record<string, string> } = {}): Promise<E2E> {
  const dir = mkdtempSync(join(tmpdir(), "e2e-"));
  const dist = join(dir, "web");
  await buildWeb(dist);
  const port = await freePort();
  let env: Record<string, string> = {
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_PATH: join(dir, "e2e.db"),
    WEB_DIST: dist,
    LOGIN_RATE_PER_MINUTE: "1000",
    DEMO_DAY,
    TODAY: opts.today ?? DEMO_DAY,
    ...opts.env,
  };
  let server = await startServer(env);
  const browser = await launchChromium();
  // Reduced motion: no transitions, so that axe reads every element as it finally looks.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: "reduce" });
  const page = await context.newPage();
  // Generous waits: CI shares two cores between this browser, the server and the other test files.
  page.setDefaultTimeout(60_000);
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    base: `http://127.0.0.1:${port}`,
    dist,
    browser,
    page,
    async restart(more = {}) {
      await server.stop();
      env = { ...env, ...more };
      server = await startServer(env);
    },
    async close() {
      await browser.close();
      await server.stop();
    },
  };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core on the page as it is: the serious and critical violations (an empty list when clean). */
export async function axe(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: the pages' Content-Security-Policy (own scripts only) would
  // rightly refuse an injected <script>.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe.run();
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/**
 * What does not fit the page at its width (1280 px for staff and donors, 390 px for applicants' phones):
 * the page scrolling sideways, a badge, a select, an input or a button whose text is cut (an ellipsis or
 * clipped overflow), and an amount in francs broken over two lines. Empty when everything fits.
 */
export async function fitProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const doc = document.documentElement;
    const width = doc.clientWidth;
    if (doc.scrollWidth > width + 1) {
      // Name the widest elements that stick out, so that the failure says where to look.
      const wide = [...document.querySelectorAll<HTMLElement>("body *")]
        .filter((el) => el.getBoundingClientRect().right > width + 1 && el.getClientRects().length > 0)
        .filter((el) => ![...el.children].some((c) => c.getBoundingClientRect().right > width + 1))
        .slice(0, 3)
        .map((el) => `${el.tagName.toLowerCase()} "${(el.textContent ?? "").trim().slice(0, 30)}"`);
      out.push(`the page is ${doc.scrollWidth} px wide at ${width} px: ${wide.join(", ")}`);
    }
    const said = (el: HTMLElement): string =>
      (el instanceof HTMLInputElement ? el.value : (el.textContent ?? "")).replace(/\s+/g, " ").trim().slice(0, 40);
    // A select shows its chosen option in its box: measured with its font against the room left by its
    // padding and arrow (a select's scrollWidth does not grow with its text).
    const ctx = document.createElement("canvas").getContext("2d")!;
    for (const el of document.querySelectorAll<HTMLSelectElement>("select")) {
      if (el.getClientRects().length === 0) continue;
      const style = getComputedStyle(el);
      ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const text = el.selectedOptions[0]?.text ?? "";
      const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      if (text && ctx.measureText(text).width > room + 1) out.push(`text cut: "${text.slice(0, 40)}"`);
    }
    const candidates = document.querySelectorAll<HTMLElement>(
      ".mantine-Badge-label, .mantine-Button-label, .mantine-Select-input, [data-money]",
    );
    for (const el of candidates) {
      if (el.getClientRects().length === 0) continue;
      const style = getComputedStyle(el);
      const clips = style.textOverflow === "ellipsis" || style.overflowX === "hidden" || el instanceof HTMLInputElement;
      if (clips && el.scrollWidth > el.clientWidth + 1 && said(el)) out.push(`text cut: "${said(el)}"`);
    }
    // An amount in francs on two lines ("CHF" on one, the figure on the next).
    for (const el of document.querySelectorAll<HTMLElement>("td, th, [data-money], .mantine-Text-root, span")) {
      const text = (el.textContent ?? "").trim();
      // Only an amount alone ("CHF 2'570", "2 570 CHF"): a name before it may wrap as any words do.
      if (el.children.length > 0 || !/^(CHF\s?[\d'.,\s]+|[\d'.,\s]+\s?CHF)$/u.test(text)) continue;
      // The text's own line boxes (a cell's box includes its padding): more than one top is a break.
      const range = document.createRange();
      range.selectNodeContents(el);
      const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      if (tops.size > 1) out.push(`an amount on two lines: "${text}"`);
    }
    return [...new Set(out)];
  });
}

/**
 * Photographs the page (tests/e2e/screenshots/NAME.png), after checking that it fits its width: a page
 * that scrolls sideways or cuts a text fails the test that shows it.
 */
export async function shot(page: Page, name: string, opts: { fit?: boolean } = {}): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  if (opts.fit === false) return;
  const problems = await fitProblems(page);
  if (problems.length) throw new Error(`${name} does not fit ${page.viewportSize()?.width ?? "?"} px:\n  ${problems.join("\n  ")}`);
}

/** An approved allocation of the demo round: the admin runs and approves it through the API, then signs out. */
/**
 * The demo's administrator through the API, on the page's own request context (its cookies): reads,
 * writes (a refusal throws with its answer), a run of a round to its end, and signing out. A session
 * already there is dropped first (signing in over a session is refused, as a cross-site request would be).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read answers freely, each the fields it needs
type Json = any;
export async function adminApi(e: E2E) {
  const { page, base } = e;
  await page.context().clearCookies();
  const login = await page.request.post(`${base}/api/auth/login`, { data: { username: "admin", password: "demo-admin-13msp" } });
  const headers = { "x-csrf-token": (await login.json()).csrfToken as string, "content-type": "application/json" };
  const api = {
    get: async (path: string): Promise<Json> => (await page.request.get(`${base}${path}`)).json(),
    post: async (path: string, data: unknown): Promise<Json> => {
      const res = await page.request.post(`${base}${path}`, { headers, data });
      if (res.status() >= 300) throw new Error(`${path} answered ${res.status()}: ${await res.text()}`);
      return res.json();
    },
    /** Starts a run of the round and waits for it to end: the run's record. */
    run: async (roundId: string): Promise<Json> => {
      const { id } = await api.post(`/api/rounds/${roundId}/runs`, {});
      for (let k = 0; k < 300; k++) {
        const r = await api.get(`/api/runs/${id}`);
        if (r.status !== "queued" && r.status !== "running") return r;
        await new Promise((res) => setTimeout(res, 200));
      }
      throw new Error(`run ${id} did not end`);
    },
    signOut: async (): Promise<void> => {
      await page.request.post(`${base}/api/auth/logout`, { headers });
      await page.context().clearCookies();
    },
  };
  return api;
}

export async function approveDemoRound(e: E2E, offerDeadline = "2025-08-15"): Promise<void> {
  const admin = await adminApi(e);
  const run = await admin.run("13MSP");
  const round = await admin.get("/api/rounds/13MSP");
  await admin.post(`/api/runs/${run.id}/approve`, { offerDeadline, roundVersion: round.version });
  await admin.signOut();
}
