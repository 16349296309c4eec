// The money's figures from its facts: each offer's effect, Table 3's identities per round and per year,
// the ledger's entries and the funding split within earmarks (checked apart from the split's own code).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OFFER_STATE, REGION, type OfferStatus } from "../../../scoring/domain/index.js";
import {
  carryInOf,
  ledgerEntries,
  offerMoney,
  roundSplit,
  roundStatements,
  sourceNote,
  splitCosts,
  yearStatement,
  type OfferFact,
  type RoundFacts,
  type YearFacts,
} from "../../../scoring/ledger/index.js";

const offer = (
  id: string,
  cost: number,
  offerStatus: OfferStatus,
  actualCost: number | null = null,
  region: OfferFact["region"] = "AFR",
): OfferFact => ({
  requestId: id,
  state: "TGO",
  stateName: "Togo",
  region,
  status: "party",
  cost,
  offerStatus,
  actualCost,
  committedOn: "2030-06-01",
  answeredOn: "2030-06-20",
  settledOn: "2030-10-01",
});

const round = (id: string, start: string, over: Partial<RoundFacts> = {}): RoundFacts => ({
  id,
  meeting: `Meeting ${id}`,
  startDate: start,
  endDate: start,
  status: "decided",
  adminEstimate: 200,
  adminActual: null,
  contributions: [],
  offers: [],
  ...over,
});

describe("an offer's money", () => {
  it("is committed while open, released when declined or lapsed, spent (its actual cost) when settled", () => {
    expect(offerMoney(offer("a", 3000, "pending"))).toEqual({ committed: 3000, spent: 0, released: 0 });
    expect(offerMoney(offer("a", 3000, "accepted"))).toEqual({ committed: 3000, spent: 0, released: 0 });
    expect(offerMoney(offer("a", 3000, "declined"))).toEqual({ committed: 0, spent: 0, released: 3000 });
    expect(offerMoney(offer("a", 3000, "expired"))).toEqual({ committed: 0, spent: 0, released: 3000 });
    expect(offerMoney(offer("a", 3000, "travelled", 2800))).toEqual({ committed: 0, spent: 2800, released: 200 });
    // A no-show whose ticket was bought, a late cancellation with a non-refundable part, an overrun.
    expect(offerMoney(offer("a", 3000, "no-show", 1200))).toEqual({ committed: 0, spent: 1200, released: 1800 });
    expect(offerMoney(offer("a", 3000, "cancelled", 450))).toEqual({ committed: 0, spent: 450, released: 2550 });
    expect(offerMoney(offer("a", 3000, "travelled", 3100))).toEqual({ committed: 0, spent: 3100, released: -100 });
  });
});

