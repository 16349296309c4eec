// Accounts' rows: staff and donor accounts, their password hashes and their sessions' end.
import type { AccountRole } from "../../scoring/domain/index.js";
import type { Db } from "../db/database.js";

export type { AccountRole };

export interface Account {
  id: number;
  username: string;
  displayName: string;
  role: AccountRole;
  donorId: string | null;
}

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: AccountRole;
  donor_id: string | null;
}

const accountOf = (r: UserRow): Account => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  donorId: r.donor_id,
});

export function listAccounts(db: Db): Account[] {
  return (db.prepare("SELECT * FROM users ORDER BY username").all() as UserRow[]).map(accountOf);
}

export function accountById(db: Db, id: number): Account {
  return accountOf(db.prepare("SELECT * FROM users WHERE id = ?").get(id) as UserRow);
}

/** The account's id (null: no account with that name). */
export function accountIdByName(db: Db, username: string): number | null {
  return (db.prepare("SELECT id FROM users WHERE username = ?").pluck().get(username) as number | undefined) ?? null;
}

export function passwordHashOf(db: Db, id: number): string {
  return db.prepare("SELECT password_hash FROM users WHERE id = ?").pluck().get(id) as string;
}

/** A new password hash; `unlock` also clears the failed sign-ins and the lock. */
export function setPasswordHash(db: Db, id: number, hash: string, unlock: boolean): void {
  db.prepare(
    unlock
      ? "UPDATE users SET password_hash = ?, version = version + 1 WHERE id = ?"
      : "UPDATE users SET password_hash = ?, version = version + 1 WHERE id = ?",
  ).run(hash, id);
}

/** Ends the account's sessions, but the one whose CSRF token is `keep` (the caller's own). */
export function endSessions(db: Db, userId: number, keep?: string): void {
  if (keep === undefined) db.prepare("DELETE FROM sessions WHERE user_id = ?").run(userId);
  else db.prepare("DELETE FROM sessions WHERE user_id = ? AND csrf_token <> ?").run(userId, keep);
}
