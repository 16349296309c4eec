// The app's environment as every route sees it: the services (the container the server builds once), the
// signed-in user, and who makes a change.
import type { Context } from "hono";
import type { ReferenceData } from "../../scoring/criteria/index.js";
import type { AccountRole } from "../../scoring/domain/index.js";
import type { Config } from "../config.js";
import type { Db } from "../db/database.js";
import { DomainError } from "../errors.js";
import type { WorkLimiter } from "../limits.js";
import type { Actor } from "../services/actor.js";
import type { RunManager } from "../services/runs.js";

export type Role = AccountRole;

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  donorId: string | null;
  csrfToken: string;
}

export interface Services {
  db: Db;
  config: Config;
  reference: ReferenceData;
  runs: RunManager;
  /** The analytics' limits (per user, for the server). */
  analyses: WorkLimiter;
  /** The heavy or synchronous routes' limits (per user; one at a time on the server): see route()'s `heavy`. */
  work: WorkLimiter;
}

export interface AppEnv {
  Variables: { services: Services; user: SessionUser | null };
}

export type Ctx = Context<AppEnv>;

/** The signed-in user as the author of a change (services and the audit log). */
export function actorOf(c: Ctx): Actor {
  const user = userOf(c);
  return { id: user.id, name: user.username };
}

/** The signed-in user (for routes whose guard requires one). */
export function userOf(c: Ctx): SessionUser {
  const user = c.get("user");
  if (!user) throw new DomainError("unauthenticated", "unauthenticated", "sign in first");
  return user;
}
