import { loadGlpk } from "../../server/glpk.js";
import { allocate, type AllocateOptions } from "../../scoring/allocate.js";
import { buildModel } from "../../scoring/allocation/model.js";
import { type Prepared, ProblemSchema, type ProblemInput } from "../../scoring/problem/index.js";
import { Deadline, solveLp } from "../../scoring/allocation/glpk.js";

/** A solve's limit in the tests: generous (the tests are bounded by work, not by time). */
export const limit = (): Deadline => Deadline.after(120);
import { readSolution, type Solution } from "../../scoring/allocation/solution.js";

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
