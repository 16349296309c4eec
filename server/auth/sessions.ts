// Sessions in the database: the cookie carries a random token, the table only its sha256. Each session
// has a CSRF token that every state-changing request made with the session must echo in X-CSRF-Token.
// Logins are rate-limited per client address, and failed guesses slowed per (account, address) with growing delays.
import { createHash } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import type { Config } from "../config.js";
import type { Db } from "../db/database.js";
import { type AppEnv, type Role, type SessionUser } from "../http/index.js";
import { DomainError } from "../errors.js";
import { hashSecret, randomToken, verifySecret } from "./passwords.js";

export const SESSION_COOKIE = "sid";
export const CSRF_HEADER = "x-csrf-token";

const sha256 = (s: string): string => createHash("sha256").update(s).digest("hex");

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  donor_id: string | null;
  password_hash: string;
}

export async function createUser(
  db: Db,
  u: { username: string; displayName: string; role: Role; donorId?: string; password: string },
): Promise<number> {
  const hash = await hashSecret(u.password);
  const info = db
    .prepare("INSERT INTO users (username, display_name, role, donor_id, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)")
    .run(u.username, u.displayName, u.role, u.donorId ?? null, hash, new Date().toISOString());
  return Number(info.lastInsertRowid);
}

/** Attempts are kept this long (the longest window any limit looks at). */
const KEEP_ATTEMPTS_MS = 24 * 3_600_000;

function recentAttempts(db: Db, key: string, windowMs: number, now: Date): number {
  return db
    .prepare("SELECT COUNT(*) FROM login_attempts WHERE client = ? AND at > ?")
    .pluck()
    .get(key, new Date(now.getTime() - windowMs).toISOString()) as number;
}

function recordAttempt(db: Db, key: string, now: Date): void {
  db.prepare("DELETE FROM login_attempts WHERE at < ?").run(new Date(now.getTime() - KEEP_ATTEMPTS_MS).toISOString());
  db.prepare("INSERT INTO login_attempts (client, at) VALUES (?, ?)").run(key, now.toISOString());
}

/** At most LOGIN_RATE_PER_MINUTE attempts a minute per key (a client address and what it tries): else 429. */
export function rateLimit(db: Db, config: Config, key: string, what: string): void {
  const now = new Date();
  if (recentAttempts(db, key, 60_000, now) >= config.LOGIN_RATE_PER_MINUTE)
    throw new DomainError("rate-limited", "rate-limited", `too many ${what} from this address: wait a minute`, { retryAfterSeconds: 60 });
  recordAttempt(db, key, now);
}

/**
 * Failed guesses, throttled per (account or reference, client address): the first `free` failures of a
 * pair within LOGIN_LOCK_MINUTES pass; each next try from that pair waits twice as long as the one
 * before (1 s, 2 s, 4 s, … at most LOGIN_LOCK_MINUTES) after its last failure. Nothing is ever locked
 * for everyone: the owner, from another address, signs in with the right credentials whatever an
 * anonymous party did, and an unknown name is throttled exactly like a known one.
 */
function checkGuesses(db: Db, config: Config, key: string, free: number, what: string): void {
  const now = new Date();
  const windowMs = config.LOGIN_LOCK_MINUTES * 60_000;
  const failures = recentAttempts(db, key, windowMs, now);
  if (failures < free) return;
  const waitMs = Math.min(2 ** (failures - free) * 1000, windowMs);
  const last = db.prepare("SELECT MAX(at) FROM login_attempts WHERE client = ?").pluck().get(key) as string;
  const left = new Date(last).getTime() + waitMs - now.getTime();
  if (left > 0) {
    const seconds = Math.ceil(left / 1000);
    throw new DomainError("rate-limited", "slow-down", `too many failed ${what} from this address: try again in ${seconds} s`, {
      retryAfterSeconds: seconds,
    });
  }
}

const guessKey = (kind: "login" | "code", subject: string, client: string): string => `fail:${kind}:${subject}@${client}`;

/**
 * Access codes. Only failures count (an applicant checking a status often is no attack): at most
 * LOGIN_RATE_PER_MINUTE wrong codes a minute from one address (429), and growing delays per (reference,
 * address) after CODE_MAX_FAILURES; the right code from another address always opens the request.
 */
export function checkCodeAttempts(db: Db, config: Config, client: string, reference: string): void {
  const now = new Date();
  if (recentAttempts(db, `code:${client}`, 60_000, now) >= config.LOGIN_RATE_PER_MINUTE) {
    throw new DomainError("rate-limited", "rate-limited", "too many wrong access codes from this address: wait a minute", {
      retryAfterSeconds: 60,
    });
  }
  checkGuesses(db, config, guessKey("code", reference, client), config.CODE_MAX_FAILURES, "access codes for this reference");
}

