// Offline drafts in the browser (Dexie over IndexedDB): an applicant's form as they type, and staff's
// unsaved what-if scenarios per round. A reload, a closed tab or a lost connection loses nothing.
import Dexie, { type EntityTable } from "dexie";

export interface Draft {
  key: string;
  values: unknown;
  updatedAt: string;
}

class DraftsDb extends Dexie {
  drafts!: EntityTable<Draft, "key">;
  constructor() {
    super("sponsorship-drafts");
    this.version(1).stores({ drafts: "key, updatedAt" });
  }
}

let db: DraftsDb | null = null;
const open = (): DraftsDb => (db ??= new DraftsDb());

export async function saveDraft(key: string, values: unknown): Promise<Draft> {
  const draft = { key, values, updatedAt: new Date().toISOString() };
  await open().drafts.put(draft);
  return draft;
}

export async function loadDraft(key: string): Promise<Draft | undefined> {
  return open().drafts.get(key);
}

export async function clearDraft(key: string): Promise<void> {
  await open().drafts.delete(key);
}
