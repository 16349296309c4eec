// The requests' queries: a round's requests, one request, and every request's scores.
import { useQuery } from "@tanstack/react-query";
import { api, call } from "../../api.js";
import { keys } from "../../query-keys.js";

export const useRequests = (roundId: string) =>
  useQuery({ queryKey: keys.requests(roundId), queryFn: () => call(api.api.rounds[":roundId"].requests.$get({ param: { roundId } })) });

export const useRequest = (requestId: string | null) =>
  useQuery({
    queryKey: keys.request(requestId),
    enabled: !!requestId,
    queryFn: () => call(api.api.requests[":requestId"].$get({ param: { requestId: requestId ?? "" } })),
  });

/** Every request of the round scored with its current settings (points and reasons per criterion). */
export const useScores = (roundId: string) =>
  useQuery({
    queryKey: keys.scores(roundId),
    queryFn: () => call(api.api.rounds[":roundId"].scores.$get({ param: { roundId }, query: {} })),
  });
