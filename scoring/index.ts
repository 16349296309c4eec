// The pure core's public surface, stage by stage (each folder's index.ts is its one entry):
//   domain/        the shapes (zod schemas), the prepared problem's numbers, formatting, input errors
//   criteria/      scoring rules as data, States' reference data, rotation, the round file, ranking
//   policy/        the policy rules, one module each, and their registry
//   allocation/    the MIP model, the exact solve, funding by donors, rule checks, summaries
//   explanations/  reasons for each request, the diagnosis of infeasible rules, baselines
//   analytics/     money curve, robustness, sensitivity, replacement, comparison of runs
// allocate() composes the allocation with its explanations.
export * from "./domain/index.js";
export * from "./criteria/index.js";
export * from "./allocation/index.js";
export * from "./explanations/index.js";
export * from "./analytics/index.js";
export { allocate, allocateRound, type AllocateOptions } from "./allocate.js";
export { liveAllocation, whyNot, withRoundFacts, type LiveAllocation, type LiveBase, type RoundFacts } from "./live.js";
