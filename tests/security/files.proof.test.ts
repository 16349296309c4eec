// Issue 30, finding 1: on a real first start (SEED_DEMO=false) under umask 022 the database and its -wal
// and -shm were 0644 in 0755 folders, and both backup forms and a restored database 0644: any account
// on the machine could read applicants' personal data and the hashes. Now every one is 0600 in 0700
// folders, made by the server and the CLIs in processes of their own; a start on a looser database warns
// in words.
import { execFileSync, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emptyWebBuild, freePort, SERVER_READY } from "../support/server-process.js";

const mode = (path: string): string => (statSync(path).mode & 0o777).toString(8);

/**
 * `node ARGS` under umask 022, as a shell started by a default login would run it; with `until`, stopped
 * (SIGTERM) once it prints that, after `then` ran (while it still runs).
 */
function underUmask022(
  args: string[],
  env: Record<string, string>,
  until?: string,
  then?: () => void,
): Promise<{ out: string; code: number | null }> {
  const quoted = [process.execPath, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(" ");
  const child = spawn("sh", ["-c", `umask 022; exec ${quoted}`], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`no end:\n${out}`));
    }, 90_000);
    const read = (d: Buffer) => {
      out += d.toString();
      if (until && out.includes(until) && !child.killed) {
        then?.();
        child.kill("SIGTERM");
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ out, code });
    });
  });
}

describe("files that hold personal data", () => {
  const dir = mkdtempSync(join(tmpdir(), "files-"));
  const data = join(dir, "fresh", "var");
  const database = join(data, "sponsorship.db");

  it("creates the database, its journals and the admin's password file 0600 in 0700 folders on a first start", async () => {
    const env = {
      DATABASE_PATH: database,
      SEED_DEMO: "false",
      PORT: String(await freePort()),
      WEB_DIST: emptyWebBuild(dir),
      MAIL_POLL_SECONDS: "3600",
    };
    const files = [database, `${database}-wal`, `${database}-shm`, join(data, "initial-admin-password.txt")];
    let seen: string[] = [];
    // Looked at while the server runs: the journals exist then.
    const started = await underUmask022(["--import", "tsx", "server/main.ts"], env, SERVER_READY, () => {
      seen = files.map((f) => `${f} ${existsSync(f) ? mode(f) : "missing"}`);
    });
    expect(started.out).toContain(SERVER_READY);
    expect(started.out).not.toMatch(/Warning/);
    expect(seen).toEqual(files.map((f) => `${f} 600`));
    expect(mode(data)).toBe("700");
    expect(mode(join(dir, "fresh"))).toBe("700");
  }, 120_000);

  it("writes both backup forms and a restored database 0600, under umask 022", async () => {
    const env = { DATABASE_PATH: database };
    for (const format of ["sqlite", "json"]) {
      const out = join(dir, "backups", `backup.${format}`);
      const made = await underUmask022(["--import", "tsx", "server/cli/backup.ts", out, "--format", format], env);
      expect(made.code, made.out).toBe(0);
      expect(mode(out)).toBe("600");
      expect(mode(join(dir, "backups"))).toBe("700");
      const target = join(dir, `restored-${format}`, "db.sqlite");
      const restored = await underUmask022(["--import", "tsx", "server/cli/restore.ts", out], { DATABASE_PATH: target });
      expect(restored.code, restored.out).toBe(0);
      expect(mode(target)).toBe("600");
      expect(mode(join(dir, `restored-${format}`))).toBe("700");
    }
  }, 180_000);

  it("warns in words when a start finds the database readable by others", async () => {
    chmodSync(database, 0o644);
    const env = { DATABASE_PATH: database, SEED_DEMO: "false", PORT: String(await freePort()), WEB_DIST: emptyWebBuild(dir) };
    const started = await underUmask022(["--import", "tsx", "server/main.ts"], env, SERVER_READY);
    expect(started.out).toContain(
      `Warning: the file ${database} may be read by its group and every account on this machine (mode 644, should be 600): run chmod 600 ${database}`,
    );
    expect(started.out).toContain("docs/operations.md");
    // The shell's own umask is untouched by the product: a file made beside it is still 0644 (the test's control).
    execFileSync("sh", ["-c", `umask 022; touch '${join(dir, "control")}'`]);
    expect(mode(join(dir, "control"))).toBe("644");
  }, 120_000);
});
