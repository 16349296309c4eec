// The runs' queries: a round's runs, and one run (asked again while it is queued or running).
import { useQuery } from "@tanstack/react-query";
import { api, call } from "../../api.js";
import { keys } from "../../query-keys.js";

export const useRuns = (roundId: string) =>
  useQuery({ queryKey: keys.runs(roundId), queryFn: () => call(api.api.rounds[":roundId"].runs.$get({ param: { roundId } })) });

export const useRun = (runId: string | null) =>
  useQuery({
    queryKey: keys.run(runId),
    enabled: !!runId,
    queryFn: () => call(api.api.runs[":runId"].$get({ param: { runId: runId ?? "" } })),
    // Progress: ask again while the run is queued or running.
    refetchInterval: (q) => (q.state.data && (q.state.data.status === "queued" || q.state.data.status === "running") ? 500 : false),
  });

/** What changed in the round since the run read it, in words (empty: the run is of the round as it is). */
export const useRunChanges = (runId: string) =>
  useQuery({
    queryKey: keys.runChanges(runId),
    queryFn: () => call(api.api.runs[":runId"].changes.$get({ param: { runId } })),
    // Asked again whenever the approval comes back into view: a colleague may have changed a rating since.
    staleTime: 0,
    refetchOnWindowFocus: true,
  });
