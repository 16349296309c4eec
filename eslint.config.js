// ESLint flat config. The one architectural rule lives here: scoring/ is the pure core and may not
// import the adapters (server/, web/) nor anything that touches I/O, so that it runs unchanged in
// Node and in the browser.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";
import { fileURLToPath } from "node:url";
import importX from "eslint-plugin-import-x";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import { readVocabularies, vocabularyPlugin } from "./eslint-rules/vocabulary.js";

const scoringPurityPatterns = [
  {
    group: ["**/server", "**/server/**", "**/web", "**/web/**"],
    message: "scoring/ is the pure core: it may not import the adapters (server/, web/).",
  },
  {
    group: [
      "node:*",
      "fs",
      "fs/*",
      "path",
      "http",
      "https",
      "net",
      "child_process",
      "worker_threads",
      "os",
      "better-sqlite3",
      "hono",
      "hono/*",
      "glpk.js/node",
    ],
    message: "scoring/ is pure: no file system, network, database or Node-only module. Receive what you need as an argument.",
  },
];

/**
 * The stages of scoring/, each a folder with one public entry (index.ts), and the stages each may use.
 * A stage imports another only through its entry, and only downstream: no cycle between folders.
 */
export const STAGES = {
  domain: [],
  policy: ["domain"],
  problem: ["domain", "policy"],
  criteria: ["domain", "policy", "problem"],
  allocation: ["domain", "policy", "problem"],
  explanations: ["domain", "policy", "problem", "allocation"],
  analytics: ["domain", "policy", "problem", "allocation", "explanations"],
  ledger: ["domain", "policy", "problem", "criteria"],
};

/** no-restricted-imports patterns for a file in scoring/<stage>/ (or at scoring/'s root: stage null). */
function stagePatterns(stage) {
  const patterns = [];
  for (const other of Object.keys(STAGES)) {
    if (other === stage) continue;
    if (stage === null || STAGES[stage].includes(other)) {
      patterns.push({
        group: [`**/${other}/**`, `!**/${other}/index.js`],
        message: `import scoring/${other}/ through its entry, ${other}/index.js.`,
      });
    } else {
      patterns.push({
        group: [`**/${other}/**`],
        message: `scoring/${stage}/ comes before scoring/${other}/: it may not import it (stages: ${Object.keys(STAGES).join(" → ")}).`,
      });
    }
  }
  if (stage !== null)
    patterns.push({
      group: ["../index.js", "../allocate.js", "../../index.js", "../../allocate.js"],
      message: "a stage may not import scoring/'s root (it composes the stages).",
    });
  return patterns;
}

export const scoringPurity = {
  "no-restricted-imports": ["error", { patterns: scoringPurityPatterns }],
  "no-restricted-globals": [
    "error",
    { name: "fetch", message: "scoring/ is pure: no network." },
    { name: "process", message: "scoring/ is pure: no process access; take options as arguments." },
    { name: "require", message: "scoring/ is ESM and pure." },
  ],
};

/** Adapters and benches use scoring/ through its stages' entries only. */
const throughEntries = {
  group: ["**/scoring/*/**", "!**/scoring/*/index.js"],
  message: "import scoring/ through a stage's entry (scoring/<stage>/index.js) or scoring/index.js.",
};

/** The browser's rules: the server's types only, no Node module, scoring/ through its entries. */
const webPatterns = [
  { group: ["**/server/**"], allowTypeImports: true, message: "web/ may import the server's types (import type), never its code." },
  { group: ["node:*", "better-sqlite3", "glpk.js/node"], message: "web/ runs in the browser." },
  throughEntries,
];

/**
 * The server's layers: routes → services → store (and the core). The modules that own tables run SQL; no
 * other module does.
 */
const PERSISTENCE = [
  "server/store/**",
  "server/db/**",
  "server/audit.ts",
  "server/mail/outbox.ts",
  "server/mail/limits.ts",
  "server/auth/sessions.ts",
  "server/io/backup.ts",
];
const sqlCalls = [
  {
    selector: "CallExpression[callee.property.name=/^(prepare|pragma|transaction)$/]",
    message:
      "SQL runs only in the modules that own tables (server/store/, server/db/, audit, outbox and its limits, sessions, backup): call one of theirs.",
  },
  {
    selector: "CallExpression[callee.property.name='exec'][arguments.0.type=/^(Literal|TemplateLiteral)$/]",
    message:
      "SQL runs only in the modules that own tables (server/store/, server/db/, audit, outbox and its limits, sessions, backup): call one of theirs.",
  },
];
/**
 * `key in object` also finds what an object inherits ("constructor", "__proto__", "toString"): a key a
 * user gave answered a 500 that way. Own properties only: Object.hasOwn, a Map or Set, a zod enum. Where
 * `in` narrows a union the code parsed itself, a commented exception says so.
 */
