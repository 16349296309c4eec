// The allocation as a what-if sees it, at the speed of a slider (issue 19): the exact solve without the
// explanations, with the figures staff compare (value, delegates, money left, women, outreach), the
// requests funded, the rules that bind at the optimum (each rule at its bound: loosening it is what could
// change the selection), and the diagnosis when the rules cannot hold; then, on demand, why one request
// is not funded (its counterfactual against that optimum). The same core as a server run; the browser
// runs it in a Web Worker.
import { Deadline, fundedOf, solve, type Glpk, type Solution } from "./allocation/index.js";
import type { AllocationSummary, Diagnosis, NotFundedRequest, SolveStatus, SupportLevel } from "./domain/index.js";
import { diagnose, explainNotFunded } from "./explanations/index.js";
import { instancesOf, tally } from "./policy/index.js";
import { prepare, type Prepared, type Problem } from "./problem/index.js";
import type { RoundFile } from "./criteria/index.js";
import { StateOverrideSchema } from "./domain/index.js";

/** What else a what-if may try, beyond the settings: the money, a lock, a State's fact. */
export interface RoundFacts {
  /** CHF added to (or, negative, taken from) the money available. */
  budgetChange: number;
  /** A request locked in or out (null: as the optimiser decides), for this what-if only. */
  lock: { id: string; lock: "in" | "out" | null } | null;
  /** A State's fact changed for this what-if (e.g. { iso3: "KEN", name: "ldc", value: true }). */
  fact: {
    iso3: string;
    name: "ccmStatus" | "ldc" | "art4Clearance" | "art5VictimAssistance" | "art7ReportOutstanding";
    value: string | boolean;
  } | null;
}

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

/** What a why-not starts from: the prepared problem and its optimum (kept by the caller, not sent anywhere). */
export interface LiveBase {
  prep: Prepared;
  solution: Solution;
}

export async function liveAllocation(
  problem: Problem,
  glpk: Glpk,
  opts: { timeLimit?: number } = {},
): Promise<{ result: LiveAllocation; base: LiveBase | null }> {
  const prep = prepare(problem);
  const deadline = Deadline.after(opts.timeLimit ?? 10);
  const solved = await solve(prep, glpk, { timeLimit: deadline });
  const none = { value: null, summary: null, funded: [], binding: [], ms: Math.round(solved.ms) };
  if (solved.status === "infeasible")
    return { result: { ...none, status: "infeasible", proven: true, diagnosis: await diagnose(prep, glpk, deadline) }, base: null };
  const solution = solved.solution;
  if (!solution) return { result: { ...none, status: solved.status, proven: false, diagnosis: null }, base: null };
  const { funded, summary } = fundedOf(prep, solution);
  const t = tally([...solution.chosen.keys()].map((i) => prep.requests[i]!));
  const binding = instancesOf(problem.policy)
    .filter((inst) => inst.rule.sense !== "bonus" && (inst.rule.tight?.(t, inst.bound, inst.scope) ?? false))
    .map((inst) => inst.id);
  return {
    result: {
      status: solved.status,
      proven: solved.status === "optimal",
      value: solution.units / 100,
      summary,
      funded: funded.map((f) => ({ id: f.id, state: f.state, level: f.level, cost: f.cost })),
      binding,
      diagnosis: null,
      ms: Math.round(solved.ms),
    },
    base: { prep, solution },
  };
}

/** Why a request is not funded in the live optimum: what funding it would cost, and whom it would displace. */
export async function whyNot(base: LiveBase, glpk: Glpk, id: string, timeLimit = 10): Promise<NotFundedRequest> {
  const index = base.prep.requests.findIndex((r) => r.req.id === id);
  if (index < 0) throw new Error(`no request ${id} in this allocation`);
  if (base.solution.chosen.has(index)) throw new Error(`${id} is funded in this allocation`);
  const explained = await explainNotFunded(base.prep, glpk, base.solution, [index], timeLimit, timeLimit);
  return explained.notFunded[0]!;
}

/**
 * The round file with the facts a what-if tries: more money as a contribution of its own (less, as more
 * held in reserve), a request's lock, a State's fact as a correction of the round's States. Null when a
 * fact is not a valid value.
 */
export function withRoundFacts(f: RoundFile, facts: RoundFacts): RoundFile | null {
  let out = f;
  const change = facts.budgetChange;
  if (!Number.isFinite(change)) return null;
  if (change > 0) out = { ...out, donors: [...out.donors, { id: "what-if", name: "What-if money", amount: change }] };
  if (change < 0) out = { ...out, round: { ...out.round, reserve: out.round.reserve - change } };
  const lock = facts.lock;
  if (lock)
    out = {
      ...out,
      requests: out.requests.map((r) => {
        if (r.id !== lock.id) return r;
        const { lock: _was, ...rest } = r;
        return lock.lock ? { ...rest, lock: lock.lock } : rest;
      }),
    };
  if (facts.fact) {
    const { iso3, name, value } = facts.fact;
    const override = StateOverrideSchema.safeParse({ ...out.stateOverrides.find((o) => o.iso3 === iso3), iso3, [name]: value });
    if (!override.success) return null;
    out = { ...out, stateOverrides: [...out.stateOverrides.filter((o) => o.iso3 !== iso3), override.data] };
  }
  return out;
}
