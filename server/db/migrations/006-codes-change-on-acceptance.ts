// Migration 6: an access code changes only when the mail server accepted its message. Released: never edited.
import type { Migration } from "./migration.js";

export const m006: Migration = {
  version: 6,
  name: "codes change on acceptance",
  // A new-code message holds the hash of the code it is handing over (code_hash) until the mail server
  // accepts it; only then does the request's code change. A handover cut by a stop may have reached the
  // applicant: its code's hash is kept (spare_code_hash) and, once the message is accepted, the request
  // takes both, the new code and that one, so that every code the applicant received works. A message
  // past a limit per recipient or per reference is held (status "held", from the vocabulary's CHECK).
  sql: `
ALTER TABLE messages ADD COLUMN code_hash TEXT;
ALTER TABLE messages ADD COLUMN spare_code_hash TEXT;
ALTER TABLE requests ADD COLUMN spare_code_hash TEXT;
CREATE INDEX messages_recipient ON messages(recipient, created_at);
CREATE INDEX messages_request_day ON messages(request_id, created_at);
`,
};
