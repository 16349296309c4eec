// npm run bench:shutdown: how long the server takes to stop (SIGTERM to exit) while its mail server says
// nothing: the sender is stuck in a handover, and a stop gives it a bounded time (5 s) before letting go
// (issue 30). Five starts, each with three messages due; prints the median and each run's time.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { emptyWebBuild, freePort, startServer } from "../tests/support/server-process.js";
import { startSilentSmtp } from "../tests/support/silent-smtp.js";

const RUNS = 5;
const times: number[] = [];
const silent = await startSilentSmtp();
for (let k = 0; k < RUNS; k++) {
  const dir = mkdtempSync(join(os.tmpdir(), "shutdown-bench-"));
  const port = await freePort();
  const server = await startServer({
    DATABASE_PATH: join(dir, "db.sqlite"),
    PORT: String(port),
    WEB_DIST: emptyWebBuild(dir),
    SMTP_URL: silent.url,
    MAIL_POLL_SECONDS: "0.2",
  });
  const seen = silent.connections();
  for (let n = 0; n < 3; n++)
    await fetch(`http://127.0.0.1:${port}/api/rounds/DEMO-OPEN/apply`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ state: "LAO", name: `Noy ${n}`, gender: "F", email: `noy${n}@example.org`, travel: { airTicket: 900 } }),
    });
  while (silent.connections() === seen) await new Promise((r) => setTimeout(r, 20));
  const t0 = performance.now();
  await server.stop("SIGTERM");
  times.push(Math.round(performance.now() - t0));
}
await silent.close();
const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
process.stdout.write(
  `# Stopping while the mail server is silent\n\n${os.cpus().length} cores, Node ${process.version}. SIGTERM to exit, with a handover stuck (no greeting) and two more messages due; bound 5 s.\n\n| runs | median (ms) | each (ms) |\n| ---: | ---: | --- |\n| ${RUNS} | ${median} | ${times.join(" / ")} |\n`,
);