describe("Table 3 and the balances", () => {
  const year: YearFacts = {
    year: 2030,
    opening: { amount: 10_000, carriedFrom: 2029, provisional: false, note: "" },
    closed: false,
    rounds: [
      round("A", "2030-03-01", {
        adminActual: 150,
        contributions: [
          { donor: "AUS", name: "Australia", amount: 5000, receivedOn: "2030-02-01", source: "sourced", note: "" },
          { donor: "NOR", name: "Norway", amount: 2000, receivedOn: "2030-02-10", source: "derived", note: "the remainder" },
        ],
        offers: [offer("A-1", 4000, "travelled", 3900), offer("A-2", 3000, "declined"), offer("A-3", 2500, "no-show", 600)],
      }),
      round("B", "2030-09-01", {
        contributions: [{ donor: "AUS", name: "Australia", amount: 1000, receivedOn: null, source: "sourced", note: "" }],
        offers: [offer("B-1", 5000, "accepted")],
      }),
    ],
  };

  it("chains the rounds of a year: each starts from what the one before left", () => {
    const [a, b] = roundStatements(year);
    expect(a!.table.revenues.deferredFrom).toBe(10_000);
    expect(a!.table.expenditures).toEqual({ travel: 4500, generalAndAdministrative: 150, total: 4650 });
    expect(a!.table.deferredTo).toBe(10_000 + 7000 - 4650);
    expect(b!.table.revenues.deferredFrom).toBe(a!.table.deferredTo);
    expect(carryInOf(year, "B")).toBe(a!.table.deferredTo);
    expect(a!.table.provisional).toBe(false);
    // B: an accepted offer not settled, the administrative costs an estimate.
    expect(b!.table.provisional).toBe(true);
    expect(b!.table.pending.join(" ")).toMatch(/1 offer not yet answered or settled \(Togo, B-1\).*estimate/);
  });

  it("sums the year: contributions by donor, one line each; deferred-to equals the last round's", () => {
    const t = yearStatement(year);
    expect(t.revenues.contributions).toEqual([
      { donor: "AUS", name: "Australia", amount: 6000, source: "sourced", note: "" },
      { donor: "NOR", name: "Norway", amount: 2000, source: "derived", note: "the remainder" },
    ]);
    expect(t.revenues.total).toBe(18_000);
    expect(t.deferredTo).toBe(roundStatements(year).at(-1)!.table.deferredTo);
    expect(t.balances.available).toBe(t.balances.committed + t.balances.spent + t.balances.left);
    expect(t.delegates).toMatchObject({ offers: 4, travelled: 1, declined: 1, "no-show": 1, accepted: 1 });
  });

  it("lists the ledger by date, its last balance the year's deferred-to", () => {
    const entries = ledgerEntries(year);
    expect(entries[0]!.kind).toBe("opening");
    expect(entries.at(-1)!.balance).toBe(yearStatement(year).deferredTo);
    expect(entries.find((e) => e.kind === "release" && e.requestId === "A-3")!.text).toMatch(/Togo, A-3: CHF 1'900 of the offer not spent/);
    // The undated contribution comes right after the opening; the dated entries follow in date order.
    expect(entries[1]).toMatchObject({ kind: "contribution", date: null, donor: "AUS", roundId: "B" });
    const dated = entries.slice(2).map((e) => e.date!);
    expect(dated).toEqual([...dated].sort());
  });

  it("holds its identities for any facts", () => {
    const arbOffer = fc.record({
      requestId: fc.string({ minLength: 1, maxLength: 4 }),
      cost: fc.integer({ min: 0, max: 9000 }),
      offerStatus: fc.constantFrom(...OFFER_STATE.codes),
      actualCost: fc.option(fc.integer({ min: 0, max: 9000 }), { nil: null }),
    });
    const arbRound = fc.record({
      admin: fc.integer({ min: 0, max: 500 }),
      adminActual: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
      amounts: fc.array(fc.integer({ min: 0, max: 30_000 }), { maxLength: 4 }),
      offers: fc.array(arbOffer, { maxLength: 8 }),
    });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60_000 }), fc.array(arbRound, { minLength: 1, maxLength: 3 }), (opening, rs) => {
        const y: YearFacts = {
          year: 2031,
          opening: { amount: opening, carriedFrom: null, provisional: false, note: "typed" },
          closed: false,
          rounds: rs.map((r, k) =>
            round(`R${k}`, `2031-0${k + 1}-01`, {
              adminEstimate: r.admin,
              adminActual: r.adminActual,
              contributions: r.amounts.map((amount, d) => ({
                donor: `D${d}`,
                name: `Donor ${d}`,
                amount,
                receivedOn: null,
                source: "sourced" as const,
                note: "",
              })),
              offers: r.offers.map((o) => offer(o.requestId, o.cost, o.offerStatus, o.actualCost)),
            }),
          ),
        };
        const t = yearStatement(y);
        expect(t.expenditures.total).toBeCloseTo(t.expenditures.travel + t.expenditures.generalAndAdministrative, 2);
        expect(t.revenues.total).toBeCloseTo(t.revenues.totalContributions + t.revenues.deferredFrom, 2);
        expect(t.deferredTo).toBeCloseTo(t.revenues.total - t.expenditures.total, 2);
        expect(t.balances.available).toBeCloseTo(t.balances.committed + t.balances.spent + t.balances.left, 2);
        expect(roundStatements(y).at(-1)!.table.deferredTo).toBeCloseTo(t.deferredTo, 2);
        expect(ledgerEntries(y).at(-1)!.balance).toBeCloseTo(t.deferredTo, 2);
      }),
      { numRuns: 300 },
    );
  });
});

