// The public entry of scoring/domain/: other folders, server/ and web/ import from here only.
export * from "./format.js";
export * from "./issues.js";
export * from "./random.js";
export * from "./schemas.js";
export * from "./lifecycle.js";
export * from "./vocabulary/index.js";
export * from "./state-names.js";
export * from "./text.js";
export * from "./meeting.js";
