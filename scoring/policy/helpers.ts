// Small pieces the rule modules share: the tally of a selection, counts' relaxation.
import { CCM_STATUS, CCM_STATUS_GROUP, REGION, type CcmStatus, type Region } from "../domain/index.js";
import type { Candidate, Lang, Tally } from "./types.js";

const EPS = 1e-6;

/** The least whole number of delegates a slack stands for. */
export function whole(slack: number): number {
  return Math.ceil(slack - EPS);
}

/** The counts of a selection of candidates. */
export function tally(selected: Iterable<Candidate>): Tally {
  let delegates = 0;
  let women = 0;
  let outreach = 0;
  const perState = new Map<string, number>();
  const perRegion = new Map<Region, number>();
  const perStatus = new Map<CcmStatus, number>();
  for (const c of selected) {
    delegates++;
    if (c.woman) women++;
    if (c.outreach) outreach++;
    perState.set(c.req.state, (perState.get(c.req.state) ?? 0) + 1);
    perRegion.set(c.req.region, (perRegion.get(c.req.region) ?? 0) + 1);
    perStatus.set(c.req.status, (perStatus.get(c.req.status) ?? 0) + 1);
  }
  return { delegates, women, outreach, perState, perRegion, perStatus };
}

/** A tally with one more candidate (the baselines take requests one at a time). */
export function plus(t: Tally, c: Candidate): Tally {
  const inc = <K>(m: ReadonlyMap<K, number>, k: K): Map<K, number> => new Map(m).set(k, (m.get(k) ?? 0) + 1);
  return {
    delegates: t.delegates + 1,
    women: t.women + (c.woman ? 1 : 0),
    outreach: t.outreach + (c.outreach ? 1 : 0),
    perState: inc(t.perState, c.req.state),
    perRegion: inc(t.perRegion, c.req.region),
    perStatus: inc(t.perStatus, c.req.status),
  };
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A share (0–1) as a whole percentage in the language's form ("45 %"). */
export function percent(x: number): string {
  return `${Math.round(x * 100)} %`;
}

/** A CCM status as a group of States in the rules' sentences ("States Parties"); a scope that is not one, as it is. */
export function statusWords(lang: Lang, scope: string | undefined): string {
  return CCM_STATUS.is(scope) ? CCM_STATUS_GROUP[scope][lang] : (scope ?? "");
}

/** A regional group's name in the rules' sentences; a scope that is not one, as it is. */
export function regionWords(lang: Lang, scope: string | undefined): string {
  return REGION.sayAny(scope ?? "", lang);
}
