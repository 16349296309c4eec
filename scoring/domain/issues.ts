// Turns zod issues into readable lines, each naming the field by its JSON path (requests[3].levels[0].cost).
import type { z } from "zod";

export interface FieldProblem {
  path: string;
  message: string;
}

/** A problem of an imported table, by its row in the spreadsheet (1 = the header; 0 = the whole file) and column. */
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
    // eslint-disable-next-line no-restricted-syntax -- narrowing zod's own issue type by its key
    if (issue.code === "invalid_union" && "errors" in issue && Array.isArray(issue.errors)) {
      // Report the branch that got furthest, rather than "invalid input".
      const best = [...issue.errors].sort((a, b) => depth(b) - depth(a))[0];
      if (best && best.length) return best.map((i) => ({ path: jsonPath([...issue.path, ...i.path]), message: i.message }));
    }
    return [{ path: jsonPath(issue.path), message: readable(issue) }];
  });
}

/** zod's message in plain words where it would read like code ("Invalid option: expected one of "F"|"M""). */
function readable(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_value" && issue.values.length > 0) return `must be one of: ${issue.values.map(String).join(", ")}`;
  if (issue.code === "invalid_type" && issue.input === undefined) return "required";
  // zod's own wording of a bound ("Too small: expected number to be >=0"); a schema's message is kept.
  if ((issue.code === "too_small" || issue.code === "too_big") && /^Too (small|big)/.test(issue.message)) {
    const bound = Number(issue.code === "too_small" ? issue.minimum : issue.maximum);
    const least = issue.code === "too_small";
    const inclusive = issue.inclusive !== false;
    if (issue.origin === "string")
      return least ? (bound <= 1 ? "required" : `must be at least ${bound} characters`) : `must be at most ${bound} characters`;
    if (issue.origin === "array")
      return least ? (bound <= 1 ? "must not be empty" : `must have at least ${bound} items`) : `must have at most ${bound} items`;
    if (least) return inclusive ? `must be ${bound} or more` : `must be more than ${bound}`;
    return inclusive ? `must be ${bound} or less` : `must be less than ${bound}`;
  }
  if (issue.code === "invalid_type")
    return `must be ${issue.expected === "number" ? "a number" : issue.expected === "boolean" ? "true or false" : issue.expected === "array" ? "a list" : `a ${issue.expected}`}`;
  return issue.message;
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
