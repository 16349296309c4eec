// The HTTP plumbing every route shares: the app's environment (context.ts), the one error mapping
// (errors.ts) and the route definitions with their guards (routes.ts).
export * from "./context.js";
export * from "./errors.js";
export * from "./routes.js";
