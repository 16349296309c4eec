// Accounts: the admin creates staff and donor accounts and resets passwords; everyone changes their own.
// A password change ends the account's other sessions.
import { hashSecret, verifySecret } from "../auth/passwords.js";
import { createUser } from "../auth/sessions.js";
import { audit } from "../audit.js";
import { tx, type Db } from "../db/database.js";
import { conflict, invalid, notFound } from "../errors.js";

export type AccountRole = "admin" | "reviewer" | "donor";

export interface Account {
  id: number;
  username: string;
  displayName: string;
  role: AccountRole;
  donorId: string | null;
  locked: boolean;
}

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: AccountRole;
  donor_id: string | null;
  locked_until: string | null;
}

const accountOf = (r: UserRow): Account => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  donorId: r.donor_id,
  locked: !!r.locked_until && r.locked_until > new Date().toISOString(),
});

export function listAccounts(db: Db): Account[] {
  return (db.prepare("SELECT * FROM users ORDER BY username").all() as UserRow[]).map(accountOf);
}

export async function createAccount(
  db: Db,
  input: { username: string; displayName: string; role: AccountRole; donorId?: string; password: string },
  actor: string,
): Promise<Account> {
  if (db.prepare("SELECT 1 FROM users WHERE username = ?").get(input.username))
    throw conflict("exists", `the user name "${input.username}" is taken`);
  const id = await createUser(db, input);
  audit(db, {
    actor,
    action: "create",
    entity: "user",
    entityId: input.username,
    data: { role: input.role, donorId: input.donorId ?? null },
  });
  return accountOf(db.prepare("SELECT * FROM users WHERE id = ?").get(id) as UserRow);
}

/** Sets another account's password and unlocks it; its sessions end. */
export async function resetPassword(db: Db, username: string, password: string, actor: string): Promise<void> {
  const id = db.prepare("SELECT id FROM users WHERE username = ?").pluck().get(username) as number | undefined;
  if (id === undefined) throw notFound(`user "${username}"`);
  const hash = await hashSecret(password);
  tx(db, () => {
    db.prepare("UPDATE users SET password_hash = ?, failed_logins = 0, locked_until = NULL, version = version + 1 WHERE id = ?").run(
      hash,
      id,
    );
    db.prepare("DELETE FROM sessions WHERE user_id = ?").run(id);
    audit(db, { actor, action: "password", entity: "user", entityId: username });
  });
}

/** Changes one's own password (with the current one); one's other sessions end. */
export async function changeOwnPassword(
  db: Db,
  user: { id: number; username: string; csrfToken: string },
  input: { current: string; password: string },
): Promise<void> {
  const stored = db.prepare("SELECT password_hash FROM users WHERE id = ?").pluck().get(user.id) as string;
  if (!(await verifySecret(input.current, stored))) throw invalid([{ path: "current", message: "is not your current password" }]);
  const hash = await hashSecret(input.password);
  tx(db, () => {
    db.prepare("UPDATE users SET password_hash = ?, version = version + 1 WHERE id = ?").run(hash, user.id);
    db.prepare("DELETE FROM sessions WHERE user_id = ? AND csrf_token <> ?").run(user.id, user.csrfToken);
    audit(db, { actor: user.username, action: "password", entity: "user", entityId: user.username });
  });
}
