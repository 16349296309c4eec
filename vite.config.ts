// Vite config for the web UI (web/, built into web/dist, served by the server), and vitest's config.
// `npm run dev` serves web/ with hot reload and proxies /api to the server on PORT (default 8787).
import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { compression } from "vite-plugin-compression2";
import { defineConfig } from "vitest/config";

/**
 * The proof suite (oracles, crash durability, hostile input, the access-control matrix): every file named
 * *.proof.test.ts, wherever it stands, so that the lane is the file's own name, never a hand-kept list.
 */
const PROOFS = ["tests/**/*.proof.test.ts"];
/** End to end: the browser suite and the CLIs as processes. */
const E2E = ["tests/e2e/**/*.test.ts", "tests/cli/**/*.test.ts"];

export default defineConfig({
  root: "web",
  plugins: [
    react(),
    // Every file of the build also as .br and .gz, made once here: the server sends the one the browser takes.
    compression({ algorithms: ["brotliCompress", "gzip"], exclude: [/\.map$/], threshold: 512 }),
  ],
  // The workspace (index.html) and the applicants' pages' enhancement script: the applicants' pages are
  // the server's (HTML first); the script, named in Vite's manifest, adds drafts and inline checks.
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    manifest: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: { input: { main: resolve("web/index.html"), applicant: resolve("web/src/applicant/enhance.ts") } },
  },
  // In development the server renders the applicants' pages and answers the API.
  server: {
    proxy: Object.fromEntries(["/api", "/apply", "/status", "/pages"].map((p) => [p, `http://127.0.0.1:${process.env.PORT ?? 8787}`])),
  },
  test: {
    root: ".",
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Oracle and property tests solve hundreds of MIPs: two workers match the two cores.
    pool: "forks",
    maxWorkers: 2,
    // Three lanes (npm test runs them all, as CI does): `unit` is the inner loop; `proofs` holds the
    // independent checks that take their time (HiGHS oracle, SIGKILL crashes, fuzzing, the access matrix);
    // `e2e` drives real processes (the CLIs) and a real browser.
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/**/*.test.ts", "tests/**/*.test.tsx"], exclude: [...PROOFS, ...E2E] } },
      { extends: true, test: { name: "proofs", include: PROOFS } },
      { extends: true, test: { name: "e2e", include: E2E, globalSetup: ["tests/support/chromium-setup.ts"] } },
    ],
  },
});
