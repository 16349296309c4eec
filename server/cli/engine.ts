// npm run --silent engine -- SUBCOMMAND ...: the engine's analytics, each printing the scoring
// function's JSON on stdout (the same JSON the server returns).
//   curve PROBLEM [--from CHF] [--to CHF] [--steps N] [--donor ID] [--time-limit S]
//   replace PROBLEM RESULT --declined ID[,ID...] [--time-limit S]
//   release PROBLEM RESULT --expired ID@DEADLINE[,ID@DEADLINE...] [--time-limit S]
//   robustness PROBLEM [--samples K] [--weight-jitter J] [--cost-jitter J] [--seed N] [--time-limit S]
//   sensitivity PROBLEM [--step RULE=S ...] [--women-step S] [--no-locks] [--no-earmarks] [--time-limit S]
//   diff RESULT_A RESULT_B
// Exit 0 with an answer (an infeasible one too), 2 for invalid input (every problem listed on stderr),
// 1 for an internal error.
import { parseArgs } from "node:util";
import {
  diff,
  DiffableResultSchema,
  moneyCurve,
  PriorResultSchema,
  release,
  replace,
  robustness,
  sensitivities,
} from "../../scoring/analytics/index.js";
import { InvalidInputError, parseDecimal, type ReplacementCause } from "../../scoring/domain/index.js";
import { POLICY_RULES } from "../../scoring/policy/index.js";
import { ProblemSchema } from "../../scoring/problem/index.js";
import { loadGlpk } from "../workers/glpk.js";
import { readJsonFile, runCli, UsageError } from "./io.js";

const USAGE = `usage: npm run --silent engine -- SUBCOMMAND ARGS
  curve PROBLEM [--from CHF] [--to CHF] [--steps N] [--donor ID] [--time-limit S]
  replace PROBLEM RESULT --declined ID[,ID...] [--time-limit S]
  release PROBLEM RESULT --expired ID@DEADLINE[,ID@DEADLINE...] [--time-limit S]
  robustness PROBLEM [--samples K] [--weight-jitter J] [--cost-jitter J] [--seed N] [--time-limit S]
  sensitivity PROBLEM [--step RULE=S ...] [--women-step S] [--no-locks] [--no-earmarks] [--time-limit S]
  diff RESULT_A RESULT_B`;

const OPTIONS = {
  from: { type: "string" },
  to: { type: "string" },
  steps: { type: "string" },
  donor: { type: "string" },
  declined: { type: "string" },
  expired: { type: "string" },
  samples: { type: "string" },
  "weight-jitter": { type: "string" },
  "cost-jitter": { type: "string" },
  seed: { type: "string" },
  "women-step": { type: "string" },
  step: { type: "string", multiple: true },
  "no-locks": { type: "boolean" },
  "no-earmarks": { type: "boolean" },
  "time-limit": { type: "string" },
} as const;

/** Each subcommand: its positional files and the flags it accepts. */
const COMMANDS: Record<string, { files: string[]; flags: (keyof typeof OPTIONS)[] }> = {
  curve: { files: ["PROBLEM"], flags: ["from", "to", "steps", "donor", "time-limit"] },
  replace: { files: ["PROBLEM", "RESULT"], flags: ["declined", "time-limit"] },
  release: { files: ["PROBLEM", "RESULT"], flags: ["expired", "time-limit"] },
  robustness: { files: ["PROBLEM"], flags: ["samples", "weight-jitter", "cost-jitter", "seed", "time-limit"] },
  sensitivity: { files: ["PROBLEM"], flags: ["step", "women-step", "no-locks", "no-earmarks", "time-limit"] },
  diff: { files: ["RESULT_A", "RESULT_B"], flags: [] },
};

/** Option names of the scoring functions, as the flags that set them (for error messages). */
const FLAG_OF: Record<string, string> = {
  from: "--from",
  to: "--to",
  steps: "--steps",
  donor: "--donor",
  timeLimit: "--time-limit",
  samples: "--samples",
  weightJitter: "--weight-jitter",
  costJitter: "--cost-jitter",
  seed: "--seed",
  womenShareStep: "--women-step",
};

