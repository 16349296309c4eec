// The allocation as a what-if sees it, at the speed of a slider (issue 19): the exact solve without the
// explanations, with the figures staff compare (value, delegates, money left, women, outreach), the
// requests funded, the rules that bind at the optimum (each rule at its bound: loosening it is what could
// change the selection), and the diagnosis when the rules cannot hold. The same core as a server run; the
// browser runs it in a Web Worker.
import { allocate } from "./allocate.js";
import type { Glpk } from "./allocation/index.js";
import type { AllocationSummary, Diagnosis, SolveStatus, SupportLevel } from "./domain/index.js";
import { instancesOf, tally } from "./policy/index.js";
import { prepare, type Problem } from "./problem/index.js";

export interface LiveAllocation {
  status: SolveStatus;
  /** Proven optimal (gap 0); otherwise the best allocation found before the time cap ("best so far"). */
  proven: boolean;
  value: number | null;
  summary: AllocationSummary | null;
  funded: { id: string; state: string; level: SupportLevel; cost: number }[];
  /** The policy's rules at their bound in this allocation, by rule instance id ("maxDelegates", "regionMin.AFR"). */
  binding: string[];
  diagnosis: Diagnosis | null;
  /** Solver time, ms. */
  ms: number;
}

export async function liveAllocation(problem: Problem, glpk: Glpk, opts: { timeLimit?: number } = {}): Promise<LiveAllocation> {
  const result = await allocate(problem, { glpk, explain: false, baselines: false, timeLimit: opts.timeLimit ?? 10 });
  const prep = prepare(problem);
  const byId = new Map(prep.requests.map((r) => [r.req.id, r]));
  const t = tally(result.funded.flatMap((f) => (byId.has(f.id) ? [byId.get(f.id)!] : [])));
  const binding = result.summary
    ? instancesOf(problem.policy)
        .filter((inst) => inst.rule.sense !== "bonus" && (inst.rule.tight?.(t, inst.bound, inst.scope) ?? false))
        .map((inst) => inst.id)
    : [];
  return {
    status: result.status,
    proven: result.status === "optimal",
    value: result.value,
    summary: result.summary,
    funded: result.funded.map((f) => ({ id: f.id, state: byId.get(f.id)?.req.state ?? "", level: f.level, cost: f.cost })),
    binding,
    diagnosis: result.diagnosis,
    ms: result.solver.ms,
  };
}
