// Turns zod issues into readable lines, each naming the field by its JSON path (requests[3].levels[0].cost).
import type { z } from "zod";

export interface FieldProblem {
  path: string;
  message: string;
}

/** A problem of an imported table, by row (1 = the first data row) and column. */
export interface RowProblem {
  row: number;
  column: string;
  message: string;
}

export function jsonPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || "(root)";
}

export function fieldProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((k) => ({ path: jsonPath([...issue.path, k]), message: "unknown field (the format accepts no other fields)" }));
    }
    if (issue.code === "invalid_union" && "errors" in issue && Array.isArray(issue.errors)) {
      // Report the branch that got furthest, rather than "invalid input".
      const best = [...issue.errors].sort((a, b) => depth(b) - depth(a))[0];
      if (best && best.length) return best.map((i) => ({ path: jsonPath([...issue.path, ...i.path]), message: i.message }));
    }
    return [{ path: jsonPath(issue.path), message: issue.message }];
  });
}

function depth(issues: readonly z.core.$ZodIssue[]): number {
  return Math.max(0, ...issues.map((i) => i.path.length)) - issues.length / 1000;
}

/** Input that is well-formed but does not fit the problem (an unknown request id, a donor not in it): each problem by its path. */
export class InvalidInputError extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  }
}

/** Parses `input` with `schema`, throwing InvalidInputError with every problem by its path. */
export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown, prefix?: string): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const under = (path: string): string =>
    !prefix ? path : path === "(root)" ? prefix : path.startsWith("[") ? `${prefix}${path}` : `${prefix}.${path}`;
  throw new InvalidInputError(fieldProblems(parsed.error).map((p) => ({ path: under(p.path), message: p.message })));
}
