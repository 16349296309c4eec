// Migration 3: programme years and the money's facts. Released: never edited.
import type { Migration } from "./migration.js";

export const m003: Migration = {
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
};
