// Migration 8: a meeting's name and place in French and Spanish. Released: never edited.
import type { Migration } from "./migration.js";

export const m008: Migration = {
  version: 8,
  name: "meetings in three languages",
  // NULL: staff gave no words in that language; applicants and donors then read the English ones.
  sql: `
ALTER TABLE rounds ADD COLUMN meeting_fr TEXT CHECK (meeting_fr IS NULL OR length(meeting_fr) BETWEEN 1 AND 200);
ALTER TABLE rounds ADD COLUMN meeting_es TEXT CHECK (meeting_es IS NULL OR length(meeting_es) BETWEEN 1 AND 200);
ALTER TABLE rounds ADD COLUMN venue_fr TEXT CHECK (venue_fr IS NULL OR length(venue_fr) BETWEEN 1 AND 200);
ALTER TABLE rounds ADD COLUMN venue_es TEXT CHECK (venue_es IS NULL OR length(venue_es) BETWEEN 1 AND 200);
`,
};
