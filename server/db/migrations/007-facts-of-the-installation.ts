// Migration 7: facts of the installation itself (one value per name), such as the day the demo was seeded. Released: never edited.
import type { Migration } from "./migration.js";

export const m007: Migration = {
  version: 7,
  name: "facts of the installation",
  // demoDay: the day a demo database was seeded, from which its current rounds are dated; a start prints
  // it with the demo's accounts. A real installation has no row here.
  sql: `
CREATE TABLE instance_facts (
  name TEXT PRIMARY KEY CHECK (name IN ('demoDay')),
  value TEXT NOT NULL
) STRICT;
`,
};