/** --step minWomenShare=0.1 --step maxPerState=2: a policy rule's relaxation step, by the rule's key. */
function stepsOf(items: readonly string[]): Record<string, number> {
  const steps: Record<string, number> = {};
  for (const item of items) {
    const [key, raw, ...rest] = item.split("=");
    const rule = POLICY_RULES.find((r) => r.key === key && r.sense !== "bonus");
    if (!rule || raw === undefined || rest.length) {
      throw new UsageError(
        `--step: "${item}" is not RULE=STEP with RULE one of ${POLICY_RULES.filter((r) => r.sense !== "bonus")
          .map((r) => r.key)
          .join(", ")}`,
      );
    }
    const x = parseDecimal(raw);
    if (x === null || x <= 0) throw new UsageError(`--step: "${raw}" is not a positive number`);
    steps[rule.key] = x;
  }
  return steps;
}

await runCli(USAGE, async () => {
  let args;
  try {
    args = parseArgs({ allowPositionals: true, options: OPTIONS });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const [command, ...files] = args.positionals;
  const spec = command ? COMMANDS[command] : undefined;
  if (!spec) throw new UsageError(command ? `unknown subcommand "${command}"` : "give a subcommand");
  if (files.length !== spec.files.length) throw new UsageError(`${command} takes ${spec.files.join(" ")}`);
  const v = args.values;
  for (const flag of Object.keys(v) as (keyof typeof OPTIONS)[]) {
    if (!spec.flags.includes(flag)) throw new UsageError(`${command} does not take --${flag}`);
  }
  const num = (flag: keyof typeof OPTIONS): number | undefined => {
    const raw = v[flag];
    if (raw === undefined || typeof raw === "boolean" || Array.isArray(raw)) return undefined;
    const x = parseDecimal(raw);
    if (x === null) throw new UsageError(`--${flag}: "${raw}" is not a number`);
    return x;
  };
  const timeLimit = num("time-limit");
  const steps = stepsOf(v.step ?? []);
  const list = (flag: Extract<keyof typeof OPTIONS, ReplacementCause>): string[] => {
    const raw = v[flag];
    if (!raw) throw new UsageError(`${command} needs --${flag}`);
    return raw
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  };

  let out: unknown;
  try {
    if (command === "diff") {
      out = diff(readJsonFile(files[0]!, DiffableResultSchema), readJsonFile(files[1]!, DiffableResultSchema));
    } else {
      const problem = readJsonFile(files[0]!, ProblemSchema);
      const glpk = await loadGlpk();
      if (command === "curve") {
        out = await moneyCurve(problem, glpk, { from: num("from"), to: num("to"), steps: num("steps"), donor: v.donor, timeLimit });
      } else if (command === "robustness") {
        out = await robustness(problem, glpk, {
          samples: num("samples"),
          weightJitter: num("weight-jitter"),
          costJitter: num("cost-jitter"),
          seed: num("seed"),
          timeLimit,
        });
      } else if (command === "sensitivity") {
        out = await sensitivities(problem, glpk, {
          womenShareStep: num("women-step"),
          steps,
          locks: !v["no-locks"],
          earmarks: !v["no-earmarks"],
          timeLimit,
        });
      } else {
        const result = readJsonFile(files[1]!, PriorResultSchema);
        if (command === "replace") {
          out = await replace(problem, result, list("declined"), glpk, { timeLimit });
        } else {
          const offers = list("expired").map((item) => {
            const [id, deadline, ...rest] = item.split("@");
            if (!id || !deadline || rest.length) throw new UsageError(`--expired: "${item}" is not ID@DEADLINE (e.g. R-001@2025-08-15)`);
            return { id, deadline };
          });
          out = await release(problem, result, offers, glpk, { timeLimit });
        }
      }
    }
  } catch (e) {
    // The scoring functions name their options' fields; here the user typed flags.
    if (e instanceof InvalidInputError) throw new InvalidInputError(e.problems.map((p) => ({ ...p, path: FLAG_OF[p.path] ?? p.path })));
    throw e;
  }
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
});
