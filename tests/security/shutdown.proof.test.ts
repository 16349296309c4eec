// Issue 30, finding 5: SIGTERM waited for every due message on a silent mail server (its greeting timeout
// each, with retries: more than 30 s, then SIGKILL, and a kill mid-send made duplicates). Now a stop gives
// the delivery under way a bounded time (5 s), leaves the rest queued, and exits; nothing is lost: the
// next start queues the cut message again. (How long the stop takes is in bench/shutdown.ts.)
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { emptyWebBuild, freePort, startServer } from "../support/server-process.js";
import { startSilentSmtp } from "../support/silent-smtp.js";

describe("a stop while the mail server says nothing", () => {
  it("exits on SIGTERM with its messages kept, and queues the cut one again at the next start", async () => {
    const silent = await startSilentSmtp();
    const dir = mkdtempSync(join(tmpdir(), "shutdown-"));
    const env = {
      DATABASE_PATH: join(dir, "db.sqlite"),
      PORT: String(await freePort()),
      WEB_DIST: emptyWebBuild(dir),
      SMTP_URL: silent.url,
      MAIL_POLL_SECONDS: "0.2",
    };
    const server = await startServer(env);
    const base = `http://127.0.0.1:${env.PORT}`;
    // Three requests, three "received" messages to deliver (each to its own address: no limit holds them).
    for (let n = 0; n < 3; n++) {
      const res = await fetch(`${base}/api/rounds/DEMO-OPEN/apply`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ state: "LAO", name: `Noy ${n}`, gender: "F", email: `noy${n}@example.org`, travel: { airTicket: 900 } }),
      });
      expect(res.status).toBe(201);
    }
    // The sender is stuck in its first handover (the server never greets).
    while (silent.connections() === 0) await new Promise((r) => setTimeout(r, 50));
    await server.stop("SIGTERM");
    expect(server.child.exitCode).toBe(0);
    const db = new Database(env.DATABASE_PATH, { readonly: true });
    const rows = db.prepare("SELECT kind, status FROM messages WHERE kind = 'received' ORDER BY id").all() as { status: string }[];
    db.close();
    // One cut mid-handover (left "sending"), the others never begun; none lost, none failed.
    expect(rows.map((r) => r.status).sort()).toEqual(["queued", "queued", "sending"]);
    // The next start queues the cut one again, marked interrupted.
    const again = await startServer({ ...env, SMTP_URL: "", PORT: String(await freePort()) });
    await again.stop("SIGTERM");
    const after = new Database(env.DATABASE_PATH, { readonly: true });
    const kept = after.prepare("SELECT status, interrupted FROM messages WHERE kind = 'received' ORDER BY interrupted DESC").all();
    after.close();
    expect(kept).toEqual([
      { status: "queued", interrupted: 1 },
      { status: "queued", interrupted: 0 },
      { status: "queued", interrupted: 0 },
    ]);
    await silent.close();
  }, 120_000);
});
