// The workspace's words for the engine's sentences and records: references named with their States,
// ISO codes by the State's name, ISO days as days, donors by name, audit entries as sentences.
import { describe, expect, it } from "vitest";
import { chf, donorName, paidBy, pct, plainText, points } from "../../web/src/format.js";
import { detailsInWords, didInWords, recordInWords } from "../../web/src/features/audit/entry-words.js";

describe("plain words for the engine's sentences", () => {
  const stateOf = new Map([
    ["13MSP-004", "IRQ"],
    ["13MSP-029", "MDA"],
    ["13MSP-0291", "LAO"],
  ]);
  it("names each reference's State, replaces a bracketed ISO code, leaves other words alone", () => {
    expect(plainText("displacing 13MSP-004 and 13MSP-0291.", stateOf)).toBe(
      "displacing 13MSP-004 (Iraq) and 13MSP-0291 (Lao People's Democratic Republic).",
    );
    expect(plainText("13MSP-029 (MDA) is not eligible but funded", stateOf)).toBe(
      "13MSP-029 (Republic of Moldova) is not eligible but funded",
    );
    expect(plainText("13MSP-029 (MDA)", stateOf, "fr")).toBe("13MSP-029 (République de Moldova)");
    expect(plainText("CHF 200 for the ISU and AUS", new Map())).toBe("CHF 200 for the ISU and Australia");
  });
  it("says ISO days and timestamps as days", () => {
    expect(plainText("as of 2025-09-16", new Map())).toBe("as of 16 Sept 2025");
    expect(plainText("au 2025-09-16", new Map(), "fr")).toBe("au 16 sept. 2025");
  });
  it("names donors", () => {
    expect(donorName("NOR")).toBe("Norway");
    expect(donorName("carry-over", "es")).toBe("remanente");
    expect(paidBy([{ donor: "CHE", amount: 1173 }], "en")).toBe("Switzerland CHF\u00a01'173");
    expect(paidBy([{ donor: "CHE", amount: 1173 }], "fr").replace(/\s/g, " ")).toBe("Suisse 1 173 CHF");
  });
  it("writes numbers the ISU's way in English and the language's way in French and Spanish", () => {
    // Intl separates thousands with (narrow) no-break spaces in French: read as spaces here.
    const plain = (s: string) => s.replace(/\s/g, " ");
    expect(chf(53683)).toBe("CHF\u00a053'683");
    expect(plain(chf(53683, "fr"))).toBe("53 683 CHF");
    expect(plain(chf(53683, "es"))).toBe("53.683 CHF");
    // Centimes where there are any, in every language.
    expect(chf(53683.4)).toBe("CHF\u00a053'683.40");
    // Swiss French writes francs and centimes with a point (CLDR), other numbers with a comma.
    expect(plain(chf(53683.4, "fr"))).toBe("53 683.40 CHF");
    expect(points(40.654)).toBe("40.65");
    expect(points(40.654, "fr")).toBe("40,65");
    expect(plain(points(1234.5, "fr"))).toBe("1 234,50");
    expect(points(-0.001, "es")).toBe("0,00");
    expect(pct(0.45, "fr").replace(/\s/g, " ")).toBe("45 %");
    expect(chf(null, "fr")).toBe("–");
  });
});

describe("the audit log in words", () => {
  it("says who did what to which record and which fields changed", () => {
    const e = {
      action: "update",
      entity: "request",
      entityId: "13MSP-002",
      about: { state: "LAO", roundId: "13MSP" },
      data: { changes: { role: { from: "none", to: "art4-extension" }, airTicket: { from: 1160, to: 1200 } } },
    };
    expect(didInWords(e)).toBe("edited a request");
    expect(recordInWords(e)).toBe("13MSP-002 · Lao People's Democratic Republic");
    expect(detailsInWords(e, new Map())).toEqual([
      "role: participant → presenting an Article 4 extension request",
      "air ticket: CHF\u00a01'160 → CHF\u00a01'200",
    ]);
  });
  it("names a year's and a contribution's fields in words, never as stored (deferredTo, receivedOn)", () => {
    const closed = { action: "close", entity: "year", entityId: "2025", about: {}, data: { deferredTo: 51319 } };
    expect(detailsInWords(closed, new Map())).toEqual(["deferred to the next year: CHF\u00a051'319"]);
    const given = { action: "update", entity: "donor", entityId: "AUS", about: {}, data: { amount: 5000, receivedOn: null } };
    expect(detailsInWords(given, new Map())).toEqual(["amount: CHF\u00a05'000", "received on: not recorded"]);
  });
  it("names every field from scoring's one list of field words: a rule by its name, the meeting's other languages, an unknown field split into words", () => {
    const e = {
      action: "update",
      entity: "round",
      entityId: "14MSP",
      about: {},
      data: {
        changes: {
          meetingFr: { from: null, to: "Quatorzième Assemblée des États parties" },
          maxDelegates: { from: 20, to: 21 },
          someNewField: { from: 1, to: 2 },
          startDate: { from: "2026-09-01", to: "2026-09-02" },
        },
      },
    };
    const lines = detailsInWords(e, new Map());
    expect(lines[0]).toBe("meeting, in French: none → Quatorzième Assemblée des États parties");
    expect(lines[1]).toBe("Seats (delegates at most): 20 → 21");
    expect(lines[2]).toBe("some new field: 1 → 2");
    expect(lines[3]).toMatch(/^meeting's first day: /);
    for (const l of lines) expect(l).not.toMatch(/[a-z][A-Z]/);
  });
  it("gives a status change's note with the States of the requests it names", () => {
    const e = {
      action: "status",
      entity: "request",
      entityId: "13MSP-005",
      about: { state: "LBN" },
      data: { status: "waitlisted", note: "Funding it would lower the total value by 1.33 points, displacing 13MSP-004." },
    };
    expect(detailsInWords(e, new Map([["13MSP-004", "IRQ"]]))).toEqual([
      "status: on the waiting list",
      "note: Funding it would lower the total value by 1.33 points, displacing 13MSP-004 (Iraq).",
    ]);
  });
});
