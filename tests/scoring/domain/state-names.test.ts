// States' names in three languages: every State the data knows has one in English, French and Spanish
// (never its code), the English one is the data's, and the UN's short names stand where CLDR's differ.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { hasLocalName, stateName } from "../../../scoring/domain/index.js";

const rows = readFileSync("data/states.csv", "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => /^(\w+),("[^"]*"|[^,]*)/.exec(line)!)
  .map((m) => ({ iso3: m[1]!, name: m[2]!.replace(/"/g, "") }));

describe("States' names", () => {
  it("names every State of the data in the three languages, the English name being the data's", () => {
    expect(rows.length).toBe(197);
    for (const { iso3, name } of rows) {
      expect(hasLocalName(iso3)).toBe(true);
      expect(stateName(iso3, "en")).toBe(name);
      for (const lang of ["fr", "es"] as const) {
        const local = stateName(iso3, lang);
        expect(local, `${iso3} in ${lang}`).not.toBe(iso3);
        expect(local.length).toBeGreaterThan(2);
      }
    }
  });

  it("uses the UN's short names, not CLDR's everyday ones", () => {
    expect(stateName("KOR", "fr")).toBe("République de Corée");
    expect(stateName("PSE", "en")).toBe("State of Palestine");
    expect(stateName("COD", "es")).toBe("República Democrática del Congo");
    expect(stateName("BIH", "en")).toBe("Bosnia and Herzegovina");
    expect(stateName("CHE", "fr")).toBe("Suisse");
    expect(stateName("DEU", "es")).toBe("Alemania");
  });

  it("falls back to the given name, then to the code, for a code it does not know", () => {
    expect(stateName("XKX", "fr", "Kosovo")).toBe("Kosovo");
    expect(stateName("XKX", "fr")).toBe("XKX");
  });
});
