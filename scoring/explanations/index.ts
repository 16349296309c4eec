// The public entry of scoring/explanations/: other folders, server/ and web/ import from here only.
export * from "./baselines.js";
export * from "./diagnose.js";
export * from "./explain.js";
export * from "./neighbours.js";
