// npm run demo: the engine on its embedded defaults, without the server. Scores the demo round (13MSP) from its requests'
// attributes and the reference data, allocates it with glpk.js, and prints the decision with its
// rationale: who is funded and by which donor, why each other request is not, and what the baselines
// would have done. (The API server and the UI build on this engine; see the README.)
import { parseArgs } from "node:util";
import { allocateRound } from "../../scoring/allocate.js";
import { chf } from "../../scoring/domain/index.js";
import { RoundFileSchema } from "../../scoring/criteria/index.js";
import { loadGlpk } from "../workers/glpk.js";
import { HELPER_FROM, startExplainHelper } from "../workers/solve-in-worker.js";
import { DEMO_DIR, loadReferenceData } from "../io/reference.js";
import { readJsonFile, runCli, UsageError } from "./io.js";

const USAGE = "usage: npm run demo [-- ROUND_FILE]   (default: the demo round, data/demo/round.json)";

await runCli(USAGE, async () => {
  let args;
  try {
    args = parseArgs({ allowPositionals: true, options: {} });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const file = args.positionals[0] ?? `${DEMO_DIR}round.json`;
  const round = readJsonFile(file, RoundFileSchema);
  const ref = loadReferenceData();
  const t0 = performance.now();
  let helper: Awaited<ReturnType<typeof startExplainHelper>> | undefined;
  const { scored, result } = await allocateRound(round, ref, async (s) => {
    if (s.problem.requests.length >= HELPER_FROM) helper = await startExplainHelper();
    return { glpk: await loadGlpk(), helper };
  }).finally(() => helper?.close());
  const ms = Math.round(performance.now() - t0);
  const r = round.round;
  const byId = new Map(round.requests.map((q) => [q.id, q]));
  const scoreById = new Map(scored.requests.map((q) => [q.id, q]));
  const stateOf = (id: string): string => byId.get(id)!.state;
  /** " (rotation ×0.9)" when the round's history lowered the request's priority. */
  const rotation = (id: string): string => {
    const reason = Object.values(scoreById.get(id)!.reasons)
      .flat()
      .find((r) => r.rule === "rotation");
    return reason ? ` (rotation ×${/factor ([\d.]+)/.exec(reason.evidence)?.[1] ?? "?"})` : "";
  };
  const problemById = new Map(scored.problem.requests.map((q) => [q.id, q]));
  const out: string[] = [];
  const line = (s = ""): void => void out.push(s);

  line(`Sponsorship Programme allocator: ${r.meeting} (${r.id}), ${r.venue}, ${r.startDate} to ${r.endDate}`);
  line(
    `Reference data as of ${scored.referenceData.asOf} (${scored.referenceData.unverifiedRows} rows to verify; ${scored.referenceData.unverifiedUsed.length} used here). Rules: ${scored.rules}.`,
  );
  const contributions = round.donors.reduce((s, d) => s + d.amount, 0);
  line(
    `Money: contributions CHF ${chf(contributions)} (${round.donors.map((d) => `${d.name ?? d.id} ${chf(d.amount)}`).join(", ")}) + carry-over CHF ${chf(r.carryOver)}` +
      ` - reserve CHF ${chf(r.reserve)} - admin estimate CHF ${chf(r.adminEstimate)} = CHF ${chf(scored.problem.budget)} available.`,
  );
  line(
    `Weights: ${Object.entries(round.weights)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}.`,
  );
  line();
  if (result.status === "infeasible") {
    line(`No allocation satisfies the rules. ${result.diagnosis?.text ?? ""}`);
  } else {
    line(
      `Status: ${result.status} (gap ${result.solver.gap}), value ${result.value} points, ${result.funded.length} delegates, CHF ${chf(result.totalCost)} committed, CHF ${chf(scored.problem.budget - result.totalCost)} left. Scored, solved and explained in ${ms} ms.`,
    );
    line();
    line("Funded:");
    for (const f of result.funded) {
      const p = problemById.get(f.id)!;
      const s = scoreById.get(f.id)!;
      const donors = f.funding.map((x) => `${x.donor} ${chf(x.amount)}`).join(" + ");
      const loss = f.lossIfDropped === null ? `required (${f.requiredBy})` : `loss if dropped ${f.lossIfDropped}`;
      line(
        `  ${f.id}  ${stateOf(f.id)} ${p.region.padEnd(6)} ${p.status.padEnd(9)} ${p.gender}  ${f.level.padEnd(9)} CHF ${chf(f.cost).padStart(6)}  score ${s.total.toFixed(2).padStart(6)}  value ${f.value.toFixed(2).padStart(6)}  paid by ${donors}; ${loss}${rotation(f.id)}`,
      );
    }
    line();
    line("Not funded:");
    for (const n of result.notFunded) line(`  ${n.id}  ${stateOf(n.id)}  ${n.reason.text}${rotation(n.id)}`);
    line();
  }
  line("Baselines on the same money and rules:");
  for (const b of result.baselines) {
    line(
      `  ${b.name.padEnd(6)} value ${b.value} (${b.count} delegates, CHF ${chf(b.totalCost)}); ${b.broken.length ? `breaks: ${b.broken.join("; ")}` : "breaks no rule"}`,
    );
  }
  line();
  line("Machine-readable output: npm run --silent allocate -- data/demo/problem.json");
  process.stdout.write(`${out.join("\n")}\n`);
});
