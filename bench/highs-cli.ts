// The HiGHS side of the bench's whole-process timing: reads a problem file, writes the independent
// formulation (highs-model.ts) and solves it with mip_rel_gap 0, as one process, as the allocate CLI does
// with glpk.js. Prints { status, units, ms } on stdout.
// Usage: tsx bench/highs-cli.ts FILE [--time-limit SECONDS]
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { loadHighs, solveHighs } from "./highs-model.js";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { "time-limit": { type: "string" } } });
const input = JSON.parse(readFileSync(positionals[0]!, "utf8"));
const out = solveHighs(await loadHighs(), input, Number(values["time-limit"] ?? 60));
process.stdout.write(`${JSON.stringify({ status: out.status, units: out.units, ms: Math.round(out.ms) })}\n`);
