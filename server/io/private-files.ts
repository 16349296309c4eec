// The files that hold personal data and secrets (the database and its journal files, backups, a
// restored database, the first administrator's password): created 0600 in folders the product makes
// 0700, whatever the umask, so that no other account on the machine reads applicants' names, e-mails,
// survivor status or the password and code hashes. SQLite gives its -wal and -shm files the database
// file's mode, so a database created here keeps all three private.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

export const PRIVATE_FILE = 0o600;
export const PRIVATE_DIR = 0o700;

/** Makes `dir` and the folders above it that do not exist, each 0700 (existing folders are left as they are). */
export function privateDir(dir: string): void {
  const missing: string[] = [];
  for (let d = resolve(dir); !existsSync(d); d = dirname(d)) missing.unshift(d);
  for (const d of missing) {
    mkdirSync(d, { mode: PRIVATE_DIR });
    chmodSync(d, PRIVATE_DIR); // the umask may have taken bits from the mode asked for
  }
}

/** An empty file at `path`, 0600, in a private folder (an existing file is left as it is). */
export function createPrivateFile(path: string): void {
  privateDir(dirname(path));
  if (existsSync(path)) return;
  closeSync(openSync(path, "wx", PRIVATE_FILE));
  chmodSync(path, PRIVATE_FILE);
}

/** Writes a new file (never over an existing one), 0600, in a private folder. */
export function writePrivateFile(path: string, data: string): void {
  privateDir(dirname(path));
  writeFileSync(path, data, { mode: PRIVATE_FILE, flag: "wx" });
  chmodSync(path, PRIVATE_FILE);
}

/**
 * What other accounts on the machine may do with the database's files and its folder, in words (empty
 * when nothing): the warning a start gives for a database made looser than 0600 / 0700 (an older
 * version, a copy, a restore by hand). docs/operations.md says how to fix it.
 */
export function looseFiles(databasePath: string): string[] {
  const found: string[] = [];
  const folder = dirname(resolve(databasePath));
  for (const [path, isDir] of [
    [databasePath, false],
    [`${databasePath}-wal`, false],
    [`${databasePath}-shm`, false],
    [folder, true],
  ] as const) {
    if (!existsSync(path)) continue;
    const mode = statSync(path).mode & 0o777;
    const open = mode & 0o077;
    if (open === 0) continue;
    const who = [open & 0o070 ? "its group" : "", open & 0o007 ? "every account" : ""].filter(Boolean).join(" and ");
    const should = isDir ? "700" : "600";
    found.push(
      `${isDir ? "the folder" : "the file"} ${path} may be read by ${who} on this machine (mode ${mode.toString(8)}, should be ${should}): run chmod ${should} ${path}`,
    );
  }
  return found;
}
