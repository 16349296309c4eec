// ESLint flat config. The one architectural rule lives here: scoring/ is the pure core and may not
// import the adapters (server/, web/) nor anything that touches I/O, so that it runs unchanged in
// Node and in the browser.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

export const scoringPurity = {
  "no-restricted-imports": [
    "error",
    {
      patterns: [
        { group: ["**/server", "**/server/**", "**/web", "**/web/**"], message: "scoring/ is the pure core: it may not import the adapters (server/, web/)." },
        { group: ["node:*", "fs", "fs/*", "path", "http", "https", "net", "child_process", "worker_threads", "os", "better-sqlite3", "hono", "hono/*", "glpk.js/node"],
          message: "scoring/ is pure: no file system, network, database or Node-only module. Receive what you need as an argument." },
      ],
    },
  ],
  "no-restricted-globals": [
    "error",
    { name: "fetch", message: "scoring/ is pure: no network." },
    { name: "process", message: "scoring/ is pure: no process access; take options as arguments." },
    { name: "require", message: "scoring/ is ESM and pure." },
  ],
};

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "web/dist/", "var/", "coverage/", "bench/out/", "tests/e2e/screenshots/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    // The web UI runs in the browser: it may use scoring/ (pure) and the server's types, never its code.
    files: ["web/**/*.ts", "web/**/*.tsx"],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/server/**"], allowTypeImports: true, message: "web/ may import the server's types (import type), never its code." },
            { group: ["node:*", "better-sqlite3", "glpk.js/node"], message: "web/ runs in the browser." },
          ],
        },
      ],
    },
  },
  {
    files: ["web/public/sw.js"],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
  {
    files: ["scoring/**/*.ts"],
    languageOptions: { globals: { ...globals["shared-node-browser"] } },
    rules: scoringPurity,
  },
);
