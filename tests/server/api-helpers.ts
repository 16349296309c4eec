// The API in-process through app.request (the real Hono stack, a real SQLite file per test file): a
// fresh database, the demo seeded, and clients signed in as each role.
import { mkdtempSync } from "node:fs";
import { expect } from "vitest";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp, type App } from "../../server/app.js";
import { loadConfig, type Config } from "../../server/config.js";
import { openDatabase, type Db } from "../../server/db/database.js";
import { loadReferenceData } from "../../server/io/reference.js";
import { MailSender, senderSetup } from "../../server/mail/sender.js";
import { runCalendar } from "../../server/services/decisions.js";
import { RunManager } from "../../server/services/runs.js";
import { setToday } from "../../server/store/rows.js";
import { DEMO_ACCOUNTS, seedDemo } from "../../server/io/seed.js";
import { DEMO_DAY } from "../support/demo-day.js";

export interface TestApi {
  app: App;
  db: Db;
  runs: RunManager;
  config: Config;
  dir: string;
  /** The server's calendar moves to `day` (YYYY-MM-DD): e.g. past the meeting, to settle its offers. */
  dayIs(day: string): void;
  /** A client: anonymous, or signed in as one of the demo accounts. */
  as(who: "anonymous" | "admin" | "reviewer" | "donor-aus"): Promise<Client>;
}

export interface Client {
  /** The session cookie (`sid=…`) and its CSRF token, for requests made by hand (null: anonymous). */
  cookie: string | null;
  csrf: string | null;
  // The tests read answers freely (each asserts the fields it needs), hence `any` for the parsed body.
  req(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<TestAnswer>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type TestAnswer = { status: number; json: any; text: string; headers: Headers };

/**
 * The server as of 20 July 2025: the demo round's meeting (16–19 September 2025) is still ahead, so that
 * its offers can be made with a deadline before the meeting and answered in time.
 */
export const AS_OF_13MSP = { TODAY: "2025-07-20" };
/** A day after the demo round's meeting (16–19 September 2025): its offers may be settled. */
export const AFTER_13MSP = "2025-09-22";

export async function testApi(env: Record<string, string> = {}): Promise<TestApi> {
  const dir = mkdtempSync(join(tmpdir(), "api-"));
  // Sign-ins are many in tests: the rate limit has its own test (with its own setting).
  const config = loadConfig({
    DATABASE_PATH: join(dir, "test.db"),
    WEB_DIST: join(dir, "no-web"),
    LOGIN_RATE_PER_MINUTE: "1000",
    TODAY: DEMO_DAY,
    DEMO_DAY,
    ...env,
  });
  setToday(config.TODAY);
  const db = openDatabase(config.DATABASE_PATH);
  const reference = loadReferenceData();
  await seedDemo(db, reference, config.DEMO_DAY);
  const runs = new RunManager(db, config.SOLVER_TIME_LIMIT, { perUser: config.RUNS_PER_USER, global: config.HEAVY_GLOBAL });
  const app = createApp({ db, config, reference, runs });

  const client = (cookie: string | null, csrf: string | null): Client => ({
    cookie,
    csrf,
    async req(method, path, body, headers = {}) {
      const h: Record<string, string> = { ...headers };
      if (cookie) h.cookie = cookie;
      if (csrf && method !== "GET") h["x-csrf-token"] = csrf;
      if (body !== undefined) h["content-type"] ??= "application/json";
      // The client's address, as the Node server would give it from the socket (x-test-remote: test only).
      const remote = h["x-test-remote"];
      delete h["x-test-remote"];
      const env = remote ? { incoming: { socket: { remoteAddress: remote, remoteFamily: "IPv4", remotePort: 40000 } } } : undefined;
      // The day this server takes as today (process-wide: two test servers of one file take turns).
      setToday(config.TODAY);
      const res = await app.request(
        path,
        { method, headers: h, body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body) },
        env,
      );
      const text = await res.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = null;
      }
      return { status: res.status, json, text, headers: res.headers };
    },
  });

  return {
    app,
    db,
    runs,
    config,
    dir,
    dayIs(day) {
      config.TODAY = day;
      setToday(day);
    },
    async as(who) {
      if (who === "anonymous") return client(null, null);
      const account = DEMO_ACCOUNTS.find((a) => a.username === who)!;
      const res = await app.request("/api/auth/login", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: account.username, password: account.password }),
      });
      if (res.status !== 200) throw new Error(`login as ${who}: ${res.status} ${await res.text()}`);
      const cookie = res.headers.get("set-cookie")!.split(";")[0]!;
      const user = (await res.json()) as { csrfToken: string };
      return client(cookie, user.csrfToken);
    },
  };
}

/** Runs the demo round and approves the run (offers due 15 August 2025, `waitlist` waitlisted): the funded and the not funded. */
export async function approveDemoRun(api: TestApi, admin: Client, waitlist = 0): Promise<{ funded: string[]; notFunded: string[] }> {
  const started = await admin.req("POST", "/api/rounds/13MSP/runs", {});
  await api.runs.settled(started.json.id);
  const run = (await admin.req("GET", `/api/runs/${started.json.id}`)).json;
  const round = (await admin.req("GET", "/api/rounds/13MSP")).json;
  const res = await admin.req("POST", `/api/runs/${run.id}/approve`, {
    offerDeadline: "2025-08-15",
    roundVersion: round.version,
    waitlist,
  });
  expect(res.status, res.text).toBe(200);
  return { funded: run.result.funded.map((f: { id: string }) => f.id), notFunded: run.result.notFunded.map((n: { id: string }) => n.id) };
}

/**
 * The outbox's sender for a test server, with the settings of `env` (SMTP_URL, MAIL_ATTEMPTS, …) and the
 * calendar it runs at each look (default: the product's, lapses and reminders).
 */
export function senderFor(
  api: TestApi,
  env: Record<string, string>,
  schedule: (day: string) => void = (day) => void runCalendar(api.db, day),
): MailSender {
  const mail = senderSetup(loadConfig({ ...env, DATABASE_PATH: api.config.DATABASE_PATH }));
  return new MailSender(api.db, mail.transport, { ...mail, schedule });
}
