// Configuration from environment variables, validated with zod at start: every bad variable is listed at
// once, and the server does not start with any of them wrong.
import { z } from "zod";
import { fieldProblems } from "../scoring/domain/index.js";

const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const ConfigSchema = z.object({
  PORT: int(1, 65_535).default(8787),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_PATH: z.string().min(1).default("var/sponsorship.db"),
  /** Seed the demo round and demo accounts into an empty database (default true). */
  SEED_DEMO: bool.default(true),
  /** Hours a session lasts without use. */
  SESSION_HOURS: int(1, 24 * 30).default(12),
  /** Failed sign-ins for one account from one address before each next try waits (1 s, doubling, at most LOGIN_LOCK_MINUTES). */
  LOGIN_MAX_FAILURES: int(1, 100).default(5),
  LOGIN_LOCK_MINUTES: int(1, 24 * 60).default(15),
  /** Wrong access codes for one reference from one address before each next try waits (as above). */
  CODE_MAX_FAILURES: int(1, 1000).default(10),
  /**
   * The reverse proxies whose X-Forwarded-For to believe (comma-separated addresses as the server sees
   * them, e.g. 127.0.0.1); empty (the default): the header is ignored and the socket's address is the client's.
   */
  TRUST_PROXY: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.union([z.ipv4(), z.ipv6()]))),
  /** Login attempts (and wrong access codes) per client address per minute before 429. */
  LOGIN_RATE_PER_MINUTE: int(1, 1000).default(10),
  /** Seconds each allocation run may take (the solver's time limit). */
  SOLVER_TIME_LIMIT: int(1, 3600).default(60),
  /** Analyses (money curve, robustness, sensitivity) one user may run at once; beyond: 429. */
  ANALYSES_PER_USER: int(1, 100).default(2),
  /** Allocation runs one user may run at once; beyond: 429. */
  RUNS_PER_USER: int(1, 100).default(2),
  /** Heavy or synchronous requests (what-if inputs, exports, statements, imports, comparisons) one user may have at once, running or waiting; beyond: 429. */
  WORK_PER_USER: int(1, 100).default(2),
  /** Heavy jobs of each kind (runs; analyses) the server runs at once; the others wait in a queue of HEAVY_QUEUE (then 503). */
  HEAVY_GLOBAL: int(1, 64).default(2),
  HEAVY_QUEUE: int(0, 1000).default(20),
  /** Seconds an analysis may take in all before it is stopped. */
  ANALYSIS_MAX_SECONDS: z.coerce.number().gt(0).max(3600).default(300),
  /** Set the Secure flag on cookies (behind HTTPS). */
  COOKIE_SECURE: bool.default(false),
  /** Where the built web UI is (served at /). */
  WEB_DIST: z.string().min(1).default("web/dist"),
  /**
   * The day the server takes as today (YYYY-MM-DD), for a demonstration or a test set before a meeting
   * that is now past; unset (the default), the real day.
   */
  TODAY: z.iso.date().optional(),
  /**
   * The day the demo is seeded as of (YYYY-MM-DD): its current rounds (open for requests, in review,
   * just held) are dated from it, and its story is recorded as of that day; unset (the default), the day of
   * the first start. Tests pin it. Only read when the demo is seeded into an empty database.
   */
  DEMO_DAY: z.iso.date().optional(),
  /**
   * The mail server that delivers the outbox's messages (smtp://user:password@host:587, smtps://… for TLS
   * from the start); unset (the default): messages stay in the outbox, shown on the Messages screen.
   */
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// address, e.g. smtp://user:password@mail.example.org:587" })
    .optional(),
  /** The sender of the messages: an address, with a name if wished ("Sponsorship Programme <sponsorship@example.org>"). */
  MAIL_FROM: z
    .string()
    .regex(/^([^<>]*<)?[^\s@<>]+@[^\s@<>]+>?$/, "must be an e-mail address, with a name if wished: Name <address@example.org>")
    .default("Sponsorship Programme <sponsorship@localhost>"),
  /** Where the ISU's notices go (an offer answered); unset: the MAIL_FROM address. */
  MAIL_STAFF: z.email().optional(),
  /** The address people reach the product at, for the links in messages; unset: http://HOST:PORT. */
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// address" }).optional(),
  /** Attempts to deliver a message before it is marked failed (a temporary refusal or no connection is retried). */
  MAIL_ATTEMPTS: int(1, 50).default(6),
  /** Seconds before the second attempt; each next one waits twice as long (at most an hour). */
  MAIL_RETRY_SECONDS: z.coerce.number().gt(0).max(3600).default(60),
  /**
   * The messages anyone may cause by typing a form (a request received, a new access code), past which
   * they are held in the outbox for staff (never sent by themselves): per recipient address and per
   * request within an hour, and new codes per request within a day. The product's own messages are never held.
   */
  MAIL_PER_ADDRESS_HOUR: int(1, 1000).default(5),
  MAIL_PER_REQUEST_HOUR: int(1, 1000).default(5),
  NEW_CODES_PER_DAY: int(1, 100).default(3),
  /** Seconds between two looks at the outbox. */
  MAIL_POLL_SECONDS: z.coerce.number().gt(0).max(3600).default(2),
});
export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p}`).join("\n")}`);
  }
}

/** Reads the configuration from `env` (default: process.env); throws ConfigError listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const known = Object.fromEntries(Object.keys(ConfigSchema.shape).map((k) => [k, env[k] === "" ? undefined : env[k]]));
  const parsed = ConfigSchema.safeParse(known);
  if (!parsed.success) throw new ConfigError(fieldProblems(parsed.error).map((p) => `${p.path}: ${p.message}`));
  return parsed.data;
}
