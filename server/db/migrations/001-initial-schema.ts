// Migration 1: initial schema. Released: never edited.
import type { Migration } from "./migration.js";

export const m001: Migration = {
  version: 1,
  name: "initial schema",
  sql: `
CREATE TABLE users (
id            INTEGER PRIMARY KEY,
username      TEXT NOT NULL UNIQUE,
display_name  TEXT NOT NULL,
role          TEXT NOT NULL CHECK (role IN ('admin', 'reviewer', 'donor')),
donor_id      TEXT,                      -- donors only: the donor (by id, e.g. AUS) the account speaks for
password_hash TEXT NOT NULL,
failed_logins INTEGER NOT NULL DEFAULT 0,
locked_until  TEXT,
created_at    TEXT NOT NULL,
version       INTEGER NOT NULL DEFAULT 1,
CHECK ((role = 'donor') = (donor_id IS NOT NULL))
);

CREATE TABLE sessions (
token_hash  TEXT PRIMARY KEY,            -- sha256 of the cookie's token: the token itself is never stored
user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
csrf_token  TEXT NOT NULL,
created_at  TEXT NOT NULL,
expires_at  TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE login_attempts (
id      INTEGER PRIMARY KEY,
client  TEXT NOT NULL,
at      TEXT NOT NULL
);
CREATE INDEX login_attempts_client ON login_attempts(client, at);

CREATE TABLE rounds (
id              TEXT PRIMARY KEY,
meeting         TEXT NOT NULL,
venue           TEXT NOT NULL,
start_date      TEXT NOT NULL,
end_date        TEXT NOT NULL,
window_opens    TEXT NOT NULL,
window_closes   TEXT NOT NULL,
allowance_rate  REAL NOT NULL,
nights          INTEGER NOT NULL,
status          TEXT NOT NULL CHECK (status IN ('draft', 'open', 'review', 'decided', 'closed')),
carry_over      REAL NOT NULL DEFAULT 0,
reserve         REAL NOT NULL DEFAULT 0,
admin_estimate  REAL NOT NULL DEFAULT 0,
admin_actual    REAL,                    -- general and administrative expenses, after the meeting
deferred_to     REAL,                    -- contributions deferred to the next year (null: what is left)
history         TEXT,                    -- JSON: the Programme's earlier rounds, for rotation
reference_as_of TEXT NOT NULL,
created_at      TEXT NOT NULL,
updated_at      TEXT NOT NULL,
version         INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE round_states (
round_id  TEXT NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
iso3      TEXT NOT NULL,
data      TEXT NOT NULL,                 -- JSON: the State (scoring/domain/schemas.ts StateSchema)
edited    INTEGER NOT NULL DEFAULT 0,
version   INTEGER NOT NULL DEFAULT 1,
PRIMARY KEY (round_id, iso3)
);

CREATE TABLE donors (
round_id  TEXT NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
id        TEXT NOT NULL,
name      TEXT NOT NULL,
amount    REAL NOT NULL CHECK (amount >= 0),
regions   TEXT,                          -- JSON arrays, null when not earmarked that way
statuses  TEXT,
states    TEXT,
version   INTEGER NOT NULL DEFAULT 1,
PRIMARY KEY (round_id, id)
);

CREATE TABLE settings (
round_id    TEXT NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
version     INTEGER NOT NULL,
weights     TEXT NOT NULL,               -- JSON
policy      TEXT NOT NULL,               -- JSON
rules       TEXT,                        -- JSON rule set (null: the default rules)
note        TEXT NOT NULL DEFAULT '',
created_at  TEXT NOT NULL,
created_by  INTEGER REFERENCES users(id),
PRIMARY KEY (round_id, version)
);

CREATE TABLE requests (
id                TEXT PRIMARY KEY,      -- the reference given to the applicant
round_id          TEXT NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
attributes        TEXT NOT NULL,         -- JSON: scoring/criteria/score.ts RequestAttributes
status            TEXT NOT NULL,
access_code_hash  TEXT,                  -- scrypt of the applicant's access code
created_at        TEXT NOT NULL,
updated_at        TEXT NOT NULL,
version           INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX requests_round ON requests(round_id);

CREATE TABLE request_history (
id          INTEGER PRIMARY KEY,
request_id  TEXT NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
status      TEXT NOT NULL,
note        TEXT NOT NULL DEFAULT '',
at          TEXT NOT NULL,
by_user     INTEGER REFERENCES users(id)
);
CREATE INDEX request_history_request ON request_history(request_id);

CREATE TABLE reviews (
request_id   TEXT NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
reviewer_id  INTEGER NOT NULL REFERENCES users(id),
rating       REAL CHECK (rating IS NULL OR (rating >= 0 AND rating <= 5)),
comment      TEXT NOT NULL DEFAULT '',
conflict     INTEGER NOT NULL DEFAULT 0,
updated_at   TEXT NOT NULL,
version      INTEGER NOT NULL DEFAULT 1,
PRIMARY KEY (request_id, reviewer_id),
CHECK (NOT (conflict = 1 AND rating IS NOT NULL))
);

CREATE TABLE runs (
id               TEXT PRIMARY KEY,
round_id         TEXT NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
settings_version INTEGER NOT NULL,
status           TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
time_limit       INTEGER NOT NULL,
problem          TEXT NOT NULL,          -- JSON: the problem file v1 as solved
scores           TEXT NOT NULL,          -- JSON: each request's criteria and reasons
result           TEXT,                   -- JSON: the AllocationResult
error            TEXT,
solver_name      TEXT,
solver_version   TEXT,
created_at       TEXT NOT NULL,
created_by       INTEGER REFERENCES users(id),
started_at       TEXT,
finished_at      TEXT,
approved_at      TEXT,
approved_by      INTEGER REFERENCES users(id)
);
CREATE INDEX runs_round ON runs(round_id);

CREATE TABLE decisions (
round_id        TEXT NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
request_id      TEXT NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
run_id          TEXT NOT NULL REFERENCES runs(id),
decision        TEXT NOT NULL CHECK (decision IN ('funded', 'waitlisted', 'not-funded')),
level           TEXT,
cost            REAL,
offer_deadline  TEXT,
offer_status    TEXT CHECK (offer_status IS NULL OR offer_status IN ('pending', 'accepted', 'declined', 'expired')),
actual_cost     REAL,
version         INTEGER NOT NULL DEFAULT 1,
PRIMARY KEY (round_id, request_id)
);

CREATE TABLE replacements (
id          TEXT PRIMARY KEY,
round_id    TEXT NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
run_id      TEXT NOT NULL REFERENCES runs(id),
cause       TEXT NOT NULL,
input       TEXT NOT NULL,
result      TEXT NOT NULL,
status      TEXT NOT NULL CHECK (status IN ('proposed', 'applied', 'discarded')),
created_at  TEXT NOT NULL,
created_by  INTEGER REFERENCES users(id)
);

CREATE TABLE audit_log (
seq        INTEGER PRIMARY KEY AUTOINCREMENT,
at         TEXT NOT NULL,
actor      TEXT NOT NULL,
action     TEXT NOT NULL,
entity     TEXT NOT NULL,
entity_id  TEXT NOT NULL,
data       TEXT NOT NULL,
prev_hash  TEXT NOT NULL,
hash       TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
`,
};
