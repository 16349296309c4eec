// Shared plumbing of the command-line tools: read and validate a JSON file at the edge, report bad input
// field by field on stderr with exit code 2, internal errors with exit code 1.
import { isMainThread } from "node:worker_threads";
import { readFileSync } from "node:fs";
import type { z } from "zod";
import { fieldProblems, InvalidInputError } from "../../scoring/domain/index.js";

export class UsageError extends Error {}

export class InputError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join("\n"));
  }
}

export function readJsonFile<T extends z.ZodType>(file: string, schema: T): z.infer<T> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new InputError([`${file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InputError([`${file}: not valid JSON (${(e as Error).message})`]);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new InputError(fieldProblems(parsed.error).map((p) => `${file}: ${p.path}: ${p.message}`));
  return parsed.data;
}

/** Runs a CLI's main, mapping errors to exit codes: 2 for the user's input, 1 for anything else. */
export async function runCli(usage: string, main: () => Promise<void>): Promise<void> {
  // What a CLI creates (a backup, a restored database) is its account's only, whatever the umask.
  if (isMainThread) process.umask(0o077);
  try {
    await main();
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n${usage}\n`);
      process.exitCode = 2;
    } else if (e instanceof InputError || e instanceof InvalidInputError) {
      const lines = e instanceof InputError ? e.lines : e.problems.map((p) => `${p.path}: ${p.message}`);
      process.stderr.write(
        `invalid input (${lines.length} problem${lines.length === 1 ? "" : "s"}):\n${lines.map((l) => `  ${l}`).join("\n")}\n`,
      );
      process.exitCode = 2;
    } else {
      process.stderr.write(`internal error: ${(e as Error).message ?? String(e)}\n`);
      process.exitCode = 1;
    }
  }
}
