// Issue 30, findings 9 and 10: what the calendar makes impossible is refused in words. An offer is settled
// (travelled, did not travel, cancelled late) only once its meeting has begun; it is answered only by its
// deadline and lapses only after it. A money fact dated in a closed year is refused whichever round or
// year the write names (a 2024 receipt put on a 2025 round).
import { describe, expect, it } from "vitest";
import { loadHistory, readHistory } from "../../server/io/history.js";
import { loadReferenceData } from "../../server/io/reference.js";
import { AFTER_13MSP, approveDemoRun, AS_OF_13MSP, testApi, type Client, type TestApi } from "../server/api-helpers.js";

const decision = async (admin: Client, id: string) =>
  (await admin.req("GET", "/api/rounds/13MSP/decisions")).json.find((d: { requestId: string }) => d.requestId === id);

const record = async (admin: Client, id: string, body: Record<string, unknown>) =>
  admin.req("POST", `/api/rounds/13MSP/offers/${id}`, { ...body, version: (await decision(admin, id)).version });

describe("offers and the calendar (deadline 15 August 2025, meeting from 16 September 2025)", async () => {
  const api = await testApi(AS_OF_13MSP);
  const admin = await api.as("admin");
  const { funded } = await approveDemoRun(api, admin);
  const [a, b, c, d] = funded as [string, string, string, string];

  it("refuses a settlement before the meeting, and the applicant's page never says they took part", async () => {
    for (const body of [{ offerStatus: "travelled", actualCost: 2400 }, { offerStatus: "no-show" }, { actualCost: 900 }]) {
      const res = await record(admin, a, body);
      expect(res.status, res.text).toBe(409);
      expect(res.json.error.message).toMatch(/the meeting begins on 16 September 2025, and an offer is settled only once it has begun/);
    }
    expect((await decision(admin, a)).offerStatus).toBe("pending");
    expect((await admin.req("GET", `/api/requests/${a}`)).json.status).toBe("funded");
    // Once the meeting has begun, the same settlement is taken.
    api.dayIs(AFTER_13MSP);
    try {
      expect((await record(admin, a, { offerStatus: "travelled", actualCost: 2400 })).status).toBe(200);
    } finally {
      api.dayIs(AS_OF_13MSP.TODAY);
    }
  });

  it("refuses a lapse before the deadline, and an answer after it, each in words", async () => {
    const early = await record(admin, b, { offerStatus: "expired" });
    expect(early.status).toBe(409);
    expect(early.json.error.message).toBe(
      `the offer to ${b} cannot lapse on 20 July 2025: its deadline is 15 August 2025, and an offer lapses only after it`,
    );
    expect((await decision(admin, b)).offerStatus).toBe("pending");
    api.dayIs("2025-08-20");
    try {
      const late = await record(admin, c, { offerStatus: "accepted" });
      expect(late.status).toBe(409);
      expect(late.json.error.message).toMatch(/deadline was 15 August 2025, and an answer counts only on or before it/);
      // An answer that came in time is recorded with its day.
      expect((await record(admin, c, { offerStatus: "accepted", on: "2025-08-14" })).status).toBe(200);
      expect((await record(admin, d, { offerStatus: "expired" })).status).toBe(200);
    } finally {
      api.dayIs(AS_OF_13MSP.TODAY);
    }
  });
});

describe("a closed year's money, whichever round a write names", async () => {
  const api: TestApi = await testApi(AS_OF_13MSP);
  const adminId = api.db.prepare("SELECT id FROM users WHERE username = 'admin'").pluck().get() as number;
  await loadHistory({ db: api.db, runs: api.runs }, readHistory(), loadReferenceData(), { id: adminId, name: "admin" });
  const admin = await api.as("admin");

  it("refuses a 2024 receipt on a 2025 round, and leaves 2025's ledger as it was", async () => {
    const ledger = (await admin.req("GET", "/api/years/2025/ledger")).json;
    const donors = (await admin.req("GET", "/api/rounds/13MSP/donors")).json;
    const put = await admin.req("PUT", "/api/rounds/13MSP/donors/NOR", {
      name: "Norway",
      amount: 5000,
      receivedOn: "2024-12-01",
    });
    expect(put.status, put.text).toBe(409);
    expect(put.json.error.message).toBe(
      "the programme year 2024 is closed: a contribution dated 1 December 2024 falls in it, and its figures are locked",
    );
    // An existing contribution cannot be re-dated into the closed year either.
    const aus = donors.find((x: { id: string }) => x.id === "AUS");
    const moved = await admin.req("PUT", "/api/rounds/13MSP/donors/AUS", {
      name: aus.name,
      amount: aus.amount,
      receivedOn: "2024-11-30",
      version: aus.version,
    });
    expect(moved.status).toBe(409);
    expect((await admin.req("GET", "/api/years/2025/ledger")).json).toEqual(ledger);
    expect((await admin.req("GET", "/api/rounds/13MSP/donors")).json).toEqual(donors);
  });

  it("refuses an offer's answer dated in the closed year", async () => {
    const { funded } = await approveDemoRun(api, admin);
    const res = await record(admin, funded[0]!, { offerStatus: "accepted", on: "2024-12-30" });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe("year-closed");
  });
});
