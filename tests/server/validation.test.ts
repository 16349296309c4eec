// Validation errors of the routes not covered elsewhere: each bad input is a 422 naming its field.
import { describe, expect, it } from "vitest";
import { testApi } from "./api-helpers.js";

describe("validation errors by route", async () => {
  const api = await testApi();
  const admin = await api.as("admin");
  const anon = await api.as("anonymous");
  const runId = "00000000-0000-4000-8000-000000000000";

  const cases: [string, "admin" | "anonymous", string, string, unknown, string][] = [
    ["offer answer", "admin", "POST", "/api/rounds/13MSP/offers/13MSP-001", { offerStatus: "maybe", version: 1 }, "offerStatus"],
    ["offer without version", "admin", "POST", "/api/rounds/13MSP/offers/13MSP-001", { actualCost: 10 }, "version"],
    [
      "apply a replacement without a date",
      "admin",
      "POST",
      `/api/replacements/${runId}/apply`,
      { offerDeadline: "next week" },
      "offerDeadline",
    ],
    ["approve without a deadline", "admin", "POST", `/api/runs/${runId}/approve`, { roundVersion: 1 }, "offerDeadline"],
    ["statement in an unknown format", "admin", "GET", "/api/rounds/13MSP/statement?format=pdf", undefined, "query.format"],
    ["export in an unknown format", "admin", "GET", "/api/rounds/13MSP/requests/export?format=doc", undefined, "query.format"],
    ["import in an unknown format", "admin", "POST", "/api/rounds/13MSP/requests/import", { format: "ods", content: "" }, "format"],
    ["robustness with too many samples", "admin", "POST", `/api/runs/${runId}/robustness`, { samples: 100000 }, "samples"],
    ["status check without a code", "anonymous", "POST", "/api/applicant/status", { reference: "13MSP-001" }, "code"],
    [
      "offer answer by an applicant",
      "anonymous",
      "POST",
      "/api/applicant/offer",
      { reference: "13MSP-001", code: "x", answer: "perhaps" },
      "answer",
    ],
    [
      "application with an unknown field",
      "anonymous",
      "POST",
      "/api/rounds/DEMO-OPEN/apply",
      { state: "KEN", gender: "F", travel: { airTicket: 1 }, priority: "high" },
      "priority",
    ],
    ["request status not settable by hand", "admin", "POST", "/api/requests/13MSP-001/status", { status: "funded", version: 1 }, "status"],
    [
      "round state with a bad region",
      "admin",
      "PUT",
      "/api/rounds/13MSP/states/LAO",
      { state: { iso3: "LAO", region: "ASIA" }, version: 1 },
      "state.region",
    ],
  ];

  it.each(cases)("%s: 422 naming the field", async (_name, who, method, path, body, field) => {
    const client = who === "admin" ? admin : anon;
    const res = await client.req(method, path, body);
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("validation");
    expect(res.json.error.details.problems.map((p: { path: string }) => p.path)).toContain(field);
  });
});
