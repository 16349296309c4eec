// The public entry of scoring/policy/: the policy rules (one module each), their registry and their words.
export * from "./types.js";
export * from "./registry.js";
export * from "./schema.js";
export { tally, plus, percent, plural, statusWords, regionWords } from "./helpers.js";
export * from "./ids.js";
export { fieldInWords } from "./field-words.js";
