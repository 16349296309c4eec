// The default scoring rule set: para. 102 of the ISU's 2024 report as rules (rules.ts), used when a
// round has none of its own.
import { SPEAKING_ROLES, type RuleSetInput } from "./rules.js";

/** The default rule set: paragraph 102 of the 2024 report, one criterion at a time. Points per criterion are capped at 100. */
export const DEFAULT_RULES: RuleSetInput = {
  id: "ccm-para102-v1",
  description:
    "Default rules derived from para. 102 of the ISU's 2024 annual report: implementation relevance, technical value, universalization potential, capacity strengthening, inclusive representation.",
  // Under-represented regions are derived from the reference data as of the meeting (regions.ts).
  // Who may be sponsored (para. 100): affected and low-income States Parties, and signatories and States
  // not party that show interest in the Convention (evidence accepted by the ISU).
  eligibility: [
    {
      id: "affected-state-party",
      label: "State Party with clearance or victim-assistance obligations, or an Article 4 extension request",
      when: {
        all: [
          { fact: "state.ccmStatus", eq: "party" },
          {
            any: [
              { fact: "state.art4Clearance", eq: true },
              { fact: "state.art5VictimAssistance", eq: true },
              { fact: "state.art4ExtensionRequest", eq: true },
            ],
          },
        ],
      },
    },
    {
      id: "low-income-state-party",
      label: "Least developed, low-income or lower-middle-income State Party",
      when: {
        all: [
          { fact: "state.ccmStatus", eq: "party" },
          {
            any: [
              { fact: "state.ldc", eq: true },
              { fact: "state.incomeGroup", in: ["low", "lower-middle"] },
            ],
          },
        ],
      },
    },
    {
      id: "interested-non-party",
      label: "Signatory or State not party with evidence of interest accepted by the ISU",
      when: {
        all: [
          { fact: "state.ccmStatus", in: ["signatory", "nonparty"] },
          { fact: "request.interestReview", eq: "accepted" },
        ],
      },
    },
  ],
  levelValueShare: { full: 1, ticket: 0.6, allowance: 0.4 },
  // Rotation (with the round's history): 10 % less priority per recent round in which the State was
  // sponsored, 15 % per round for the same delegate, the last three rounds, never below half.
  rotation: { window: 3, statePerRound: 0.1, delegatePerRound: 0.15, floor: 0.5 },
  rules: [
    // Implementation relevance: least developed States Parties with active or pending obligations,
    // above all those preparing Art. 4 extension requests or submitting Art. 7 reports.
    {
      id: "ldc-state-party",
      criterion: "implementation",
      label: "Least developed State Party",
      points: 25,
      when: {
        all: [
          { fact: "state.ldc", eq: true },
          { fact: "state.ccmStatus", eq: "party" },
        ],
      },
    },
    {
      id: "art4-extension-request",
      criterion: "implementation",
      label: "Preparing or presenting an Article 4 extension request",
      points: 35,
      when: {
        any: [
          { fact: "state.art4ExtensionRequest", eq: true },
          { fact: "request.role", eq: "art4-extension" },
        ],
      },
    },
    {
      id: "art4-clearance",
      criterion: "implementation",
      label: "Article 4 clearance obligations",
      points: 15,
      when: {
        all: [
          { fact: "state.art4Clearance", eq: true },
          { fact: "state.ccmStatus", eq: "party" },
        ],
      },
    },
    {
      id: "art5-victim-assistance",
      criterion: "implementation",
      label: "Article 5 victim-assistance obligations",
      points: 10,
      when: {
        all: [
          { fact: "state.art5VictimAssistance", eq: true },
          { fact: "state.ccmStatus", eq: "party" },
        ],
      },
    },
    {
      id: "art7-report",
      criterion: "implementation",
      label: "Article 7 transparency report outstanding (to be submitted)",
      points: 15,
      when: {
        all: [
          { fact: "state.art7ReportOutstanding", eq: true },
          { fact: "state.ccmStatus", eq: "party" },
        ],
      },
    },
    // Technical value: specialised knowledge or operational experience that informs the discussions.
    {
      id: "reviewer-rating",
      criterion: "technical",
      label: "Reviewers' rating of technical value (12 points a step, 0–5)",
      points: 12,
      per: "request.technicalRating",
    },
    {
      id: "operational-expertise",
      criterion: "technical",
      label: "Operational expertise (clearance, stockpile destruction, victim assistance)",
      points: 20,
      when: { fact: "request.operationalExpertise", eq: true },
    },
    {
      id: "speaking-role",
      criterion: "technical",
      label: "Speaking role at the meeting",
      points: 20,
      when: { fact: "request.role", in: SPEAKING_ROLES },
    },
    // Universalization potential: signatories and States not party showing concrete interest in accession,
    // with a focus on under-represented regions.
    {
      id: "signatory-interest",
      criterion: "universalization",
      label: "Signatory with evidence of interest in ratification, accepted by the ISU",
      points: 60,
      when: {
        all: [
          { fact: "state.ccmStatus", eq: "signatory" },
          { fact: "request.interestReview", eq: "accepted" },
        ],
      },
    },
    {
      id: "nonparty-interest",
      criterion: "universalization",
      label: "State not party with evidence of interest in accession, accepted by the ISU",
      points: 60,
      when: {
        all: [
          { fact: "state.ccmStatus", eq: "nonparty" },
          { fact: "request.interestReview", eq: "accepted" },
        ],
      },
    },
    {
      id: "underrepresented-region-outreach",
      criterion: "universalization",
      label: "Not yet party, showing interest, from an under-represented region",
      points: 40,
      when: {
        all: [
          { fact: "state.ccmStatus", in: ["signatory", "nonparty"] },
          { fact: "request.interestReview", eq: "accepted" },
          { fact: "state.underrepresentedRegion", eq: true },
        ],
      },
    },
    // Capacity strengthening: States with limited technical or financial resources.
    { id: "income-low", criterion: "capacity", label: "Low-income economy", points: 50, when: { fact: "state.incomeGroup", eq: "low" } },
    {
      id: "income-lower-middle",
      criterion: "capacity",
      label: "Lower-middle-income economy",
      points: 35,
      when: { fact: "state.incomeGroup", eq: "lower-middle" },
    },
    {
      id: "income-upper-middle",
      criterion: "capacity",
      label: "Upper-middle-income economy",
      points: 15,
      when: { fact: "state.incomeGroup", eq: "upper-middle" },
    },
    { id: "ldc-capacity", criterion: "capacity", label: "Least developed country", points: 20, when: { fact: "state.ldc", eq: true } },
    {
      id: "no-geneva-mission",
      criterion: "capacity",
      label: "No permanent mission in Geneva",
      points: 30,
      when: { fact: "state.genevaMission", eq: false },
    },
    // Inclusive representation: gender balance, regional diversity, affected individuals.
    {
      id: "woman",
      criterion: "representation",
      label: "Woman delegate (gender balance)",
      points: 35,
      when: { fact: "request.gender", eq: "F" },
    },
    {
      id: "survivor",
      criterion: "representation",
      label: "Survivor or affected-community representative",
      points: 35,
      when: { fact: "request.survivor", eq: true },
    },
    {
      id: "first-participation",
      criterion: "representation",
      label: "First participation in a formal meeting",
      points: 20,
      when: { fact: "request.firstParticipation", eq: true },
    },
    {
      id: "underrepresented-region",
      criterion: "representation",
      label: "From an under-represented region (regional diversity)",
      points: 10,
      when: { fact: "state.underrepresentedRegion", eq: true },
    },
    {
      id: "funded-before",
      criterion: "representation",
      label: "Sponsored in previous rounds (10 points less per round)",
      points: -10,
      per: "request.previousSponsorships",
    },
  ],
};
