// The outbox through crashes: the real server in its own process takes applications (each writes its
// "received" message in the same transaction) and delivers the messages to an SMTP server in this
// process, and is killed with SIGKILL at random moments. After each kill: every acknowledged application
// has its one message, and no request is without its message nor a message without its request (the
// change and its message are one). At the end the server delivers everything: every message arrives, and
// one arrives again only for each kill during its delivery (counted as interrupted): nothing is lost,
// nothing is sent twice otherwise.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../server/db/database.js";
import { rng } from "../../scoring/domain/random.js";
import { emptyWebBuild, freePort, startServer } from "../support/server-process.js";
import { startSmtp } from "../support/smtp.js";

const KILLS = 20;
const LANGUAGES = ["en", "fr", "es"] as const;

describe("the outbox through crashes", () => {
  it(`loses no message and sends none twice through ${KILLS} kills at random moments`, { timeout: 600_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "outbox-crash-"));
    const dbPath = join(dir, "outbox.db");
    const smtp = await startSmtp();
    const random = rng(20261206);
    // The mail server takes a little while to accept each message, so that kills land during deliveries too.
    smtp.delay(() => random() * 30);
    const port = await freePort();
    const env = {
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_PATH: dbPath,
      WEB_DIST: emptyWebBuild(dir),
      LOGIN_RATE_PER_MINUTE: "1000",
      // Applicants come from many addresses (each its own rate limit), as the proxy in front says.
      TRUST_PROXY: "127.0.0.1",
      SMTP_URL: smtp.url,
      MAIL_POLL_SECONDS: "0.05",
      MAIL_RETRY_SECONDS: "0.1",
    };
    const base = `http://127.0.0.1:${port}`;
    let server = await startServer(env);
    const acked: string[] = [];
    let serial = 0;
    const failures: string[] = [];
    const applicant = async () => {
      for (;;) {
        const n = ++serial;
        try {
          const res = await fetch(`${base}/api/rounds/DEMO-OPEN/apply`, {
            method: "POST",
            headers: { "content-type": "application/json", "x-forwarded-for": `10.${n >> 16}.${(n >> 8) & 255}.${n & 255}` },
            body: JSON.stringify({
              state: "KHM",
              name: `Outbox applicant ${n}`,
              gender: n % 2 ? "F" : "M",
              email: `applicant${n}@example.org`,
              language: LANGUAGES[n % 3],
              travel: { airTicket: 900 },
              acceptedLevels: ["full"],
            }),
          });
          if (res.status !== 201) throw new Error(`apply: ${res.status} ${await res.text()}`);
          acked.push(((await res.json()) as { reference: string }).reference);
          // Paced, so that the outbox holds a few hundred messages in all (bounded by work, not by time).
          await new Promise((r) => setTimeout(r, 40));
        } catch (e) {
          if (!(e instanceof TypeError)) failures.push((e as Error).message);
          return;
        }
      }
    };

    for (let kill = 1; kill <= KILLS; kill++) {
      const writers = Promise.all([applicant(), applicant()]);
      await new Promise((r) => setTimeout(r, 100 + random() * 600));
      await server.stop("SIGKILL");
      await writers;
      expect(failures, `after kill ${kill}`).toEqual([]);
      const db = openDatabase(dbPath);
      try {
        const mine = "json_extract(r.attributes, '$.name') LIKE 'Outbox applicant %'";
        // The change and its message are one: no request without its message, no message without its request.
        expect(
          db
            .prepare(
              `SELECT COUNT(*) FROM requests r WHERE ${mine} AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.event_key = 'received:' || r.id)`,
            )
            .pluck()
            .get(),
          `after kill ${kill}`,
        ).toBe(0);
        expect(
          db.prepare("SELECT COUNT(*) FROM messages m WHERE NOT EXISTS (SELECT 1 FROM requests r WHERE r.id = m.request_id)").pluck().get(),
        ).toBe(0);
        for (const ref of acked)
          expect(db.prepare("SELECT COUNT(*) FROM messages WHERE event_key = ?").pluck().get(`received:${ref}`), ref).toBe(1);
      } finally {
        db.close();
      }
      server = await startServer(env);
    }

    // The last start delivers what is left.
    const db = openDatabase(dbPath);
    const until = Date.now() + 120_000;
    while ((db.prepare("SELECT COUNT(*) FROM messages WHERE status <> 'sent'").pluck().get() as number) > 0) {
      if (Date.now() > until)
        throw new Error(
          `the outbox was not delivered within 2 minutes: ${JSON.stringify(db.prepare("SELECT status, COUNT(*) AS n, MAX(attempts) AS attempts, MAX(last_answer) AS answer FROM messages GROUP BY status").all())}`,
        );
      await new Promise((r) => setTimeout(r, 200));
    }
    await server.stop("SIGKILL");
    const rows = db.prepare("SELECT message_id AS messageId, recipient, language, interrupted FROM messages").all() as {
      messageId: string;
      recipient: string;
      language: string;
      interrupted: number;
    }[];
    db.close();
    await smtp.close();

    const arrivals = new Map<string, number>();
    for (const m of smtp.received) arrivals.set(m.messageId, (arrivals.get(m.messageId) ?? 0) + 1);
    const lost = rows.filter((r) => !arrivals.has(r.messageId));
    const twice = rows.filter((r) => (arrivals.get(r.messageId) ?? 0) > 1);
    expect(lost, "messages never delivered").toEqual([]);
    // A second arrival only for a delivery under way at a kill: never more arrivals than one and a kill
    // during each of its deliveries (a message can be cut by two kills in a row).
    expect(
      rows.filter((r) => (arrivals.get(r.messageId) ?? 0) > 1 + r.interrupted),
      "sent more often than its deliveries cut by a kill",
    ).toEqual([]);
    expect(rows.reduce((n, r) => n + r.interrupted, 0)).toBeLessThanOrEqual(KILLS);
    // Each went to its own address, in its applicant's language.
    const received = new Map(smtp.received.map((m) => [m.messageId, m]));
    for (const r of rows) expect([received.get(r.messageId)?.to, received.get(r.messageId)?.language]).toEqual([r.recipient, r.language]);
    expect(acked.length).toBeGreaterThan(KILLS * 3);
    console.info(
      `outbox through ${KILLS} SIGKILLs: ${rows.length} messages, ${acked.length} acknowledged applications; all delivered; ${rows.reduce((n, r) => n + r.interrupted, 0)} deliveries interrupted by a kill, ${twice.length} messages arrived more than once (at most ${Math.max(...arrivals.values())} times)`,
    );
  });
});
