// Issue 16, findings 7 and 8: a declared conflict of interest cannot be withdrawn to rate the request
// after all; a lock is set or lifted only with a justification (an edit that names another lock is
// refused, one that leaves it out keeps it).
import { describe, expect, it } from "vitest";
import { testApi } from "../server/api-helpers.js";

describe("reviews and locks keep their rules", async () => {
  const api = await testApi();
  const admin = await api.as("admin");
  const reviewer = await api.as("reviewer");

  it("keeps a declared conflict of interest: no rating after it, by any sequence", async () => {
    const id = "13MSP-005";
    const declared = await reviewer.req("PUT", `/api/requests/${id}/review`, { rating: null, comment: "I know them", conflict: true });
    expect(declared.status).toBe(200);
    const cleared = await reviewer.req("PUT", `/api/requests/${id}/review`, {
      rating: null,
      comment: "",
      conflict: false,
      version: declared.json.version,
    });
    expect(cleared.status).toBe(409);
    expect(cleared.json.error.message).toMatch(/conflict of interest.*stays declared/);
    const rated = await reviewer.req("PUT", `/api/requests/${id}/review`, {
      rating: 5,
      comment: "",
      conflict: false,
      version: declared.json.version,
    });
    expect(rated.status).toBe(409);
    const review = (await admin.req("GET", `/api/requests/${id}`)).json.reviews.find(
      (r: { reviewer: string }) => r.reviewer === "reviewer",
    );
    expect(review).toMatchObject({ rating: null, conflict: true });
  });

  it("changes a lock only with its justification; an edit keeps it", async () => {
    const id = "13MSP-001";
    const r = (await admin.req("GET", `/api/requests/${id}`)).json;
    expect(r.attributes.lock).toBe("in");
    const { id: _id, lock: _lock, ...attributes } = r.attributes;
    // Lifting the lock through an edit is refused, naming the field.
    const lifted = await admin.req("PUT", `/api/requests/${id}`, {
      attributes: { ...attributes, lock: "out" },
      version: r.version,
      reason: "try",
    });
    expect(lifted.status).toBe(422);
    expect(lifted.json.error.details.problems[0].path).toBe("attributes.lock");
    // An edit that leaves the lock out keeps it.
    const edited = await admin.req("PUT", `/api/requests/${id}`, {
      attributes: { ...attributes, title: "Director" },
      version: r.version,
      reason: "promoted",
    });
    expect(edited.status).toBe(200);
    expect(edited.json.attributes).toMatchObject({ title: "Director", lock: "in" });
    const history = (await admin.req("GET", `/api/requests/${id}`)).json.history.map((h: { note: string }) => h.note);
    expect(history.some((n: string) => /lock/.test(n))).toBe(false);
  });
});
