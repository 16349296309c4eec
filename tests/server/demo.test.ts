// The demo tells its own story on any day: seeded as of a day (DEMO_DAY), it has a round open for requests,
// a round in review whose meeting is ahead (run, approve, answer), a meeting just held to settle, 13MSP as
// it was, and the closed 2024 year; a start prints the day, the rounds and the accounts that still work.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../server/db/database.js";
import { readHistory } from "../../server/io/history.js";
import { loadReferenceData } from "../../server/io/reference.js";
import { DEMO_REVIEW_APPLICANT, demoBanner, seedDemoStory } from "../../server/io/seed.js";
import { testApi } from "./api-helpers.js";

const reference = loadReferenceData();

/** The demo as `npm start` seeds it, as of `demoDay`, the server's today being that day; the admin signed in. */
async function demoOn(demoDay: string) {
  const api = await testApi({ TODAY: demoDay, DEMO_DAY: demoDay });
  await seedDemoStory(api, reference, readHistory(), demoDay);
  const admin = await api.as("admin");
  const today = (await admin.req("GET", "/api/auth/session")).json.today as string;
  return { db: api.db, runs: api.runs, req: admin.req, today };
}

// A day in the middle of a year, a first week of January (the rounds span two years), and a day far ahead.
describe.each(["2026-12-07", "2027-01-04", "2031-06-30"])("the demo seeded as of %s", (demoDay) => {
  it("lets a newcomer walk every step on that day: apply, run and approve, answer, settle; 2024 closed", async () => {
    const { req, runs, today } = await demoOn(demoDay);
    expect(today).toBe(demoDay); // the session gives the server's today, which every screen reads

    const rounds = new Map(
      (
        (await req("GET", "/api/rounds")).json as {
          id: string;
          status: string;
          startDate: string;
          endDate: string;
          windowOpens: string;
          windowCloses: string;
        }[]
      ).map((r) => [r.id, r]),
    );
    // Open for requests on the demo's day.
    const open = rounds.get("DEMO-OPEN")!;
    expect(open.status).toBe("open");
    expect(open.windowOpens <= demoDay && demoDay <= open.windowCloses).toBe(true);
    // In review, its meeting ahead: a run is approved today with a deadline before the meeting, and answered.
    const review = rounds.get("DEMO-REVIEW")!;
    expect(review.status).toBe("review");
    expect(review.windowCloses < demoDay && demoDay < review.startDate).toBe(true);
    const started = await req("POST", "/api/rounds/DEMO-REVIEW/runs", {});
    const run = await runs.settled(started.json.id);
    expect(run.status).toBe("done");
    const version = (await req("GET", "/api/rounds/DEMO-REVIEW")).json.version;
    const deadline = new Date(Date.parse(`${demoDay}T00:00:00Z`) + 14 * 86_400_000).toISOString().slice(0, 10);
    const approved = await req("POST", `/api/runs/${run.id}/approve`, { offerDeadline: deadline, roundVersion: version });
    expect(approved.status).toBe(200);
    const offers = (
      (await req("GET", "/api/rounds/DEMO-REVIEW/decisions")).json as { requestId: string; offerStatus: string | null; version: number }[]
    ).filter((d) => d.offerStatus === "pending");
    expect(offers.length).toBeGreaterThan(10);
    const answered = await req("POST", `/api/rounds/DEMO-REVIEW/offers/${offers[0]!.requestId}`, {
      offerStatus: "accepted",
      version: offers[0]!.version,
    });
    expect(answered.status).toBe(200);

    // The meeting just held: ended before the demo's day, its offers accepted (two declined), each settled today.
    const past = rounds.get("DEMO-PAST")!;
    expect(past.status).toBe("decided");
    expect(past.endDate < demoDay).toBe(true);
    const decisions = (await req("GET", "/api/rounds/DEMO-PAST/decisions")).json as {
      requestId: string;
      offerStatus: string | null;
      version: number;
    }[];
    const accepted = decisions.filter((d) => d.offerStatus === "accepted");
    expect(accepted.length).toBeGreaterThan(10);
    expect(decisions.filter((d) => d.offerStatus === "declined")).toHaveLength(2);
    const settled = await req("POST", `/api/rounds/DEMO-PAST/offers/${accepted[0]!.requestId}`, {
      offerStatus: "travelled",
      actualCost: 2100,
      version: accepted[0]!.version,
    });
    expect(settled.status).toBe(200);

    // The historical rounds keep their real dates and facts.
    expect(rounds.get("13MSP")).toMatchObject({ status: "review", startDate: "2025-09-16" });
    expect(rounds.get("12MSP")).toMatchObject({ status: "closed", startDate: "2024-09-10" });
    const years = (await req("GET", "/api/years")).json as { year: number; status: string; closing: number | null }[];
    expect(years.find((y) => y.year === 2024)).toMatchObject({ status: "closed", closing: 51319 });
  });
});

describe("what a start prints about the demo", () => {
  it("says the demo's day, its rounds, and the accounts and codes that still work", async () => {
    const { db, req } = await demoOn("2026-12-07");
    const before = (await demoBanner(db)).join("\n");
    expect(before).toContain("seeded as of 7 December 2026");
    expect(before).toMatch(/DEMO-OPEN.*DEMO-REVIEW/s);
    expect(before).toContain("user admin      password demo-admin-13msp");
    expect(before).toContain(`reference ${DEMO_REVIEW_APPLICANT.reference}, access code ${DEMO_REVIEW_APPLICANT.code}`);
    // Once the admin has a password of their own, the published one is no longer printed.
    const changed = await req("POST", "/api/auth/password", { current: "demo-admin-13msp", password: "a new and long passphrase here" });
    expect(changed.status).toBeLessThan(300);
    const after = (await demoBanner(db)).join("\n");
    expect(after).not.toContain("demo-admin-13msp");
    expect(after).toContain("user reviewer");
  });

  it("prints nothing on a real installation", async () => {
    const dir = mkdtempSync(join(tmpdir(), "real-"));
    const db = openDatabase(join(dir, "real.db"));
    expect(await demoBanner(db)).toEqual([]);
    db.close();
  });
});
