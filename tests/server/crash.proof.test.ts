// Crash durability: the real server in its own process takes writes (staff entering requests, reviews,
// allocation runs, applicants applying) from three clients at once, and is killed with SIGKILL at a
// random moment, 50 times. After each kill the database file passes `PRAGMA integrity_check`, its audit
// chain verifies, and every write the server had acknowledged is there with what was sent; a write in
// flight at the kill is either wholly there or wholly absent. Then the server starts again on the file.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { verifyChain } from "../../server/audit.js";
import { openDatabase } from "../../server/db/database.js";
import { rng } from "../../scoring/domain/random.js";
import { emptyWebBuild, freePort, startServer } from "../support/server-process.js";

const KILLS = 50;

/** A write and what it must leave in the database once acknowledged. */
interface Write {
  kind: "request" | "review" | "run" | "apply";
  key: string;
  value: string;
  acked: boolean;
}

describe("crash durability", () => {
  it(`keeps every acknowledged write through ${KILLS} kills at random moments`, async () => {
    const dir = mkdtempSync(join(tmpdir(), "crash-"));
    const dbPath = join(dir, "crash.db");
    const port = await freePort();
    const env = {
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_PATH: dbPath,
      WEB_DIST: emptyWebBuild(dir),
      LOGIN_RATE_PER_MINUTE: "1000",
      // Runs are started faster than they end here; the per-user limit has its own test (heavy-work).
      RUNS_PER_USER: "100",
    };
    const base = `http://127.0.0.1:${port}`;
    const random = rng(20261128);

    let server = await startServer(env);
    const login = async (username: string, password: string) => {
      const res = await fetch(`${base}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username, password }),
      });
      return { cookie: res.headers.get("set-cookie")!.split(";")[0]!, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
    };
    // Sessions are in the database: they outlive the crashes.
    const admin = await login("admin", "demo-admin-13msp");
    const reviewer = await login("reviewer", "demo-reviewer-13msp");
    const send = (who: { cookie: string; csrf: string } | null, method: string, path: string, body: unknown) =>
      fetch(`${base}${path}`, {
        method,
        headers: { "content-type": "application/json", ...(who ? { cookie: who.cookie, "x-csrf-token": who.csrf } : {}) },
        body: JSON.stringify(body),
      });

    const writes: Write[] = [];
    let serial = 0;
    let killedAt = 0;
    const stats = { acked: 0, inFlight: 0, inFlightLanded: 0 };

    /** One writer: sequential writes until the server dies (each write recorded before it is sent). */
    const failures: string[] = [];
    const writer = async (next: () => Promise<void>, pauseMs = 0) => {
      for (;;) {
        try {
          await next();
        } catch (e) {
          // The connection died with the server; anything else is a failure of the test's subject.
          if (!(e instanceof TypeError)) failures.push((e as Error).message);
          return;
        }
        if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
      }
    };
    const staffWrites = async () => {
      const id = `13MSP-C${String(++serial).padStart(4, "0")}`;
      const w: Write = { kind: "request", key: id, value: `Crash Delegate ${serial}`, acked: false };
      writes.push(w);
      const res = await send(admin, "POST", "/api/rounds/13MSP/requests", {
        id,
        state: "LAO",
        name: w.value,
        gender: "F",
        email: "c@example.org",
        submittedAt: "2025-05-02T09:30:00Z",
        travel: { airTicket: 1500 },
        acceptedLevels: ["full"],
      });
      if (res.status !== 201) throw new Error(`request ${id}: ${res.status} ${await res.text()}`);
      w.acked = true;
    };
    const reviewWrites = async () => {
      const id = `13MSP-0${String(10 + Math.floor(random() * 30)).padStart(2, "0")}`;
      const rating = Math.floor(random() * 6);
      // The review's version as it is now (an update names it; the first review has none).
      const read = (await (await fetch(`${base}/api/requests/${id}`, { headers: { cookie: reviewer.cookie } })).json()) as {
        reviews: { reviewer: string; version: number }[];
      };
      const version = read.reviews.find((r) => r.reviewer === "reviewer")?.version;
      const w: Write = { kind: "review", key: id, value: String(rating), acked: false };
      writes.push(w);
      const res = await send(reviewer, "PUT", `/api/requests/${id}/review`, {
        rating,
        comment: `crash ${serial}`,
        ...(version ? { version } : {}),
      });
      if (res.status !== 200) throw new Error(`review ${id}: ${res.status} ${await res.text()}`);
      w.acked = true;
    };
    const runAndApplyWrites = async () => {
      if (random() < 0.15) {
        const w: Write = { kind: "run", key: "", value: "", acked: false };
        writes.push(w);
        const res = await send(admin, "POST", "/api/rounds/13MSP/runs", {});
        if (res.status !== 202) throw new Error(`run: ${res.status} ${await res.text()}`);
        w.key = ((await res.json()) as { id: string }).id;
        w.acked = true;
      } else {
        const name = `Applicant ${++serial}`;
        const w: Write = { kind: "apply", key: "", value: name, acked: false };
        writes.push(w);
        const res = await send(null, "POST", "/api/rounds/DEMO-OPEN/apply", {
          state: "KHM",
          name,
          gender: "M",
          email: "a@example.org",
          travel: { airTicket: 900 },
          acceptedLevels: ["full"],
        });
        if (res.status !== 201) throw new Error(`apply: ${res.status} ${await res.text()}`);
        w.key = ((await res.json()) as { reference: string }).reference;
        w.acked = true;
      }
    };

    for (let kill = 1; kill <= KILLS; kill++) {
      const from = writes.length;
      const writers = Promise.all([writer(staffWrites), writer(reviewWrites), writer(runAndApplyWrites, 25)]);
      // A random moment: 50–600 ms into the writes.
      await new Promise((r) => setTimeout(r, 50 + random() * 550));
      await server.stop("SIGKILL");
      await writers;
      killedAt = kill;

      expect(failures, `after kill ${kill}`).toEqual([]);

      const db = openDatabase(dbPath);
      try {
        expect(db.pragma("integrity_check", { simple: true }), `after kill ${kill}`).toBe("ok");
        expect(verifyChain(db).ok, `audit chain after kill ${kill}`).toBe(true);
        // Nothing half-written: every request has its history row and its audit entry, every run its audit entry.
        expect(
          db
            .prepare("SELECT COUNT(*) FROM requests r WHERE NOT EXISTS (SELECT 1 FROM request_history h WHERE h.request_id = r.id)")
            .pluck()
            .get(),
        ).toBe(0);
        expect(
          db
            .prepare(
              "SELECT COUNT(*) FROM requests r WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'request' AND a.entity_id = r.id)",
            )
            .pluck()
            .get(),
        ).toBe(0);
        expect(
          db
            .prepare(
              "SELECT COUNT(*) FROM runs r WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'run' AND a.entity_id = r.id)",
            )
            .pluck()
            .get(),
        ).toBe(0);
        for (const w of writes.slice(from)) {
          const found = present(db, w);
          if (w.acked) {
            stats.acked++;
            expect(found, `after kill ${kill}: acknowledged ${w.kind} ${w.key} (${w.value})`).toBe(true);
          } else {
            stats.inFlight++;
            if (found) stats.inFlightLanded++;
          }
        }
        // Each review on file is the last acknowledged rating of its request, or one sent after it that
        // was in flight at a kill: an acknowledged rating is never lost, never rolled back to an older one.
        const reviews = db
          .prepare("SELECT r.request_id AS id, r.rating FROM reviews r JOIN users u ON u.id = r.reviewer_id WHERE u.username = 'reviewer'")
          .all() as { id: string; rating: number }[];
        const onFile = new Map(reviews.map((r) => [r.id, String(r.rating)]));
        for (const key of new Set(writes.filter((w) => w.kind === "review").map((w) => w.key))) {
          const sent = writes.filter((w) => w.kind === "review" && w.key === key);
          const lastAcked = sent.map((w) => w.acked).lastIndexOf(true);
          if (lastAcked < 0) continue;
          const allowed = sent.slice(lastAcked).map((w) => w.value);
          expect(allowed, `after kill ${kill}: review of ${key}`).toContain(onFile.get(key));
        }
      } finally {
        db.close();
      }
      server = await startServer(env);
    }
    // The last start: the server serves the state it recovered (left-over runs are failed, not lost).
    const runs = (await (await fetch(`${base}/api/rounds/13MSP/runs`, { headers: { cookie: admin.cookie } })).json()) as {
      status: string;
    }[];
    expect(runs.every((r) => ["done", "failed", "cancelled"].includes(r.status))).toBe(true);
    await server.stop("SIGKILL");
    expect(killedAt).toBe(KILLS);
    expect(stats.acked).toBeGreaterThan(KILLS * 5);
    console.info(
      `crash durability: ${KILLS} SIGKILLs survived; ${stats.acked} acknowledged writes all present; ${stats.inFlight} writes in flight at a kill, ${stats.inFlightLanded} of them landed whole`,
    );
    // Fifty starts of the real server: bounded by that work, with room for a slow or shared machine (it
    // took 100–120 s alone on a 2-core machine on 2026-12-07, beyond the suite's default of 120 s).
  }, 600_000);
});

/** The write is in the database, whole: with the value that was sent. */
function present(db: ReturnType<typeof openDatabase>, w: Write): boolean {
  switch (w.kind) {
    case "request": {
      const row = db.prepare("SELECT attributes FROM requests WHERE id = ?").get(w.key) as { attributes: string } | undefined;
      return (
        row !== undefined &&
        (JSON.parse(row.attributes) as { name: string }).name === w.value &&
        db.prepare("SELECT COUNT(*) FROM request_history WHERE request_id = ?").pluck().get(w.key) === 1
      );
    }
    case "review": // (checked with the ratings sent after it, above)
      return (
        db
          .prepare("SELECT COUNT(*) FROM reviews r JOIN users u ON u.id = r.reviewer_id WHERE u.username = 'reviewer' AND r.request_id = ?")
          .pluck()
          .get(w.key) === 1
      );
    case "run":
      return w.key !== "" && db.prepare("SELECT COUNT(*) FROM runs WHERE id = ?").pluck().get(w.key) === 1;
    case "apply":
      if (w.key === "")
        return db.prepare("SELECT COUNT(*) FROM requests WHERE json_extract(attributes, '$.name') = ?").pluck().get(w.value) === 1;
      return (
        db.prepare("SELECT COUNT(*) FROM requests WHERE id = ? AND json_extract(attributes, '$.name') = ?").pluck().get(w.key, w.value) ===
        1
      );
  }
}
