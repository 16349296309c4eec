// Issue 16, finding 5: heavy work within limits. Analyses have hard caps on samples and time; a user may
// run only so many at once (429), the server only so many (the rest wait in a bounded queue); an
// analysis stops when its caller leaves or when it passes ANALYSIS_MAX_SECONDS; runs are limited per user
// and queued beyond the server's limit.
import { describe, expect, it } from "vitest";
import { createApp } from "../../server/app.js";
import { loadConfig } from "../../server/config.js";
import { WorkLimiter } from "../../server/limits.js";
import { loadReferenceData } from "../../server/io/reference.js";
import { RunManager } from "../../server/services/runs.js";
import { testApi, type Client } from "../server/api-helpers.js";

const until = async (cond: () => boolean, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe("heavy work within limits", async () => {
  const api = await testApi();
  const admin = await api.as("admin");
  const reviewer = await api.as("reviewer");
  const started = (await admin.req("POST", "/api/rounds/13MSP/runs", {})).json.id as string;
  await api.runs.settled(started);
  const appWith = (maxSeconds: string, limiter: WorkLimiter) =>
    createApp({
      db: api.db,
      config: loadConfig({ DATABASE_PATH: api.config.DATABASE_PATH, WEB_DIST: api.config.WEB_DIST, ANALYSIS_MAX_SECONDS: maxSeconds }),
      reference: loadReferenceData(),
      runs: api.runs,
      analyses: limiter,
    });
  const limiter = new WorkLimiter(1, 1, 1, "analyses");
  const app = appWith("300", limiter);
  const shortLimiter = new WorkLimiter(1, 1, 1, "analyses");
  const short = appWith("0.3", shortLimiter);
  const post = (who: Client, path: string, body: unknown, signal?: AbortSignal, on = app) =>
    Promise.resolve(
      on.request(path, {
        method: "POST",
        headers: { cookie: who.cookie!, "x-csrf-token": who.csrf!, "content-type": "application/json" },
        body: JSON.stringify(body),
        ...(signal ? { signal } : {}),
      }),
    );
  const heavy = { samples: 200, timeLimit: 60 };

  it("caps samples and time", async () => {
    const many = await admin.req("POST", `/api/runs/${started}/robustness`, { samples: 1000 });
    expect(many.status).toBe(422);
    expect(many.json.error.details.problems[0].path).toBe("samples");
    const long = await admin.req("POST", `/api/runs/${started}/sensitivity`, { timeLimit: 86_400 });
    expect(long.status).toBe(422);
    expect(long.json.error.details.problems[0].path).toBe("timeLimit");
  });

  it("limits analyses per user and for the server, and stops one whose caller leaves", async () => {
    const leaving = new AbortController();
    const first = post(admin, `/api/runs/${started}/robustness`, heavy, leaving.signal).catch(() => null);
    await until(() => limiter.load().running === 1);
    // The same user again: 429 at once.
    const again = await post(admin, `/api/runs/${started}/curve`, {});
    expect(again.status).toBe(429);
    expect((await again.json()).error.code).toBe("too-many-running");
    // Another user waits in the queue (one place); beyond it, the server is busy (429 server-busy).
    const queued = post(reviewer, `/api/runs/${started}/curve`, {});
    await until(() => limiter.load().waiting === 1);
    await expect(limiter.acquire("someone-else")).rejects.toThrow(/the server is busy/);
    // The first caller leaves: its analysis stops and the queued one runs.
    leaving.abort();
    await first;
    expect((await queued).status).toBe(200);
    await until(() => limiter.load().running === 0);
  });

  it("stops an analysis that passes ANALYSIS_MAX_SECONDS, in words", async () => {
    const res = await post(admin, `/api/runs/${started}/robustness`, heavy, undefined, short);
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toMatch(/longer than 0.3 s and was stopped/);
    expect(shortLimiter.load()).toEqual({ running: 0, waiting: 0 });
  });

  it("limits runs per user and queues them beyond the server's limit", async () => {
    const runs = new RunManager(api.db, 60, { perUser: 2, global: 1 });
    const actor = { id: 1, name: "admin" };
    const a = runs.start("13MSP", actor);
    const b = runs.start("13MSP", actor);
    expect(runs.summary(b).status).toBe("queued");
    expect(() => runs.start("13MSP", actor)).toThrow(/2 runs unfinished/);
    expect((await runs.settled(a)).status).toBe("done");
    expect((await runs.settled(b)).status).toBe("done");
    await runs.close();
  });

  it("answers one user's flood of what-ifs with 429 beyond its share, and the server keeps answering (issue 30, finding 8)", async () => {
    const work = new WorkLimiter(2, 1, 20, "exports, statements or what-ifs");
    const limited = createApp({ db: api.db, config: api.config, reference: loadReferenceData(), runs: api.runs, work });
    const get = (who: Client | null, path: string) =>
      Promise.resolve(limited.request(path, { headers: who ? { cookie: who.cookie! } : {} }));
    // 116 at once from one reviewer, and a health check and another user's what-if among them.
    const flood = Array.from({ length: 116 }, () => get(reviewer, "/api/rounds/13MSP/what-if"));
    const health = get(null, "/api/health");
    const other = get(admin, "/api/rounds/13MSP/what-if");
    const answers = await Promise.all(flood);
    const statuses = answers.map((r) => r.status);
    // Two of the reviewer's (one running, one waiting) are served; the others are told to come back.
    expect(statuses.filter((s) => s === 200)).toHaveLength(2);
    expect(statuses.filter((s) => s === 429)).toHaveLength(114);
    const refused = answers.find((r) => r.status === 429)!;
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("too-many-running");
    expect((await health).status).toBe(200);
    expect((await other).status).toBe(200);
    expect(work.load()).toEqual({ running: 0, waiting: 0 });
  });

  it("puts every heavy or synchronous route under the work limiter", async () => {
    const { HEAVY_ROUTES } = await import("../../server/http/routes.js");
    expect([...HEAVY_ROUTES].sort()).toEqual(
      [
        "GET /api/rounds/{roundId}/what-if",
        "GET /api/runs/{runId}/export",
        "GET /api/runs/{runId}/compare/{otherId}",
        "GET /api/rounds/{roundId}/statement",
        "GET /api/years/{year}/statement",
        "GET /api/years/{year}/ledger",
        "POST /api/rounds/{roundId}/requests/import",
        "GET /api/rounds/{roundId}/requests/export",
        "GET /api/backup",
        "GET /api/rounds/{roundId}/rationale",
      ].sort(),
    );
    // A statement past one user's share: 429 while two are in flight.
    const work = new WorkLimiter(1, 1, 20, "statements");
    const limited = createApp({ db: api.db, config: api.config, reference: loadReferenceData(), runs: api.runs, work });
    const both = await Promise.all(
      [0, 1].map(() => Promise.resolve(limited.request("/api/rounds/13MSP/statement", { headers: { cookie: admin.cookie! } }))),
    );
    expect(both.map((r) => r.status).sort()).toEqual([200, 429]);
  });
});
