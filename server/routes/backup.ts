// Backups for the administrator: the whole database as a consistent SQLite snapshot or as a JSON export
// of every table (restore either with `npm run restore`). Each download is recorded in the audit log.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { audit } from "../audit.js";
import { exportJson, snapshot } from "../io/backup.js";
import { errors, newApp, route, userOf } from "../http/index.js";
import { download } from "../io/exports.js";

// The routes: each a named definition (its guard, input and answers), its handler in the chain below.
const getBackup = route(
  ["admin"],
  {
    method: "get",
    path: "/api/backup",
    tags: ["system"],
    summary:
      "A full backup: a consistent SQLite snapshot (format=sqlite) or a JSON export of every table (format=json); sessions are left out",
    request: { query: z.object({ format: z.enum(["sqlite", "json"]).default("sqlite") }) },
    responses: { 200: { description: "The backup file" }, ...errors(401, 403, 422) },
  },
  { heavy: true },
);

export function backupRoutes() {
  return newApp().openapi(getBackup, async (c) => {
    const { db } = c.get("services");
    const { format } = c.req.valid("query");
    const user = userOf(c);
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    // The download is recorded first, so that the backup holds its own record.
    audit(db, { actor: user.username, action: "backup", entity: "database", entityId: "all", data: { format } });
    download(c, `sponsorship-${stamp}.${format === "json" ? "json" : "db"}`);
    if (format === "json") return c.body(JSON.stringify(exportJson(db)), 200, { "Content-Type": "application/json; charset=utf-8" });
    const dir = mkdtempSync(join(tmpdir(), "backup-"));
    try {
      await snapshot(db, join(dir, "snapshot.db"));
      return c.body(new Uint8Array(readFileSync(join(dir, "snapshot.db"))), 200, { "Content-Type": "application/vnd.sqlite3" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
