// The signed-in user: read from GET /api/auth/session (which also gives the CSRF token after a reload).
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { api, ApiError, call, send, setCsrfToken, type Answer } from "../../api.js";
import { keys } from "../../query-keys.js";

export type User = Answer<typeof api.api.auth.session.$get>;

export function useSession() {
  return useQuery({
    queryKey: keys.session(),
    queryFn: async (): Promise<User | null> => {
      try {
        const user = await call(api.api.auth.session.$get());
        setCsrfToken(user.csrfToken);
        return user;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
  });
}

/**
 * The server's today (YYYY-MM-DD) as the session gives it: every "past", "late" and "lapsed" on a screen
 * is read against it, never against the browser's clock (a demonstration's server may be set to another day).
 */
export function useToday(): string | null {
  return useSession().data?.today ?? null;
}

export function useSignOut() {
  const qc = useQueryClient();
  return async () => {
    await send(api.api.auth.logout.$post()).catch(() => undefined);
    setCsrfToken(null);
    qc.clear();
    qc.setQueryData(["session"], null);
  };
}
