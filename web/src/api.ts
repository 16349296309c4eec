// The API client: hono/client over the server's own type (AppType), so that every call and answer is
// typed end to end. The session's CSRF token goes with every state-changing request; an error answer
// becomes an ApiError carrying the server's message and field problems.
import { hc } from "hono/client";
import type { AppType } from "../../server/app.js";

let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null): void => {
  csrfToken = token;
};

export const api = hc<AppType>("/", {
  headers: (): Record<string, string> => (csrfToken ? { "x-csrf-token": csrfToken } : {}),
  init: { credentials: "same-origin" },
});

export interface FieldProblem {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: { problems?: FieldProblem[]; current?: unknown } & Record<string, unknown>,
  ) {
    super(message);
  }
}

/** Awaits a call, returns its JSON, or throws an ApiError with the server's message (never a blank page). */
export async function call<T>(request: Promise<{ ok: boolean; status: number; json(): Promise<T> }>): Promise<T> {
  let res;
  try {
    res = await request;
  } catch {
    throw new ApiError(0, "network", "The server cannot be reached. Check the connection and try again.");
  }
  if (res.ok) return res.status === 204 ? (undefined as T) : res.json();
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON: keep the status
  }
  const error = (body as { error?: { code: string; message: string; details?: ApiError["details"] } } | null)?.error;
  throw new ApiError(res.status, error?.code ?? "http", error?.message ?? `The server answered ${res.status}.`, error?.details);
}

/** Downloads an API file (CSV, XLSX) with the session's cookie. */
export async function download(path: string, filename: string): Promise<void> {
  const res = await fetch(path, { credentials: "same-origin" });
  if (!res.ok) throw new ApiError(res.status, "http", `The download failed (${res.status}).`);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.click();
  URL.revokeObjectURL(url);
}
