// npm run --silent backup -- OUT [--format sqlite|json]
// A full backup of the server's database (DATABASE_PATH) into OUT, safe while the server runs: a
// consistent SQLite snapshot (default) or a JSON export of every table. Exit 2 for bad arguments.
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { snapshot, writeJsonBackup } from "../io/backup.js";
import { loadConfig } from "../config.js";
import { openDatabase } from "../db/database.js";
import { runCli, UsageError } from "./io.js";

const USAGE = "usage: npm run --silent backup -- OUT [--format sqlite|json]";

await runCli(USAGE, async () => {
  let args;
  try {
    args = parseArgs({ allowPositionals: true, options: { format: { type: "string", default: "sqlite" } } });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (args.positionals.length !== 1) throw new UsageError("give exactly one output file");
  const format = args.values.format;
  if (format !== "sqlite" && format !== "json") throw new UsageError(`--format: "${format}" is not sqlite or json`);
  const out = args.positionals[0]!;
  if (existsSync(out)) throw new UsageError(`${out} exists: choose a new file name`);
  const { DATABASE_PATH } = loadConfig();
  if (!existsSync(DATABASE_PATH)) throw new UsageError(`no database at ${DATABASE_PATH} (DATABASE_PATH)`);
  const db = openDatabase(DATABASE_PATH);
  try {
    if (format === "json") writeJsonBackup(db, out);
    else await snapshot(db, out);
  } finally {
    db.close();
  }
  process.stdout.write(`backup of ${DATABASE_PATH} written to ${out} (${format})\n`);
});
