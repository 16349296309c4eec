// npm start: the product on its embedded defaults. Validates the configuration (every bad variable at
// once), builds the web UI if its sources changed, opens the SQLite file (migrations applied), seeds the
// demo on an empty database (or, with SEED_DEMO=false, creates the first administrator with a generated
// password), and serves the API and the web UI on PORT.
import { serve } from "@hono/node-server";
import { createApp } from "./app.js";
import { MailSender, senderSetup } from "./mail/sender.js";
import { runCalendar } from "./services/decisions.js";
import { setToday, today } from "./store/rows.js";
import { ConfigError, loadConfig } from "./config.js";
import { openDatabase } from "./db/database.js";
import { readHistory } from "./io/history.js";
import { loadReferenceData } from "./io/reference.js";
import { RunManager } from "./services/runs.js";
import { createInitialAdmin, demoBanner, isEmpty, seedDemo, seedDemoStory } from "./io/seed.js";
import { ensureWebBuild } from "./io/web-build.js";
import { looseFiles } from "./io/private-files.js";

let config;
try {
  config = loadConfig();
} catch (e) {
  if (e instanceof ConfigError) {
    process.stderr.write(`${e.message}\n`);
    process.exit(2);
  }
  throw e;
}
// The day taken as today (a demonstration or a test set before a past meeting), before anything is written.
setToday(config.TODAY);
const built = await ensureWebBuild(config.WEB_DIST);
if (built) process.stdout.write(`${built}\n`);
// Files this process creates are its account's only (the database and its journals are also made 0600
// explicitly); a database left looser by an earlier version or a copy is named, with the fix.
process.umask(0o077);
for (const loose of config.DATABASE_PATH === ":memory:" ? [] : looseFiles(config.DATABASE_PATH))
  process.stderr.write(`Warning: ${loose}. It holds applicants' personal data and password hashes (see docs/operations.md).\n`);
const db = openDatabase(config.DATABASE_PATH);
const reference = loadReferenceData();
const runs = new RunManager(db, config.SOLVER_TIME_LIMIT, { perUser: config.RUNS_PER_USER, global: config.HEAVY_GLOBAL });
runs.recover();
if (isEmpty(db)) {
  if (config.SEED_DEMO) {
    // The demo on its day: 13MSP, the 2024 programme year replayed (its Table 3 and 2025's opening
    // balance) and the current rounds dated from the demo's day, recorded as of that day (its answers
    // and approvals dated up to it).
    const demoDay = config.DEMO_DAY ?? today();
    setToday(demoDay);
    await seedDemo(db, reference, demoDay);
    await seedDemoStory({ db, runs }, reference, readHistory(), demoDay);
    setToday(config.TODAY);
  } else if (config.DATABASE_PATH !== ":memory:") {
    process.stdout.write(`${(await createInitialAdmin(db, config.DATABASE_PATH)).join("\n")}\n`);
  }
}
// At every start, a demo database says its day, its rounds and its accounts.
const banner = await demoBanner(db);
if (banner.length) process.stdout.write(`${banner.join("\n")}\n`);
const app = createApp({ db, config, reference, runs });
// The outbox's sender: delivers through SMTP_URL (or keeps the messages when it is unset), lapses offers
// past their deadline and writes the reminders due.
const mail = senderSetup(config);
const sender = new MailSender(db, mail.transport, { ...mail, schedule: (day) => runCalendar(db, day) });
sender.start();
process.stdout.write(
  config.SMTP_URL
    ? `Messages: sent through ${new URL(config.SMTP_URL).host} as ${config.MAIL_FROM}\n`
    : "Messages: kept in the outbox and shown on the Messages screen (set SMTP_URL to send them)\n",
);
const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
  process.stdout.write(
    `Sponsorship Programme allocator: http://${config.HOST}:${info.port}/ (API docs at /api/docs; database ${config.DATABASE_PATH})\n`,
  );
});

async function shutdown(): Promise<void> {
  server.close();
  await sender.stop();
  await runs.close();
  db.close();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
