// The public entry of the years feature: the programme years' pages and queries.
export { useYears, useYearStatement } from "./api.js";
