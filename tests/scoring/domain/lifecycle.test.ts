// The lifecycle's moves, generated from its own lists: every pair of statuses is allowed exactly when the
// list says so, an answer is final, and a refusal says why in words.
import { describe, expect, it } from "vitest";
import {
  canMove,
  IN_RUN,
  OFFER_STATE,
  OFFER_TRANSITIONS,
  offerMoveRefused,
  OPEN_OFFERS,
  PROPOSAL_STATUS,
  PROPOSAL_TRANSITIONS,
  proposalMoveRefused,
  RELEASED_OFFERS,
  REQUEST_STATUS_OF_OFFER,
  SETTLED_OFFERS,
  DECISION_KINDS,
  REQUEST_STATUS,
  REQUEST_TRANSITIONS,
  requestMoveRefused,
  ROUND_STATUS,
  ROUND_TRANSITIONS,
  offersClosed,
  offerDeadlineRefused,
} from "../../../scoring/domain/index.js";

describe("request statuses", () => {
  it("allow exactly the listed moves, for every pair", () => {
    for (const from of REQUEST_STATUS.codes) {
      for (const to of REQUEST_STATUS.codes) {
        const refused = requestMoveRefused("R-1", from, to);
        expect(refused === null, `${from} → ${to}`).toBe(REQUEST_TRANSITIONS[from].includes(to));
        if (refused) expect(refused).toMatch(/^the status of request R-1 is ".+"(: that answer is final)?; it cannot become ".+"$/);
      }
    }
  });

  it("make an offer's answer final: an accepted offer can only be settled or withdrawn by the ISU, and either is final", () => {
    for (const answer of ["declined", "expired", "travelled", "no-show", "cancelled", "offer-withdrawn"] as const) {
      expect(REQUEST_TRANSITIONS[answer]).toEqual([]);
      expect(requestMoveRefused("R-1", answer, "funded")).toMatch(/final/);
    }
    expect(REQUEST_TRANSITIONS.accepted).toEqual(["travelled", "no-show", "cancelled", "offer-withdrawn"]);
    expect(requestMoveRefused("R-1", "accepted", "funded")).toMatch(/"offer accepted".*cannot become "offered sponsorship"/);
  });

  it("let an approval decide only requests in the running or decided but unanswered", () => {
    for (const from of [...IN_RUN, ...DECISION_KINDS]) {
      for (const to of ["funded", "waitlisted", "not-funded"] as const)
        expect(requestMoveRefused("R-1", from, to), `${from} → ${to}`).toBeNull();
    }
    expect(requestMoveRefused("R-1", "withdrawn", "funded")).toMatch(/withdrawn/);
    expect(requestMoveRefused("R-1", "ineligible", "funded")).toMatch(/"not eligible"/);
  });
});

describe("offer states", () => {
  it("allow exactly the listed moves, each refusal in words", () => {
    for (const from of OFFER_STATE.codes)
      for (const to of OFFER_STATE.codes) {
        const refused = offerMoveRefused("R-1", from, to);
        expect(refused === null, `${from} → ${to}`).toBe(OFFER_TRANSITIONS[from].includes(to));
        if (refused) expect(refused).toMatch(/^the offer to R-1 is /);
      }
    expect(offerMoveRefused("R-1", "travelled", "no-show")).toMatch(/travelled: that is final/);
    expect(offerMoveRefused("R-1", "pending", "travelled")).toMatch(/can only become accepted, or declined, or lapsed/);
  });

  it("each mirror a request status, and split into open, released and settled", () => {
    for (const s of OFFER_STATE.codes) expect(REQUEST_STATUS.codes).toContain(REQUEST_STATUS_OF_OFFER[s]);
    expect([...OPEN_OFFERS, ...RELEASED_OFFERS, ...SETTLED_OFFERS].sort()).toEqual([...OFFER_STATE.codes].sort());
  });
});

describe("replacement proposals", () => {
  it("are applied once, or discarded by a later proposal; both final, each refusal in words", () => {
    for (const from of PROPOSAL_STATUS.codes)
      for (const to of PROPOSAL_STATUS.codes)
        expect(proposalMoveRefused(from, to) === null, `${from} → ${to}`).toBe(PROPOSAL_TRANSITIONS[from].includes(to));
    expect(proposalMoveRefused("discarded", "applied")).toMatch(/apply the latest/);
    expect(proposalMoveRefused("applied", "applied")).toMatch(/applied already/);
  });
});

describe("round statuses", () => {
  it("move one step along draft → open → review → decided → closed, or back a step", () => {
    const allowed = ROUND_STATUS.codes.flatMap((from) => ROUND_STATUS.codes.filter((to) => canMove(from, to)).map((to) => `${from}→${to}`));
    expect(allowed).toEqual(["draft→open", "open→review", "review→open", "review→decided", "decided→review", "decided→closed"]);
    for (const from of ROUND_STATUS.codes) for (const to of ROUND_TRANSITIONS[from]) expect(canMove(from, to)).toBe(true);
  });
});

describe("when offers can be made (one rule for the approval, its deadline and the dashboard)", () => {
  it("lets offers be made up to and including the meeting's first day, never after", () => {
    expect(offersClosed("2025-09-16", "2025-09-15")).toBe(false);
    expect(offersClosed("2025-09-16", "2025-09-16")).toBe(false);
    expect(offersClosed("2025-09-16", "2025-09-17")).toBe(true);
  });
  it("refuses a deadline before the day of the offers or after the meeting's first day, in words", () => {
    expect(offerDeadlineRefused("2025-09-16", "2025-09-16", "2025-09-16")).toBeNull();
    expect(offerDeadlineRefused("2025-08-15", "2025-07-20", "2025-09-16")).toBeNull();
    expect(offerDeadlineRefused("2025-07-19", "2025-07-20", "2025-09-16")).toBe(
      "must not be before the day the offers are made (20 July 2025)",
    );
    expect(offerDeadlineRefused("2025-09-17", "2025-07-20", "2025-09-16")).toBe(
      "must be on or before the meeting's first day (16 September 2025): offers are answered before the travel",
    );
  });
});
