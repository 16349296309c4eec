// The errors the server's services and stores throw: what went wrong in the domain's terms (a record
// not found, a conflict with the current state, a role that may not, input that is not valid), with a
// stable code, a message and details. They know nothing of HTTP: the one error handler (http/errors.ts,
// errorBody) maps each kind to its status.
import type { FieldProblem } from "../scoring/domain/index.js";

export type ErrorKind =
  /** The caller is not signed in. */
  | "unauthenticated"
  /** The caller's role or relation to the record does not allow this. */
  | "forbidden"
  | "not-found"
  /** The record's current state does not allow this (a stale version, a status, a duplicate). */
  | "conflict"
  /** The input is not valid (each problem by its path). */
  | "invalid"
  /** Too many attempts: wait. */
  | "rate-limited";

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what: string): DomainError => new DomainError("not-found", "not-found", `${what} not found`);
export const conflict = (code: string, message: string, details?: unknown): DomainError =>
  new DomainError("conflict", code, message, details);
export const forbidden = (message: string): DomainError => new DomainError("forbidden", "forbidden", message);
export const invalid = (problems: FieldProblem[]): DomainError =>
  new DomainError("invalid", "validation", "the input is not valid", { problems });

/** Optimistic concurrency: the write names the version it read; a different current version is a conflict. */
export function checkVersion(current: { version: number }, given: number): void {
  if (current.version !== given) {
    throw conflict(
      "stale-version",
      `the record changed since it was read (version ${given}; now ${current.version}): reload it and apply your change again`,
      { current },
    );
  }
}
