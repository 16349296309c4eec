// npm start builds the web UI when it has no build yet or its sources are newer than the build (Vite is a
// development dependency: an install without it serves the API alone and says so).
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import type { build as ViteBuild } from "vite";

function newest(dir: string): number {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Builds web/ into `dist` when needed; returns a line to print. */
export async function ensureWebBuild(dist: string): Promise<string | null> {
  const index = join(dist, "index.html");
  const sources = ["web/src", "web/index.html", "scoring"].filter(existsSync);
  if (sources.length === 0) return null;
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  const changed = Math.max(...sources.map((s) => (statSync(s).isDirectory() ? newest(s) : statSync(s).mtimeMs)));
  if (built >= changed) return null;
  let build: typeof ViteBuild;
  try {
    ({ build } = await import("vite"));
  } catch {
    return "The web UI is not built and Vite is not installed (npm ci installs it): serving the API only.";
  }
  const t0 = Date.now();
  await build({ configFile: "vite.config.ts", logLevel: "warn", build: { outDir: resolve(process.cwd(), dist) } });
  return `Built the web UI into ${dist} in ${((Date.now() - t0) / 1000).toFixed(1)} s.`;
}
