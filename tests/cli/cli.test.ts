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

async function cli(script: "allocate" | "score", args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
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
    expect(Object.keys(result)).toEqual(["status", "value", "totalCost", "funded", "notFunded", "diagnosis", "baselines", "solver"]);
    expect(result.funded.length + result.notFunded.length).toBe(demo.requests.length);
    expect(result.totalCost).toBeLessThanOrEqual(demo.budget);
  });

  it("answers an infeasible policy with exit 0 and a diagnosis", async () => {
    // Only women, with a man (13MSP-003) locked in: impossible.
    const infeasible = { ...demo, policy: { ...demo.policy, minWomenShare: 1 }, requests: demo.requests.map((r: object, i: number) => (i === 2 ? { ...r, lock: "in" } : r)) };
    const { code, stdout } = await cli("allocate", [file("infeasible.json", infeasible)]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.status).toBe("infeasible");
    expect(result.diagnosis.rules[0].rule).toBe("minWomenShare");
    expect(result.diagnosis.rules[0].text).toMatch(/^minWomenShare 1 is not reachable with these locks: 0\.\d+ is the most$/);
  });

  const bad: [string, unknown, RegExp[]][] = [
    ["wrong version", { ...demo, version: 2 }, [/version: /]],
    ["negative budget", { ...demo, budget: -1 }, [/budget: Too small/]],
    ["unknown top-level field", { ...demo, extra: 1 }, [/extra: unknown field/]],
    ["unknown policy field", { ...demo, policy: { ...demo.policy, maxWomen: 3 } }, [/policy\.maxWomen: unknown field/]],
    ["bad region in regionMin", { ...demo, policy: { ...demo.policy, regionMin: { AFRICA: 2 } } }, [/policy\.regionMin\.AFRICA/]],
    ["women share above 1", { ...demo, policy: { ...demo.policy, minWomenShare: 1.5 } }, [/policy\.minWomenShare: Too big/]],
    ["bad gender", { ...demo, requests: demo.requests.map((r: object, i: number) => (i === 3 ? { ...r, gender: "female" } : r)) }, [/requests\[3\]\.gender/]],
    ["negative cost", { ...demo, requests: demo.requests.map((r: { levels: object[] }, i: number) => (i === 5 ? { ...r, levels: [{ level: "full", cost: -5, valueShare: 1 }] } : r)) }, [/requests\[5\]\.levels\[0\]\.cost: Too small/]],
    ["criterion above 100", { ...demo, requests: demo.requests.map((r: { criteria: object }, i: number) => (i === 0 ? { ...r, criteria: { ...r.criteria, technical: 101 } } : r)) }, [/requests\[0\]\.criteria\.technical: Too big/]],
    ["duplicate id", { ...demo, requests: [...demo.requests, demo.requests[0]] }, [/requests\[48\]\.id: duplicate request id "13MSP-001"/]],
    ["bad lock", { ...demo, requests: demo.requests.map((r: object, i: number) => (i === 1 ? { ...r, lock: "maybe" } : r)) }, [/requests\[1\]\.lock/]],
    ["bad date", { ...demo, requests: demo.requests.map((r: object, i: number) => (i === 2 ? { ...r, submittedAt: "yesterday" } : r)) }, [/requests\[2\]\.submittedAt/]],
    ["donor earmark on unknown status", { ...demo, donors: [{ id: "X", amount: 5, statuses: ["friend"] }] }, [/donors\[0\]\.statuses\[0\]/]],
    ["missing weights", { ...demo, weights: undefined }, [/weights: /]],
    ["several problems at once", { ...demo, budget: "lots", requests: demo.requests.map((r: object, i: number) => (i === 0 ? { ...r, state: "lao" } : r)) }, [/budget: /, /requests\[0\]\.state: must be an ISO 3166-1 alpha-3 code/]],
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
    expect(out.referenceData.asOf).toBe("2025-12-31");
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
