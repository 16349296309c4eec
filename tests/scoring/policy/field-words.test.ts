// An error names a field as its form labels it, in the reader's language, never by the API's path.
import { describe, expect, it } from "vitest";
import { PolicySchema, fieldInWords } from "../../../scoring/policy/index.js";
import { fieldProblems } from "../../../scoring/domain/index.js";

describe("fields in words", () => {
  it("names a policy rule by its name and its scope, a weight by its criterion, a field by its label", () => {
    expect(fieldInWords("maxDelegates")).toBe("Seats (delegates at most)");
    expect(fieldInWords("policy.regionMin.GRULAC")).toBe("Delegates from a regional group at least: Latin American and Caribbean Group");
    expect(fieldInWords("regionMin.GRULAC", "fr")).toMatch(/Amérique latine et des Caraïbes$/);
    expect(fieldInWords("weights.technical")).toMatch(/technical value/i);
    expect(fieldInWords("offerDeadline")).toBe("offers to be accepted by");
    expect(fieldInWords("offerDeadline", "es")).toBe("ofertas que aceptar antes del");
    expect(fieldInWords("round.carryOver")).toBe("money carried in (CHF)");
  });

  it("never shows an identifier, even for a path it has no words for", () => {
    for (const path of ["someNewField", "rules.3.whenTrue", "policy.unknownRule"]) expect(fieldInWords(path)).not.toMatch(/[a-z][A-Z]/);
  });

  it("says zod's bounds in words, and keeps a schema's own message", () => {
    const parsed = PolicySchema.safeParse({ maxDelegates: -1 });
    expect(parsed.success).toBe(false);
    const problems = fieldProblems(parsed.error!);
    expect(problems.find((p) => p.path === "maxDelegates")?.message).toMatch(/^must be \d+ or more$/);
    for (const p of problems) expect(p.message).not.toMatch(/Too (small|big)|>=|<=/);
  });
});
