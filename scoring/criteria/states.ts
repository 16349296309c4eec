// Reference data for States: parses the shipped CSV (data/states.csv) from its text, and applies a round's
// corrections. Parsing is pure; reading the file is the adapters' job.
import Papa from "papaparse";
import {
  CcmStatusSchema,
  DatedFactSchema,
  IncomeGroupSchema,
  StateSchema,
  type DatedFact,
  type State,
  type StateOverride,
} from "../domain/index.js";

export interface ReferenceData {
  states: Map<string, State>;
  asOf: string;
  /** Rows whose `verify` column is not empty. */
  unverified: number;
  /** Facts with their validity (data/states-dated.csv), by State: read by `referenceAsOf`. */
  dated?: Map<string, DatedFact[]>;
}

export class ReferenceDataError extends Error {
  constructor(readonly problems: string[]) {
    super(`reference data: ${problems.length} invalid row(s): ${problems.slice(0, 5).join("; ")}`);
  }
}

const COLUMNS = [
  "iso3",
  "name",
  "region",
  "ccm_status",
  "ldc",
  "income_group",
  "art4_clearance",
  "art4_extension_request",
  "art5_victim_assistance",
  "verify",
];

export function parseStatesCsv(text: string, asOf: string): ReferenceData {
  const parsed = Papa.parse<Record<string, string>>(text.trim(), { header: true, skipEmptyLines: true });
  const problems: string[] = parsed.errors.map((e) => `line ${(e.row ?? 0) + 2}: ${e.message}`);
  const missing = COLUMNS.filter((c) => !parsed.meta.fields?.includes(c));
  if (missing.length) throw new ReferenceDataError([`missing column(s): ${missing.join(", ")}`]);
  const states = new Map<string, State>();
  parsed.data.forEach((row, i) => {
    const bool = (col: string): boolean | string =>
      row[col] === "true" ? true : row[col] === "false" ? false : `${col} must be true or false`;
    const result = StateSchema.safeParse({
      iso3: row.iso3,
      name: row.name,
      region: row.region,
      ccmStatus: row.ccm_status,
      ldc: bool("ldc"),
      incomeGroup: row.income_group === "" ? "unclassified" : row.income_group,
      art4Clearance: bool("art4_clearance"),
      art4ExtensionRequest: bool("art4_extension_request"),
      art5VictimAssistance: bool("art5_victim_assistance"),
      verify: row.verify ?? "",
    });
    if (result.success) states.set(result.data.iso3, result.data);
    else problems.push(`line ${i + 2} (${row.iso3}): ${result.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join(", ")}`);
  });
  if (problems.length) throw new ReferenceDataError(problems);
  let unverified = 0;
  for (const s of states.values()) if (s.verify) unverified++;
  return { states, asOf, unverified };
}

/** The round's corrections replace fields of the shipped rows (or add a State). */
export function applyOverrides(ref: ReferenceData, overrides: StateOverride[]): ReferenceData {
  const states = new Map(ref.states);
  for (const o of overrides) {
    const base = states.get(o.iso3);
    states.set(o.iso3, StateSchema.parse({ ...(base ?? {}), ...o }));
  }
  return { ...ref, states };
}

const DATED_COLUMNS = ["iso3", "fact", "value", "from", "to", "source", "verify"];

/** Parses the dated facts (data/states-dated.csv): one fact of one State over a period, with its source. */
export function parseDatedCsv(text: string): Map<string, DatedFact[]> {
  const parsed = Papa.parse<Record<string, string>>(text.trim(), { header: true, skipEmptyLines: true });
  const problems: string[] = parsed.errors.map((e) => `line ${(e.row ?? 0) + 2}: ${e.message}`);
  const missing = DATED_COLUMNS.filter((c) => !parsed.meta.fields?.includes(c));
  if (missing.length) throw new ReferenceDataError([`missing column(s): ${missing.join(", ")}`]);
  const out = new Map<string, DatedFact[]>();
  parsed.data.forEach((row, i) => {
    const { iso3, ...fact } = row;
    const result = DatedFactSchema.safeParse(fact);
    const value = result.success ? factValue(result.data) : undefined;
    if (!result.success || !iso3 || !/^[A-Z]{3}$/.test(iso3)) {
      problems.push(
        `line ${i + 2} (${iso3}): ${result.success ? "iso3: an ISO3 code" : result.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join(", ")}`,
      );
      return;
    }
    if (value === undefined) {
      problems.push(`line ${i + 2} (${iso3}): ${result.data.fact}: "${result.data.value}" is not a value of this fact`);
      return;
    }
    if (result.data.from && result.data.to && result.data.to < result.data.from) {
      problems.push(`line ${i + 2} (${iso3}): the period ends (${result.data.to}) before it starts (${result.data.from})`);
      return;
    }
    out.set(iso3, [...(out.get(iso3) ?? []), result.data]);
  });
  if (problems.length) throw new ReferenceDataError(problems);
  return out;
}

/** A dated fact's value as the State's field takes it (undefined: not a value of the fact). */
function factValue(f: DatedFact): boolean | string | undefined {
  if (f.fact === "ccmStatus") return CcmStatusSchema.safeParse(f.value).data;
  if (f.fact === "incomeGroup") return IncomeGroupSchema.safeParse(f.value).data;
  return f.value === "true" ? true : f.value === "false" ? false : undefined;
}

/**
 * The reference data as of a date (a round's meeting): each State's dated facts that cover the date
 * replace the row's values (the latest start wins when periods overlap), and the row lists them with
 * their periods and sources. A fact no period covers keeps the row's value (the data's own date). Data
 * without dated facts (a round's stored copy, already read as of its date) is returned as it is.
 */
export function referenceAsOf(ref: ReferenceData, date: string): ReferenceData {
  if (!ref.dated) return ref;
  const states = new Map<string, State>();
  for (const [iso3, state] of ref.states) {
    const covering = (ref.dated.get(iso3) ?? [])
      .filter((f) => (!f.from || f.from <= date) && (!f.to || date <= f.to))
      .sort((a, b) => a.from.localeCompare(b.from));
    if (!covering.length) {
      states.set(iso3, state);
      continue;
    }
    const next: Record<string, unknown> = { ...state, dated: covering };
    for (const f of covering) next[f.fact] = factValue(f);
    states.set(iso3, StateSchema.parse(next));
  }
  return { ...ref, states, asOf: date };
}
