// Scoring by rules as data, the reference data and the round file.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { conditionInWords, RuleSetSchema } from "../../../scoring/criteria/rules.js";
import { DEFAULT_RULES } from "../../../scoring/criteria/default-rules.js";
import { RequestAttributesSchema, score, supportLevels, totalScore } from "../../../scoring/criteria/score.js";
import { CRITERION, StateSchema } from "../../../scoring/domain/index.js";
import { RoundFileSchema, scoreRound, UnknownStateError } from "../../../scoring/criteria/round-file.js";
import { parseDatedCsv, parseStatesCsv, referenceAsOf, ReferenceDataError } from "../../../scoring/criteria/states.js";
import { underrepresentedRegions } from "../../../scoring/criteria/regions.js";
import { loadReferenceData } from "../../../server/io/reference.js";

const rules = RuleSetSchema.parse(DEFAULT_RULES);
const ref = loadReferenceData();
// The 13MSP's under-represented regions, derived from the States as of its first day.
const regions = underrepresentedRegions(rules, referenceAsOf(ref, "2025-09-16"));

const attrs = (over: Record<string, unknown> = {}) =>
  RequestAttributesSchema.parse({
    id: "R-1",
    state: "LAO",
    gender: "F",
    submittedAt: "2025-05-02T09:30:00Z",
    travel: { airTicket: 1500 },
    ...over,
  });

describe("reference data", () => {
  it("loads every State of the shipped file with its date and the rows to verify", () => {
    expect(ref.states.size).toBe(197);
    expect(ref.asOf).toBe("2025-12-31");
    expect(ref.unverified).toBe(71);
    expect(ref.states.get("LAO")).toMatchObject({ region: "APG", ccmStatus: "party", ldc: true, art4Clearance: true });
    expect(ref.states.get("BGD")!.verify).toContain("graduation");
  });

  it("reads each State's facts as of a date: withdrawal, accession, graduation, income group, extension requests", () => {
    const on = (date: string) => referenceAsOf(ref, date).states;
    // Lithuania: a State Party at the 12MSP (10 Sept 2024); its withdrawal took effect on 6 March 2025.
    expect(on("2024-09-10").get("LTU")!.ccmStatus).toBe("party");
    expect(on("2025-03-05").get("LTU")!.ccmStatus).toBe("party");
    expect(on("2025-03-06").get("LTU")!.ccmStatus).toBe("nonparty");
    expect(on("2025-09-16").get("LTU")!.ccmStatus).toBe("nonparty");
    // Vanuatu acceded on 5 Sept 2025: a party from 1 March 2026 only.
    expect(on("2025-09-16").get("VUT")!.ccmStatus).toBe("nonparty");
    expect(on("2026-03-01").get("VUT")!.ccmStatus).toBe("party");
    // São Tomé and Príncipe graduated from the least developed countries on 13 Dec 2024.
    expect(on("2024-09-10").get("STP")!.ldc).toBe(true);
    expect(on("2024-12-13").get("STP")!.ldc).toBe(false);
    expect(on("2025-09-16").get("STP")!.ldc).toBe(false);
    // Costa Rica: upper-middle income in FY2025, high income from FY2026 (1 July 2025).
    expect(on("2024-09-10").get("CRI")!.incomeGroup).toBe("upper-middle");
    expect(on("2025-09-16").get("CRI")!.incomeGroup).toBe("high");
    // Extension requests per meeting: Chad, Germany and Lao PDR at the 12MSP (para. 40), not at the 13MSP.
    for (const s of ["TCD", "DEU", "LAO"]) {
      expect(on("2024-09-10").get(s)!.art4ExtensionRequest, s).toBe(true);
      expect(on("2025-09-16").get(s)!.art4ExtensionRequest, s).toBe(false);
    }
    expect(on("2024-09-10").get("AFG")!.art4ExtensionRequest).toBe(false);
    expect(on("2025-09-16").get("AFG")!.art4ExtensionRequest).toBe(true);
    // Each row lists the dated facts it was read with, with their periods and sources.
    const ltu = on("2024-09-10").get("LTU")!;
    expect(ltu.dated).toEqual([expect.objectContaining({ fact: "ccmStatus", value: "party", from: "2011-09-01", to: "2025-03-05" })]);
    expect(ltu.dated[0]!.source).toContain("ratified 2011-03-24");
    // A State no period covers keeps the data's own row; Angola signed on 3 Dec 2008 and never ratified.
    expect(on("2025-09-16").get("AGO")!.ccmStatus).toBe("signatory");
    expect(on("2008-01-01").get("AGO")!.ccmStatus).toBe("nonparty");
    expect(referenceAsOf(ref, "2025-09-16").asOf).toBe("2025-09-16");
  });

  it("refuses a dated fact with an unknown value or a period that ends before it starts, naming its line", () => {
    const head = "iso3,fact,value,from,to,source,verify\n";
    expect(() => parseDatedCsv(`${head}LTU,ccmStatus,withdrawn,2025-03-06,,x,\n`)).toThrow(
      /line 2 \(LTU\): ccmStatus: "withdrawn" is not a value/,
    );
    expect(() => parseDatedCsv(`${head}STP,ldc,true,2024-12-13,2024-01-01,x,\n`)).toThrow(/line 2 \(STP\): the period ends/);
    expect(() => parseDatedCsv(`${head}STP,gdp,true,,,x,\n`)).toThrow(ReferenceDataError);
  });

  it("reads an empty income group as unclassified", () => {
    const unclassified = [...ref.states.values()].filter((s) => s.incomeGroup === "unclassified");
    expect(unclassified.length).toBe(4);
  });

  it("rejects a malformed row, naming its line", () => {
    const text =
      "iso3,name,region,ccm_status,ldc,income_group,art4_clearance,art4_extension_request,art5_victim_assistance,verify\nLAO,Laos,XYZ,party,maybe,low,true,false,true,\n";
    expect(() => parseStatesCsv(text, "2025-12-31")).toThrow(ReferenceDataError);
    try {
      parseStatesCsv(text, "2025-12-31");
    } catch (e) {
      expect((e as ReferenceDataError).problems[0]).toMatch(/line 2 \(LAO\).*region/);
    }
  });
});

