// The rounds' queries: the list, one round, its donors, its States, its settings.
import { useQuery } from "@tanstack/react-query";
import { api, call } from "../../api.js";
import { keys } from "../../query-keys.js";

export const useRounds = () => useQuery({ queryKey: keys.rounds(), queryFn: () => call(api.api.rounds.$get()) });

export const useRound = (roundId: string) =>
  useQuery({ queryKey: keys.round(roundId), queryFn: () => call(api.api.rounds[":roundId"].$get({ param: { roundId } })) });

export const useDonors = (roundId: string) =>
  useQuery({ queryKey: keys.donors(roundId), queryFn: () => call(api.api.rounds[":roundId"].donors.$get({ param: { roundId } })) });

/** The round's reference States (stable for a session: five minutes before asking again). */
export const useStates = (roundId: string) =>
  useQuery({
    queryKey: keys.states(roundId),
    queryFn: () => call(api.api.rounds[":roundId"].states.$get({ param: { roundId } })),
    staleTime: 300_000,
  });

export const useSettings = (roundId: string) =>
  useQuery({ queryKey: keys.settings(roundId), queryFn: () => call(api.api.rounds[":roundId"].settings.$get({ param: { roundId } })) });
