// The workspace's words for the engine's codes: statuses of requests, rounds, runs and offers, CCM
// statuses, support levels and roles, as staff and donors read them (the applicants' pages have their own,
// in three languages, in server/pages/words.ts). A code with no word is shown as it is, never dropped.
const WORDS: Record<string, string> = {
  // Requests (and offers, through the request's status).
  submitted: "submitted",
  "under-review": "under review",
  withdrawn: "withdrawn",
  ineligible: "not eligible",
  funded: "offered sponsorship",
  waitlisted: "on the waiting list",
  "not-funded": "not sponsored",
  pending: "offer awaiting an answer",
  accepted: "offer accepted",
  declined: "offer declined",
  expired: "offer lapsed",
  travelled: "travelled",
  "no-show": "did not travel",
  cancelled: "cancelled",
  // Rounds.
  draft: "draft",
  open: "open for requests",
  review: "in review",
  decided: "decided",
  closed: "closed",
  // Runs.
  queued: "waiting to start",
  running: "running",
  done: "done",
  failed: "failed",
  optimal: "proven optimum",
  infeasible: "no allocation keeps every rule",
  "time-limit": "stopped by the time limit",
  // CCM statuses.
  party: "State Party",
  signatory: "signatory",
  nonparty: "State not party",
  // Gender and roles (a request's attributes).
  "gender-F": "woman",
  "gender-M": "man",
  "gender-X": "other or not said",
  "role-none": "participant",
  "role-art4-extension": "presenting an Article 4 extension request",
  "role-presenter": "presenter",
  "role-panellist": "panellist",
  "role-coordinator": "coordinator",
  "role-statement": "delivering a statement",
  // Accounts' roles.
  "role-admin": "ISU administrator",
  "role-reviewer": "reviewer",
  "role-donor": "donor",
  // Support levels.
  full: "full support",
  ticket: "air ticket only",
  allowance: "allowance only",
};

/** A code in words ("under-review" → "under review", "nonparty" → "State not party"). */
export const word = (code: string | null | undefined): string => (code ? (WORDS[code] ?? code) : "–");
