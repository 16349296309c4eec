// Infeasible policies. When the requests that must be funded break one rule by themselves, that rule and
// its least change are read off them and proven by one allocation. Otherwise an elastic copy of the model
// (a penalised slack on every rule: policy rules before money, money before locks) proves the fewest rules
// that cannot hold together on the penalties alone, relaxes them jointly by the least total, and each is
// pushed to its least relaxation with the others relaxed as the elastic solution relaxed them. Every solve
// runs within the answer's deadline; what the deadline stops is marked unproven (decisions 005, 025).
import {
  buildModel,
  type BuiltModel,
  canPay,
  Deadline,
  feasible,
  onlyAmong,
  type RuleId,
  type Selection,
  solve,
  solveLp,
  type Glpk,
  type SolveOutcome,
} from "../allocation/index.js";
import { idOf, instanceById, RULE_IDS, tally, withBound, type Probe, type RuleInstance } from "../policy/index.js";
import { cheapestLevel, HALL_MAX_DONORS, hallRows, prepare, type Prepared } from "../problem/index.js";
import { type Diagnosis, type RuleRelaxation, chf } from "../domain/index.js";

const EPS = 1e-6;

/**
 * The solves of one diagnosis, each within the answer's deadline; counts those the time limit ended rather
 * than a proof, so that what a part of the diagnosis found is said to be the best found, not the least.
 */
