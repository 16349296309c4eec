// Reference data for States: parses the shipped CSV (data/states.csv) from its text, and applies a round's
// corrections. Parsing is pure; reading the file is the adapters' job.
import Papa from "papaparse";
import { StateSchema, type State, type StateOverride } from "../domain/index.js";

export interface ReferenceData {
  states: Map<string, State>;
  asOf: string;
  /** Rows whose `verify` column is not empty. */
  unverified: number;
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
