// The public entry of scoring/ledger/: the money after the allocation, derived from its facts.
export * from "./types.js";
export * from "./money.js";
export * from "./entries.js";
export * from "./split.js";
