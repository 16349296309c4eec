// The public entry of the requests feature: its queries.
export { useRequest, useRequests, useScores } from "./api.js";
