// Small pieces the rule modules share: the tally of a selection, counts' relaxation.
import { REGION_NAMES, type CcmStatus, type Region } from "../domain/index.js";
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

/** The UN regional groups' names, as the rules' sentences use them. */
export const REGION_WORDS: Record<Lang, Record<Region, string>> = {
  en: REGION_NAMES,

  fr: {
    AFR: "Groupe des États d'Afrique",
    APG: "Groupe des États d'Asie et du Pacifique",
    EEG: "Groupe des États d'Europe orientale",
    GRULAC: "Groupe des États d'Amérique latine et des Caraïbes",
    WEOG: "Groupe des États d'Europe occidentale et autres États",
  },
  es: {
    AFR: "Grupo de Estados de África",
    APG: "Grupo de Estados de Asia y el Pacífico",
    EEG: "Grupo de Estados de Europa Oriental",
    GRULAC: "Grupo de Estados de América Latina y el Caribe",
    WEOG: "Grupo de Estados de Europa Occidental y otros Estados",
  },
};

/** The CCM statuses as groups of States, as the rules' sentences use them. */
export const STATUS_WORDS: Record<Lang, Record<CcmStatus, string>> = {
  en: { party: "States Parties", signatory: "signatories", nonparty: "States not party" },
  fr: { party: "États parties", signatory: "États signataires", nonparty: "États non parties" },
  es: { party: "Estados partes", signatory: "Estados signatarios", nonparty: "Estados no partes" },
};

export function statusWords(lang: Lang, scope: string | undefined): string {
  return STATUS_WORDS[lang][scope as CcmStatus] ?? scope ?? "";
}

export function regionWords(lang: Lang, scope: string | undefined): string {
  return REGION_WORDS[lang][scope as Region] ?? scope ?? "";
}
