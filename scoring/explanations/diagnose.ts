// Infeasible policies. When the requests that must be funded break one rule by themselves, that rule and
// its least change are read off them and proven by one allocation. Otherwise an elastic copy of the model
// (a penalised slack on every rule: policy rules before money, money before locks) proves the fewest rules
// that cannot hold together on the penalties alone, relaxes them jointly by the least total, and each is
// pushed to its least relaxation with the others relaxed as the elastic solution relaxed them. Every solve
// runs within the answer's deadline; what the deadline stops is marked unproven (decisions 005, 025).
import { buildModel, type BuiltModel, Deadline, type RuleId, type Selection, type Glpk } from "../allocation/index.js";
import { idOf, instanceById, RULE_IDS, withBound, type Probe, type RuleInstance } from "../policy/index.js";
import { prepare, type Prepared } from "../problem/index.js";
import { type Diagnosis, type RuleRelaxation, chf } from "../domain/index.js";
import { donorText, forcedSetBreaks, locksNote, Solves } from "./forced-set.js";

const EPS = 1e-6;

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
