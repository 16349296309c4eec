// @vitest-environment jsdom
// The logic that lives in the UI: the live ranking (the engine's weighted score, re-run in the browser)
// and the error display (an API error shows its message and each field's problem, never a blank page).
import { MantineProvider } from "@mantine/core";
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { weightedScore } from "../../scoring/problem/index.js";
import { ApiError } from "../../web/src/api.js";
import { ErrorAlert } from "../../web/src/components/status.js";
import { chf } from "../../web/src/format.js";
import { rankByWeights as rank } from "../../scoring/criteria/index.js";

// jsdom lacks matchMedia, which Mantine reads for the colour scheme.
window.matchMedia ??= ((query: string) => ({
  matches: false,
  media: query,
  onchange: null,
  addListener() {},
  removeListener() {},
  addEventListener() {},
  removeEventListener() {},
  dispatchEvent: () => false,
})) as typeof window.matchMedia;

const crit = (i: number, t: number) => ({ implementation: i, technical: t, universalization: 0, capacity: 0, representation: 0 });

describe("live ranking", () => {
  it("ranks by the engine's weighted score and follows the weights", () => {
    const requests = [
      { id: "A", criteria: crit(100, 0) },
      { id: "B", criteria: crit(0, 100) },
      { id: "C", criteria: crit(50, 50) },
    ];
    const w = { implementation: 30, technical: 20, universalization: 20, capacity: 15, representation: 15 };
    expect(rank(requests, w).map((r) => r.id)).toEqual(["A", "C", "B"]);
    expect(rank(requests, { ...w, implementation: 10, technical: 40 }).map((r) => r.id)).toEqual(["B", "C", "A"]);
    expect(rank(requests, w)[0]!.total).toBe(weightedScore(requests[0]!.criteria, w));
    // Ties by reference, as the engine breaks them.
    expect(
      rank(
        [
          { id: "Z", criteria: crit(10, 10) },
          { id: "Y", criteria: crit(10, 10) },
        ],
        w,
      ).map((r) => r.id),
    ).toEqual(["Y", "Z"]);
  });
});

describe("error display", () => {
  it("shows the server's message and each problem by its field", () => {
    const e = new ApiError(422, "validation", "the input is not valid", {
      problems: [{ path: "policy.minWomenShare", message: "Too big: expected number to be <=1" }],
    });
    render(
      <MantineProvider>
        <ErrorAlert title="Not saved" error={e} />
      </MantineProvider>,
    );
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("Not saved");
    expect(alert.textContent).toContain("the input is not valid");
    // The field by its label (the rule's name), never by the API's path.
    expect(alert.textContent).toContain("Share of women at least: Too big: expected number to be <=1");
    expect(alert.textContent).not.toContain("policy.minWomenShare");
  });

  it("formats Swiss francs the Swiss way", () => {
    expect(chf(53683)).toBe("CHF\u00a053'683");
    expect(chf(1234.5)).toBe("CHF\u00a01'234.50");
    expect(chf(null)).toBe("–");
  });
});
