// The programme years' queries: the years, a year's Table 3 and its ledger.
import { useQuery } from "@tanstack/react-query";
import { api, call } from "../../api.js";
import { keys } from "../../query-keys.js";

export const useYears = () => useQuery({ queryKey: keys.years(), queryFn: () => call(api.api.years.$get()) });

export const useYearStatement = (year: string) =>
  useQuery({
    queryKey: keys.yearStatement(year),
    enabled: year !== "",
    queryFn: () => call(api.api.years[":year"].statement.$get({ param: { year }, query: {} })),
  });

export const useLedger = (year: string) =>
  useQuery({ queryKey: keys.ledger(year), queryFn: () => call(api.api.years[":year"].ledger.$get({ param: { year } })) });
