// The database refusing writes (disk full, read-only file): a clear 503 that says nothing was saved, and
// nothing was: the whole state is unchanged, audit log included. Once the database takes writes again,
// the same request succeeds.
import { describe, expect, it } from "vitest";
import { testApi } from "./api-helpers.js";
import { dbState } from "./db-state.js";

describe("storage failures", async () => {
  const api = await testApi();
  const admin = await api.as("admin");
  const reviewer = await api.as("reviewer");
  const quiet = async <T>(f: () => Promise<T>): Promise<T> => {
    const log = console.error;
    console.error = () => undefined; // the server logs the failure for the operator
    try {
      return await f();
    } finally {
      console.error = log;
    }
  };
  // A request with long texts: its row, its history row and its audit entry need new pages.
  const request = (id: string) => ({
    id,
    state: "LAO",
    name: "Test Delegate",
    gender: "F",
    email: "test@example.org",
    submittedAt: "2025-05-02T09:30:00Z",
    justification: "j".repeat(5000),
    interestEvidence: "e".repeat(2000),
    travel: { airTicket: 1500 },
    acceptedLevels: ["full"],
  });

  it("disk full: 503 storage-unavailable, and no partial write", async () => {
    const before = dbState(api.db);
    const pages = api.db.pragma("page_count", { simple: true }) as number;
    api.db.pragma(`max_page_count = ${pages}`);
    const res = await quiet(() => admin.req("POST", "/api/rounds/13MSP/requests", request("13MSP-900")));
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("30");
    expect(res.json.error).toEqual({
      code: "storage-unavailable",
      message: "the database's disk is full: nothing was saved; try again once space is freed",
    });
    expect(dbState(api.db)).toEqual(before);
    api.db.pragma("max_page_count = 1073741823");
    const again = await admin.req("POST", "/api/rounds/13MSP/requests", request("13MSP-900"));
    expect(again.status).toBe(201);
  });

  it("read-only database: 503 on writes (reads still served), and no partial write", async () => {
    const before = dbState(api.db);
    api.db.pragma("query_only = ON");
    try {
      const review = await quiet(() => reviewer.req("PUT", "/api/requests/13MSP-002/review", { rating: 5 }));
      expect(review.status).toBe(503);
      expect(review.json.error.message).toMatch(/^the database is read-only: nothing was saved/);
      const started = await quiet(() => admin.req("POST", "/api/rounds/13MSP/runs", {}));
      expect(started.status).toBe(503);
      expect((await reviewer.req("GET", "/api/requests/13MSP-002")).status).toBe(200);
      expect(dbState(api.db)).toEqual(before);
    } finally {
      api.db.pragma("query_only = OFF");
    }
    expect((await reviewer.req("PUT", "/api/requests/13MSP-002/review", { rating: 5 })).status).toBe(200);
  });
});
