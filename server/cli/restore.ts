// npm run --silent restore -- BACKUP [--force]
// Restores a backup (an SQLite snapshot or a JSON export, told apart by content) into DATABASE_PATH.
// Stop the server first. The restore is written beside the database, checked, then renamed over it:
// a failed restore changes nothing. Exit 2 for bad arguments or a file that is not a valid backup.
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { restore, RestoreError } from "../io/backup.js";
import { loadConfig } from "../config.js";
import { InputError, runCli, UsageError } from "./io.js";

const USAGE = "usage: npm run --silent restore -- BACKUP [--force]   (stop the server first)";

await runCli(USAGE, async () => {
  let args;
  try {
    args = parseArgs({ allowPositionals: true, options: { force: { type: "boolean", default: false } } });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (args.positionals.length !== 1) throw new UsageError("give exactly one backup file");
  const source = args.positionals[0]!;
  if (!existsSync(source)) throw new UsageError(`${source}: no such file`);
  const { DATABASE_PATH } = loadConfig();
  try {
    const { tables, rows } = restore(source, DATABASE_PATH, { force: args.values.force });
    process.stdout.write(`restored ${rows} rows in ${tables} tables from ${source} into ${DATABASE_PATH}\n`);
  } catch (e) {
    if (e instanceof RestoreError) throw new InputError([e.message]);
    throw e;
  }
});
