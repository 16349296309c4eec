// The public entry of the decisions feature: its queries and the statement, which the donors' pages show.
export { useDecisions, useStatement } from "./api.js";
export { Statement } from "./Statement.js";
