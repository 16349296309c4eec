// The CHECK constraints that list a vocabulary's codes are written from the vocabulary
// (scoring/domain/vocabulary/), not by hand: at every start, each such list in the live schema is made the
// list's codes, so that a new code (an offer state, a run status) needs no migration of its own. Only a
// widening is made here: a list that would lose a code still held by rows is a migration of those rows,
// and the start stops with the reason.
import {
  ACCOUNT_ROLE,
  AUDIENCE,
  DECISION_KINDS,
  MESSAGE_STATUS,
  OFFER_STATE,
  PROPOSAL_STATUS,
  RECORDED_SOURCES,
  ROUND_STATUS,
  RUN_STATUS,
  SETTLED_OFFERS,
  YEAR_STATUS,
} from "../../scoring/domain/index.js";
import type { Db } from "./database.js";

/** A list in a table's CHECK constraint: the text just before its `IN (`, and the codes it must hold. */
export interface CheckedList {
  table: string;
  before: string;
  codes: readonly string[];
}

export const CHECKED_LISTS: readonly CheckedList[] = [
  { table: "users", before: "CHECK (role", codes: ACCOUNT_ROLE.codes },
  { table: "rounds", before: "CHECK (status", codes: ROUND_STATUS.codes },
  { table: "runs", before: "CHECK (status", codes: RUN_STATUS.codes },
  { table: "decisions", before: "CHECK (decision", codes: DECISION_KINDS },
  { table: "decisions", before: "offer_status IS NULL OR offer_status", codes: OFFER_STATE.codes },
  { table: "decisions", before: "CHECK ((offer_status", codes: SETTLED_OFFERS },
  { table: "replacements", before: "CHECK (status", codes: PROPOSAL_STATUS.codes },
  { table: "years", before: "CHECK (status", codes: YEAR_STATUS.codes },
  { table: "donors", before: "CHECK (source", codes: RECORDED_SOURCES },
  { table: "messages", before: "CHECK (audience", codes: AUDIENCE.codes },
  { table: "messages", before: "CHECK (status", codes: MESSAGE_STATUS.codes },
];

const quoted = (codes: readonly string[]) => codes.map((c) => `'${c.replaceAll("'", "''")}'`).join(", ");
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Where a list stands in a table's schema: the text before it, its codes as written, the text after. */
const patternOf = (l: CheckedList) => new RegExp(`(${escaped(l.before)}\\s+IN\\s*\\()([^)]*)(\\))`);
const codesOf = (written: string): string[] => [...written.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1]!.replaceAll("''", "'"));

/** The lists of a table's schema the vocabulary keeps, as they are written now. */
export function listsIn(sql: string, lists: readonly CheckedList[]): (string[] | null)[] {
  return lists.map((l) => {
    const found = patternOf(l).exec(sql);
    return found ? codesOf(found[2]!) : null;
  });
}

/** The table's schema with each of its lists made the vocabulary's; refused when a list would lose a code. */
function rewritten(sql: string, lists: readonly CheckedList[]): string {
  let out = sql;
  for (const l of lists) {
    const pattern = patternOf(l);
    const found = pattern.exec(out);
    // (An older schema, in the middle of its migrations, may not have the list yet: tests check that the
    // migrated schema has every one.)
    if (!found) continue;
    const held = codesOf(found[2]!);
    const lost = held.filter((c) => !l.codes.includes(c));
    if (lost.length)
      throw new Error(
        `table ${l.table}'s list after "${l.before}" holds ${lost.join(", ")}, no longer in the vocabulary: write a migration for those rows`,
      );
    out = out.replace(pattern, `$1${quoted(l.codes)}$3`);
  }
  return out;
}

/** Makes every checked list in the schema its vocabulary's codes; returns the tables changed. */
export function syncVocabularyChecks(db: Db, lists: readonly CheckedList[] = CHECKED_LISTS): string[] {
  const tables = [...new Set(lists.map((l) => l.table))];
  const changes = tables.flatMap((table) => {
    const sql = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?").pluck().get(table) as string | undefined;
    if (sql === undefined) return [];
    const next = rewritten(
      sql,
      lists.filter((l) => l.table === table),
    );
    return next === sql ? [] : [{ table, next }];
  });
  if (changes.length === 0) return [];
  // SQLite keeps a table's CHECK in its schema text: widening a list changes no row and no page, so the
  // text is replaced in place (the documented way to change a CHECK without copying the table).
  const version = db.pragma("schema_version", { simple: true }) as number;
  db.unsafeMode(true);
  try {
    db.transaction(() => {
      db.pragma("writable_schema = ON");
      const update = db.prepare("UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = ?");
      for (const c of changes) update.run(c.next, c.table);
      db.pragma(`schema_version = ${version + 1}`);
      db.pragma("writable_schema = OFF");
    })();
  } finally {
    db.unsafeMode(false);
  }
  return changes.map((c) => c.table);
}
