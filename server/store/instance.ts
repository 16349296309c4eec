// Facts of the installation itself: the day a demo database was seeded.
import type { Db } from "../db/database.js";

export type InstanceFact = "demoDay";

export function setInstanceFact(db: Db, name: InstanceFact, value: string): void {
  db.prepare("INSERT INTO instance_facts (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value").run(
    name,
    value,
  );
}

/** The fact's value (null: not recorded, e.g. no demo day on a real installation). */
export function instanceFact(db: Db, name: InstanceFact): string | null {
  return (db.prepare("SELECT value FROM instance_facts WHERE name = ?").pluck().get(name) as string | undefined) ?? null;
}
