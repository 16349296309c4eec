// The public entry of scoring/allocation/: other folders, server/ and web/ import from here only.
// The exact solve is solve() (solve.ts); solveProblem() solves a problem file from a known allocation;
// solveLp() solves any other model (the diagnosis's elastic copies and probes).
export { objectiveOf, reducedCosts, restrict, type CoreReport, type CoreStage } from "./core.js";
export * from "./evaluate.js";
export * from "./funding.js";
export * from "./glpk.js";
export * from "./model.js";
export * from "./selection.js";
export * from "./solution.js";
export * from "./solve.js";
export * from "./solve-problem.js";
export * from "./summary.js";
