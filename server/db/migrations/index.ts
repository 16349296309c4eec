// Versioned schema migrations, applied in order at start inside one transaction each, one file each. A
// migration once released is never edited: a change is a new migration, in a new file listed here.
import type { Migration } from "./migration.js";
import { m001 } from "./001-initial-schema.js";
import { m002 } from "./002-run-summaries-in-columns.js";
import { m003 } from "./003-programme-years-and-the-money-s-facts.js";
import { m004 } from "./004-no-account-locks.js";
import { m005 } from "./005-the-outbox.js";
import { m006 } from "./006-codes-change-on-acceptance.js";
import { m007 } from "./007-facts-of-the-installation.js";
import { m008 } from "./008-meetings-in-three-languages.js";

export type { Migration };

export const MIGRATIONS: Migration[] = [m001, m002, m003, m004, m005, m006, m007, m008];
