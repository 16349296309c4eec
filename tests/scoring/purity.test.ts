// The architecture rule is enforced by lint: scoring/ may not import the adapters nor I/O modules.
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

async function lint(code: string, file: string): Promise<string[]> {
  const [res] = await eslint.lintText(code, { filePath: file });
  return res!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe("import direction", () => {
  it("forbids scoring/ from importing server/ or web/", async () => {
    expect((await lint('import { x } from "../server/glpk.js";\nexport const y = x;\n', "scoring/bad.ts")).join()).toMatch(/no-restricted-imports.*adapters/);
    expect((await lint('import { x } from "../web/app.js";\nexport const y = x;\n', "scoring/bad.ts")).join()).toMatch(/no-restricted-imports/);
  });

  it("forbids scoring/ from touching the file system, the network or the process", async () => {
    expect((await lint('import { readFileSync } from "node:fs";\nexport const y = readFileSync;\n', "scoring/bad.ts")).join()).toMatch(/no-restricted-imports.*pure/);
    expect((await lint('export const y = () => fetch("http://x");\n', "scoring/bad.ts")).join()).toMatch(/no-restricted-globals/);
    expect((await lint("export const y = process.env.X;\n", "scoring/bad.ts")).join()).toMatch(/no-restricted-globals/);
  });

  it("lets server/ import scoring/ and Node modules", async () => {
    expect(await lint('import { readFileSync } from "node:fs";\nimport { prepare } from "../scoring/prepare.js";\nexport const y = [readFileSync, prepare];\n', "server/ok.ts")).toEqual([]);
  });
});