const noInOperator = {
  selector: "BinaryExpression[operator='in']",
  message: "`in` finds inherited keys (constructor, __proto__): use Object.hasOwn, a Map or Set, or a zod enum.",
};
const noDatabaseDriver = {
  group: ["better-sqlite3"],
  message:
    "the database driver is used only by the modules that own tables (server/store/, server/db/, audit, outbox and its limits, sessions, backup).",
};
const routesLayer = {
  group: ["**/store/**", "**/store/*.js", "**/db/**"],
  message:
    "a route calls a service (server/services/), never a store or the database: the service owns the change, its guards and its audit.",
};
const storeLayer = {
  group: ["**/mail/**", "**/services/**", "**/routes/**", "**/http/**", "**/pages/**"],
  message: "a store reads and writes rows: it imports neither mail, services, routes nor pages (the service composes them).",
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
      "no-restricted-imports": ["error", { patterns: webPatterns }],
      // What the browser receives is checked (a schema, a type guard), never asserted: no `as` (other than
      // `as const`) and no `!`.
      "@typescript-eslint/consistent-type-assertions": ["error", { assertionStyle: "never" }],
      "@typescript-eslint/no-non-null-assertion": "error",
    },
  },
  {
    // A feature (web/src/features/<name>/) uses another only through its entry: pages do not import each other.
    files: ["web/src/features/*/**/*.ts", "web/src/features/*/**/*.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            ...webPatterns,
            {
              group: ["../*/**", "!../../**", "!../*/index.js"],
              message: "a feature uses another only through its entry (../<feature>/index.js): pages do not import each other.",
            },
          ],
        },
      ],
    },
  },
  {
    // Small enough to read at once: a function within 80 lines (a React component within 150), a source
    // file within 300. Released migrations are history; tests and benches state long tables of cases.
    files: ["**/*.ts", "**/*.tsx"],
    ignores: ["tests/**", "bench/**"],
    rules: {
      "max-lines-per-function": ["error", { max: 80 }],
      "max-lines": ["error", { max: 300 }],
    },
  },
  {
    files: ["web/src/**/*.tsx", "server/pages/**/*.tsx"],
    rules: { "max-lines-per-function": ["error", { max: 150 }] },
  },
  {
    // No import cycle anywhere: a module that needs another's caller has its dependency the wrong way round.
    files: ["**/*.ts", "**/*.tsx"],
    plugins: { "import-x": importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: fileURLToPath(new URL("tsconfig.json", import.meta.url)) })],
    },
    rules: { "import-x/no-cycle": "error" },
  },
  {
    files: ["web/public/sw.js"],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
  {
    files: ["server/**/*.ts", "server/**/*.tsx", "bench/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [throughEntries] }] },
  },
  {
    files: ["server/**/*.ts", "server/**/*.tsx", "scoring/**/*.ts"],
    rules: { "no-restricted-syntax": ["error", noInOperator] },
  },
  {
    files: ["server/**/*.ts", "server/**/*.tsx"],
    ignores: PERSISTENCE,
    rules: {
      "no-restricted-syntax": ["error", ...sqlCalls, noInOperator],
      "no-restricted-imports": ["error", { patterns: [throughEntries, noDatabaseDriver] }],
    },
  },
  {
    files: ["server/routes/**/*.ts", "server/routes/**/*.tsx"],
    rules: { "no-restricted-imports": ["error", { patterns: [throughEntries, noDatabaseDriver, routesLayer] }] },
  },
  {
    files: ["server/store/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [throughEntries, storeLayer] }] },
  },
  {
    files: ["scoring/**/*.ts"],
    languageOptions: { globals: { ...globals["shared-node-browser"] } },
    rules: scoringPurity,
  },
  {
    files: ["scoring/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [...scoringPurityPatterns, ...stagePatterns(null)] }] },
  },
  ...Object.keys(STAGES).map((stage) => ({
    files: [`scoring/${stage}/**/*.ts`],
    rules: { "no-restricted-imports": ["error", { patterns: [...scoringPurityPatterns, ...stagePatterns(stage)] }] },
  })),
  {
    // A closed list's codes are written once, in scoring/domain/vocabulary/. Released migrations are history
    // (never edited); tests and benches state their own expectations.
    files: ["**/*.ts", "**/*.tsx"],
    ignores: ["scoring/domain/vocabulary/**", "tests/**", "bench/**", "server/db/migrations/0*.ts"],
    plugins: { vocabulary: vocabularyPlugin(readVocabularies(fileURLToPath(new URL("scoring/domain/vocabulary", import.meta.url)))) },
    rules: { "vocabulary/no-literal-codes": "error" },
  },
);