export function recordCodeFailure(db: Db, client: string, reference: string): void {
  const now = new Date();
  recordAttempt(db, `code:${client}`, now);
  recordAttempt(db, guessKey("code", reference, client), now);
}

/**
 * A password typed to prove who one is, other than at sign-in (the current password on a password
 * change): throttled as sign-in is, per address and per (account, address), its failures counted with
 * the sign-in's, so that neither route is an oracle the other does not guard.
 */
export function checkPasswordAttempts(
  db: Db,
  config: Config,
  client: string,
  username: string,
  words = { attempts: "password attempts", failures: "password attempts for this account" },
): void {
  rateLimit(db, config, `login:${client}`, words.attempts);
  checkGuesses(db, config, passwordKey(username, client), config.LOGIN_MAX_FAILURES, words.failures);
}

/** A wrong password for an account from an address (a sign-in's or a password change's). */
export function recordPasswordFailure(db: Db, client: string, username: string): void {
  recordAttempt(db, passwordKey(username, client), new Date());
}

const passwordKey = (username: string, client: string): string => guessKey("login", username.toLowerCase(), client);

/** Checks the credentials; on success a new session (token for the cookie, CSRF token). */
export async function login(
  db: Db,
  config: Config,
  client: string,
  username: string,
  password: string,
): Promise<{ token: string; user: SessionUser }> {
  const now = new Date();
  checkPasswordAttempts(db, config, client, username, { attempts: "sign-in attempts", failures: "sign-ins for this account" });
  const row = db.prepare("SELECT * FROM users WHERE username = ?").get(username) as UserRow | undefined;
  // The same answer for an unknown user and a wrong password (and the same work: a hash is computed).
  const ok = row ? await verifySecret(password, row.password_hash) : (await hashSecret(password), false);
  if (!row || !ok) {
    recordPasswordFailure(db, client, username);
    throw new DomainError("unauthenticated", "bad-credentials", "unknown user name or wrong password");
  }
  db.prepare("DELETE FROM login_attempts WHERE client = ?").run(passwordKey(username, client));
  const token = randomToken();
  const csrf = randomToken();
  const expires = new Date(now.getTime() + config.SESSION_HOURS * 3_600_000).toISOString();
  db.prepare("INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)").run(
    sha256(token),
    row.id,
    csrf,
    now.toISOString(),
    expires,
  );
  return {
    token,
    user: { id: row.id, username: row.username, displayName: row.display_name, role: row.role, donorId: row.donor_id, csrfToken: csrf },
  };
}

export function logout(db: Db, token: string): void {
  db.prepare("DELETE FROM sessions WHERE token_hash = ?").run(sha256(token));
}

function sessionUser(db: Db, config: Config, token: string): SessionUser | null {
  const now = new Date();
  const row = db
    .prepare(
      "SELECT u.id, u.username, u.display_name, u.role, u.donor_id, s.csrf_token, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?",
    )
    .get(sha256(token)) as (Omit<UserRow, "password_hash"> & { csrf_token: string; expires_at: string }) | undefined;
  if (!row) return null;
  if (row.expires_at <= now.toISOString()) {
    db.prepare("DELETE FROM sessions WHERE token_hash = ?").run(sha256(token));
    return null;
  }
  // Sliding expiry: a session in use stays alive. It is renewed once less than half of its life is left,
  // so that reads do not each cost a write and its fsync (a few writes a day per session, not one a
  // minute: the load bench measured those fsyncs in the reads' p99).
  const life = config.SESSION_HOURS * 3_600_000;
  if (Date.parse(row.expires_at) - now.getTime() < life / 2)
    db.prepare("UPDATE sessions SET expires_at = ? WHERE token_hash = ?").run(new Date(now.getTime() + life).toISOString(), sha256(token));
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    donorId: row.donor_id,
    csrfToken: row.csrf_token,
  };
}

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Reads the session cookie into `user`; for a state-changing request made with a session, requires the
 * session's CSRF token in X-CSRF-Token. Requests without a session must send JSON (a cross-site form
 * cannot), so that no cookie-less route can be driven by another site either.
 */
export function sessionMiddleware(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { db, config } = c.get("services");
    const token = getCookie(c, SESSION_COOKIE);
    const user = token ? sessionUser(db, config, token) : null;
    c.set("user", user);
    if (!SAFE.has(c.req.method)) {
      if (user) {
        if (c.req.header(CSRF_HEADER) !== user.csrfToken)
          throw new DomainError(
            "forbidden",
            "csrf",
            "missing or wrong X-CSRF-Token header (read it from the sign-in answer or GET /api/auth/session)",
          );
      } else {
        const type = c.req.header("content-type") ?? "";
        if (!type.startsWith("application/json"))
          throw new DomainError("forbidden", "csrf", "requests without a session must send application/json");
      }
    }
    await next();
  };
}
