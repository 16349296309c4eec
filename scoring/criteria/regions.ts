// Under-represented regions (para. 102: universalization "with a particular focus on underrepresented
// regions"). Derived from the reference data as of the round's date: a regional group is
// under-represented when the share of its States that are States Parties is below the share over all
// States (decision 020). Staff may set the list for a round instead, with a justification.
import { REGION, type Region } from "../domain/index.js";
import { percent } from "../policy/index.js";
import type { RuleSet } from "./rules.js";
import type { ReferenceData } from "./states.js";

export interface RegionFigures {
  region: Region;
  parties: number;
  states: number;
}

export interface UnderrepresentedRegions {
  regions: Region[];
  /** Derived from the reference data (false: set by staff for the round). */
  derived: boolean;
  justification: string;
  /** Each group's States Parties among its States, and over all groups (empty when set by staff). */
  figures: RegionFigures[];
  overall: { parties: number; states: number } | null;
  /** What the points' evidence says of a region: its figures, or the staff's justification. */
  evidence: Map<Region, string>;
}

const pct = (a: number, b: number): string => percent(b ? a / b : 0);

/** Whether the rule set names the regions itself (an empty list kept from before regions were derived does not). */
function setByStaff(rules: RuleSet): boolean {
  return (rules.underrepresentedRegions?.length ?? 0) > 0 || rules.underrepresentedJustification.trim().length > 0;
}

/** The regions the rule set names, when it does; none otherwise (scoring without reference data). */
export function fixedRegions(rules: RuleSet): UnderrepresentedRegions {
  const regions = setByStaff(rules) ? [...(rules.underrepresentedRegions ?? [])] : [];
  const why = `set for the round: ${rules.underrepresentedJustification}`;
  return {
    regions,
    derived: false,
    justification: rules.underrepresentedJustification,
    figures: [],
    overall: null,
    evidence: new Map(regions.map((r) => [r, why])),
  };
}

/** The under-represented regions of the round: set by staff, or derived from the reference data as of its date. */
export function underrepresentedRegions(rules: RuleSet, ref: ReferenceData): UnderrepresentedRegions {
  if (setByStaff(rules)) return fixedRegions(rules);
  const figures = REGION.codes.map((region) => {
    const states = [...ref.states.values()].filter((s) => s.region === region);
    return { region, parties: states.filter((s) => s.ccmStatus === "party").length, states: states.length };
  });
  const overall = figures.reduce((o, f) => ({ parties: o.parties + f.parties, states: o.states + f.states }), { parties: 0, states: 0 });
  const under = figures.filter((f) => f.states > 0 && f.parties * overall.states < overall.parties * f.states);
  const evidence = new Map(
    under.map((f) => [
      f.region,
      `${REGION.say(f.region)}: ${f.parties} of ${f.states} States are States Parties (${pct(f.parties, f.states)}), against ${overall.parties} of ${overall.states} (${pct(overall.parties, overall.states)}) over all groups, as of ${ref.asOf}`,
    ]),
  );
  return { regions: under.map((f) => f.region), derived: true, justification: "", figures, overall, evidence };
}