class Solves {
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

/** The rules a solved elastic model relaxes, each with its slack. */
function relaxedRules(model: BuiltModel, vars: Record<string, number>): Map<RuleId, number> {
  const relaxed = new Map<RuleId, number>();
  for (const [rule, s] of model.slack) {
    const v = vars[s.name] ?? 0;
    if (v > EPS) relaxed.set(rule, v);
  }
  return relaxed;
}

export async function diagnose(
  prep: Prepared,
  glpk: Glpk,
  limit: number | Deadline,
  force?: Map<number, "in" | "out">,
  /** A known allocation of the problem without the forcing (a counterfactual's proposal): a start for a witness. */
  hint?: Selection,
): Promise<Diagnosis> {
  const solves = new Solves(glpk, Deadline.of(limit));
  // No money at all (a budget of zero or less): the money is the cause, whatever minimums could be lowered
  // instead (the elastic copy relaxes policy rules before money). Named alone when money alone suffices.
  if (prep.problem.budget <= 0) {
    const onlyMoney = buildModel(prep, glpk, { elastic: new Set([RULE_IDS.budget]), force });
    if ((await solves.run(onlyMoney.lp)).found) {
      const money = await leastRelaxation({ prep, glpk, solves, rule: RULE_IDS.budget, jointSlack: 0, others: new Map(), force });
      return { infeasible: true, proven: money.proven, rules: [money], text: `These rules cannot hold together: ${money.text}.` };
    }
  }
  const direct = await forcedSetBreaks(prep, glpk, solves, force, hint);
  if (direct) return direct;
  // First the fewest rules, policy rules before locks and money: an objective in whole penalties only,
  // whose bound glpk rounds up to the next penalty, so that "one rule is enough" is proven as soon as one
  // is found (with the slacks' sizes in it as well, proving it took glpk more than 60 s on 400 requests).
  const elastic = buildModel(prep, glpk, { elastic: "all", force, indicatorsOnly: true });
  const out = await solves.run(elastic.lp);
  if (!out.found) {
    if (out.status === "time-limit")
      return {
        infeasible: true,
        proven: false,
        rules: [],
        text: "The rules cannot hold together. Which of them to change could not be worked out within the time limit: try again with more time.",
      };
    return {
      infeasible: true,
      proven: true,
      rules: [],
      text: "The rules cannot hold together, and relaxing them does not help: a forced request cannot be funded at all.",
    };
  }
  // Stopped by the time limit with a relaxation found: these rules suffice, though fewer might.
  const fewestProven = out.status === "optimal";
  let violated = relaxedRules(elastic, out.vars);
  if (violated.size > 1) {
    // Several rules together: how far each is relaxed matters to the others' least changes, so the same
    // rules are relaxed again, the others as written, by the least total (each slack in its own scale).
    const joint = buildModel(prep, glpk, { elastic: new Set(violated.keys()), force });
    const least = await solves.run(joint.lp);
    const relaxed = least.found ? relaxedRules(joint, least.vars) : new Map<RuleId, number>();
    if (relaxed.size > 0) violated = relaxed;
  }
  const rules: RuleRelaxation[] = [];
  for (const [rule, jointSlack] of violated) {
    const others = new Map([...violated].filter(([r]) => r !== rule));
    rules.push(await leastRelaxation({ prep, glpk, solves, rule, jointSlack, others, force }));
  }
  const proven = fewestProven && rules.every((r) => r.proven);
  const caveat = fewestProven ? "" : " (found within the time limit; fewer rules might be enough)";
  const text = rules.length
    ? `These rules cannot hold together${caveat}: ${rules.map((r) => r.text).join("; ")}.`
    : "The rules cannot hold together.";
  return { infeasible: true, proven, rules, text };
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
async function forcedSetBreaks(
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
    // One donor's money short: by Hall's condition (the rows the model's earmarks are written with), the
    // least amount of donor d that pays the forced requests makes up the largest shortfall of a donor set;
    // d must be in every set that falls short, or no single donor can make it up.
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
    found = {
      moved: prepare({ ...prep.problem, donors }),
      relaxation: {
        rule: RULE_IDS.donor(best.donor.id),
        stated: best.donor.amount,
        reachable: best.least,
        text: donorText(best.donor.id, best.donor.amount, best.least),
      },
    };
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

function donorText(id: string, stated: number, needed: number): string {
  return `donor ${id}'s CHF ${chf(stated)} cannot pay the requests only its earmark admits: CHF ${chf(needed)} would`;
}

/** A known allocation repaired for the forcings: the forced in added (at any level), then at most one other dropped. */
function witness(prep: Prepared, hint: Selection, force: Map<number, "in" | "out">): Selection | null {
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

/** One rule's least relaxation, asked with the other rules relaxed as the elastic copy relaxed them. */
interface Question {
  prep: Prepared;
  glpk: Glpk;
  solves: Solves;
  rule: RuleId;
  /** The rule's slack in the elastic copy: a relaxation known to hold. */
  jointSlack: number;
  others: Map<RuleId, number>;
  force?: Map<number, "in" | "out">;
}

async function leastRelaxation(q: Question): Promise<RuleRelaxation> {
  const before = q.solves.stopped;
  const found = await leastRelaxationFound(q);
  const proven = q.solves.stopped === before;
  if (proven) return { ...found, proven };
  return {
    ...found,
    proven,
    text:
      found.reachable === null
        ? `${found.text} (the least change could not be proven within the time limit)`
        : `${found.text} (the least change could not be proven within the time limit: this is the best found)`,
  };
}

async function leastRelaxationFound(q: Question): Promise<Omit<RuleRelaxation, "proven">> {
  const { prep, glpk, solves, rule, jointSlack, others, force } = q;
  const elasticSet = new Set([rule, ...others.keys()]);
  const withOthers = others.size ? " with the other rules relaxed as shown" : "";
  // This rule's own slack, least with the others relaxed as the elastic copy relaxed them (the elastic
  // copy's own value when no better is found in time: it is a relaxation that holds).
  const slack = async (): Promise<number> => {
    const model = buildModel(prep, glpk, { elastic: elasticSet, fixSlack: others, slackObjective: rule, force });
    const out = await solves.run(model.lp);
    return out.found ? (out.vars[model.slack.get(rule)?.name ?? ""] ?? jointSlack) : jointSlack;
  };

  const inst = instanceById(prep.problem.policy, rule);
  if (inst?.rule.reachable && inst.rule.unreachable) {
    const reachable = await inst.rule.reachable(inst.bound, inst.scope, slack, probeFor(prep, glpk, solves, rule, inst, others, force));
    const text = inst.rule.unreachable(inst.bound, inst.scope, reachable, { withOthers, withLocks: locksNote(prep) });
    return { rule, stated: inst.bound, reachable, text };
  }
  if (rule.startsWith(RULE_IDS.lock("")) || rule === RULE_IDS.earmarks) {
    const id = idOf(rule);
    return {
      rule,
      stated: 1,
      reachable: null,
      text:
        rule === RULE_IDS.earmarks
          ? "a request that must be funded is admitted by no donor's earmark (or its donors' money is spent elsewhere)"
          : `the lock on ${id} cannot hold with the other rules`,
    };
  }
  if (rule === RULE_IDS.budget) {
    const stated = prep.problem.budget;
    const needed = Math.ceil(stated + (await slack()) - EPS);
    return {
      rule,
      stated,
      reachable: needed,
      text: `the budget of CHF ${chf(stated)} does not cover what the locks and rules require: CHF ${chf(needed)} is the least that does`,
    };
  }
  if (rule.startsWith(RULE_IDS.donor(""))) {
    const id = idOf(rule);
    const stated = prep.donors.find((d) => d.id === id)?.amount ?? 0;
    const needed = Math.ceil(stated + (await slack()) - EPS);
    return { rule, stated, reachable: needed, text: donorText(id, stated, needed) };
  }
  return { rule, stated: 0, reachable: null, text: `${rule} cannot hold with the other rules` };
}

/** The diagnosis's questions about one policy rule, with the other rules relaxed as the elastic copy relaxed them. */
function probeFor(
  prep: Prepared,
  glpk: Glpk,
  solves: Solves,
  rule: RuleId,
  inst: RuleInstance,
  others: Map<RuleId, number>,
  force?: Map<number, "in" | "out">,
): Probe {
  const elastic = others.size ? new Set(others.keys()) : undefined;
  return {
    candidates: prep.requests,
    seats: prep.problem.policy.maxDelegates,
    async maximise(weight) {
      const model = buildModel(prep, glpk, { probe: weight, omit: new Set([rule]), elastic, fixSlack: others, force });
      const out = await solves.run(model.lp);
      if (!out.found) return null;
      return prep.requests.filter((r) => model.xNames[r.index]?.some((name) => (out.vars[name] ?? 0) > 0.5));
    },
    async feasibleAt(bound) {
      const moved = prepare({ ...prep.problem, policy: withBound(prep.problem.policy, inst, bound) });
      const model = buildModel(moved, glpk, { elastic, fixSlack: others, force });
      const out = await solves.run(model.lp);
      return out.found;
    },
  };
}

function locksNote(prep: Prepared): string {
  return prep.problem.requests.some((r) => r.lock === "in") ? " with these locks" : "";
}
