// A schema migration: its version (applied in order), its name and its SQL.
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
