// Every folder of server/ and every stage of scoring/ has its one-line purpose in the README's layout, so
// that a newcomer reads where a thing goes before adding it (a folder added without a line fails here);
// tests/scoring/ is split by the same stages.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const layout = readme.slice(readme.indexOf("## Layout"), readme.indexOf("## Read next"));
const folders = (dir: string) =>
  readdirSync(new URL(`../../${dir}/`, import.meta.url), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);

describe("the tests' layout", () => {
  it("mirrors scoring/'s stages: every folder of tests/scoring/ is a stage of scoring/", () => {
    const stages = new Set(folders("scoring"));
    const strays = readdirSync(new URL("../scoring/", import.meta.url), { withFileTypes: true })
      .filter((d) => d.isDirectory() && !stages.has(d.name))
      .map((d) => d.name);
    expect(strays).toEqual([]);
  });
});

describe("the README's layout", () => {
  it.each(["server", "scoring"])("gives every folder of %s/ a line with its purpose", (dir) => {
    const missing = folders(dir).filter((f) => !new RegExp(`^ {2}${f}/ {2,}\\S`, "m").test(layout));
    expect(missing).toEqual([]);
  });
});
