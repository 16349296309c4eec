// npm run bench:load [-- --duration SECONDS --rates 100,250,500,1000 --out FILE]
// The server under load on loopback while it solves a 3'000-request round: the real server (its own
// process, a fresh database with the demo and a round of 3'000 realistic requests) answers applicants'
// status look-ups and ISU staff's reads at rising rates (autocannon, a fixed request rate each), while an
// allocation run of the 3'000 requests keeps its worker busy (a new run is started whenever one ends).
// A trivial Hono route in a process of its own, measured the same way at the same time, is the ceiling:
// what this machine gives any Node HTTP server. Prints a table and writes it to bench/LOAD.md.
// (BENCH_SERVER_FLAGS passes Node flags to the server, e.g. "--trace-gc"; BENCH_SERVER_LOG=FILE keeps its output.)
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type autocannon from "autocannon";
import { hashCode } from "../server/auth/passwords.js";
import { openDatabase } from "../server/db/database.js";
import { loadReferenceData } from "../server/io/reference.js";
import { seedDemo } from "../server/io/seed.js";
import { createRound, insertRequest, putDonor } from "../server/store/index.js";
import { emptyWebBuild, freePort, startNode, startServer } from "../tests/support/server-process.js";
import { realisticRound } from "./realistic.js";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "5" },
    rates: { type: "string", default: "100,250,500,1000" },
    out: { type: "string" },
    "no-solve": { type: "boolean", default: false },
    repeat: { type: "string", default: "3" },
  },
});
const repeat = Number(values.repeat);
const duration = Number(values.duration);
const rates = values.rates.split(",").map(Number);
if (
  !Number.isFinite(duration) ||
  duration < 1 ||
  rates.some((r) => !Number.isInteger(r) || r < 1) ||
  !Number.isInteger(repeat) ||
  repeat < 1
) {
  process.stderr.write("usage: npm run bench:load -- [--duration SECONDS] [--rates 100,250,500,1000] [--repeat N] [--no-solve]\n");
  process.exit(2);
}
const outFile = values.out ?? new URL("./LOAD.md", import.meta.url).pathname;
const N = 3000;
const lines: string[] = [];
const print = (s = ""): void => {
  process.stdout.write(`${s}\n`);
  lines.push(s);
};

// The database: the demo, 48 applicants with known access codes, and a round of 3'000 requests in review.
const dir = mkdtempSync(join(os.tmpdir(), "load-"));
const dbPath = join(dir, "load.db");
const reference = loadReferenceData();
const db = openDatabase(dbPath);
await seedDemo(db, reference);
const codes = Array.from({ length: 48 }, (_, i) => ({
  reference: `13MSP-${String(i + 1).padStart(3, "0")}`,
  code: `LOAD-CODE-${String(i + 1).padStart(4, "0")}-XXXX`,
}));
for (const c of codes) db.prepare("UPDATE requests SET access_code_hash = ? WHERE id = ?").run(hashCode(c.code), c.reference);
const big = realisticRound(N, 7, reference);
createRound(
  db,
  { round: { ...big.round, id: "LOAD", status: "review", carryOver: 0 }, weights: big.weights, policy: big.policy, rules: big.rules },
  reference,
  { id: null, name: "bench" },
);
db.transaction(() => {
  for (const r of big.requests)
    insertRequest(db, "LOAD", { ...r, id: `LOAD-${r.id}`, lock: undefined }, "submitted", null, { id: null, name: "bench" });
})();
for (const d of big.donors) putDonor(db, "LOAD", { ...d, name: d.name ?? d.id }, null, "bench");
db.close();

const [port, ceilingPort] = [await freePort(), await freePort()];
// Diagnosis: BENCH_SERVER_FLAGS="--trace-gc" BENCH_SERVER_LOG=FILE keeps the server's output.
const server = await startServer(
  {
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_PATH: dbPath,
    WEB_DIST: emptyWebBuild(dir),
    SEED_DEMO: "false",
    LOGIN_RATE_PER_MINUTE: "1000",
  },
  { nodeArgs: process.env.BENCH_SERVER_FLAGS ? process.env.BENCH_SERVER_FLAGS.split(" ") : [], logFile: process.env.BENCH_SERVER_LOG },
);
const ceiling = await startNode(
  [
    "--input-type=module",
    "-e",
    `import { Hono } from "hono"; import { serve } from "@hono/node-server"; const app = new Hono(); app.get("/", (c) => c.json({ ok: true })); serve({ fetch: app.fetch, port: ${ceilingPort}, hostname: "127.0.0.1" }, () => console.log("ceiling ready"));`,
  ],
  {},
  "ceiling ready",
);
const base = `http://127.0.0.1:${port}`;

