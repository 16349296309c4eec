// The live what-if's latency in Chromium (issue 19): realistic rounds of n requests (bench/realistic.ts)
// in a fresh database, the real server and the production build; on the weights and rules screen, CHANGES
// moves of a weight slider by the keyboard, one at a time, each timed from its key press to the
// allocation on screen (the page's own performance measure "what-if:N" ends when the result is
// committed). Median, p95 and worst, and whether every result was proven optimal.
// Each size is measured quiet, then loaded as a second user would load it: another staff member's browser
// (its own renderer and worker) moving a slider of the same round without pause, which keeps both cores
// busy while the first user's changes are timed (MODES=quiet or MODES=loaded for one of them).
//
//   npm run bench:live                  n = 150 and n = 1'000, 100 changes each, quiet and loaded
//   CHANGES=200 SIZES=150 npm run bench:live
import { mkdtempSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { openDatabase } from "../server/db/database.js";
import { loadReferenceData } from "../server/io/reference.js";
import { seedDemo } from "../server/io/seed.js";
import { freePort, startServer } from "../tests/support/server-process.js";
import { buildWeb, launchChromium } from "../tests/support/browser.js";
import { insertRealisticRound } from "./realistic-db.js";
import { quantile } from "./stats.js";

const CHANGES = Number(process.env.CHANGES ?? 100);
const SIZES = (process.env.SIZES ?? "150,1000").split(",").map(Number);
/** Why-nots asked at the first size (each a different request not funded). */
const WHY_NOTS = Number(process.env.WHY_NOTS ?? 100);
const MODES = (process.env.MODES ?? "quiet,loaded").split(",") as ("quiet" | "loaded")[];

/**
 * A second user on the same round: their own browser context (a renderer and a what-if worker of their
 * own) pressing a slider's keys without pause until stopped. Returns the stop, which says how many
 * changes that user made.
 */
async function secondUser(browser: Browser, base: string, n: number): Promise<() => Promise<number>> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  // Another administrator's session (a reviewer reads the sliders but cannot move them).
  await page.request.post(`${base}/api/auth/login`, { data: { username: "admin", password: "demo-admin-13msp" } });
  await page.goto(`${base}/rounds/LIVE-${n}/settings`);
  await page.waitForFunction(() => document.querySelector('[data-proven="true"]') !== null, null, { timeout: 120_000 });
  const slider = page.getByRole("slider", { name: "Technical value weight" });
  await slider.focus();
  let running = true;
  let presses = 0;
  const loop = (async () => {
    while (running) {
      await page.keyboard.press(Math.floor(presses / 15) % 2 === 0 ? "ArrowLeft" : "ArrowRight");
      presses++;
    }
  })();
  // A moment for the load to build up before the first timed change.
  await new Promise((r) => setTimeout(r, 2000));
  return async () => {
    running = false;
    await loop;
    await context.close();
    return presses;
  };
}

/** A database with the demo (its accounts) and a realistic round of n requests per size, "LIVE-n". */
async function database(path: string): Promise<void> {
  const db = openDatabase(path);
  const reference = loadReferenceData();
  await seedDemo(db, reference);
  for (const n of SIZES) {
    insertRealisticRound(db, reference, `LIVE-${n}`, n, 1);
  }
  db.close();
}

