// No secret in the repository: the tracked files hold no private key, token or credential file (the
// demo's published passwords apart), and a real installation's first administrator password is generated
// at first start, stored hashed, and written only beside the database (outside git, mode 0600).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, DEMO_APPLICANT } from "../../server/io/seed.js";
import { emptyWebBuild, freePort, startServer } from "../support/server-process.js";

const SECRET_PATTERNS: [string, RegExp][] = [
  ["private key", /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/],
  ["AWS access key", /\bAKIA[0-9A-Z]{16}\b/],
  ["GitHub token", /\bgh[pousr]_[A-Za-z0-9]{36,}\b/],
  ["Slack token", /\bxox[abprs]-[A-Za-z0-9-]{10,}/],
  ["Stripe key", /\b[sr]k_live_[A-Za-z0-9]{16,}/],
  ["npm token", /\bnpm_[A-Za-z0-9]{36}\b/],
  ["assigned secret", /\b(?:secret|api[_-]?key|access[_-]?token|password)\s*[:=]\s*["'][A-Za-z0-9+/_=-]{24,}["']/i],
];
const SECRET_FILES = /(^|\/)(\.env(\..+)?|.*\.pem|.*\.key|.*\.p12|.*\.pfx|id_[rd]sa|.*\.db|.*\.sqlite|initial-admin-password\.txt)$/;

describe("no secret in the repository", () => {
  const tracked = existsSync(".git") ? execFileSync("git", ["ls-files", "-z"], { encoding: "utf8" }).split("\0").filter(Boolean) : [];

  it("tracks no key, credential or database file, and no text with a key or token in it", () => {
    expect(tracked.length).toBeGreaterThan(100);
    expect(tracked.filter((f) => SECRET_FILES.test(f))).toEqual([]);
    const found: string[] = [];
    for (const f of tracked) {
      if (!existsSync(f) || statSync(f).size > 2_000_000) continue;
      const text = readFileSync(f, "utf8");
      for (const [what, re] of SECRET_PATTERNS) if (re.test(text)) found.push(`${f}: ${what}`);
    }
    expect(found).toEqual([]);
  });

  it("the only passwords in the code are the demo's, published in the README as demo-only", () => {
    const readme = readFileSync("README.md", "utf8");
    for (const a of DEMO_ACCOUNTS) expect(readme).toContain(a.password);
    expect(readme).toContain(DEMO_APPLICANT.code);
    expect(readme).toMatch(/SEED_DEMO=false/);
    const literals = tracked
      .filter((f) => /^(server|web\/src|scoring)\/.*\.tsx?$/.test(f))
      .flatMap((f) => [...readFileSync(f, "utf8").matchAll(/password:\s*"([^"]+)"/g)].map((m) => m[1]!));
    expect(new Set(literals)).toEqual(new Set(DEMO_ACCOUNTS.map((a) => a.password)));
  });
});

describe("first start of a real installation (SEED_DEMO=false)", () => {
  it("generates the administrator's password, stores only its hash, and writes it beside the database only", async () => {
    const dir = mkdtempSync(join(tmpdir(), "first-"));
    const port = await freePort();
    const env = {
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_PATH: join(dir, "data", "real.db"),
      WEB_DIST: emptyWebBuild(dir),
      SEED_DEMO: "false",
    };
    const first = await startServer(env);
    const password = /user admin, password (\S+)/.exec(first.log())![1]!;
    expect(password.length).toBeGreaterThanOrEqual(24);
    const file = join(dir, "data", "initial-admin-password.txt");
    expect(readFileSync(file, "utf8").trim()).toBe(password);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first.log()).not.toMatch(/demo/i);
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "admin", password }),
    });
    expect(login.status).toBe(200);
    const demo = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "admin", password: DEMO_ACCOUNTS[0].password }),
    });
    expect(demo.status).toBe(401);
    await first.stop();
    // The database holds the hash, never the password.
    expect(readFileSync(env.DATABASE_PATH).includes(Buffer.from(password))).toBe(false);
    // A second start creates nothing new.
    const second = await startServer(env);
    expect(second.log()).not.toMatch(/password/);
    await second.stop();
    expect(readFileSync(file, "utf8").trim()).toBe(password);
  });
});