const login = async (username: string, password: string) => {
  const res = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  return { cookie: res.headers.get("set-cookie")!.split(";")[0]!, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
};
const admin = await login("admin", "demo-admin-13msp");
const reviewer = await login("reviewer", "demo-reviewer-13msp");

// The solve: an allocation run of the 3'000-request round, started again whenever one ends; the share of
// each measurement during which a solve was running is sampled every 100 ms.
let current: string | null = null;
let stopping = false;
let solving = 0;
let samples = 0;
let runsDone = 0;
const keeper = (async () => {
  while (!stopping && !values["no-solve"]) {
    if (current) {
      const list = (await (await fetch(`${base}/api/rounds/LOAD/runs`, { headers: { cookie: admin.cookie } })).json()) as {
        id: string;
        status: string;
      }[];
      const run = list.find((r) => r.id === current)!;
      if (run.status !== "running" && run.status !== "queued") {
        runsDone++;
        current = null;
      }
    }
    if (!current) {
      const res = await fetch(`${base}/api/rounds/LOAD/runs`, {
        method: "POST",
        headers: { cookie: admin.cookie, "x-csrf-token": admin.csrf, "content-type": "application/json" },
        body: "{}",
      });
      if (res.status !== 202) throw new Error(`run: ${res.status} ${await res.text()}`);
      current = ((await res.json()) as { id: string }).id;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
})();
const sampler = setInterval(() => {
  samples++;
  if (current) solving++;
}, 100);
// Diagnosis (BENCH_PROBE=1): the server's health route every 20 ms; slow answers are printed with the
// time since the bench started, beside the runs' start and finish times.
const t0 = Date.now();
const slow: string[] = [];
const probe = process.env.BENCH_PROBE
  ? setInterval(() => {
      const at = Date.now();
      void fetch(`${base}/api/health`).then(() => {
        const ms = Date.now() - at;
        if (ms > 40) slow.push(`${((at - t0) / 1000).toFixed(2)} s: ${ms} ms`);
      });
    }, 20)
  : null;
// Let the first run get past its scoring into the solve.
await new Promise((r) => setTimeout(r, 1500));

interface Target {
  name: string;
  url: string;
  requests: autocannon.Request[];
}
const targets: Target[] = [
  {
    name: "applicant status look-up (POST /api/applicant/status)",
    url: base,
    requests: codes.map((c) => ({
      method: "POST",
      path: "/api/applicant/status",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(c),
    })),
  },
  {
    name: "ISU read (GET /api/requests/{id}, reviewer)",
    url: base,
    requests: codes.map((c) => ({ method: "GET", path: `/api/requests/${c.reference}`, headers: { cookie: reviewer.cookie } })),
  },
  { name: "ceiling: trivial Hono route (own process)", url: `http://127.0.0.1:${ceilingPort}`, requests: [{ method: "GET", path: "/" }] },
];

/**
 * One autocannon measurement in a process of its own: the load generator's heap and garbage collector
 * are then its own, not this process's (which holds the generated round), whose pauses would be counted
 * as the server's latency.
 */
function load(opts: {
  url: string;
  requests: autocannon.Request[];
  connections: number;
  /** Requests a second in all; none: as fast as answers come. */
  overallRate?: number;
  duration: number;
}): Promise<autocannon.Result> {
  // ignoreCoordinatedOmission: with a rate, autocannon back-fills its histogram as if each connection
  // sent a request every Math.ceil(1 / rate) = 1 ms whatever the rate (lib/run.js), so one 100 ms answer
  // adds a hundred made-up samples; the rate it sends at is per connection and per second, so the
  // expected interval is 1000 × connections / rate ms (64 ms at 500/s), for which no back-filling applies.
  const script = `import autocannon from "autocannon"; const given = JSON.parse(process.argv[1]); const opts = given.overallRate ? { ...given, ignoreCoordinatedOmission: true } : given; const r = await autocannon(opts); process.stdout.write(JSON.stringify({ requests: r.requests, latency: r.latency, non2xx: r.non2xx, errors: r.errors, timeouts: r.timeouts, "2xx": r["2xx"], "4xx": r["4xx"] }));`;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script, JSON.stringify(opts)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) =>
    child.on("exit", (code) =>
      code === 0 ? resolve(JSON.parse(out) as autocannon.Result) : reject(new Error(`autocannon exited with ${code}`)),
    ),
  );
}

interface Row {
  target: string;
  rate: number;
  achieved: number;
  p50: number;
  p99: number;
  p99s: number[];
  max: number;
  bad: number;
  solving: number;
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const rows: Row[] = [];
// Warm-up: each target at the middle rate, so that the first rows do not measure a cold JIT.
for (const t of targets) await load({ url: t.url, requests: t.requests, connections: 32, overallRate: 500, duration: 3 });
for (const rate of rates) {
  for (const t of targets) {
    const windows: autocannon.Result[] = [];
    const [s0, n0] = [solving, samples];
    for (let k = 0; k < repeat; k++) {
      // A short warm-up at the rate, then the measurement.
      await load({ url: t.url, requests: t.requests, connections: 32, overallRate: rate, duration: 1 });
      windows.push(await load({ url: t.url, requests: t.requests, connections: 32, overallRate: rate, duration }));
    }
    const p99s = windows.map((w) => w.latency.p99);
    rows.push({
      target: t.name,
      rate,
      achieved: median(windows.map((w) => w.requests.average)),
      p50: median(windows.map((w) => w.latency.p50)),
      p99: median(p99s),
      p99s,
      max: Math.max(...windows.map((w) => w.latency.max)),
      bad: windows.reduce((n, w) => n + w.non2xx + w.errors + w.timeouts, 0),
      solving: (solving - s0) / Math.max(1, samples - n0),
    });
    process.stderr.write(`  ${t.name} at ${rate}/s: p50 ${rows.at(-1)!.p50} ms, p99 ${p99s.join(" / ")} ms\n`);
  }
}
// One staff user floods the what-if route (116 connections, as many requests as they can), while the
// solve goes on: /api/health is asked every 10 ms from here, and its latencies are the measure (goal:
// p99 ≤ 100 ms). The route is synchronous; the work limiter lets one user have 2 at once and answers the
// rest 429 at once, so the health check waits behind one what-if at most.
interface FloodRow {
  round: string;
  /** The flood's rate (requests a second), null: as fast as answers come, 0: no flood (the baseline). */
  rate: number | null;
  requests: number;
  ok: number;
  limited: number;
  healthP50: number;
  healthP99: number;
  healthMax: number;
  checks: number;
}
const floods: FloodRow[] = [];
async function flood(roundId: string, rate: number | null): Promise<void> {
  const health: number[] = [];
  let probing = true;
  const probing$ = (async () => {
    while (probing) {
      const at = performance.now();
      await fetch(`${base}/api/health`).then((r) => r.arrayBuffer());
      health.push(performance.now() - at);
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  const what = { method: "GET" as const, path: `/api/rounds/${roundId}/what-if`, headers: { cookie: reviewer.cookie } };
  const flooded =
    rate === 0
      ? await new Promise<null>((r) => setTimeout(() => r(null), duration * 1000))
      : await load({ url: base, requests: [what], connections: 116, duration, ...(rate ? { overallRate: rate } : {}) });
  probing = false;
  await probing$;
  const r = { total: flooded?.requests.total ?? 0, s2: flooded?.["2xx"] ?? 0, s4: flooded?.["4xx"] ?? 0 };
  const sorted = [...health].sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!);
  floods.push({
    round: roundId,
    rate,
    requests: r.total,
    ok: r.s2,
    limited: r.s4,
    healthP50: at(0.5),
    healthP99: at(0.99),
    healthMax: Math.round(sorted.at(-1)!),
    checks: sorted.length,
  });
  process.stderr.write(
    `  what-if flood on ${roundId} at ${rate ?? "full speed"}: health p99 ${at(0.99)} ms over ${sorted.length} checks\n`,
  );
}
for (const rate of [0, 500, null]) for (const roundId of rate === 0 ? ["none"] : ["13MSP", "LOAD"]) await flood(roundId, rate);
stopping = true;
clearInterval(sampler);
if (probe) {
  clearInterval(probe);
  const list = (await (await fetch(`${base}/api/rounds/LOAD/runs`, { headers: { cookie: admin.cookie } })).json()) as {
    createdAt: string;
    finishedAt: string | null;
  }[];
  process.stderr.write(
    `slow health answers:\n  ${slow.join("\n  ")}\nruns (s since start): ${list.map((r) => `${((Date.parse(r.createdAt) - t0) / 1000).toFixed(2)}–${r.finishedAt ? ((Date.parse(r.finishedAt) - t0) / 1000).toFixed(2) : "…"}`).join(", ")}\n`,
  );
}
await keeper;
await Promise.all([server.stop(), ceiling.stop()]);

print("# Load benchmark");
print();
print(
  `Machine: ${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}. Run ${new Date().toISOString()}.`,
);
print();
print(
  `The real server (npm start's code, its own process, SQLite in WAL mode with synchronous=FULL) on loopback, while an allocation run of a ${N}-request round solves in its worker thread (a new run is started whenever one ends: ${runsDone} finished during the bench). autocannon sends a fixed rate from 32 connections in ${repeat} windows of ${duration} s, each after a 1 s warm-up (and 3 s per target at 500/s before the first row), each window from a fresh process of its own; the server, its solver worker and autocannon share the machine's ${os.cpus().length} cores. Status look-ups cycle through 48 applicants (reference and access code); ISU reads through the same 48 requests as the reviewer (the request with its history and reviews). The ceiling is a one-route Hono app answering {"ok":true} in a process of its own, measured the same way in the same run. Latency in ms: the median over the windows of each window's p50 and p99, each window's p99, and the largest single latency; 'solving' is the share of the measurement during which a run was solving. The machine is shared and noisy, hence the median of windows. autocannon's rate is per connection and per second (each connection sends its share as fast as answers come, then waits for the next second), and its coordinated-omission correction assumes one request per millisecond per connection whatever the rate, so it is turned off: the latencies are those of the requests sent. Target: p99 < 50 ms at 500 requests/s during the solve.`,
);
print();
print(
  "| target | rate (req/s) | achieved (req/s) | p50 (ms) | p99 (ms), median | p99 of each window | max (ms) | errors + non-2xx | solving |",
);
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const r of rows)
  print(
    `| ${r.target} | ${r.rate} | ${r.achieved.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.p99s.join(" / ")} | ${r.max} | ${r.bad} | ${(r.solving * 100).toFixed(0)} % |`,
  );
print();
print("## One staff user floods the what-if route");
print();
print(
  `The reviewer's 116 connections ask for a round's what-if inputs (13MSP: 48 requests; LOAD: 3'000, 1.6 MB) for ${duration} s (autocannon, its own process), at 500 requests/s and then as fast as answers come, during the same solve; /api/health is asked every 10 ms meanwhile (and for as long with no flood, the baseline) and its latency measured from the bench. The what-if route is under the work limiter (2 at once per user, one at a time on the server, 429 with Retry-After beyond), and its answer is kept until the database changes. Goal: health p99 ≤ 100 ms at 500 requests/s; the full-speed rows show what a flood limited only by the server costs everyone else.`,
);
print();
print(
  "| round | flood (req/s) | what-if requests | answered 200 | answered 429 | health checks | health p50 (ms) | health p99 (ms) | health max (ms) |",
);
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const f of floods)
  print(
    `| ${f.round} | ${f.rate === 0 ? "no flood" : (f.rate ?? "full speed")} | ${f.requests} | ${f.ok} | ${f.limited} | ${f.checks} | ${f.healthP50} | ${f.healthP99} | ${f.healthMax} |`,
  );
print();
writeFileSync(outFile, `${lines.join("\n")}\n`);
process.stdout.write(`written to ${outFile}\n`);
process.exit(0);
