// The dependency list: every production dependency named, at its pinned version, in decision record 011
// with why; every version exact in package.json and pinned by the lockfile.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const pkg = JSON.parse(readFileSync("package.json", "utf8")) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as { packages: Record<string, { version?: string }> };
const record = readFileSync("docs/decisions/011-production-dependencies.md", "utf8");

describe("dependencies", () => {
  it("each production dependency is in decision record 011 at its version, with a reason, and the record names no other", () => {
    const rows = [...record.matchAll(/^\| `([^`]+)` \| ([^|]+) \| ([^|]+) \| ([^|]+) \|$/gm)].map((m) => ({
      name: m[1]!,
      version: m[2]!.trim(),
      what: m[3]!.trim(),
      why: m[4]!.trim(),
    }));
    expect(Object.fromEntries(rows.map((r) => [r.name, r.version]))).toEqual(pkg.dependencies);
    for (const r of rows) {
      expect(r.what.length, r.name).toBeGreaterThan(10);
      expect(r.why.length, r.name).toBeGreaterThan(10);
    }
  });

  it("pins every version exactly, and the lockfile holds the same versions", () => {
    for (const [name, version] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
      expect(version, name).toMatch(/^\d+\.\d+\.\d+$/);
      expect(lock.packages[`node_modules/${name}`]?.version, name).toBe(version);
    }
  });
});
