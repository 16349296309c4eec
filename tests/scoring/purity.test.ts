// The architecture rule is enforced by lint: scoring/ may not import the adapters nor I/O modules.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

async function lint(code: string, file: string): Promise<string[]> {
  const [res] = await eslint.lintText(code, { filePath: file });
  return res!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe("import direction", () => {
  it("forbids scoring/ from importing server/ or web/", async () => {
    expect((await lint('import { x } from "../server/glpk.js";\nexport const y = x;\n', "scoring/bad.ts")).join()).toMatch(
      /no-restricted-imports.*adapters/,
    );
    expect((await lint('import { x } from "../web/app.js";\nexport const y = x;\n', "scoring/bad.ts")).join()).toMatch(
      /no-restricted-imports/,
    );
  });

  it("forbids scoring/ from touching the file system, the network or the process", async () => {
    expect((await lint('import { readFileSync } from "node:fs";\nexport const y = readFileSync;\n', "scoring/bad.ts")).join()).toMatch(
      /no-restricted-imports.*pure/,
    );
    expect((await lint('export const y = () => fetch("http://x");\n', "scoring/bad.ts")).join()).toMatch(/no-restricted-globals/);
    expect((await lint("export const y = process.env.X;\n", "scoring/bad.ts")).join()).toMatch(/no-restricted-globals/);
  });

  it("lets server/ import scoring/ through a stage's entry, and Node modules", async () => {
    expect(
      await lint(
        'import { readFileSync } from "node:fs";\nimport { prepare } from "../scoring/domain/index.js";\nexport const y = [readFileSync, prepare];\n',
        "server/ok.ts",
      ),
    ).toEqual([]);
    expect(
      (await lint('import { buildModel } from "../scoring/allocation/model.js";\nexport const y = buildModel;\n', "server/bad.ts")).join(),
    ).toMatch(/no-restricted-imports.*entry/);
    expect(
      (
        await lint('import { buildModel } from "../../scoring/allocation/model.js";\nexport const y = buildModel;\n', "web/src/bad.ts")
      ).join(),
    ).toMatch(/no-restricted-imports.*entry/);
  });
});

describe("stages of scoring/", () => {
  it("reach another stage only through its entry", async () => {
    expect(
      await lint('import { buildModel } from "../allocation/index.js";\nexport const y = buildModel;\n', "scoring/explanations/ok.ts"),
    ).toEqual([]);
    expect(
      (
        await lint('import { buildModel } from "../allocation/model.js";\nexport const y = buildModel;\n', "scoring/explanations/bad.ts")
      ).join(),
    ).toMatch(/through its entry/);
    expect(
      (await lint('import { prepare } from "../../domain/prepare.js";\nexport const y = prepare;\n', "scoring/policy/rules/bad.ts")).join(),
    ).toMatch(/through its entry/);
  });

  it("import only the stages before them, so that folders cannot form a cycle", async () => {
    expect(
      (await lint('import { allocate } from "../allocation/index.js";\nexport const y = allocate;\n', "scoring/domain/bad.ts")).join(),
    ).toMatch(/comes before/);
    expect(
      (await lint('import { diff } from "../analytics/index.js";\nexport const y = diff;\n', "scoring/explanations/bad.ts")).join(),
    ).toMatch(/comes before/);
    expect(
      (await lint('import { allocate } from "../allocate.js";\nexport const y = allocate;\n', "scoring/analytics/bad.ts")).join(),
    ).toMatch(/root/);
  });

  it("keep the purity rules in every stage", async () => {
    expect(
      (await lint('import { readFileSync } from "node:fs";\nexport const y = readFileSync;\n', "scoring/allocation/bad.ts")).join(),
    ).toMatch(/no-restricted-imports.*pure/);
    expect(
      (await lint('import { x } from "../../server/workers/glpk.js";\nexport const y = x;\n', "scoring/policy/bad.ts")).join(),
    ).toMatch(/adapters/);
  });
});

describe("features of web/", () => {
  it("use another feature only through its entry, and the shared modules freely", async () => {
    const ok = 'import { useRound } from "../rounds/index.js";\nimport { api } from "../../api.js";\nexport const y = [useRound, api];\n';
    expect(await lint(ok, "web/src/features/allocation/Bad.tsx")).toEqual([]);
    const bad = 'import { DashboardPage } from "../rounds/DashboardPage.js";\nexport const y = DashboardPage;\n';
    expect((await lint(bad, "web/src/features/allocation/Bad.tsx")).join()).toMatch(/pages do not import each other/);
  });

  it("keep the browser's rules", async () => {
    const bad = 'import { readFileSync } from "node:fs";\nexport const y = readFileSync;\n';
    expect((await lint(bad, "web/src/features/rounds/Bad.tsx")).join()).toMatch(/runs in the browser/);
  });
});

describe("the import graph of scoring/", () => {
  it("has no cycle, type imports included", () => {
    const files = readdirSync("scoring", { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".ts"))
      .map((f) => join("scoring", f));
    const edges = new Map<string, string[]>();
    for (const f of files) {
      const specs = [...readFileSync(f, "utf8").matchAll(/^(?:import|export)\b[^;]*?from\s+"(\.{1,2}\/[^"]+)"/gms)].map((m) => m[1]!);
      edges.set(
        f,
        specs.map((s) => join(dirname(f), s).replace(/\.js$/, ".ts")),
      );
    }
    expect(edges.size).toBeGreaterThan(30);
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const visit = (f: string, path: string[]): void => {
      if (state.get(f) === "done") return;
      if (state.get(f) === "open") {
        cycles.push([...path.slice(path.indexOf(f)), f].join(" → "));
        return;
      }
      state.set(f, "open");
      for (const g of edges.get(f) ?? []) visit(g, [...path, f]);
      state.set(f, "done");
    };
    for (const f of edges.keys()) visit(f, []);
    expect(cycles).toEqual([]);
  });
});
