// Vite config for the web UI (web/, built into web/dist, served by the server), and vitest's config.
// `npm run dev` serves web/ with hot reload and proxies /api to the server on PORT (default 8787).
import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

/** The proof suite: oracles, crash durability, hostile input, the access-control matrix. */
const PROOFS = [
  "tests/scoring/oracle.test.ts",
  "tests/scoring/core.test.ts",
  "tests/server/crash.test.ts",
  "tests/server/fuzz.test.ts",
  "tests/server/access-matrix.test.ts",
  "tests/server/lifecycle-model.test.ts",
  "tests/security/**/*.test.ts",
];
/** End to end: the browser suite and the CLIs as processes. */
const E2E = ["tests/e2e/**/*.test.ts", "tests/cli/**/*.test.ts"];

export default defineConfig({
  root: "web",
  plugins: [
    react(),
    {
      name: "applicant-pages",
      // The dev server answers /apply/… and /status with the applicants' entry, as the server does.
      configureServer(server) {
        server.middlewares.use((req, _res, next) => {
          if (req.url && (/^\/apply\//.test(req.url) || /^\/status(\?|$)/.test(req.url))) req.url = "/applicant.html";
          next();
        });
      },
    },
  ],
  // Two entries: the workspace (index.html) and the applicants' pages (applicant.html, served at /apply/…
  // and /status), so that a request form loads none of the workspace's code.
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: { input: { main: resolve("web/index.html"), applicant: resolve("web/applicant.html") } },
  },
  server: { proxy: { "/api": `http://127.0.0.1:${process.env.PORT ?? 8787}` } },
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
      { extends: true, test: { name: "e2e", include: E2E } },
    ],
  },
});
