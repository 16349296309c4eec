// Issue 16, finding 13: a body nested thousands of levels deep (a rule condition wrapped in `not` 5'000
// times) is refused with 422 naming the depth, before any recursive schema can overflow the stack; an
// ordinary body of the same route still passes.
import { describe, expect, it } from "vitest";
import { jsonDepth, MAX_JSON_DEPTH } from "../../server/http/middleware.js";
import { testApi } from "../server/api-helpers.js";

describe("deep nesting", async () => {
  const api = await testApi();
  const admin = await api.as("admin");
  const settings = (await admin.req("GET", "/api/rounds/13MSP/settings")).json;

  it("answers 422, naming the depth, for rule conditions nested 5'000 deep", async () => {
    // Written as text: the body is what an attacker sends, whatever a client library would allow.
    const when = `${'{"not":'.repeat(5000)}{"fact":"request.survivor","eq":true}${"}".repeat(5000)}`;
    const rules = `{"id":"deep","rules":[{"id":"r","criterion":"representation","label":"deep","points":1,"when":${when}}]}`;
    const body = `{"weights":${JSON.stringify(settings.weights)},"policy":${JSON.stringify(settings.policy)},"rules":${rules},"basedOn":${settings.version}}`;
    const res = await admin.req("PUT", "/api/rounds/13MSP/settings", body);
    expect(res.status).toBe(422);
    expect(res.json.error.details.problems[0].message).toMatch(/nested 50\d\d levels deep: at most 64/);
    // The server is still there and takes an ordinary body.
    const ok = await admin.req("PUT", "/api/rounds/13MSP/settings", {
      weights: settings.weights,
      policy: settings.policy,
      note: "same",
      basedOn: settings.version,
    });
    expect(ok.status, ok.text).toBe(200);
  });

  it("counts brackets outside strings only", () => {
    expect(jsonDepth('{"a":[1,{"b":"[[[[{{{{"}]}')).toBe(3);
    expect(jsonDepth('"\\"[["')).toBe(0);
    expect(jsonDepth("[".repeat(MAX_JSON_DEPTH) + "]".repeat(MAX_JSON_DEPTH))).toBe(MAX_JSON_DEPTH);
  });
});
