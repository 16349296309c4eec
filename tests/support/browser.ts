// What the browser suites and the browser benches share: the web UI built for production, as npm start
// builds it, and Debian's Chromium launched headless (test tools cannot download a browser here).
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { build } from "vite";

/** Where Chromium may be: CHROMIUM_PATH, then where Debian, Ubuntu and snap put it. */
export const CHROMIUM_PLACES = [
  ...(process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : []),
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/snap/bin/chromium",
];
/** The first Chromium found (null: none on this machine). */
export const findChromium = (places: readonly string[] = CHROMIUM_PLACES): string | null => places.find((p) => existsSync(p)) ?? null;
/** How to get one, in one sentence (printed before the browser lane starts). */
export const NO_CHROMIUM =
  "The end-to-end tests drive Chromium, which is not on this machine: install it (Debian: sudo apt-get install chromium; Ubuntu: sudo apt-get install chromium-browser) or set CHROMIUM_PATH to its binary, then run npm test again.";
export const CHROMIUM = findChromium() ?? CHROMIUM_PLACES[0]!;

/** A production build of web/ into `outDir` (vitest sets NODE_ENV=test, which would bundle React's development build). */
export async function buildWeb(outDir: string): Promise<void> {
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({
      configFile: "vite.config.ts",
      mode: "production",
      logLevel: "error",
      build: { outDir, emptyOutDir: true, sourcemap: false },
    });
  } finally {
    process.env.NODE_ENV = env;
  }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
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
}
