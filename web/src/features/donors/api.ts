// The donors' queries: the rationale of a round's approved run.
import { useQuery } from "@tanstack/react-query";
import { api, call, type Answer } from "../../api.js";
import { keys } from "../../query-keys.js";

export type Rationale = Answer<(typeof api.api.rounds)[":roundId"]["rationale"]["$get"]>;

export const useRationale = (roundId: string) =>
  useQuery({ queryKey: keys.rationale(roundId), queryFn: () => call(api.api.rounds[":roundId"].rationale.$get({ param: { roundId } })) });
