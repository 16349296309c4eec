// The worker threads run plain JavaScript: their TypeScript (server/workers/solver-worker.ts, or
// server/workers/explain-worker.ts for the explanations' helper, and the scoring/ core) is bundled once with
// esbuild into node_modules/.cache, so that a worker starts in ~70 ms instead of ~500 ms through tsx's
// loader. The bundle is keyed on its real inputs: esbuild's metafile lists every source file it read,
// and a manifest beside the bundle keeps that list; the bundle is reused only while every listed file
// hashes the same (a new import changes a listed file, so it rebuilds and records the new list).
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, version as esbuildVersion, type BuildOptions } from "esbuild";

const root = fileURLToPath(new URL("../../", import.meta.url));
const cacheDir = `${root}node_modules/.cache/sponsorship-allocator/`;

export type WorkerEntry = "solver-worker" | "explain-worker" | "import-worker";

interface Manifest {
  /** The hash of the inputs below (and of the build's options), which names the bundle. */
  key: string;
  /** Every source file esbuild read, relative to the repository. */
  inputs: string[];
}

const pending = new Map<WorkerEntry, Promise<URL>>();

function optionsOf(entry: string, outfile: string): BuildOptions {
  return {
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    outfile,
    logLevel: "error",
    metafile: true,
    absWorkingDir: root,
  };
}

/** The key of a set of inputs: their paths and contents, esbuild's version and the build's options. */
export function inputsKey(entry: string, inputs: readonly string[]): string | null {
  const hash = createHash("sha256")
    .update(esbuildVersion)
    .update(JSON.stringify(optionsOf(entry, "")));
  for (const f of [...inputs].sort()) {
    const path = `${root}${f}`;
    if (!existsSync(path)) return null;
    hash.update(f).update("\0").update(readFileSync(path));
  }
  return hash.digest("hex").slice(0, 16);
}

function readManifest(file: string): Manifest | null {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Manifest;
  } catch {
    return null;
  }
}

/** The bundled worker's URL, building it when one of its inputs changed. */
export function workerUrl(name: WorkerEntry = "solver-worker"): Promise<URL> {
  const entry = `server/workers/${name}.ts`;
  let url = pending.get(name);
  if (url) return url;
  url = (async () => {
    const manifestFile = `${cacheDir}${name}.inputs.json`;
    const known = readManifest(manifestFile);
    if (known && inputsKey(entry, known.inputs) === known.key && existsSync(`${cacheDir}${name}.${known.key}.mjs`)) {
      return pathToFileURL(`${cacheDir}${name}.${known.key}.mjs`);
    }
    mkdirSync(cacheDir, { recursive: true });
    // Written aside and renamed: two processes building at once never see a half-written file.
    const tmp = `${cacheDir}${name}.${process.pid}.tmp.mjs`;
    const result = await build(optionsOf(entry, tmp));
    const inputs = Object.keys(result.metafile!.inputs).sort();
    const key = inputsKey(entry, inputs)!;
    const out = `${cacheDir}${name}.${key}.mjs`;
    renameSync(tmp, out);
    const manifestTmp = `${manifestFile}.${process.pid}.tmp`;
    writeFileSync(manifestTmp, JSON.stringify({ key, inputs } satisfies Manifest));
    renameSync(manifestTmp, manifestFile);
    return pathToFileURL(out);
  })();
  pending.set(name, url);
  return url;
}
