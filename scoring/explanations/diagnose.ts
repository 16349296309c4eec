// Infeasible policies: an elastic copy of the model (a penalised slack on every rule, policy rules
// relaxed before locks and money) finds the fewest rules that cannot hold together; then each of them is
// pushed to its least relaxation with the others relaxed as the elastic solution relaxed them.
import { buildModel, type RuleId } from "../allocation/index.js";
import type { Prepared } from "../domain/index.js";
import type { Diagnosis, RuleRelaxation, Region } from "../domain/index.js";
import { chf } from "../domain/index.js";
import { solveLp, type Glpk } from "../allocation/index.js";

const EPS = 1e-6;

export async function diagnose(prep: Prepared, glpk: Glpk, force?: Map<number, "in" | "out">): Promise<Diagnosis> {
  const elastic = buildModel(prep, glpk, { elastic: "all", force });
  const out = await solveLp(glpk, elastic.lp);
  if (out.kind !== "optimal" && out.kind !== "feasible") {
    return { infeasible: true, rules: [], text: "The rules cannot hold together, and relaxing them does not help: a forced request cannot be funded at all." };
  }
  const violated = new Map<RuleId, number>();
  for (const [rule, s] of elastic.slack) {
    const v = out.vars[s.name] ?? 0;
    if (v > EPS) violated.set(rule, v);
  }
  const rules: RuleRelaxation[] = [];
  for (const [rule, jointSlack] of violated) {
    const others = new Map([...violated].filter(([r]) => r !== rule));
    rules.push(await leastRelaxation(prep, glpk, rule, jointSlack, others, force));
  }
  const text = rules.length
    ? `These rules cannot hold together: ${rules.map((r) => r.text).join("; ")}.`
    : "The rules cannot hold together.";
  return { infeasible: true, rules, text };
}

async function leastRelaxation(
  prep: Prepared,
  glpk: Glpk,
  rule: RuleId,
  jointSlack: number,
  others: Map<RuleId, number>,
  force?: Map<number, "in" | "out">,
): Promise<RuleRelaxation> {
  const policy = prep.problem.policy;
  const elasticSet = new Set([rule, ...others.keys()]);
  const withOthers = others.size ? " with the other rules relaxed as shown" : "";

  if (rule === "minWomenShare") {
    const stated = policy.minWomenShare ?? 0;
    const best = await maxWomenShare(prep, glpk, others, force);
    const reachable = best === null ? null : Math.floor(best * 100 + 1e-9) / 100;
    return {
      rule,
      stated,
      reachable,
      text: reachable === null
        ? `minWomenShare ${stated} is not reachable${withOthers}`
        : `minWomenShare ${stated} is not reachable${locksNote(prep)}${withOthers}: ${reachable} is the most`,
    };
  }
  if (rule.startsWith("lock.") || rule === "earmarks") {
    const id = rule.slice("lock.".length);
    return {
      rule,
      stated: 1,
      reachable: null,
      text: rule === "earmarks"
        ? "a request that must be funded is admitted by no donor's earmark (or its donors' money is spent elsewhere)"
        : `the lock on ${id} cannot hold with the other rules`,
    };
  }
  const model = buildModel(prep, glpk, { elastic: elasticSet, fixSlack: others, slackObjective: rule, force });
  const out = await solveLp(glpk, model.lp);
  const s = out.kind === "optimal" || out.kind === "feasible" ? out.vars[model.slack.get(rule)?.name ?? ""] ?? jointSlack : jointSlack;
  const [kind, region] = rule.split(".") as [string, Region | undefined];
  const count = (x: number): number => Math.ceil(x - EPS);
  switch (kind) {
    case "maxDelegates": {
      const stated = policy.maxDelegates ?? 0;
      return { rule, stated, reachable: stated + count(s), text: `maxDelegates ${stated} is too few${withOthers}: at least ${stated + count(s)} are needed` };
    }
    case "maxPerState": {
      const stated = policy.maxPerState ?? 0;
      return { rule, stated, reachable: stated + count(s), text: `maxPerState ${stated} is too low${withOthers}: ${stated + count(s)} is the least that works` };
    }
    case "regionMin": {
      const stated = policy.regionMin?.[region!] ?? 0;
      const reachable = Math.max(0, stated - count(s));
      return { rule, stated, reachable, text: `regionMin ${region} ${stated} is not reachable${withOthers}: ${reachable} is the most` };
    }
    case "regionMax": {
      const stated = policy.regionMax?.[region!] ?? 0;
      return { rule, stated, reachable: stated + count(s), text: `regionMax ${region} ${stated} is too low${withOthers}: ${stated + count(s)} is the least that works` };
    }
    case "minOutreach": {
      const stated = policy.minOutreach ?? 0;
      const reachable = Math.max(0, stated - count(s));
      return { rule, stated, reachable, text: `minOutreach ${stated} is not reachable${withOthers}: ${reachable} is the most` };
    }
    case "budget": {
      const stated = prep.problem.budget;
      const needed = Math.ceil(stated + s - EPS);
      return { rule, stated, reachable: needed, text: `the budget of CHF ${chf(stated)} does not cover what the locks and rules require: CHF ${chf(needed)} is the least that does` };
    }
    case "donor": {
      const id = rule.slice("donor.".length);
      const stated = prep.donors.find((d) => d.id === id)?.amount ?? 0;
      const needed = Math.ceil(stated + s - EPS);
      return { rule, stated, reachable: needed, text: `donor ${id}'s CHF ${chf(stated)} cannot pay the requests only its earmark admits: CHF ${chf(needed)} would` };
    }
    default:
      return { rule, stated: 0, reachable: null, text: `${rule} cannot hold with the other rules` };
  }
}

/** Dinkelbach's method: the largest share of women any allocation reaches under the other rules. */
async function maxWomenShare(prep: Prepared, glpk: Glpk, others: Map<RuleId, number>, force?: Map<number, "in" | "out">): Promise<number | null> {
  let t = 0;
  for (let iter = 0; iter < 30; iter++) {
    const model = buildModel(prep, glpk, {
      womenShareProbe: t,
      omit: new Set(["minWomenShare"]),
      elastic: others.size ? new Set(others.keys()) : undefined,
      fixSlack: others,
      force,
    });
    const out = await solveLp(glpk, model.lp);
    if (out.kind !== "optimal" && out.kind !== "feasible") return iter === 0 ? null : t;
    let women = 0;
    let all = 0;
    prep.requests.forEach((r) => {
      const names = model.xNames[r.index];
      if (!names) return;
      for (const name of names) {
        if ((out.vars[name] ?? 0) > 0.5) {
          all++;
          if (r.woman) women++;
        }
      }
    });
    if (all === 0) return null;
    const share = women / all;
    if (share <= t + 1e-9) return t;
    t = share;
  }
  return t;
}

function locksNote(prep: Prepared): string {
  return prep.problem.requests.some((r) => r.lock === "in") ? " with these locks" : "";
}
