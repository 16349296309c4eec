// The requests table's columns and its filters (status, region, CCM status, gender, eligibility, text).
import { Anchor, Group, Select, Switch, Text, TextInput } from "@mantine/core";
import { createColumnHelper, type SortingState } from "@tanstack/react-table";
import { useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import {
  CRITERION,
  REGION,
  CCM_STATUS,
  ELIGIBILITY,
  GENDER,
  REQUEST_STATUS,
  type RequestStatus,
} from "../../../../scoring/domain/index.js";
import { chf, points } from "../../format.js";
import type { Row } from "./RequestsPage.js";

export interface Filters {
  status: string | null;
  region: string | null;
  ccm: string | null;
  gender: string | null;
  eligibility: string | null;
  text: string;
  /** Whether the table shows each criterion's points (five more columns). */
  criteria: boolean;
}

export const NO_FILTERS: Filters = { status: null, region: null, ccm: null, gender: null, eligibility: null, text: "", criteria: false };
const FILTER_KEYS = ["status", "region", "ccm", "gender", "eligibility"] as const;

/**
 * The table's view (its filters and its sort), started from the address and written back to it as it
 * changes (?status=funded&region=AFR&q=lao&sort=cost.asc), so that a reload, a bookmark or a shared link
 * keeps it. Written with the History API, not the router's navigation: the router's re-render made a
 * filter's select hang the page (a loop, found in e2e).
 */
export function useRequestView() {
  const [params] = useSearchParams();
  const [sortId, sortDir] = (params.get("sort") ?? "total.desc").split(".");
  const [filters, setFilters] = useState<Filters>(() => {
    // A link sorted by a criterion shows the criteria's columns.
    const criteria = params.get("criteria") === "shown" || CRITERION.is(sortId);
    const f: Filters = { ...NO_FILTERS, text: params.get("q") ?? "", criteria };
    for (const k of FILTER_KEYS) f[k] = params.get(k);
    return f;
  });
  const [sorting, setSorting] = useState<SortingState>(() => [{ id: sortId || "total", desc: sortDir !== "asc" }]);
  // Hiding the criteria's columns while the table is sorted by one of them sorts it by the total again.
  useEffect(() => {
    if (!filters.criteria && sorting[0] && CRITERION.is(sorting[0].id)) setSorting([{ id: "total", desc: true }]);
  }, [filters.criteria, sorting]);
  useEffect(() => {
    const next = new URLSearchParams(window.location.search);
    const put = (k: string, v: string | null) => (v ? next.set(k, v) : next.delete(k));
    for (const k of FILTER_KEYS) put(k, filters[k]);
    put("q", filters.text);
    put("criteria", filters.criteria ? "shown" : null);
    const s = sorting[0];
    put("sort", s && !(s.id === "total" && s.desc) ? `${s.id}.${s.desc ? "desc" : "asc"}` : null);
    const qs = next.toString();
    if (qs !== window.location.search.slice(1))
      window.history.replaceState(window.history.state, "", `${window.location.pathname}${qs ? `?${qs}` : ""}`);
  }, [filters, sorting]);
  return { filters, setFilters, sorting, setSorting };
}

export function applyFilters(rows: readonly Row[], f: Filters): Row[] {
  return rows.filter(
    (r) =>
      (!f.status || r.status === f.status) &&
      (!f.region || r.region === f.region) &&
      (!f.ccm || r.ccmStatus === f.ccm) &&
      (!f.gender || r.gender === f.gender) &&
      (!f.eligibility || r.eligibility === f.eligibility) &&
      (!f.text || `${r.id} ${r.stateName}`.toLowerCase().includes(f.text.toLowerCase())),
  );
}

const col = createColumnHelper<Row>();

/** The table's columns: the criteria's points only when asked for (the table then scrolls sideways). */
export function requestColumns(roundId: string, criteria: boolean) {
  return [
    col.accessor("id", {
      header: "Reference",
      cell: (c) => (
        <Anchor component={Link} to={`/rounds/${roundId}/requests/${c.getValue()}`} style={{ whiteSpace: "nowrap" }}>
          {c.getValue()}
        </Anchor>
      ),
    }),
    col.accessor("stateName", { header: "State" }),
    // The total (the default sort) and the cost first, where they are in view without scrolling.
    col.accessor("total", { header: "Total", cell: (c) => <strong>{points(c.getValue())}</strong> }),
    // The total (the default sort) and the cost first, where they are in view without scrolling.
    col.accessor("cost", {
      header: "Cost (full)",
      cell: (c) => <span style={{ whiteSpace: "nowrap" }}>{chf(c.getValue())}</span>,
    }),
    col.accessor("region", {
      header: "Region",
      // The United Nations' own abbreviation of the group, its name on hover and for screen readers.
      cell: (c) => {
        const v = c.getValue();
        return REGION.is(v) ? (
          <abbr title={REGION.say(v)} aria-label={REGION.say(v)}>
            {v}
          </abbr>
        ) : (
          "–"
        );
      },
    }),
    col.accessor("ccmStatus", {
      header: "CCM status",
      cell: (c) => {
        const v = c.getValue();
        return v ? CCM_STATUS.say(v) : "–";
      },
    }),
    col.accessor("gender", { header: "Gender", cell: (c) => GENDER.say(c.getValue()) }),
    col.accessor("eligibility", {
      header: "Eligibility",
      cell: (c) => {
        const v = c.getValue();
        return v ? ELIGIBILITY.say(v) : "not assessed";
      },
    }),
    col.accessor("status", {
      header: "Status",
      cell: (c) => (
        <Text size="sm" style={{ whiteSpace: "nowrap" }}>
          {REQUEST_STATUS.say(c.getValue())}
        </Text>
      ),
    }),
    ...(criteria ? CRITERION.codes : []).map((k) =>
      col.accessor((r) => r.criteria[k], {
        id: k,
        header: CRITERION.say(k),
        cell: (c) => points(c.getValue()),
        sortUndefined: "last",
      }),
    ),
  ];
}

export function RequestFilters({
  filters,
  onChange,
  statuses,
}: {
  filters: Filters;
  onChange: (f: Filters) => void;
  statuses: RequestStatus[];
}) {
  const setFilters = onChange;
  return (
    <Group align="flex-end" wrap="wrap">
      <TextInput
        label="Search"
        placeholder="Reference or State"
        value={filters.text}
        onChange={(e) => setFilters({ ...filters, text: e.currentTarget.value })}
      />
      <Select
        label="Status"
        clearable
        data={statuses.map((s) => ({ value: s, label: REQUEST_STATUS.say(s) }))}
        value={filters.status}
        onChange={(v) => setFilters({ ...filters, status: v })}
      />
      <Select
        label="Region"
        clearable
        data={REGION.choices()}
        value={filters.region}
        onChange={(v) => setFilters({ ...filters, region: v })}
      />
      <Select
        label="CCM status"
        clearable
        data={CCM_STATUS.choices()}
        value={filters.ccm}
        onChange={(v) => setFilters({ ...filters, ccm: v })}
      />
      <Select
        label="Gender"
        clearable
        data={GENDER.choices()}
        value={filters.gender}
        onChange={(v) => setFilters({ ...filters, gender: v })}
      />
      <Select
        label="Eligibility"
        clearable
        data={ELIGIBILITY.choices()}
        value={filters.eligibility}
        onChange={(v) => setFilters({ ...filters, eligibility: v })}
      />
      <Switch
        label="Points of each criterion"
        checked={filters.criteria}
        onChange={(e) => setFilters({ ...filters, criteria: e.currentTarget.checked })}
      />
    </Group>
  );
}