describe("score(request, state, rules)", () => {
  it("gives points with the rule, its label and the evidence", () => {
    const laos = ref.states.get("LAO")!;
    const s = score(attrs({ role: "art4-extension", technicalRating: 4, operationalExpertise: true }), laos, rules);
    const impl = s.reasons.implementation.map((r) => [r.rule, r.points]);
    expect(impl).toEqual([
      ["ldc-state-party", 25],
      ["art4-extension-request", 35],
      ["art4-clearance", 15],
      ["art5-victim-assistance", 10],
    ]);
    expect(s.criteria.implementation).toBe(85);
    const ext = s.reasons.implementation.find((r) => r.rule === "art4-extension-request")!;
    expect(ext.evidence).toBe("role at the meeting: presenting an Article 4 extension request");
    const rating = s.reasons.technical.find((r) => r.rule === "reviewer-rating")!;
    expect(rating).toMatchObject({ points: 48, evidence: "reviewers' rating: 4" });
    // 48 + 20 + 20 = 88
    expect(s.criteria.technical).toBe(88);
  });

  it("caps a criterion at 100 and says so in the reasons, which always add up to the score", () => {
    const generous = RuleSetSchema.parse({
      ...DEFAULT_RULES,
      rules: DEFAULT_RULES.rules.map((r) => (r.id === "woman" ? { ...r, points: 50 } : r)),
    });
    // woman 50 + survivor 35 + first participation 20 + under-represented region 10 = 115.
    const s = score(attrs({ survivor: true, firstParticipation: true }), ref.states.get("LAO")!, generous, undefined, regions);
    expect(s.criteria.representation).toBe(100);
    expect(s.reasons.representation.at(-1)).toMatchObject({ rule: "cap", points: -15, evidence: "sum of rules = 115" });
    for (const c of CRITERION.codes) {
      const sum = s.reasons[c].reduce((a, r) => a + r.points, 0);
      expect(sum).toBeCloseTo(s.criteria[c], 6);
    }
  });

  it("floors a criterion at 0 when previous sponsorships outweigh it", () => {
    const s = score(attrs({ gender: "M", previousSponsorships: 3 }), ref.states.get("CHL")!, rules);
    expect(s.criteria.representation).toBe(0);
    expect(s.reasons.representation.map((r) => r.rule)).toEqual(["funded-before", "floor"]);
  });

  it("scores universalization for a State not party only once the ISU accepted its evidence, with the region's figures", () => {
    const vnm = ref.states.get("VNM")!;
    const given = attrs({ state: "VNM", interestEvidence: "Observer at the 12MSP" });
    // Evidence given but not reviewed, or not accepted: no universalization points.
    expect(score(given, vnm, rules, undefined, regions).criteria.universalization).toBe(0);
    const refused = {
      ...given,
      interestReview: { decision: "not-accepted" as const, note: "no statement", by: "admin", on: "2025-06-01" },
    };
    expect(score(refused, vnm, rules, undefined, regions).criteria.universalization).toBe(0);
    const accepted = { ...given, interestReview: { decision: "accepted" as const, note: "", by: "admin", on: "2025-06-01" } };
    const s = score(accepted, vnm, rules, undefined, regions);
    expect(s.reasons.universalization.map((r) => r.rule)).toEqual(["nonparty-interest", "underrepresented-region-outreach"]);
    expect(s.criteria.universalization).toBe(100);
    // The region's points show the figures they come from.
    expect(s.reasons.universalization[1]!.evidence).toContain(
      "Asia-Pacific Group: 15 of 57 States are States Parties (26 %), against 111 of 197 (56 %)",
    );
    const p = score(attrs(), ref.states.get("LAO")!, rules, undefined, regions);
    expect(p.criteria.universalization).toBe(0);
  });

  it("uses the round's State facts (Art. 7 report outstanding, no mission in Geneva)", () => {
    const gnb = StateSchema.parse({ ...ref.states.get("GNB")!, art7ReportOutstanding: true, genevaMission: false });
    const s = score(attrs({ state: "GNB" }), gnb, rules);
    expect(s.reasons.implementation.map((r) => r.rule)).toContain("art7-report");
    expect(s.reasons.capacity.map((r) => r.rule)).toContain("no-geneva-mission");
  });

  it("lets the ISU change a rule's points as data", () => {
    const edited = RuleSetSchema.parse({
      ...DEFAULT_RULES,
      rules: DEFAULT_RULES.rules.map((r) => (r.id === "woman" ? { ...r, points: 50 } : r)),
    });
    // woman 50 + under-represented region (Asia-Pacific) 10.
    expect(score(attrs(), ref.states.get("LAO")!, edited, undefined, regions).criteria.representation).toBe(60);
  });

  it("rejects a rule set with an unknown fact or two tests in one condition", () => {
    const bad = RuleSetSchema.safeParse({
      ...DEFAULT_RULES,
      rules: [{ id: "x", criterion: "capacity", label: "x", points: 5, when: { fact: "state.gdp", eq: 1 } }],
    });
    expect(bad.success).toBe(false);
    const two = RuleSetSchema.safeParse({
      ...DEFAULT_RULES,
      rules: [{ id: "x", criterion: "capacity", label: "x", points: 5, when: { fact: "state.ldc", eq: true, in: [true] } }],
    });
    expect(two.success).toBe(false);
  });

  it("normalises the weights by their sum", () => {
    const c = { implementation: 100, technical: 0, universalization: 0, capacity: 0, representation: 0 };
    expect(totalScore(c, { implementation: 1, technical: 1, universalization: 1, capacity: 1, representation: 1 })).toBe(20);
    expect(totalScore(c, { implementation: 30, technical: 20, universalization: 20, capacity: 15, representation: 15 })).toBe(30);
  });

  it("derives the support levels' costs from the ticket, the nights and the allowance", () => {
    const levels = supportLevels(
      attrs({ travel: { airTicket: 1500, terminal: 80 }, acceptedLevels: ["full", "ticket", "allowance"] }),
      { nights: 5, allowanceRate: 350 },
      rules,
    );
    expect(levels).toEqual([
      { level: "full", cost: 3330, valueShare: 1 },
      { level: "ticket", cost: 1580, valueShare: 0.6 },
      { level: "allowance", cost: 1750, valueShare: 0.4 },
    ]);
  });
});

