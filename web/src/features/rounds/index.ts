// The public entry of the rounds feature: its queries.
export { useDonors, useRound, useRounds, useSettings, useStates } from "./api.js";
