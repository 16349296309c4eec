// npm run --silent allocate -- FILE [--time-limit SECONDS] [--no-explain]
// Prints the allocation of a problem file (format v1) as JSON on stdout.
// Exit 0 when solved (an infeasible answer is an answer), 2 for invalid input, 1 for an internal error.
import { parseArgs } from "node:util";
import { allocate } from "../../scoring/allocate.js";
import { ProblemSchema } from "../../scoring/problem/index.js";
import { loadGlpk } from "../workers/glpk.js";
import { HELPER_FROM, startExplainHelper } from "../workers/solve-in-worker.js";
import { readJsonFile, runCli, UsageError } from "./io.js";
import { parseDecimal } from "../../scoring/domain/index.js";

const USAGE = "usage: npm run --silent allocate -- FILE [--time-limit SECONDS] [--no-explain] [--no-baselines]";

await runCli(USAGE, async () => {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: { "time-limit": { type: "string" }, "no-explain": { type: "boolean" }, "no-baselines": { type: "boolean" } },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (args.positionals.length !== 1) throw new UsageError("give exactly one problem file");
  const raw = args.values["time-limit"];
  const timeLimit = raw === undefined ? 60 : parseDecimal(raw);
  if (timeLimit === null || timeLimit <= 0 || timeLimit > 86_400) {
    throw new UsageError(`--time-limit: "${raw}" is not a number of seconds between 0 and 86400`);
  }
  const problem = readJsonFile(args.positionals[0]!, ProblemSchema);
  const explain = !args.values["no-explain"];
  // A second thread shares the explanations of larger rounds; it loads while this thread solves.
  const helper = explain && problem.requests.length >= HELPER_FROM ? await startExplainHelper() : undefined;
  try {
    const glpk = await loadGlpk();
    const result = await allocate(problem, { glpk, timeLimit, explain, baselines: !args.values["no-baselines"], helper });
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await helper?.close();
  }
});
