// The project's own lint rules, run through ESLint with the project's configuration on code they must
// refuse (and on code they must let through), so that a rule that stopped working fails here.
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

async function problems(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? "parse"}: ${m.message}`);
}

describe("vocabulary/no-literal-codes", () => {
  it("refuses a literal list of one vocabulary's codes outside scoring/domain/vocabulary/", async () => {
    const found = await problems(`export const OPEN = ["pending", "accepted"];\n`, "server/services/example.ts");
    expect(found).toEqual([expect.stringMatching(/^vocabulary\/no-literal-codes: a literal list of offer state codes/)]);
  });

  it("refuses a union type, a word table keyed by codes and an SQL IN (...) of codes", async () => {
    const code = [
      `export type Level = "full" | "ticket";`,
      `export const WORDS = { party: "State Party", signatory: "signatory" };`,
      `export const SQL = "SELECT 1 FROM decisions WHERE offer_status IN ('declined', 'expired')";`,
      `export const COUNTS = { AFR: 0, APG: 0, EEG: 0, GRULAC: 0, WEOG: 0 };`,
      "",
    ].join("\n");
    const found = await problems(code, "server/services/example.ts");
    expect(found).toEqual([
      expect.stringMatching(/support level codes/),
      expect.stringMatching(/CCM status codes/),
      expect.stringMatching(/offer state codes/),
      expect.stringMatching(/regional group codes/),
    ]);
  });

  it("lets a single code and a list of other words through", async () => {
    const code = `export const A = "pending";\nexport const B = ["pending", "a word"];\nexport const WEIGHTS = { implementation: 30, technical: 20 };\n`;
    expect(await problems(code, "server/services/example.ts")).toEqual([]);
  });
});

describe("the lists the rule reads", () => {
  it("are every list the vocabulary exports, with the same codes (the rule reads them from the source)", async () => {
    const { readVocabularies } = await import("../../eslint-rules/vocabulary.js");
    const vocabulary = await import("../../scoring/domain/vocabulary/index.js");
    const values: unknown[] = Object.values(vocabulary);
    const exported = values
      .filter((v): v is { title: string; codes: readonly string[] } => typeof v === "object" && v !== null && "title" in v && "codes" in v)
      .map((v) => `${v.title}: ${v.codes.join(", ")}`);
    const read = readVocabularies("scoring/domain/vocabulary").map(
      (l: { title: string; codes: Set<string> }) => `${l.title}: ${[...l.codes].join(", ")}`,
    );
    expect(exported.length).toBeGreaterThan(15);
    expect([...read].sort()).toEqual([...exported].sort());
  });
});
