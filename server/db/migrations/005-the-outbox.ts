// Migration 5: the outbox. Released: never edited.
import type { Migration } from "./migration.js";

export const m005: Migration = {
  version: 5,
  name: "the outbox",
  // Every message to an applicant (or to the ISU) is written here in the same transaction as the change
  // that causes it, then delivered by the sender. event_key names the event (one message per event: a
  // second write of the same event is ignored). A message with a secret (a new access code) keeps only
  // the fact that it has one: the code is made when the message is sent, and only its hash is stored.
  sql: `
CREATE TABLE messages (
id               INTEGER PRIMARY KEY,
event_key        TEXT NOT NULL UNIQUE,
kind             TEXT NOT NULL,
audience         TEXT NOT NULL CHECK (audience IN ('applicant', 'staff')),
request_id       TEXT REFERENCES requests(id) ON DELETE CASCADE,
round_id         TEXT REFERENCES rounds(id) ON DELETE CASCADE,
recipient        TEXT NOT NULL,
language         TEXT NOT NULL CHECK (language IN ('en', 'fr', 'es')),
subject          TEXT NOT NULL,
body             TEXT NOT NULL,
status           TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
attempts         INTEGER NOT NULL DEFAULT 0,
next_attempt_at  TEXT NOT NULL,
last_answer      TEXT,
interrupted      INTEGER NOT NULL DEFAULT 0,
message_id       TEXT NOT NULL UNIQUE,
created_at       TEXT NOT NULL,
sent_at          TEXT,
updated_at       TEXT NOT NULL,
version          INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX messages_due ON messages(status, next_attempt_at);
CREATE INDEX messages_request ON messages(request_id);
`,
};
