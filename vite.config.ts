// Vite config; also vitest's. The UI (web/) joins it in a later issue.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // Oracle and property tests solve hundreds of MIPs: two workers match the two cores.
    pool: "forks",
    maxWorkers: 2,
  },
});
