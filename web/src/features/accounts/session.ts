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

export function useSignOut() {
  const qc = useQueryClient();
  return async () => {
    await send(api.api.auth.logout.$post()).catch(() => undefined);
    setCsrfToken(null);
    qc.clear();
    qc.setQueryData(["session"], null);
  };
}
