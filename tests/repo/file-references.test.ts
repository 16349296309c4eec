// Comments that name a file name one that exists (issue 29: comments had kept the names of files long
// moved or removed, "see solver.ts", the store's old single file). A name with a folder must be a path of the
// project (from its root, from the commenting file's folder, or the end of one); a bare name must be a
// file of the same top-level folder (anywhere, for the tests, the benches and the root's files).
import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, normalize } from "node:path";
import { describe, expect, it } from "vitest";

const SKIP = new Set(["node_modules", ".git", "dist", "var", "coverage", "screenshots", "out"]);

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(e.name) || e.name.startsWith(".")) continue;
    const p = dir === "." ? e.name : join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

const files = walk(".");
const paths = new Set(files);
const dirs = new Set(
  files.flatMap((f) => {
    const parts = f.split("/");
    return parts.slice(1).map((_, k) => parts.slice(0, k + 1).join("/"));
  }),
);
const byName = new Map<string, string[]>();
for (const f of files) byName.set(basename(f), [...(byName.get(basename(f)) ?? []), f]);

/** The comment on a line of source: `// …`, a block comment's line, or an SQL comment in a query's text. */
function commentOf(line: string): string | null {
  const t = line.trim();
  if (t.startsWith("//") || t.startsWith("*") || t.startsWith("/*")) return t;
  const slash = line.search(/(^|\s)\/\/\s/);
  if (slash >= 0) return line.slice(slash);
  // An SQL comment after a column (two spaces or more before it; "npm run allocate -- FILE" is not one).
  const sql = line.search(/\s{2}--\s/);
  return sql >= 0 ? line.slice(sql) : null;
}

const NAME = /(?<![\w@/.-])((?:[\w.-]+\/)*[\w-]+\.(?:tsx?|md|json|sql|css|html|txt))\b/g;

function exists(name: string, from: string): boolean {
  if (name.includes("/")) {
    const fromHere = normalize(join(dirname(from), name));
    return [name, fromHere].some((p) => paths.has(p) || dirs.has(p)) || files.some((f) => f.endsWith(`/${name}`));
  }
  const top = from.includes("/") ? from.split("/")[0]! : null;
  const anywhere = top === null || top === "tests" || top === "bench";
  return (byName.get(name) ?? []).some((f) => anywhere || f.startsWith(`${top}/`) || !f.includes("/"));
}

describe("comments that name a file", () => {
  it("name one that exists", () => {
    const sources = files.filter((f) => /\.(ts|tsx|js|mjs)$/.test(f) && !f.startsWith("web/public/"));
    expect(sources.length).toBeGreaterThan(300);
    const stale: string[] = [];
    let checked = 0;
    for (const f of sources) {
      readFileSync(f, "utf8")
        .split("\n")
        .forEach((line, k) => {
          const comment = commentOf(line);
          if (!comment) return;
          for (const m of comment.matchAll(NAME)) {
            checked++;
            if (!exists(m[1]!, f)) stale.push(`${f}:${k + 1} names ${m[1]}`);
          }
        });
    }
    expect(checked).toBeGreaterThan(50);
    expect(stale).toEqual([]);
  });
});
