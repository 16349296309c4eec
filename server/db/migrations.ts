// Versioned schema migrations, applied in order at start inside one transaction each. A migration once
// released is never edited: a change is a new migration.

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
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
  },
  {
    version: 2,
    name: "run summaries in columns",
    // A run's value and result status, kept beside its result so that listing runs (and polling one)
    // does not parse results of megabytes.
    sql: `
ALTER TABLE runs ADD COLUMN value REAL;
ALTER TABLE runs ADD COLUMN result_status TEXT;
UPDATE runs SET value = json_extract(result, '$.value'), result_status = json_extract(result, '$.status') WHERE result IS NOT NULL;
`,
  },
  {
    version: 3,
    name: "programme years and the money's facts",
    // Rounds belong to the financial year of their start date. A year holds its own facts: the opening
    // balance (typed for the first year only, with a note; later years carry the year before's), its
    // status and, once closed, its locked closing balance. The round's typed carry-over and deferred-to
    // go: both are derived from the year. A contribution says when it was received and whether its
    // amount is sourced or derived. An offer may end as travelled, a no-show or a late cancellation, and
    // keeps the dates of its commitment, answer and settlement.
    sql: `
CREATE TABLE years (
  year          INTEGER PRIMARY KEY,
  opening       REAL CHECK (opening IS NULL OR opening >= 0),
  opening_note  TEXT NOT NULL DEFAULT '',
  note          TEXT NOT NULL DEFAULT '',
  status        TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  closing       REAL,
  closed_at     TEXT,
  closed_by     INTEGER REFERENCES users(id),
  version       INTEGER NOT NULL DEFAULT 1,
  CHECK ((status = 'closed') = (closing IS NOT NULL))
);
INSERT INTO years (year) SELECT DISTINCT CAST(substr(start_date, 1, 4) AS INTEGER) FROM rounds;
UPDATE years SET
  opening = COALESCE((SELECT carry_over FROM rounds WHERE CAST(substr(start_date, 1, 4) AS INTEGER) = years.year ORDER BY start_date, id LIMIT 1), 0),
  opening_note = 'the carry-over entered on the year''s first round, before programme years were kept'
  WHERE year = (SELECT MIN(year) FROM years);
ALTER TABLE rounds DROP COLUMN carry_over;
ALTER TABLE rounds DROP COLUMN deferred_to;

ALTER TABLE donors ADD COLUMN received_on TEXT;
ALTER TABLE donors ADD COLUMN source TEXT NOT NULL DEFAULT 'sourced' CHECK (source IN ('sourced', 'derived'));
ALTER TABLE donors ADD COLUMN note TEXT NOT NULL DEFAULT '';

CREATE TABLE decisions_v3 (
  round_id        TEXT NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
  request_id      TEXT NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
  run_id          TEXT NOT NULL REFERENCES runs(id),
  decision        TEXT NOT NULL CHECK (decision IN ('funded', 'waitlisted', 'not-funded')),
  level           TEXT,
  cost            REAL,
  offer_deadline  TEXT,
  offer_status    TEXT CHECK (offer_status IS NULL OR offer_status IN ('pending', 'accepted', 'declined', 'expired', 'travelled', 'no-show', 'cancelled')),
  actual_cost     REAL CHECK (actual_cost IS NULL OR actual_cost >= 0),
  committed_on    TEXT,
  answered_on     TEXT,
  settled_on      TEXT,
  version         INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (round_id, request_id),
  CHECK ((offer_status IN ('travelled', 'no-show', 'cancelled')) = (actual_cost IS NOT NULL AND offer_status IS NOT NULL))
);
INSERT INTO decisions_v3 (round_id, request_id, run_id, decision, level, cost, offer_deadline, offer_status, actual_cost, version)
  SELECT round_id, request_id, run_id, decision, level, cost, offer_deadline,
         CASE WHEN offer_status = 'accepted' AND actual_cost IS NOT NULL THEN 'travelled' ELSE offer_status END,
         CASE WHEN offer_status = 'accepted' THEN actual_cost ELSE NULL END,
         version
  FROM decisions;
DROP TABLE decisions;
ALTER TABLE decisions_v3 RENAME TO decisions;
UPDATE requests SET status = 'travelled'
  WHERE id IN (SELECT request_id FROM decisions WHERE offer_status = 'travelled');
`,
  },
  {
    version: 4,
    name: "no account locks",
    // Failed sign-ins are throttled per (account, address) in login_attempts, with growing delays; an
    // account is never locked for everyone, so its lock columns go.
    sql: `
ALTER TABLE users DROP COLUMN failed_logins;
ALTER TABLE users DROP COLUMN locked_until;
`,
  },
  {
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
  },
];
