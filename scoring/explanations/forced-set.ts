// A diagnosis's first try: the requests that must be funded (forced or locked in) break one rule by
// themselves (a cap in whole delegates, or one donor's money), read off them and proven by one allocation.
// Also the solves of a diagnosis within its deadline, and the words both parts share.
import type { Deadline } from "../allocation/index.js";
import {
  buildModel,
  canPay,
  feasible,
  onlyAmong,
  type Selection,
  solve,
  solveLp,
  type Glpk,
  type SolveOutcome,
} from "../allocation/index.js";
import { RULE_IDS, tally, withBound } from "../policy/index.js";
import { cheapestLevel, HALL_MAX_DONORS, hallRows, prepare, type Prepared } from "../problem/index.js";
import { type Diagnosis, type RuleRelaxation, chf } from "../domain/index.js";

/**
 * The solves of one diagnosis, each within the answer's deadline; counts those the time limit ended rather
 * than a proof, so that what a part of the diagnosis found is said to be the best found, not the least.
 */
export class Solves {
  stopped = 0;
  constructor(
    private readonly glpk: Glpk,
    readonly deadline: Deadline,
  ) {}
  async run(lp: Parameters<typeof solveLp>[1]): Promise<SolveOutcome> {
    const out = await solveLp(this.glpk, lp, this.deadline);
    if (out.status === "time-limit") this.stopped++;
    return out;
  }
}

/**
 * One donor's money short: by Hall's condition (the rows the model's earmarks are written with), the
 * least amount of donor d that pays the forced requests makes up the largest shortfall of a donor set;
 * d must be in every set that falls short, or no single donor can make it up.
 */
export function oneDonorShort(
  prep: Prepared,
  mustIn: Prepared["requests"],
  atCheapest: ReadonlyMap<number, number>,
): { moved: Prepared; relaxation: Omit<RuleRelaxation, "proven"> } | null {
  const short = hallRows(prep)
    .map((h) => ({
      mask: h.mask,
      short:
        mustIn.reduce((sum, r) => (h.classes.includes(r.donorClass) ? sum + r.levels[atCheapest.get(r.index)!]!.cost : sum), 0) - h.money,
    }))
    .filter((h) => h.short > 1e-6);
  const most = Math.max(0, ...short.map((h) => h.short));
  const best = prep.donors
    .map((donor, d) => ({ d, donor, least: Math.ceil(donor.amount + most - 1e-6) }))
    .filter(({ d }) => short.every((h) => (h.mask >> d) & 1))
    .sort((a, b) => a.least - a.donor.amount - (b.least - b.donor.amount) || a.d - b.d)[0];
  if (!best) return null;
  const donors = prep.problem.donors!.map((x, k) => (k === best.d ? { ...x, amount: best.least } : x));
  return {
    moved: prepare({ ...prep.problem, donors }),
    relaxation: {
      rule: RULE_IDS.donor(best.donor.id),
      stated: best.donor.amount,
      reachable: best.least,
      text: donorText(best.donor.id, best.donor.amount, best.least),
    },
  };
}

/**
 * The diagnosis without an elastic copy, when the requests that must be funded (locked or forced in) break
 * one rule by themselves, as a counterfactual often makes them ("at most 3 from States not party" with
 * three locked in and a fourth forced in; a donor's money short of what the requests only it admits
 * cost): that rule must be relaxed at least to what they need, and when an allocation exists with it
 * relaxed that far, that is its least change, and one rule the fewest. Policy rules are relaxed before
 * money and locks, as in the elastic copy; a donor's money before its earmarks' unpaid money (decision
 * 005). Null when the shortcut does not apply or does not prove it: the elastic copy answers then.
 */
