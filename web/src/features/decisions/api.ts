// The decisions' queries: the published decisions with their offers, and the round's statement.
import { useQuery } from "@tanstack/react-query";
import { api, call } from "../../api.js";
import { keys } from "../../query-keys.js";

export const useDecisions = (roundId: string) =>
  useQuery({ queryKey: keys.decisions(roundId), queryFn: () => call(api.api.rounds[":roundId"].decisions.$get({ param: { roundId } })) });

export const useStatement = (roundId: string) =>
  useQuery({
    queryKey: keys.statement(roundId),
    queryFn: () => call(api.api.rounds[":roundId"].statement.$get({ param: { roundId }, query: {} })),
  });

/** The round's open replacement proposal (null: none), so that a proposal outlives a reload. */
export const useOpenReplacement = (roundId: string) =>
  useQuery({
    queryKey: keys.openReplacement(roundId),
    queryFn: () => call(api.api.rounds[":roundId"].replacements.open.$get({ param: { roundId } })),
  });
