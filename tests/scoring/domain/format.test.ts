// Numbers typed as text (spreadsheet cells, command-line flags) are read in decimal only.
import { describe, expect, it } from "vitest";
import { parseDecimal } from "../../../scoring/domain/index.js";
import { parseAmountAsTyped } from "../../../scoring/domain/index.js";

describe("parseDecimal", () => {
  it("reads decimal numbers with a sign, a fraction or an exponent", () => {
    expect(["1200", "-3", "+4.5", ".5", "7.", "1e3", " 42 "].map(parseDecimal)).toEqual([1200, -3, 4.5, 0.5, 7, 1000, 42]);
  });

  it("refuses what JavaScript's Number() would take but a person does not mean", () => {
    for (const text of ["0x10", "0b11", "0o7", "Infinity", "-Infinity", "", "  ", "1,5", "12abc", "NaN", "1e999"]) {
      expect(parseDecimal(text), JSON.stringify(text)).toBeNull();
    }
  });
});

describe("amounts as people type them, in any working language", () => {
  it.each([
    ["1200", 1200],
    ["1'200.50", 1200.5],
    ["1 200,50", 1200.5],
    ["1\u202f200,50", 1200.5],
    ["1.200,50", 1200.5],
    ["1,200.50", 1200.5],
    ["1200,5", 1200.5],
    ["1.200", 1200],
    ["1,200", 1200],
    ["1.234.567", 1234567],
    ["0,75", 0.75],
    ["-50", -50],
  ])("reads %j as %d", (typed, amount) => {
    expect(parseAmountAsTyped(typed)).toBe(amount);
  });

  it.each(["", "lots", "1,2,3.4.5", "12a", "1e309"])("refuses %j", (typed) => {
    expect(parseAmountAsTyped(typed)).toBeNull();
  });
});
