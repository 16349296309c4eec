// The public entry of scoring/problem/: the problem file's schema (format v1) and its prepared numbers.
export * from "./schema.js";
export * from "./prepare.js";
export * from "./changes.js";
