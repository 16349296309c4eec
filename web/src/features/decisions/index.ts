// The public entry of the decisions feature: its queries and Table 3, which the years' and donors' pages show.
export { useDecisions, useStatement } from "./api.js";
export { PrintFrame, Statement, Table3View, type Table3Data } from "./Statement.js";
