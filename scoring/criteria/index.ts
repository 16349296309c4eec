// The public entry of scoring/criteria/: other folders, server/ and web/ import from here only.
export * from "./rank.js";
export * from "./rotation.js";
export * from "./round-file.js";
export * from "./rules.js";
export * from "./score.js";
export * from "./states.js";
export * from "./default-rules.js";
export * from "./regions.js";
export * from "./eligibility.js";
export * from "./applicant-form.js";
