// The store's reads that routes answer with as they are: named here once, so that a route reads through
// the services layer and never imports a store (a read that checks or assembles something is a function
// of its own service instead).
export {
  currentSettings,
  getRequest,
  getRound,
  getYear,
  listDecisions,
  listRequests,
  listReviews,
  openReplacement,
  requestHistory,
  roundFileOf,
  roundStates,
  settingsVersions,
} from "../store/index.js";
export { latestDoneRun } from "../store/runs.js";
/** The server's today (the TODAY setting of a test, else the real day). */
export { today } from "../store/rows.js";
