// What the browser suites and the browser benches share: the web UI built for production, as npm start
// builds it, and Debian's Chromium launched headless (test tools cannot download a browser here).
import { chromium, type Browser } from "playwright-core";
import { build } from "vite";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

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
