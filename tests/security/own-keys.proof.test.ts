// Issue 30, finding 7: a key a user gives is looked up among an object's own properties only. `?lang=`
// naming what every object inherits (constructor, toString, __proto__ …) answered 500 with a stack trace
// on every applicants' page; each now answers its page in English, as for any language it does not speak.
// The lint rule (no `in` in server/ and scoring/) keeps the class out; this proves the pages.
import { describe, expect, it } from "vitest";
import { hasLocalName } from "../../scoring/domain/index.js";
import { isMessageKind } from "../../server/mail/templates.js";
import { pageLanguage } from "../../server/pages/words/index.js";
import { AS_OF_13MSP, testApi } from "../server/api-helpers.js";

const INHERITED = ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf", "isPrototypeOf", "__defineGetter__"];

describe("user-given keys", async () => {
  const api = await testApi(AS_OF_13MSP);
  const anon = await api.as("anonymous");

  it("answers every applicants' page and form in English for an inherited key as ?lang=", async () => {
    const pages: [string, string, string?][] = [
      ["GET", "/apply/DEMO-OPEN"],
      ["GET", "/status"],
      ["GET", "/status/new-code"],
      ["POST", "/status", "reference=13MSP-001&code=NOPE-NOPE-NOPE-NOPE"],
      ["POST", "/status/new-code", "reference=13MSP-001&email=nobody%40example.org"],
      ["POST", "/apply/DEMO-OPEN", "state=LAO"],
    ];
    for (const key of INHERITED)
      for (const [method, path, form] of pages) {
        const res = await anon.req(method, `${path}?lang=${encodeURIComponent(key)}`, form, {
          "content-type": "application/x-www-form-urlencoded",
          "x-test-remote": "192.0.2.70",
        });
        expect(res.status, `${method} ${path}?lang=${key}`).toBeLessThan(500);
        expect(res.text).toMatch(/<html lang="en"/);
        expect(res.text).not.toMatch(/at .*\.(ts|js):\d+/);
      }
  });

  it("reads only own keys in the lookups a user's text reaches", () => {
    for (const key of INHERITED) {
      expect(pageLanguage(key, `${key},${key.slice(0, 2)};q=0.9`)).toBe("en");
      expect(isMessageKind(key)).toBe(false);
      expect(hasLocalName(key)).toBe(false);
    }
    expect(pageLanguage("fr", undefined)).toBe("fr");
    expect(isMessageKind("offer")).toBe(true);
  });
});
