// The lint rule that keeps every closed list's codes in one place (scoring/domain/vocabulary/): anywhere
// else, a literal list of two or more codes of one list (an array, a union of string types, a table of
// words keyed by the codes, a table of one value for every code such as counts from 0, an SQL `IN (...)`) is
// reported; derive it from the list's module instead.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Each list declared with vocabulary("title", { code: {...}, ... }) in the folder, with its codes. */
export function readVocabularies(folder) {
  const lists = [];
  for (const file of readdirSync(folder).filter((f) => f.endsWith(".ts"))) {
    const text = readFileSync(join(folder, file), "utf8");
    for (const m of text.matchAll(/vocabulary\("([^"]+)", \{\n([\s\S]*?)\n\}\);/g)) {
      const codes = [...m[2].matchAll(/^ {2}"?([A-Za-z0-9-]+)"?: \{/gm)].map((c) => c[1]);
      lists.push({ title: m[1], codes: new Set(codes), file });
    }
  }
  return lists;
}

/** The list all the given strings are codes of, when there are two or more of them. */
function listOf(lists, strings) {
  if (strings.length < 2 || new Set(strings).size < 2) return null;
  return lists.find((l) => strings.every((s) => l.codes.has(s))) ?? null;
}

const strings = (nodes) => {
  const out = [];
  for (const n of nodes) {
    if (n && n.type === "Literal" && typeof n.value === "string") out.push(n.value);
    else return null;
  }
  return out;
};

export function vocabularyPlugin(lists) {
  const report = (context, node, list) =>
    context.report({
      node,
      message: `a literal list of ${list.title} codes: take it from scoring/domain/vocabulary/${list.file} (its codes, a named subset or its words)`,
    });
  return {
    rules: {
      "no-literal-codes": {
        meta: { type: "problem", schema: [] },
        create(context) {
          return {
            ArrayExpression(node) {
              const s = strings(node.elements);
              const list = s && listOf(lists, s);
              if (list) report(context, node, list);
            },
            TSUnionType(node) {
              const s = strings(node.types.map((t) => (t.type === "TSLiteralType" ? t.literal : null)));
              const list = s && listOf(lists, s);
              if (list) report(context, node, list);
            },
            ObjectExpression(node) {
              const props = node.properties.filter((p) => p.type === "Property");
              if (
                props.length !== node.properties.length ||
                !(
                  props.every((p) => p.value.type === "Literal" && typeof p.value.value === "string") ||
                  // A table of one value for every code (counts from 0, flags all false): byCode(list.codes, …).
                  (props.every((p) => p.value.type === "Literal") && new Set(props.map((p) => p.value.value)).size === 1)
                )
              )
                return;
              const keys = props.map((p) =>
                p.key.type === "Identifier" ? p.key.name : p.key.type === "Literal" ? String(p.key.value) : "",
              );
              const list = listOf(lists, keys);
              if (list) report(context, node, list);
            },
            "Literal, TemplateElement"(node) {
              const text = node.type === "Literal" ? (typeof node.value === "string" ? node.value : "") : node.value.raw;
              for (const m of text.matchAll(/\bIN \(((?:'[^']*'(?:, )?)+)\)/g)) {
                const list = listOf(
                  lists,
                  [...m[1].matchAll(/'([^']*)'/g)].map((x) => x[1]),
                );
                if (list) report(context, node, list);
              }
            },
          };
        },
      },
    },
  };
}