describe("the demo round", () => {
  const round = RoundFileSchema.parse(JSON.parse(readFileSync("data/demo/round.json", "utf8")));

  it("scores every request and derives the committed problem file (npm run demo:build keeps it current)", () => {
    const scored = scoreRound(round, ref);
    const committed = JSON.parse(readFileSync("data/demo/problem.json", "utf8"));
    expect(scored.problem).toEqual(committed);
    // Read as of the meeting's first day (the dated facts), not as of the data's own date.
    expect(scored.referenceData.asOf).toBe("2025-09-16");
  });

  it("holds the seed's money: four donors giving CHF 53'683 and a carry-over of CHF 51'319", () => {
    expect(round.donors).toHaveLength(4);
    expect(round.donors.reduce((s, d) => s + d.amount, 0)).toBe(53_683);
    expect(round.round.carryOver).toBe(51_319);
    const costs = scoreRound(round, ref).problem.requests.map((r) => r.levels.find((l) => l.level === "full")!.cost);
    // Near 2024's mean cost of a delegate: CHF 53'488 for 20 (para. 134) ≈ 2'674.
    expect(Math.round(costs.reduce((a, b) => a + b, 0) / costs.length)).toBe(2674);
    expect(Math.min(...costs)).toBeGreaterThanOrEqual(1000);
    expect(Math.max(...costs)).toBeLessThanOrEqual(6500);
  });

  it("finds the demo's ineligible requests and says why in words, with the State's name", () => {
    const scored = scoreRound(round, ref);
    const out = scored.requests.filter((r) => !r.eligibility.eligible);
    // Upper-middle-income States Parties without obligations, and signatories and States not party
    // whose evidence was not accepted (or not given): never allocated, locked out with the reason.
    expect(out.map((r) => r.state).sort()).toEqual([
      "COD",
      "COL",
      "ECU",
      "FJI",
      "GTM",
      "HTI",
      "KEN",
      "MDA",
      "NPL",
      "PER",
      "SLV",
      "SUR",
      "ZWE",
    ]);
    const fiji = scored.requests.find((r) => r.state === "FJI")!;
    expect(fiji.eligibility.text).toMatch(/^Not eligible: no eligibility condition holds for Fiji\./);
    expect(fiji.eligibility.text).toContain("World Bank income group: upper-middle income (needed: low income or lower-middle income)");
    expect(fiji.eligibility.text).not.toMatch(/state\.|request\.|ccmStatus|nonparty/);
    const problemFiji = scored.problem.requests.find((r) => r.state === "FJI")!;
    expect(problemFiji).toMatchObject({ lock: "out", ineligible: fiji.eligibility.text });
    // Zimbabwe gave evidence that is not yet reviewed: the reason says so.
    expect(scored.requests.find((r) => r.state === "ZWE")!.eligibility.text).toContain(
      "evidence of interest: not yet reviewed by the ISU (needed: accepted by the ISU)",
    );
    // The paths hold for the others, named.
    expect(scored.requests.find((r) => r.state === "LAO")!.eligibility).toMatchObject({
      eligible: true,
      path: expect.stringContaining("clearance"),
    });
    expect(scored.requests.find((r) => r.state === "VNM")!.eligibility.path).toBe(
      "Signatory or State not party with evidence of interest accepted by the ISU",
    );
    // The under-represented regions come with their figures.
    expect(scored.underrepresented).toMatchObject({ regions: ["APG", "EEG"], derived: true, overall: { parties: 111, states: 197 } });
  });

  it("admits a request by exception, with its justification, and keeps Norway out otherwise", () => {
    const norway = { ...round.requests[0]!, id: "NOR-1", state: "NOR", lock: undefined };
    const file = { ...round, requests: [norway] };
    const out = scoreRound(file, ref).requests[0]!;
    expect(out.eligibility.eligible).toBe(false);
    expect(out.eligibility.failed.map((f) => f.path)).toHaveLength(3);
    expect(out.eligibility.text).toContain("clearance obligations (Article 4)");
    const exception = { justification: "Presents the Article 4 Analysis Group's report", by: "admin", on: "2025-07-01" };
    const admitted = scoreRound({ ...file, requests: [{ ...norway, exception }] }, ref);
    expect(admitted.requests[0]!.eligibility).toMatchObject({ eligible: true, exception });
    expect(admitted.requests[0]!.eligibility.text).toMatch(/^Admitted by the ISU by exception \(Presents the Article 4/);
    expect(admitted.problem.requests[0]!.lock).toBeUndefined();
    expect(admitted.problem.requests[0]!.ineligible).toBeUndefined();
    // A staff lock cannot put an ineligible request in.
    const locked = scoreRound({ ...file, requests: [{ ...norway, lock: "in" as const }] }, ref);
    expect(locked.problem.requests[0]!.lock).toBe("out");
  });

  it("reads each eligibility path: affected State Party, low-income State Party, interested non-party", () => {
    const one = (over: Record<string, unknown>) =>
      scoreRound({ ...round, requests: [{ ...round.requests[0]!, id: "X-1", lock: undefined, ...over }] }, ref).requests[0]!.eligibility;
    // Chile: high income, but clearance obligations.
    expect(one({ state: "CHL" }).path).toMatch(/clearance or victim-assistance/);
    // Burundi: no obligations, but least developed and low income.
    expect(one({ state: "BDI" }).path).toMatch(/Least developed, low-income/);
    // Angola (signatory): only with accepted evidence.
    expect(one({ state: "AGO", interestEvidence: "x" }).eligible).toBe(false);
    const accepted = { decision: "accepted", note: "", by: "admin", on: "2025-07-01" };
    expect(one({ state: "AGO", interestEvidence: "x", interestReview: accepted }).path).toMatch(/Signatory or State not party/);
    expect(one({ state: "AGO", interestEvidence: "x", interestReview: { ...accepted, decision: "not-accepted" } }).eligible).toBe(false);
    // Lithuania in 2025 (withdrawn): a State not party; with accepted evidence, eligible on that path.
    expect(one({ state: "LTU", interestEvidence: "x", interestReview: accepted }).path).toMatch(/Signatory or State not party/);
  });

  it("rejects a request from an unknown State by its path", () => {
    const bad = { ...round, requests: [...round.requests, { ...round.requests[0]!, id: "X", state: "XXX" }] };
    expect(() => scoreRound(bad, ref)).toThrow(UnknownStateError);
    try {
      scoreRound(bad, ref);
    } catch (e) {
      expect((e as UnknownStateError).problems).toEqual([
        { path: `requests[${round.requests.length}].state`, message: 'unknown State "XXX"' },
      ]);
    }
  });
});

describe("conditions in words", () => {
  it("says a condition as staff read it: facts by name, values in words, nested groups bracketed", () => {
    expect(
      conditionInWords({
        all: [
          { fact: "state.ldc", eq: true },
          {
            any: [
              { fact: "state.ccmStatus", eq: "nonparty" },
              { fact: "request.role", in: ["art4-extension", "presenter"] },
            ],
          },
          { not: { fact: "request.technicalRating", gte: 3 } },
        ],
      }),
    ).toBe(
      "least developed country is yes and (CCM status is State not party or role at the meeting is presenting an Article 4 extension request or presenter) and not (reviewers' rating is at least 3)",
    );
  });
});
