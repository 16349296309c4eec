// The public entry of scoring/allocation/: other folders, server/ and web/ import from here only.
export * from "./core.js";
export * from "./evaluate.js";
export * from "./funding.js";
export * from "./glpk.js";
export * from "./model.js";
export * from "./selection.js";
export * from "./solution.js";
export * from "./solve-problem.js";
export * from "./summary.js";
export * from "./variants.js";
