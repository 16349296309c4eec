import { loadGlpk } from "../../server/glpk.js";
import { allocate, type AllocateOptions } from "../../scoring/allocate.js";
import { ProblemSchema, type ProblemInput } from "../../scoring/schemas.js";

export async function solve(input: ProblemInput, opts: Partial<AllocateOptions> = {}) {
  const glpk = await loadGlpk();
  return allocate(ProblemSchema.parse(input), { glpk, ...opts });
}
