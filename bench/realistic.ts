// A realistic round of any size: the demo round's money, donors, rules and policy, with n requests drawn
// from real States of the reference data (regional groups in the demo's proportions; within one, States
// Parties three times in four) and attributes like the demo's. The States Parties drawn are eligible under the default
// rules; signatories and States not party are eligible when their evidence is given (taken as accepted). Used by the benchmark's "realistic round" row.
import { readFileSync } from "node:fs";
import { RoundFileSchema, type RoundFile, type ReferenceData } from "../scoring/criteria/index.js";
import { rng } from "../scoring/domain/index.js";

export function realisticRound(n: number, seed: number, ref: ReferenceData): RoundFile {
  const demo = JSON.parse(readFileSync(new URL("../data/demo/round.json", import.meta.url), "utf8")) as RoundFile;
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const states = [...ref.states.values()].filter((s) => s.incomeGroup !== "high");
  // States Parties that may be sponsored under the default rules (para. 100): affected, or least developed,
  // low or lower-middle income. Requests from others are few in a real round.
  const parties = states.filter(
    (s) =>
      s.ccmStatus === "party" &&
      (s.art4Clearance || s.art5VictimAssistance || s.ldc || s.incomeGroup === "low" || s.incomeGroup === "lower-middle"),
  );
  const others = states.filter((s) => s.ccmStatus !== "party");
  const band: Record<string, [number, number]> = {
    AFR: [900, 2800],
    APG: [1300, 3600],
    EEG: [400, 950],
    GRULAC: [1500, 3400],
    WEOG: [600, 1200],
  };
  // A State of a regional group drawn as often as in the demo round (eligible States are few in some
  // groups: drawn uniformly, a small round would rarely meet the demo's regional minimums).
  const demoRegions = demo.requests.map((q) => ref.states.get(q.state)?.region).filter((g) => g !== undefined);
  const draw = () => {
    const region = pick(demoRegions);
    const ps = parties.filter((s) => s.region === region);
    const os = others.filter((s) => s.region === region);
    return (r() < 0.75 && ps.length) || !os.length ? pick(ps) : pick(os);
  };
  const requests = Array.from({ length: n }, (_, i) => {
    const s = draw();
    const evidence = s.ccmStatus !== "party" && r() < 0.6;
    const [lo, hi] = band[s.region]!;
    const u = r();
    return {
      id: `R-${String(i + 1).padStart(4, "0")}`,
      state: s.iso3,
      gender: r() < 0.45 ? ("F" as const) : ("M" as const),
      expertise: [],
      role: pick(["none", "none", "none", "presenter", "panellist", "statement", "art4-extension"] as const),
      operationalExpertise: r() < 0.3,
      technicalRating: Math.floor(r() * 6),
      survivor: r() < 0.1,
      firstParticipation: r() < 0.4,
      previousSponsorships: Math.floor(r() * 3),
      interestEvidence: evidence ? "Statement of interest in accession" : "",
      // Evidence given is taken as reviewed and accepted (without it, a signatory or State not party is not eligible).
      ...(evidence ? { interestReview: { decision: "accepted" as const, note: "", by: "bench", on: "2025-07-20" } } : {}),
      justification: "",
      submittedAt: new Date(Date.UTC(2025, 4, 1) + Math.floor(r() * 75 * 86400) * 1000).toISOString(),
      travel: { airTicket: Math.round((lo + r() * (hi - lo)) / 10) * 10, terminal: 80 },
      acceptedLevels: u < 0.2 ? ["full", "ticket"] : u < 0.3 ? ["full", "allowance"] : ["full"],
      ...(r() < 0.02 ? { lock: "in" as const } : r() < 0.02 ? { lock: "out" as const } : {}),
    };
  });
  return RoundFileSchema.parse({ ...demo, requests, policy: { ...demo.policy, maxDelegates: 25, maxPerState: 2 } });
}
