// npm run --silent score -- FILE
// Scores the requests of a round file (their attributes, with the shipped reference data and the round's
// State overrides) and prints each criterion's points with their reasons, and the derived problem file.
import { parseArgs } from "node:util";
import { RoundFileSchema, scoreRound, UnknownStateError } from "../../scoring/criteria/index.js";
import { loadReferenceData } from "../io/reference.js";
import { InputError, readJsonFile, runCli, UsageError } from "./io.js";

const USAGE = "usage: npm run --silent score -- ROUND_FILE [--problem-only]";

await runCli(USAGE, async () => {
  let args;
  try {
    args = parseArgs({ allowPositionals: true, options: { "problem-only": { type: "boolean" } } });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (args.positionals.length !== 1) throw new UsageError("give exactly one round file");
  const file = args.positionals[0]!;
  const round = readJsonFile(file, RoundFileSchema);
  let scored;
  try {
    scored = scoreRound(round, loadReferenceData());
  } catch (e) {
    if (e instanceof UnknownStateError) throw new InputError(e.problems.map((p) => `${file}: ${p.path}: ${p.message}`));
    throw e;
  }
  const out = args.values["problem-only"] ? scored.problem : scored;
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
});
