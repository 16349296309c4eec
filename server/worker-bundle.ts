// The worker threads run plain JavaScript: their TypeScript (server/solver-worker.ts, or
// server/explain-worker.ts for the explanations' helper, and the scoring/ core) is bundled once with
// esbuild into node_modules/.cache, keyed by a hash of the sources, so that a worker starts in ~70 ms
// instead of ~500 ms through tsx's loader.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("../", import.meta.url));
const cacheDir = `${root}node_modules/.cache/sponsorship-allocator/`;

export type WorkerEntry = "solver-worker" | "explain-worker";

const pending = new Map<WorkerEntry, Promise<URL>>();

function sourcesHash(entry: string): string {
  const hash = createHash("sha256");
  const files = [
    ...readdirSync(`${root}scoring`).filter((f) => f.endsWith(".ts")).map((f) => `${root}scoring/${f}`),
    entry,
    `${root}server/glpk.ts`,
    `${root}server/worker-protocol.ts`,
  ].sort();
  for (const f of files) hash.update(f).update(readFileSync(f));
  return hash.digest("hex").slice(0, 16);
}

/** The bundled worker's URL, building it when the sources changed. */
export function workerUrl(name: WorkerEntry = "solver-worker"): Promise<URL> {
  const entry = `${root}server/${name}.ts`;
  let url = pending.get(name);
  if (url) return url;
  url = (async () => {
    const out = `${cacheDir}${name}.${sourcesHash(entry)}.mjs`;
    if (!existsSync(out)) {
      mkdirSync(cacheDir, { recursive: true });
      // Written aside and renamed: two processes building at once never see a half-written file.
      const tmp = `${out}.${process.pid}.tmp.mjs`;
      await build({ entryPoints: [entry], bundle: true, platform: "node", format: "esm", target: "node20", packages: "external", outfile: tmp, logLevel: "error" });
      renameSync(tmp, out);
    }
    return pathToFileURL(out);
  })();
  pending.set(name, url);
  return url;
}