export async function forcedSetBreaks(
  prep: Prepared,
  glpk: Glpk,
  solves: Solves,
  force: Map<number, "in" | "out"> | undefined,
  hint: Selection | undefined,
): Promise<Diagnosis | null> {
  const forced = force ?? new Map<number, "in" | "out">();
  const mustIn = prep.requests.filter((r) => {
    const f = forced.get(r.index);
    return f === "in" || (r.req.lock === "in" && f !== "out");
  });
  if (mustIn.length === 0) return null;
  const atCheapest = new Map(mustIn.map((r) => [r.index, cheapestLevel(r)]));
  const cost = mustIn.reduce((sum, r) => sum + r.levels[atCheapest.get(r.index)!]!.cost, 0);
  if (cost > prep.problem.budget) return null;
  const t = tally(mustIn);
  // The caps in whole delegates that the forced requests break by themselves (whatever else is funded:
  // a minimum or a share may still be met by funding others).
  const broken = prep.rules.filter(
    (inst) => inst.rule.sense === "max" && inst.rule.step === 1 && (inst.rule.broken?.(t, inst.bound, inst.scope).length ?? 0) > 0,
  );
  const payable = canPay(prep, atCheapest);
  let found: { moved: Prepared; relaxation: Omit<RuleRelaxation, "proven"> } | null = null;
  if (broken.length === 1 && payable) {
    // One cap in whole delegates, raised to what the forced requests count.
    const inst = broken[0]!;
    if (!inst.rule.unreachable) return null;
    let needed = inst.bound;
    while (needed <= mustIn.length && inst.rule.broken!(t, needed, inst.scope).length > 0) needed += 1;
    const text = inst.rule.unreachable(inst.bound, inst.scope, needed, { withOthers: "", withLocks: locksNote(prep) });
    found = {
      moved: prepare({ ...prep.problem, policy: withBound(prep.problem.policy, inst, needed) }),
      relaxation: { rule: inst.id, stated: inst.bound, reachable: needed, text },
    };
  } else if (broken.length === 0 && !payable && prep.donors.length <= HALL_MAX_DONORS) {
    found = oneDonorShort(prep, mustIn, atCheapest);
  }
  if (!found) return null;
  const { moved, relaxation } = found;
  // The proof that the rule relaxed that far lets an allocation exist: the known allocation with the
  // forced requests in and at most one other out, when one such keeps every rule (a few sums each); else
  // an allocation among the known allocation's requests and the forced ones (a MIP of a few dozen
  // columns); else the whole model.
  const within = async (): Promise<boolean> =>
    hint !== undefined && (await solves.run(buildModel(moved, glpk, { force: onlyAmong(prep, hint, forced) }).lp)).found;
  const holds =
    (hint !== undefined && witness(moved, hint, forced) !== null) ||
    (await within()) ||
    (await solve(moved, glpk, { force, timeLimit: solves.deadline })).solution !== null;
  if (!holds) return null;
  return {
    infeasible: true,
    proven: true,
    rules: [{ ...relaxation, proven: true }],
    text: `These rules cannot hold together: ${relaxation.text}.`,
  };
}

export function donorText(id: string, stated: number, needed: number): string {
  return `donor ${id}'s CHF ${chf(stated)} cannot pay the requests only its earmark admits: CHF ${chf(needed)} would`;
}

/** A known allocation repaired for the forcings: the forced in added (at any level), then at most one other dropped. */
export function witness(prep: Prepared, hint: Selection, force: Map<number, "in" | "out">): Selection | null {
  let start: Selection[] = [new Map(hint)];
  for (const [i, f] of force) {
    if (f === "out") for (const s of start) s.delete(i);
    else if (!hint.has(i)) start = start.flatMap((s) => prep.requests[i]!.levels.map((_, l) => new Map(s).set(i, l)));
  }
  for (const s of start) {
    if (feasible(prep, s, force)) return s;
    for (const j of s.keys()) {
      if (force.has(j) || prep.requests[j]!.req.lock === "in") continue;
      const without = new Map(s);
      without.delete(j);
      if (feasible(prep, without, force)) return without;
    }
  }
  return null;
}

export function locksNote(prep: Prepared): string {
  return prep.problem.requests.some((r) => r.lock === "in") ? " with these locks" : "";
}
