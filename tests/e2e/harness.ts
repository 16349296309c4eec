// End-to-end harness: the web UI built by Vite, the real server (its own process) on a free port with a
// fresh database, and Debian's Chromium driven by playwright-core. Each screen is checked with axe-core
// (no serious or critical violation) and photographed into tests/e2e/screenshots/ (git-ignored).
import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import { chromium, type Browser, type Page } from "playwright-core";
import { build } from "vite";
import { freePort, startServer } from "../support/server-process.js";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const SCREENSHOTS = "tests/e2e/screenshots";
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface E2E {
  base: string;
  /** Where the UI was built (to measure what a page loads). */
  dist: string;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

/** `today`: the day the server takes as today (the TODAY setting); AS_OF_13MSP puts it before the demo round's meeting. */
export const AS_OF_13MSP = "2025-07-20";

export async function startE2E(opts: { today?: string } = {}): Promise<E2E> {
  const dir = mkdtempSync(join(tmpdir(), "e2e-"));
  const dist = join(dir, "web");
  // A production build, as npm start makes it (vitest sets NODE_ENV=test, which would bundle React's
  // development build).
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({
      configFile: "vite.config.ts",
      mode: "production",
      logLevel: "error",
      build: { outDir: dist, emptyOutDir: true, sourcemap: false },
    });
  } finally {
    process.env.NODE_ENV = env;
  }
  const port = await freePort();
  const server = await startServer({
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_PATH: join(dir, "e2e.db"),
    WEB_DIST: dist,
    LOGIN_RATE_PER_MINUTE: "1000",
    ...(opts.today ? { TODAY: opts.today } : {}),
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
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

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** An approved allocation of the demo round: the admin runs and approves it through the API, then signs out. */
export async function approveDemoRound(e: E2E, offerDeadline = "2025-08-15"): Promise<void> {
  const { page, base } = e;
  const login = await page.request.post(`${base}/api/auth/login`, { data: { username: "admin", password: "demo-admin-13msp" } });
  const csrf = (await login.json()).csrfToken as string;
  const headers = { "x-csrf-token": csrf, "content-type": "application/json" };
  const run = await (await page.request.post(`${base}/api/rounds/13MSP/runs`, { headers, data: {} })).json();
  for (let k = 0; k < 300; k++) {
    const r = await (await page.request.get(`${base}/api/runs/${run.id}`)).json();
    if (r.status === "done") break;
    await new Promise((res) => setTimeout(res, 200));
  }
  const round = await (await page.request.get(`${base}/api/rounds/13MSP`)).json();
  const approved = await page.request.post(`${base}/api/runs/${run.id}/approve`, {
    headers,
    data: { offerDeadline, roundVersion: round.version },
  });
  if (approved.status() !== 200) throw new Error(`approval answered ${approved.status()}: ${await approved.text()}`);
  await page.request.post(`${base}/api/auth/logout`, { headers });
  await page.context().clearCookies();
}
