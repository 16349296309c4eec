import { loadGlpk } from "../../server/workers/glpk.js";
import { allocate, type AllocateOptions } from "../../scoring/allocate.js";
import { buildModel } from "../../scoring/allocation/model.js";
import { type Prepared, ProblemSchema, type ProblemInput } from "../../scoring/problem/index.js";
import { Deadline, solveLp, type Glpk } from "../../scoring/allocation/glpk.js";
import { readSolution, type Solution } from "../../scoring/allocation/solution.js";

/** A solve's limit in the tests: generous (the tests are bounded by work, not by time). */
export const limit = (): Deadline => Deadline.after(120);

/**
 * glpk.js with something done before each solve (a spy that records or refuses its options, a slower
 * machine): the same constants, the real solve after it.
 */
export function beforeEachSolve(glpk: Glpk, before: (options: Parameters<Glpk["solve"]>[1]) => void): Glpk {
  const constants = Object.fromEntries(Object.getOwnPropertyNames(glpk).map((k) => [k, (glpk as unknown as Record<string, unknown>)[k]]));
  return {
    ...constants,
    solve(lp: Parameters<Glpk["solve"]>[0], options?: Parameters<Glpk["solve"]>[1]) {
      before(options);
      return glpk.solve(lp, options);
    },
  } as unknown as Glpk;
}

/** Keeps the thread busy for `ms` (a slower machine, without a timer). */
export function busy(ms: number): void {
  for (const end = performance.now() + ms; performance.now() < end;);
}

export async function solve(input: ProblemInput, opts: Partial<AllocateOptions> = {}) {
  const glpk = await loadGlpk();
  return allocate(ProblemSchema.parse(input), { glpk, ...opts });
}

/** The model (with requests forced in or out) built afresh and solved whole: no derivation, no core, no shortcut. */
export async function solveWhole(
  prep: Prepared,
  force: Map<number, "in" | "out"> = new Map(),
): Promise<{ z: number; solution: Solution } | null> {
  const glpk = await loadGlpk();
  const model = buildModel(prep, glpk, { force });
  const out = await solveLp(glpk, model.lp, limit());
  return out.found && out.status === "optimal" ? { z: out.z, solution: readSolution(prep, model, out.vars) } : null;
}
