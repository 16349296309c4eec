// Migration 2: run summaries in columns. Released: never edited.
import type { Migration } from "./migration.js";

export const m002: Migration = {
  version: 2,
  name: "run summaries in columns",
  // A run's value and result status, kept beside its result so that listing runs (and polling one)
  // does not parse results of megabytes.
  sql: `
ALTER TABLE runs ADD COLUMN value REAL;
ALTER TABLE runs ADD COLUMN result_status TEXT;
UPDATE runs SET value = json_extract(result, '$.value'), result_status = json_extract(result, '$.status') WHERE result IS NOT NULL;
`,
};
