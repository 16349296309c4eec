// The applicants' pages on slow networks (issue 21): Chromium at a phone's size, the network emulated
// through the DevTools protocol, cache disabled; from the request to a usable form (its first field laid
// out and the page painted: a native form is usable once painted, its stylesheet applied; a
// script-rendered one once its script has run), and
// the bytes that crossed the wire by then (HTML, CSS, scripts, fonts; compressed as sent, headers included).
// Median and worst of RUNS loads per page and network.
//
//   npm run bench:network                 the production build of this checkout, on a fresh demo database
//   RUNS=9 npm run bench:network          more loads
//   ONLY=status npm run bench:network     one page
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, startServer } from "../tests/support/server-process.js";
import { buildWeb, launchChromium } from "../tests/support/browser.js";
import { median } from "./stats.js";

const RUNS = Number(process.env.RUNS ?? 5);

/** The networks of the issue: throughput in bytes per second, latency in ms. */
const NETWORKS = [
  { name: "none (loopback)", latency: 0, down: -1, up: -1 },
  { name: "Fast 3G (1.6 Mbit/s, 150 ms)", latency: 150, down: 1_600_000 / 8, up: 750_000 / 8 },
  { name: "Slow 3G (400 kbit/s, 400 ms)", latency: 400, down: 400_000 / 8, up: 400_000 / 8 },
] as const;

/** The pages, with the element that makes each usable: the request form's first field, the status form's. */
const PAGES = [
  { path: "/apply/DEMO-OPEN", usable: "form select", name: "request form" },
  { path: "/status", usable: "form input", name: "status page" },
] as const;

interface Load {
  ms: number;
  /** Every response finished before the form was usable. */
  bytes: number;
  /** What the form needed: the page and its render-blocking files (a script-rendered page: all of the above). */
  needed: number;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "bench-network-"));
  const dist = join(dir, "web");
  await buildWeb(dist);
  const port = await freePort();
  const server = await startServer({
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_PATH: join(dir, "bench.db"),
    WEB_DIST: dist,
    LOGIN_RATE_PER_MINUTE: "1000",
  });
  const browser = await launchChromium();
  const base = `http://127.0.0.1:${port}`;
  const version = browser.version();
  const rows: string[] = [];
  try {
    for (const page of PAGES.filter((p) => !process.env.ONLY || p.name.includes(process.env.ONLY))) {
      for (const net of NETWORKS) {
        const loads: Load[] = [];
        for (let i = 0; i < RUNS; i++) {
          const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
          const tab = await context.newPage();
          tab.setDefaultTimeout(120_000);
          const cdp = await context.newCDPSession(tab);
          await cdp.send("Network.enable");
          await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
          await cdp.send("Network.emulateNetworkConditions", {
            offline: false,
            latency: net.latency,
            downloadThroughput: net.down,
            uploadThroughput: net.up,
          });
          await tab.goto(base + page.path, { waitUntil: "commit" });
          await tab.waitForSelector(page.usable, { state: "visible" });
          const laidOut = await tab.evaluate(() => performance.now());
          // On screen, too: a field laid out before its stylesheet arrives is not yet painted.
          await tab.waitForFunction(() => performance.getEntriesByName("first-contentful-paint").length > 0);
          // The moment, and the bytes of every response finished by then, as the page's own timeline has them.
          const load = await tab.evaluate((laidOut) => {
            const painted = performance.getEntriesByName("first-contentful-paint")[0]!.startTime;
            const at = Math.max(laidOut, painted);
            const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
            const resources = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
            const bytes = nav.transferSize + resources.filter((r) => r.responseEnd <= at).reduce((s, r) => s + r.transferSize, 0);
            // What the form needed: the page and what blocked its rendering (stylesheets, blocking scripts),
            // or, for a page its script renders, everything that arrived before it was usable.
            const blocking = resources.filter(
              (r) => (r as PerformanceResourceTiming & { renderBlockingStatus?: string }).renderBlockingStatus === "blocking",
            );
            const needed = nav.transferSize + blocking.reduce((s, r) => s + r.transferSize, 0);
            // A page its script renders (a React root) needed everything that arrived before it was usable.
            const scriptRendered = document.querySelector("#root") !== null;
            return { ms: at, bytes, needed: scriptRendered ? bytes : needed };
          }, laidOut);
          loads.push(load);
          await context.close();
        }
        const ms = loads.map((l) => l.ms);
        const kb = loads.map((l) => l.bytes / 1024);
        const needed = loads.map((l) => l.needed / 1024);
        rows.push(
          `| ${page.name} | ${net.name} | ${(median(ms) / 1000).toFixed(2)} s | ${(Math.max(...ms) / 1000).toFixed(2)} s | ${median(needed).toFixed(1)} KB | ${median(kb).toFixed(1)} KB |`,
        );
        console.error(rows.at(-1));
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  console.log(`\nApplicants' pages, ${RUNS} loads each, cache disabled, 390 × 844 phone, Chromium ${version}\n`);
  console.log("| page | network | usable after (median) | worst | bytes the form needed (median) | bytes arrived by then (median) |");
  console.log("| --- | --- | --- | --- | --- | --- |");
  for (const r of rows) console.log(r);
}

await main();
