// The 2024 programme year replayed through the product (data/history/2024.json: a real run, approval,
// answers, settlements, the administrative costs and the close) reproduces Table 3 of the ISU's 2024
// report line by line, and its deferred-to opens 2025 by itself.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { loadHistory, readHistory } from "../../server/io/history.js";
import { loadReferenceData } from "../../server/io/reference.js";
import { testApi } from "./api-helpers.js";

describe("the 2024 programme year (Table 3 of the ISU's report)", async () => {
  const api = await testApi();
  const admin = await api.as("admin");
  const adminId = api.db.prepare("SELECT id FROM users WHERE username = 'admin'").pluck().get() as number;
  const file = readHistory();
  const closed = await loadHistory({ db: api.db, runs: api.runs }, file, loadReferenceData(), {
    id: adminId,
    name: "admin",
  });

  it("closes the year with the report's figures, each line", async () => {
    expect(closed).toMatchObject({ year: 2024, status: "closed", closing: 51319, opening: { amount: 51319, carriedFrom: null } });
    const t = (await admin.req("GET", "/api/years/2024/statement")).json;
    expect(t.provisional).toBe(false);
    expect(t.expenditures).toEqual({ travel: 53488, generalAndAdministrative: 195, total: 53683 });
    expect(t.revenues.contributions.map((c: { name: string; amount: number; source: string }) => [c.name, c.amount, c.source])).toEqual([
      ["Australia", 28933, "sourced"],
      ["Canada", 8574, "derived"],
      ["Norway", 7717, "sourced"],
      ["Switzerland", 8459, "sourced"],
    ]);
    expect(t.revenues.totalContributions).toBe(53683);
    expect(t.revenues.deferredFrom).toBe(51319);
    // Computed: 53'683 + 51'319. The report prints 105'001; the year's note says why.
    expect(t.revenues.total).toBe(105002);
    expect(t.note).toMatch(/105'001.*105'002/);
    expect(t.deferredTo).toBe(51319);
    expect(t.rounds).toEqual([expect.objectContaining({ roundId: "12MSP", status: "closed", deferredFrom: 51319, deferredTo: 51319 })]);
  });

  it("reads the States as of the 12MSP's first day (10 Sept 2024), and again when the meeting moves", async () => {
    const states = (await admin.req("GET", "/api/rounds/12MSP/states")).json;
    expect(states.asOf).toBe("2024-09-10");
    const of = (list: { iso3: string; ccmStatus: string; ldc: boolean }[], iso3: string) => list.find((s) => s.iso3 === iso3)!;
    expect(of(states.states, "LTU").ccmStatus).toBe("party");
    expect(of(states.states, "STP").ldc).toBe(true);
    // The open demo round (13MSP, 16 Sept 2025) reads Lithuania as withdrawn and Vanuatu as not yet party.
    const demo = (await admin.req("GET", "/api/rounds/13MSP/states")).json;
    expect(demo.asOf).toBe("2025-09-16");
    expect(of(demo.states, "LTU").ccmStatus).toBe("nonparty");
    expect(of(demo.states, "VUT").ccmStatus).toBe("nonparty");
    // Moved to March 2026, the demo round reads Vanuatu as a State Party; moved back, not.
    const round = (await admin.req("GET", "/api/rounds/DEMO-OPEN")).json;
    const moved = await admin.req("PATCH", "/api/rounds/DEMO-OPEN", {
      startDate: "2026-03-02",
      endDate: "2026-03-05",
      version: round.version,
    });
    expect(moved.status, moved.text).toBe(200);
    const later = (await admin.req("GET", "/api/rounds/DEMO-OPEN/states")).json;
    expect(later.asOf).toBe("2026-03-02");
    expect(of(later.states, "VUT").ccmStatus).toBe("party");
  });

  it("has 21 offers: 20 delegates who travelled (16 States Parties, 2 signatories, 2 States not party) and one State Party that did not", async () => {
    const t = (await admin.req("GET", "/api/rounds/12MSP/statement")).json;
    expect(t.delegates).toMatchObject({ offers: 21, travelled: 20, "no-show": 1, pending: 0, accepted: 0 });
    const states = (await admin.req("GET", "/api/rounds/12MSP/states")).json.states as { iso3: string; ccmStatus: string }[];
    const statusOf = new Map(states.map((s) => [s.iso3, s.ccmStatus]));
    const travelled = file.delegates.filter((d) => d.outcome === "travelled").map((d) => statusOf.get(d.request.state));
    expect([
      travelled.filter((s) => s === "party").length,
      travelled.filter((s) => s === "signatory").length,
      travelled.filter((s) => s === "nonparty").length,
    ]).toEqual([16, 2, 2]);
    // The mix comes from the round's rule (17 / 2 / 2 offers), not from locks: no request is locked.
    expect(file.policy).toMatchObject({
      statusMin: { party: 17, signatory: 2, nonparty: 2 },
      statusMax: { party: 17, signatory: 2, nonparty: 2 },
    });
    const requests = (await admin.req("GET", "/api/rounds/12MSP/requests")).json as { attributes: { lock?: string } }[];
    expect(requests.length).toBe(21);
    expect(requests.filter((r) => r.attributes.lock)).toEqual([]);
    const noShow = file.delegates.find((d) => d.outcome === "no-show")!;
    expect(statusOf.get(noShow.request.state)).toBe("party");
    // Who paid for whom: the actual costs, all paid, within the (unearmarked) contributions first.
    expect(t.funding.reduce((s: number, f: { cost: number }) => s + f.cost, 0)).toBeCloseTo(53488, 2);
    expect(t.funding.every((f: { unpaid: number }) => f.unpaid === 0)).toBe(true);
  });

  it("writes Table 3 as CSV and XLSX, and the ledger ends on the deferred-to", async () => {
    const csv = (await admin.req("GET", "/api/years/2024/statement?format=csv")).text;
    for (const line of [
      "Travel costs,53488",
      "General & admin. expenses,195",
      "Total Expenditures,53683",
      "Total Contributions,53683",
      "Contributions deferred from,51319",
      "Total Revenues,105002",
      "Contributions deferred to,51319",
    ])
      expect(csv).toContain(line);
    expect(csv).toMatch(/Contributions: Canada,8574,"derived: Table 3 prints three/);
    const res = await api.app.request("/api/years/2024/statement?format=xlsx", { headers: { cookie: admin.cookie! } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const values = book.worksheets[0]!.getSheetValues().flatMap((row) => (Array.isArray(row) ? row : []));
    expect(values).toEqual(expect.arrayContaining(["Travel costs", 53488, "Total Revenues", 105002, 51319]));
    const ledger = (await admin.req("GET", "/api/years/2024/ledger")).json;
    expect(ledger.at(-1).balance).toBe(51319);
    expect(ledger.filter((e: { kind: string }) => e.kind === "commitment")).toHaveLength(21);
    expect(ledger.find((e: { kind: string; date: string }) => e.kind === "commitment").date).toBe("2024-07-25");
  });

  it("opens 2025 with 2024's deferred-to, carried by itself; 2024's figures are locked", async () => {
    const y2025 = (await admin.req("GET", "/api/years")).json.find((y: { year: number }) => y.year === 2025);
    expect(y2025.opening).toEqual({ amount: 51319, carriedFrom: 2024, provisional: false, note: "" });
    expect((await admin.req("GET", "/api/rounds/13MSP")).json.carryOver).toBe(51319);
    const round = (await admin.req("GET", "/api/rounds/12MSP")).json;
    const locked = await admin.req("PATCH", "/api/rounds/12MSP", { adminActual: 300, version: round.version });
    expect(locked.status).toBe(409);
    expect(locked.json.error.message).toMatch(/2024 is closed/);
    const donor = (await admin.req("GET", "/api/rounds/12MSP/donors")).json[0];
    expect((await admin.req("PUT", "/api/rounds/12MSP/donors/AUS", { name: "Australia", amount: 1, version: donor.version })).status).toBe(
      409,
    );
    const opening = await admin.req("PUT", "/api/years/2025/opening", { amount: 1, note: "typed", version: y2025.version });
    expect(opening.status).toBe(409);
    expect(opening.json.error.message).toMatch(/carried from 2024/);
  });

  it("tells no one: the replay's offers, answers and decisions write no message", async () => {
    const decided = api.db
      .prepare(
        "SELECT COUNT(*) FROM request_history h JOIN requests r ON r.id = h.request_id WHERE r.round_id = '12MSP' AND h.status IN ('funded', 'declined', 'not-funded')",
      )
      .pluck()
      .get() as number;
    expect(decided).toBeGreaterThan(0);
    expect((await admin.req("GET", "/api/messages")).json.total).toBe(0);
  });
});
