// The command-line tools as a user runs them: real processes, real files, exit codes and messages.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "cli-"));
const demo = JSON.parse(readFileSync("data/demo/problem.json", "utf8"));

async function cli(script: "allocate" | "score" | "engine", args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run("npx", ["tsx", `server/cli/${script}.ts`, ...args], { maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

describe("allocate CLI", () => {
  it("allocates the demo round and prints the result JSON", async () => {
    const { code, stdout } = await cli("allocate", ["data/demo/problem.json"]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.status).toBe("optimal");
    expect(result.solver).toMatchObject({ name: "glpk.js", gap: 0 });
    expect(Object.keys(result)).toEqual([
      "status",
      "value",
      "totalCost",
      "funded",
      "notFunded",
      "summary",
      "diagnosis",
      "baselines",
      "solver",
    ]);
    expect(result.funded.length + result.notFunded.length).toBe(demo.requests.length);
    expect(result.totalCost).toBeLessThanOrEqual(demo.budget);
    expect(result.summary).toMatchObject({
      delegates: result.funded.length,
      value: result.value,
      totalCost: result.totalCost,
      moneyLeft: Math.round((demo.budget - result.totalCost) * 100) / 100,
    });
    // Each donor's total in the summary is what the funded list says it pays.
    for (const d of result.summary.byDonor) {
      const paid = result.funded
        .flatMap((f: { funding: { donor: string; amount: number }[] }) => f.funding)
        .filter((x: { donor: string }) => x.donor === d.donor)
        .reduce((s: number, x: { amount: number }) => s + x.amount, 0);
      expect(d.amount).toBeCloseTo(paid, 2);
    }
  });

  it("answers an infeasible policy with exit 0 and a diagnosis", async () => {
    // Only women, with a man (13MSP-003) locked in: impossible.
    const infeasible = {
      ...demo,
      policy: { ...demo.policy, minWomenShare: 1 },
      requests: demo.requests.map((r: object, i: number) => (i === 2 ? { ...r, lock: "in" } : r)),
    };
    const { code, stdout } = await cli("allocate", [file("infeasible.json", infeasible)]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.status).toBe("infeasible");
    expect(result.diagnosis.rules[0].rule).toBe("minWomenShare");
    expect(result.diagnosis.rules[0].text).toMatch(/^at least 100 % women cannot be met with these locks: \d+ % at most$/);
  });

  const bad: [string, unknown, RegExp[]][] = [
    ["wrong version", { ...demo, version: 2 }, [/version: /]],
    ["negative budget", { ...demo, budget: -1 }, [/budget: must be 0 or more/]],
    ["unknown top-level field", { ...demo, extra: 1 }, [/extra: unknown field/]],
    ["unknown policy field", { ...demo, policy: { ...demo.policy, maxWomen: 3 } }, [/policy\.maxWomen: unknown field/]],
    ["bad region in regionMin", { ...demo, policy: { ...demo.policy, regionMin: { AFRICA: 2 } } }, [/policy\.regionMin\.AFRICA/]],
    ["women share above 1", { ...demo, policy: { ...demo.policy, minWomenShare: 1.5 } }, [/policy\.minWomenShare: must be 1 or less/]],
    [
      "bad gender",
      { ...demo, requests: demo.requests.map((r: object, i: number) => (i === 3 ? { ...r, gender: "female" } : r)) },
      [/requests\[3\]\.gender/],
    ],
    [
      "negative cost",
      {
        ...demo,
        requests: demo.requests.map((r: { levels: object[] }, i: number) =>
          i === 5 ? { ...r, levels: [{ level: "full", cost: -5, valueShare: 1 }] } : r,
        ),
      },
      [/requests\[5\]\.levels\[0\]\.cost: must be (0 or more|more than 0)/],
    ],
    [
      "criterion above 100",
      {
        ...demo,
        requests: demo.requests.map((r: { criteria: object }, i: number) =>
          i === 0 ? { ...r, criteria: { ...r.criteria, technical: 101 } } : r,
        ),
      },
      [/requests\[0\]\.criteria\.technical: must be 100 or less/],
    ],
    ["duplicate id", { ...demo, requests: [...demo.requests, demo.requests[0]] }, [/requests\[48\]\.id: duplicate request id "13MSP-001"/]],
    [
      "bad lock",
      { ...demo, requests: demo.requests.map((r: object, i: number) => (i === 1 ? { ...r, lock: "maybe" } : r)) },
      [/requests\[1\]\.lock/],
    ],
    [
      "bad date",
      { ...demo, requests: demo.requests.map((r: object, i: number) => (i === 2 ? { ...r, submittedAt: "yesterday" } : r)) },
      [/requests\[2\]\.submittedAt/],
    ],
    [
      "donor earmark on unknown status",
      { ...demo, donors: [{ id: "X", amount: 5, statuses: ["friend"] }] },
      [/donors\[0\]\.statuses\[0\]/],
    ],
    ["missing weights", { ...demo, weights: undefined }, [/weights: /]],
    [
      "several problems at once",
      { ...demo, budget: "lots", requests: demo.requests.map((r: object, i: number) => (i === 0 ? { ...r, state: "lao" } : r)) },
      [/budget: /, /requests\[0\]\.state: must be an ISO 3166-1 alpha-3 code/],
    ],
  ];

  it.each(bad)("rejects %s with exit 2, naming the path", async (name, content, patterns) => {
    const { code, stdout, stderr } = await cli("allocate", [file(`${name.replace(/\W/g, "-")}.json`, content)]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    for (const p of patterns) expect(stderr).toMatch(p);
  });

  it("rejects a file that is not JSON, a missing file and a bad time limit with exit 2", async () => {
    expect((await cli("allocate", [file("broken.json", "{ not json")])).stderr).toMatch(/not valid JSON/);
    const missing = await cli("allocate", [join(dir, "none.json")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read the file \(ENOENT\)/);
    const limit = await cli("allocate", ["data/demo/problem.json", "--time-limit", "soon"]);
    expect(limit.code).toBe(2);
    expect(limit.stderr).toMatch(/--time-limit: "soon" is not a number/);
    expect((await cli("allocate", [])).code).toBe(2);
  });
});

describe("score CLI", () => {
  it("scores the demo round's requests with reasons and the reference data's date", async () => {
    const { code, stdout } = await cli("score", ["data/demo/round.json"]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.referenceData.asOf).toBe("2025-09-16");
    expect(out.requests).toHaveLength(48);
    const first = out.requests[0];
    expect(first.reasons.implementation[0]).toMatchObject({ rule: "ldc-state-party", points: 25 });
    expect(out.problem).toEqual(demo);
  });

  it("rejects a request from an unknown State with exit 2 and its path", async () => {
    const round = JSON.parse(readFileSync("data/demo/round.json", "utf8"));
    round.requests[4].state = "ZZZ";
    const { code, stderr } = await cli("score", [file("round-bad.json", round)]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/requests\[4\]\.state: unknown State "ZZZ"/);
  });
});

describe("engine CLI", () => {
  const resultFile = async (): Promise<string> =>
    file("demo-result.json", (await cli("allocate", ["data/demo/problem.json", "--no-explain"])).stdout);

  it("curve: 21 budgets of the demo round, values never falling", async () => {
    const { code, stdout } = await cli("engine", ["curve", "data/demo/problem.json"]);
    expect(code).toBe(0);
    const c = JSON.parse(stdout);
    expect(c.points).toHaveLength(21);
    expect(c.points.filter((p: { base: boolean }) => p.base)).toHaveLength(1);
    const values = c.points.map((p: { value: number }) => p.value);
    expect(values).toEqual([...values].sort((a, b) => a - b));
  });

  it("replace and diff: the replacement differs from the result by the declined and their replacements", async () => {
    const result = await resultFile();
    const first = JSON.parse(readFileSync(result, "utf8")).funded.find((f: { id: string }) => f.id !== "13MSP-001").id;
    const rep = await cli("engine", ["replace", "data/demo/problem.json", result, "--declined", first]);
    expect(rep.code).toBe(0);
    const r = JSON.parse(rep.stdout);
    expect(r.released.map((x: { id: string }) => x.id)).toEqual([first]);
    const d = JSON.parse((await cli("engine", ["diff", result, file("replaced.json", r)])).stdout);
    expect(d.left.map((x: { id: string }) => x.id)).toEqual([first]);
    expect(d.entered.map((x: { id: string }) => x.id)).toEqual(r.replacements.map((x: { id: string }) => x.id));
    expect(JSON.parse((await cli("engine", ["diff", result, result])).stdout).same).toBe(true);
  });

  it("robustness, sensitivity and release answer on the demo round", async () => {
    const rob = JSON.parse((await cli("engine", ["robustness", "data/demo/problem.json", "--samples", "10", "--seed", "3"])).stdout);
    expect(rob.solved + rob.infeasible + rob.unsolved).toBe(10);
    expect(rob.counts.always + rob.counts.borderline + rob.counts.never).toBe(demo.requests.length);
    const sens = JSON.parse((await cli("engine", ["sensitivity", "data/demo/problem.json", "--no-locks"])).stdout);
    expect(sens.rules.map((r: { rule: string }) => r.rule)).toContain("regionMin.AFR");
    expect(sens.rules.some((r: { rule: string }) => r.rule.startsWith("lock."))).toBe(false);
    const result = await resultFile();
    const rel = JSON.parse(
      (await cli("engine", ["release", "data/demo/problem.json", result, "--expired", "13MSP-001@2025-08-15"])).stdout,
    );
    expect(rel.released[0].reason).toBe("offer not accepted by its deadline (2025-08-15)");
  });

  it("rejects bad input with exit 2, every problem named by its flag or path", async () => {
    const bad = await cli("engine", ["curve", "data/demo/problem.json", "--steps", "1", "--donor", "NOPE"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--steps: must be \d+ or more/);
    expect(bad.stderr).toMatch(/--donor: "NOPE" is not a donor of the problem/);
    const notFunded = await cli("engine", ["replace", "data/demo/problem.json", await resultFile(), "--declined", "13MSP-999"]);
    expect(notFunded.code).toBe(2);
    expect(notFunded.stderr).toMatch(/declined\[0\]: "13MSP-999" is not funded in the result/);
    expect((await cli("engine", ["curve", "data/demo/problem.json", "--declined", "x"])).stderr).toMatch(/curve does not take --declined/);
    expect((await cli("engine", ["nonsense"])).code).toBe(2);
    expect((await cli("engine", ["release", "data/demo/problem.json", await resultFile(), "--expired", "13MSP-001"])).stderr).toMatch(
      /--expired: "13MSP-001" is not ID@DEADLINE/,
    );
    expect((await cli("engine", ["diff", "data/demo/problem.json", "data/demo/problem.json"])).stderr).toMatch(/funded: /);
  });
});
