// The API client: hono/client over the server's own type (AppType), so that every call and answer is
// typed end to end. The session's CSRF token goes with every state-changing request; an error answer
// becomes an ApiError carrying the server's message and field problems.
import { hc, type InferResponseType } from "hono/client";
import { z } from "zod";
import type { AppType } from "../../server/app.js";
import type { FieldProblem, RowProblem } from "../../scoring/domain/index.js";

let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null): void => {
  csrfToken = token;
};

export const api = hc<AppType>("/", {
  headers: (): Record<string, string> => (csrfToken ? { "x-csrf-token": csrfToken } : {}),
  init: { credentials: "same-origin" },
});

/** The JSON a call answers with on success, as the server's route declares it (hc infers it from AppType). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Answer<F extends (...args: any[]) => unknown> = InferResponseType<F, 200> | InferResponseType<F, 201>;

export type { FieldProblem, RowProblem };

/** The one error format of the API: { error: { code, message, details } }. */
const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z
      .looseObject({
        problems: z
          .array(
            z.union([
              z.object({ path: z.string(), message: z.string() }),
              z.object({ row: z.number(), column: z.string(), message: z.string() }),
            ]),
          )
          .optional(),
      })
      .optional(),
  }),
});

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: { problems?: (FieldProblem | RowProblem)[]; current?: unknown } & Record<string, unknown>,
  ) {
    super(message);
  }
}

interface Reply<T> {
  ok: boolean;
  status: number;
  json(): Promise<T>;
}

/** Awaits a call, returns its JSON, or throws an ApiError with the server's message (never a blank page). */
export async function call<T>(request: Promise<Reply<T>>): Promise<T> {
  const res = await reached(request);
  if (res.ok) return res.json();
  throw await refusal(res);
}

/** Awaits a call that answers with no content (204), or throws an ApiError as call does. */
export async function send(request: Promise<Reply<unknown>>): Promise<void> {
  const res = await reached(request);
  if (!res.ok) throw await refusal(res);
}

async function reached<T>(request: Promise<Reply<T>>): Promise<Reply<T>> {
  try {
    return await request;
  } catch {
    throw new ApiError(0, "network", "The server cannot be reached. Check the connection and try again.");
  }
}

/** The server's refusal as an ApiError: its message and field problems, or its status when not JSON. */
async function refusal(res: Reply<unknown>): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON: keep the status
  }
  const parsed = ErrorBody.safeParse(body);
  const error = parsed.success ? parsed.data.error : undefined;
  return new ApiError(res.status, error?.code ?? "http", error?.message ?? `The server answered ${res.status}.`, error?.details);
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
