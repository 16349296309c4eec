// allocate(problem): the exact allocation with glpk.js, its explanations, the diagnosis when the rules
// cannot hold, and the baselines. The glpk instance is injected (server/workers/glpk.ts loads it in Node).
import { baselines as computeBaselines, diagnose, explain, reasonWithoutSolve, type ExplainHelper } from "./explanations/index.js";
import { variantModel, solve, fundedOf, now, solveLp, Deadline, type Glpk } from "./allocation/index.js";
import { prepare, cmp, type Prepared, type Problem } from "./problem/index.js";
import type { AllocationResult, NotFundedRequest, RunOutcome } from "./domain/index.js";
import { scoreRound, type ReferenceData, type RoundFile, type ScoredRound } from "./criteria/index.js";

export interface AllocateOptions {
  glpk: Glpk;
  /**
   * Seconds for the whole answer (default 60): the allocation, then the diagnosis or the explanations get
   * what is left. Past it the answer says what is proven and what is not.
   */
  timeLimit?: number;
  /** Counterfactual explanations for every request (default true). */
  explain?: boolean;
  /** FCFS and greedy baselines (default true). */
  baselines?: boolean;
  /** Another thread that takes half of the explanations (see explain.ts). */
  helper?: ExplainHelper;
  /**
   * Called with the proposal as soon as it is solved, before the explanations (the reasons of the
   * requests not funded then say they are being explained), and again as the reasons come, so that the
   * proposal can be shown while they fill in.
   */
  onProposal?: (proposal: AllocationResult) => void | Promise<void>;
}

/**
 * A round scored, then allocated: the one place the two stages meet (the server's runs, the demo). The
 * options are chosen once the round is scored (its size decides a helper thread; its problem is what a
 * proposal is stored with).
 */
export async function allocateRound(
  file: RoundFile,
  reference: ReferenceData,
  options: (scored: ScoredRound) => AllocateOptions | Promise<AllocateOptions>,
): Promise<{ scored: ScoredRound; result: AllocationResult }> {
  const scored = scoreRound(file, reference);
  const result = await allocate(scored.problem, await options(scored));
  return { scored, result };
}

/** An answer without an allocation: the rules cannot hold (with the diagnosis), or no allocation was found in time. */
function noAllocation(
  status: Exclude<RunOutcome, "optimal">,
  diagnosis: AllocationResult["diagnosis"],
  baselines: AllocationResult["baselines"],
  solver: AllocationResult["solver"],
): AllocationResult {
  return { status, value: null, totalCost: 0, funded: [], notFunded: [], summary: null, diagnosis, baselines, solver };
}

/** The requests not chosen, each with what explains it without a solve (eligibility, a lock) or "not explained". */
function unexplained(prep: Prepared, chosen: ReadonlyMap<number, number>): NotFundedRequest[] {
  return prep.requests
    .filter((r) => !chosen.has(r.index))
    .sort((a, b) => cmp(a.req.id, b.req.id))
    .map((r) => ({
      id: r.req.id,
      reason: reasonWithoutSolve(prep, r.index) ?? { kind: "unexplained", text: "Not explained: explanations were not asked for." },
    }));
}

export async function allocate(problem: Problem, opts: AllocateOptions): Promise<AllocationResult> {
  const { glpk } = opts;
  const timeLimit = opts.timeLimit ?? 60;
  const deadline = Deadline.after(timeLimit);
  const prep = prepare(problem);
  // The LP relaxation, a core of the model fixed by reduced costs, and the proof (core.ts).
  const solved = await solve(prep, glpk, { timeLimit: deadline });
  const solver = { name: "glpk.js", version: `glpk ${glpk.version}`, ms: Math.round(solved.ms), gap: null as number | null };
  const baselines = opts.baselines === false ? [] : computeBaselines(prep);

  if (solved.status === "infeasible") return noAllocation("infeasible", await diagnose(prep, glpk, deadline), baselines, solver);
  const solution = solved.solution;
  if (!solution) return noAllocation("time-limit", null, baselines, solver);

  if (solved.status === "optimal") solver.gap = 0;
  else
    solver.gap = solved.lpBound !== null ? gapTo(solved.lpBound, solution.units) : await relativeGap(prep, glpk, solution.units, deadline);

  const { funded, summary } = fundedOf(prep, solution);
  // Without explanations, a request is still explained by what needs no solve (its eligibility verdict, a
  // lock); the others say that their explanation was not asked for.
  let notFunded = unexplained(prep, solution.chosen);

  let explainMs: number | undefined;
  // The proposal with the reasons known so far (the others being explained).
  const proposal = (explained: readonly NotFundedRequest[]): AllocationResult => {
    const known = new Map(explained.map((n) => [n.id, n]));
    return {
      status: solved.status,
      value: solution.units / 100,
      totalCost: summary.totalCost,
      funded: funded.map((f) => ({ ...f })),
      notFunded: notFunded.map(
        (n) =>
          known.get(n.id) ??
          (n.reason.kind !== "unexplained" ? n : { id: n.id, reason: { kind: "unexplained" as const, text: "being explained" } }),
      ),
      summary,
      diagnosis: null,
      baselines,
      solver,
    };
  };
  const onProposal = opts.explain !== false ? opts.onProposal : undefined;
  if (onProposal) await onProposal(proposal([]));
  if (opts.explain !== false) {
    const t0 = now();
    const explained = await explain(
      prep,
      glpk,
      solution,
      deadline,
      timeLimit,
      opts.helper,
      onProposal && ((so) => onProposal(proposal(so))),
    );
    for (const f of funded) Object.assign(f, explained.funded.get(f.id));
    notFunded = explained.notFunded;
    explainMs = Math.round(now() - t0);
  }
  return {
    status: solved.status,
    value: solution.units / 100,
    totalCost: summary.totalCost,
    funded,
    notFunded,
    summary,
    diagnosis: null,
    baselines,
    solver: explainMs === undefined ? solver : { ...solver, explainMs, explainThreads: opts.helper ? 2 : 1 },
  };
}

/** Gap of a time-limited incumbent against the LP relaxation's bound (glpk.js does not return its own). */
async function relativeGap(prep: Prepared, glpk: Glpk, incumbentUnits: number, deadline: Deadline): Promise<number | null> {
  const relaxed = variantModel(prep, glpk, { relaxed: true });
  const out = await solveLp(glpk, relaxed.lp, deadline);
  if (!out.found || out.status !== "optimal") return null;
  return gapTo(out.z, incumbentUnits);
}

function gapTo(lpBound: number, incumbentUnits: number): number {
  const bound = lpBound + 0.5; // the tie-break lowers z by less than half a unit
  return Math.max(0, (bound - incumbentUnits) / Math.max(1, Math.abs(incumbentUnits)));
}
