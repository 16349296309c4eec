// Migration 4: no account locks. Released: never edited.
import type { Migration } from "./migration.js";

export const m004: Migration = {
  version: 4,
  name: "no account locks",
  // Failed sign-ins are throttled per (account, address) in login_attempts, with growing delays; an
  // account is never locked for everyone, so its lock columns go.
  sql: `
ALTER TABLE users DROP COLUMN failed_logins;
ALTER TABLE users DROP COLUMN locked_until;
`,
};
