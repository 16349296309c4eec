// Accounts: the admin creates staff and donor accounts and resets passwords; everyone changes their own.
// A password change ends the account's other sessions.
import { hashSecret, verifySecret } from "../auth/passwords.js";
import { checkPasswordAttempts, createUser, recordPasswordFailure } from "../auth/sessions.js";
import type { Config } from "../config.js";
import { audit } from "../audit.js";
import { tx, type Db } from "../db/database.js";
import { conflict, invalid, notFound } from "../errors.js";
import {
  accountById,
  accountIdByName,
  endSessions,
  listAccounts,
  passwordHashOf,
  setPasswordHash,
  type Account,
  type AccountRole,
} from "../store/users.js";

export { listAccounts, type Account, type AccountRole };

export async function createAccount(
  db: Db,
  input: { username: string; displayName: string; role: AccountRole; donorId?: string; password: string },
  actor: string,
): Promise<Account> {
  if (accountIdByName(db, input.username) !== null) throw conflict("exists", `the user name "${input.username}" is taken`);
  const id = await createUser(db, input);
  audit(db, {
    actor,
    action: "create",
    entity: "user",
    entityId: input.username,
    data: { role: input.role, donorId: input.donorId ?? null },
  });
  return accountById(db, id);
}

/** Sets another account's password and unlocks it; its sessions end. */
export async function resetPassword(db: Db, username: string, password: string, actor: string): Promise<void> {
  const id = accountIdByName(db, username);
  if (id === null) throw notFound(`user "${username}"`);
  const hash = await hashSecret(password);
  tx(db, () => {
    setPasswordHash(db, id, hash, true);
    endSessions(db, id);
    audit(db, { actor, action: "password", entity: "user", entityId: username });
  });
}

/** Changes one's own password (with the current one); one's other sessions end. */
export async function changeOwnPassword(
  { db, config }: { db: Db; config: Config },
  client: string,
  user: { id: number; username: string; csrfToken: string },
  input: { current: string; password: string },
): Promise<void> {
  checkPasswordAttempts(db, config, client, user.username);
  if (!(await verifySecret(input.current, passwordHashOf(db, user.id)))) {
    recordPasswordFailure(db, client, user.username);
    throw invalid([{ path: "current", message: "is not your current password" }]);
  }
  const hash = await hashSecret(input.password);
  tx(db, () => {
    setPasswordHash(db, user.id, hash, false);
    endSessions(db, user.id, user.csrfToken);
    audit(db, { actor: user.username, action: "password", entity: "user", entityId: user.username });
  });
}
