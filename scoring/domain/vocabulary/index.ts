// The domain's closed lists, one module each: codes, words in three languages, named subsets and, for a
// status, its moves. Everything else (zod enums, SQL CHECKs, word tables, forms) is derived from here.
export * from "./define.js";
export * from "./request-status.js";
export * from "./offer-state.js";
export * from "./round-status.js";
export * from "./proposal-status.js";
export * from "./year-status.js";
export * from "./run.js";
export * from "./message.js";
export * from "./ccm-status.js";
export * from "./region.js";
export * from "./support-level.js";
export * from "./people.js";
export * from "./reference.js";
export * from "./staff.js";
export * from "./criterion.js";
export * from "./field.js";
