// The public entry of scoring/analytics/: other folders, server/ and web/ import from here only.
export * from "./diff.js";
export * from "./money-curve.js";
export * from "./replace.js";
export * from "./robustness.js";
export * from "./sensitivity.js";
