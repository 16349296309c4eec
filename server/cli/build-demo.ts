// npm run demo:build: derives data/demo/problem.json (the problem file) from data/demo/round.json with the
// default rule set. A test checks that the committed problem file is up to date.
import { writeFileSync } from "node:fs";
import { RoundFileSchema, scoreRound } from "../../scoring/criteria/index.js";
import { DEMO_DIR, loadReferenceData } from "../io/reference.js";
import { readJsonFile, runCli } from "./io.js";

await runCli("usage: npm run demo:build", async () => {
  const round = readJsonFile(`${DEMO_DIR}round.json`, RoundFileSchema);
  const { problem } = scoreRound(round, loadReferenceData());
  writeFileSync(`${DEMO_DIR}problem.json`, `${JSON.stringify(problem, null, 2)}\n`);
  process.stdout.write(`wrote ${DEMO_DIR}problem.json: ${problem.requests.length} requests, budget CHF ${problem.budget}\n`);
});
