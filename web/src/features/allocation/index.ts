// The public entry of the allocation feature: its queries.
export { useRun, useRuns } from "./api.js";
