// The pure core's public surface: what server/, web/ and the CLIs import.
export * from "./schemas.js";
export * from "./rules.js";
export * from "./score.js";
export * from "./states.js";
export * from "./round-file.js";
export * from "./issues.js";
export { allocate, type AllocateOptions } from "./allocate.js";
export { solveVariant, readSolution, type Solution } from "./variants.js";
export { solveExact, restrict, type CoreReport } from "./core.js";
export { explain, explainOutsiders, type ExplainHelper, type OutsidersExplained } from "./explain.js";
export { buildModel, type ModelOptions, type BuiltModel } from "./model.js";
export { prepare, weightedScore, donorAdmits, VALUE_UNITS, type Prepared } from "./prepare.js";
export { diagnose } from "./diagnose.js";
export { chf, round2 } from "./format.js";
export { baselines } from "./baselines.js";
export { checkRules, valueOf } from "./evaluate.js";
export { solveLp, type Glpk, type SolveOutcome } from "./solver.js";