/** One move of the slider, timed from the key press to the allocation on screen. */
async function change(
  page: Page,
  key: "ArrowRight" | "ArrowLeft",
): Promise<{ ms: number; proven: boolean; worker: number; parts: number[] }> {
  // The change this key press makes is the next one the page marks.
  const { pressed, seq } = await page.evaluate(() => ({
    pressed: performance.now(),
    seq: performance.getEntriesByType("mark").filter((m) => m.name.startsWith("what-if:change:")).length + 1,
  }));
  await page.keyboard.press(key);
  const handle = await page.waitForFunction(
    (n) => {
      const m = performance.getEntriesByName(`what-if:${n}`)[0];
      return m ? m.startTime + m.duration : null;
    },
    seq,
    { timeout: 60_000, polling: "raf" },
  );
  const shown = (await handle.jsonValue()) as number;
  // Where the time went: the page before sending to the worker, the worker with the messages, the page showing it.
  const at = await page.evaluate(
    (n) => ({
      sent: performance.getEntriesByName(`what-if:sent:${n}`)[0]?.startTime ?? Number.NaN,
      answered: performance.getEntriesByName(`what-if:answered:${n}`)[0]?.startTime ?? Number.NaN,
    }),
    seq,
  );
  const { proven, worker } = await page.evaluate(() => ({
    proven: document.querySelector('[data-proven="true"]') !== null,
    worker: Number(document.querySelector("[data-worker-ms]")?.getAttribute("data-worker-ms") ?? Number.NaN),
  }));
  return { ms: shown - pressed, proven, worker, parts: [at.sent - pressed, at.answered - at.sent, shown - at.answered] };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "bench-live-"));
  const dist = join(dir, "web");
  await buildWeb(dist);
  const dbPath = join(dir, "bench.db");
  await database(dbPath);
  const port = await freePort();
  const server = await startServer({
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_PATH: dbPath,
    WEB_DIST: dist,
    LOGIN_RATE_PER_MINUTE: "1000",
  });
  const browser = await launchChromium();
  const version = browser.version();
  const base = `http://127.0.0.1:${port}`;
  const rows: string[] = [];
  let whyNots = "";
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.request.post(`${base}/api/auth/login`, { data: { username: "admin", password: "demo-admin-13msp" } });
    for (const n of SIZES)
      for (const mode of MODES) {
        const stop = mode === "loaded" ? await secondUser(browser, base, n) : null;
        await page.goto(`${base}/rounds/LIVE-${n}/settings`);
        await page.waitForFunction(() => document.querySelector('[data-proven="true"]') !== null, null, { timeout: 120_000 });
        const slider = page.getByRole("slider", { name: "Universalization potential weight" });
        await slider.focus();
        // The weight walks down and back up (no change is lost at an end of the slider).
        const times: number[] = [];
        const inWorker: number[] = [];
        const parts: number[][] = [[], [], []];
        let proven = 0;
        for (let k = 0; k < CHANGES; k++) {
          const key = Math.floor(k / 10) % 2 === 0 ? "ArrowLeft" : "ArrowRight";
          const t = await change(page, key);
          times.push(t.ms);
          inWorker.push(t.worker);
          t.parts.forEach((x, i) => parts[i]!.push(x));
          if (t.proven) proven++;
        }
        if (n === SIZES[0] && mode === MODES[0]) whyNots = await askWhyNots(page, n);
        const other = stop ? await stop() : 0;
        const median = quantile(times, 0.5);
        rows.push(
          `| realistic, n = ${n.toLocaleString("de-CH")} | ${mode === "loaded" ? `loaded (a second user: ${other} changes meanwhile)` : "quiet"} | ${CHANGES} | ${median.toFixed(0)} ms | ${quantile(times, 0.95).toFixed(0)} ms | ${Math.max(...times).toFixed(0)} ms | ${quantile(inWorker, 0.5).toFixed(0)} ms | ${parts.map((p) => quantile(p, 0.5).toFixed(0)).join(" / ")} ms | ${proven} of ${CHANGES} |`,
        );
        console.error(rows.at(-1));
      }
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
  console.log(`\nLive what-if in Chromium ${version}, ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), one change at a time\n`);
  console.log(
    "| round | machine | changes | median | p95 | worst | in the worker (median) | page before sending / worker and messages / page showing (medians) | proven optimal |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const r of rows) console.log(r);
  if (whyNots) {
    console.log("\n| round | why-nots | median | p95 | worst |");
    console.log("| --- | --- | --- | --- | --- |");
    console.log(whyNots);
  }
}

/** WHY_NOTS requests not funded, one at a time: from choosing it to its reason on screen. */
async function askWhyNots(page: Page, n: number): Promise<string> {
  const picker = page.getByLabel("Why is this request not funded?");
  const ids = (await picker.locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).filter(Boolean);
  const times: number[] = [];
  for (const id of ids.slice(0, WHY_NOTS)) {
    const asked = await page.evaluate(() => performance.now());
    await picker.selectOption(id);
    const handle = await page.waitForFunction(
      (x) => {
        const m = performance.getEntriesByName(`why-not:${x}`).at(-1);
        return m ? m.startTime + m.duration : null;
      },
      id,
      { timeout: 60_000, polling: "raf" },
    );
    times.push(((await handle.jsonValue()) as number) - asked);
  }
  return `| realistic, n = ${n.toLocaleString("de-CH")} | ${times.length} | ${quantile(times, 0.5).toFixed(0)} ms | ${quantile(times, 0.95).toFixed(0)} ms | ${Math.max(...times).toFixed(0)} ms |`;
}

await main();