describe("who paid for whom", () => {
  it("moves an unearmarked share to make room for an earmarked one (an augmenting path)", () => {
    // AUS pays only for APG; NOR for anyone. Greedy in order would give A-1 (APG) to AUS... here A-1 is AFR first.
    const split = splitCosts(
      [
        { id: "NOR", amount: 3000 },
        { id: "AUS", amount: 3000, regions: ["APG"] },
      ],
      [
        { offer: offer("X-1", 0, "pending", null, "AFR"), cost: 3000 },
        { offer: offer("X-2", 0, "pending", null, "APG"), cost: 3000 },
      ],
    );
    expect(split.unpaid.size).toBe(0);
    expect(split.shares.get("X-1")).toEqual([{ donor: "NOR", amount: 3000 }]);
    expect(split.shares.get("X-2")).toEqual([{ donor: "AUS", amount: 3000 }]);
  });

  it("pays a delegate whose State is missing from the round's data only from money not earmarked", () => {
    // WEOG's donor may not pay for a State whose region is not known (it used to be read as WEOG).
    const split = splitCosts(
      [
        { id: "WEOG-ONLY", amount: 5000, regions: ["WEOG"] },
        { id: "ANY", amount: 1000 },
      ],
      [{ offer: offer("Q-1", 0, "pending", null, null), cost: 3000 }],
    );
    expect(split.shares.get("Q-1")).toEqual([{ donor: "ANY", amount: 1000 }]);
    expect(split.unpaid.get("Q-1")).toBe(2000);
  });

  it("pays within the earmarks, never more than a source has, and as much as any split could", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            amount: fc.integer({ min: 0, max: 8000 }),
            regions: fc.option(fc.subarray([...REGION.codes], { minLength: 1 }), { nil: undefined }),
          }),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        fc.array(fc.record({ cost: fc.integer({ min: 1, max: 5000 }), region: fc.constantFrom(...REGION.codes) }), { maxLength: 7 }),
        (srcs, dels) => {
          const sources = srcs.map((s, j) => ({ id: `S${j}`, amount: s.amount, ...(s.regions ? { regions: s.regions } : {}) }));
          const delegates = dels.map((d, i) => ({ offer: offer(`P${i}`, d.cost, "pending", null, d.region), cost: d.cost }));
          const split = splitCosts(sources, delegates);
          const paid = new Map(sources.map((s) => [s.id, 0]));
          delegates.forEach((d) => {
            const shares = split.shares.get(d.offer.requestId)!;
            for (const sh of shares) {
              const src = sources.find((s) => s.id === sh.donor)!;
              expect(!src.regions || (d.offer.region !== null && src.regions.includes(d.offer.region))).toBe(true);
              paid.set(sh.donor, paid.get(sh.donor)! + sh.amount);
            }
            expect(shares.reduce((s, x) => s + x.amount, 0) + (split.unpaid.get(d.offer.requestId) ?? 0)).toBeCloseTo(d.cost, 2);
          });
          for (const s of sources) expect(paid.get(s.id)!).toBeLessThanOrEqual(s.amount + 0.001);
          // Maximal: by the max-flow min-cut theorem, the unpaid total equals the largest shortfall of any
          // set of delegates (what they cost beyond what the sources admitting any of them hold).
          let shortfall = 0;
          for (let mask = 0; mask < 1 << delegates.length; mask++) {
            const set = delegates.filter((_, i) => mask & (1 << i));
            const cost = set.reduce((s, d) => s + d.cost, 0);
            const money = sources
              .filter((s) => set.some((d) => !s.regions || (d.offer.region !== null && s.regions.includes(d.offer.region))))
              .reduce((s, x) => s + x.amount, 0);
            shortfall = Math.max(shortfall, cost - money);
          }
          expect([...split.unpaid.values()].reduce((s, x) => s + x, 0)).toBeCloseTo(shortfall, 2);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("splits a round's costs over its donors, then the money carried in", () => {
    const r = round("A", "2030-03-01", {
      contributions: [{ donor: "AUS", name: "Australia", amount: 1000, receivedOn: null, source: "sourced", note: "", regions: ["APG"] }],
      offers: [offer("A-1", 2500, "travelled", 2400, "APG"), offer("A-2", 900, "declined", null, "AFR")],
    });
    const split = roundSplit(r, 5000);
    expect(split.shares.get("A-1")).toEqual([
      { donor: "AUS", amount: 1000 },
      { donor: "carry-over", amount: 1400 },
    ]);
    expect(split.shares.has("A-2")).toBe(false);
  });
});

describe("a contribution's note", () => {
  it("says a derived amount is derived once, whatever its note starts with", () => {
    expect(sourceNote("derived", "Derived: the remainder of Table 3's total (2024)")).toBe(
      "derived: the remainder of Table 3's total (2024)",
    );
    expect(sourceNote("derived", "the remainder of Table 3's total")).toBe("derived: the remainder of Table 3's total");
    expect(sourceNote("derived", "")).toBe("derived");
    expect(sourceNote("sourced", "Table 3 of the 2024 report")).toBe("Table 3 of the 2024 report");
  });
});
