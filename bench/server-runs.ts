// Server runs as users feel them (issue 19): nine realistic rounds of n requests (bench/realistic.ts,
// seeds 1–9) in a fresh database, each allocated by a server run through the HTTP API (POST
// /api/rounds/{id}/runs), timed from the request to the run done: scored, solved to the proven optimum
// and fully explained (the explanations shared with a helper thread, the machine's second core).
//
//   npm run bench:runs            n = 150, three runs of each round
//   N=300 REPEAT=1 npm run bench:runs
import { mkdtempSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../server/db/database.js";
import { loadReferenceData } from "../server/io/reference.js";
import { seedDemo } from "../server/io/seed.js";
import { freePort, startServer } from "../tests/support/server-process.js";
import { insertRealisticRound } from "./realistic-db.js";
import { median } from "./stats.js";

const N = Number(process.env.N ?? 150);
const REPEAT = Number(process.env.REPEAT ?? 3);
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9];

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "bench-runs-"));
  const dbPath = join(dir, "bench.db");
  const db = openDatabase(dbPath);
  const reference = loadReferenceData();
  await seedDemo(db, reference);
  for (const seed of SEEDS) {
    insertRealisticRound(db, reference, `RUN-${seed}`, N, seed);
  }
  db.close();
  const port = await freePort();
  // An empty web build: the server starts without building the UI.
  const server = await startServer({ PORT: String(port), HOST: "127.0.0.1", DATABASE_PATH: dbPath, LOGIN_RATE_PER_MINUTE: "1000" });
  const base = `http://127.0.0.1:${port}`;
  const login = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "admin", password: "demo-admin-13msp" }),
  });
  const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
  const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  const rows: string[] = [];
  const all: number[] = [];
  try {
    for (const seed of SEEDS) {
      const times: number[] = [];
      const proposals: number[] = [];
      let threads = 0;
      let status = "";
      for (let k = 0; k < REPEAT; k++) {
        const t0 = performance.now();
        const started = await fetch(`${base}/api/rounds/RUN-${seed}/runs`, {
          method: "POST",
          headers: { cookie, "x-csrf-token": csrf, "content-type": "application/json" },
          body: "{}",
        });
        const { id } = (await started.json()) as { id: string };
        let proposed: number | null = null;
        for (;;) {
          // The round's run summaries (small): the status, and the value once the proposal is written.
          // Asking for the run itself every few milliseconds would send its megabytes each time, on the
          // cores the run needs.
          const list = (await (await fetch(`${base}/api/rounds/RUN-${seed}/runs`, { headers: { cookie } })).json()) as {
            id: string;
            status: string;
            value: number | null;
          }[];
          const run = list.find((r) => r.id === id)!;
          if (proposed === null && run.value !== null) proposed = performance.now() - t0;
          if (run.status === "done" || run.status === "failed") {
            times.push(performance.now() - t0);
            proposals.push(proposed ?? performance.now() - t0);
            const full = (await (await fetch(`${base}/api/runs/${id}`, { headers: { cookie } })).json()) as {
              result?: { status: string; solver: { explainThreads?: number } } | null;
            };
            threads = full.result?.solver.explainThreads ?? 0;
            status = full.result?.status ?? run.status;
            break;
          }
          await new Promise((r) => setTimeout(r, 5));
        }
      }
      all.push(...times);
      rows.push(
        `| ${seed} | ${N} | ${median(proposals).toFixed(0)} ms | ${median(times).toFixed(0)} ms | ${Math.max(...times).toFixed(0)} ms | ${threads} | ${status} |`,
      );
      console.error(rows.at(-1));
    }
  } finally {
    await server.stop();
  }
  console.log(
    `\nServer runs through the HTTP API, ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), ${REPEAT} runs of each round, one at a time\n`,
  );
  console.log("| seed | n | proposal shown (median) | request to done (median) | worst | explanation threads | result |");
  console.log("| --- | --- | --- | --- | --- | --- | --- |");
  for (const r of rows) console.log(r);
  console.log(
    `\nAll ${all.length} runs: median ${median(all).toFixed(0)} ms; worst round's median ${Math.max(...rows.map((r) => Number(/\| (\d+) ms \| \d+ ms \| \d+ \|/.exec(r)?.[1] ?? Number.NaN))).toFixed(0)} ms; worst run ${Math.max(...all).toFixed(0)} ms.`,
  );
}

await main();
