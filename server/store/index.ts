// Reading and writing the round's records, one module per aggregate: rounds with their States, donors,
// settings (versioned), requests with their history, and the round file assembled from them. Each write
// that touches several rows is one transaction with its audit entry; errors are domain errors
// (server/errors.ts). The server holds no scoring logic of its own.
export * from "./rounds.js";
export * from "./donors.js";
export * from "./settings.js";
export * from "./requests.js";
export * from "./round-file.js";
export * from "./decisions.js";
export * from "./reviews.js";
export * from "./users.js";
export { IN_RUN, REQUEST_STATUS, type RequestStatus } from "../../scoring/domain/index.js";
export * from "./years.js";
export * from "./instance.js";
export { notFundedReasonOf, type ApplicantReason } from "./runs.js";
