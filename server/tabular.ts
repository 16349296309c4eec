// Requests as a table, for import and export in CSV (papaparse) and XLSX (exceljs): one row a request,
// one column a field; lists (expertise, accepted levels) separated by ";". Import checks every row and
// reports each bad cell by row and column; a file with any bad row imports nothing.
import ExcelJS from "exceljs";
import { csvOf, fromInert, xlsxOf } from "./exports.js";
import Papa from "papaparse";
import { RequestAttributesSchema, type RequestAttributes } from "../scoring/criteria/index.js";
import { fieldProblems, type RowProblem, parseDecimal } from "../scoring/domain/index.js";

/** Columns an export adds that an import reads past (the status is the ISU's, not the file's). */
const EXPORT_ONLY = ["status"];

export const REQUEST_COLUMNS = [
  "id",
  "state",
  "delegateId",
  "name",
  "gender",
  "title",
  "organisation",
  "email",
  "expertise",
  "role",
  "operationalExpertise",
  "technicalRating",
  "survivor",
  "firstParticipation",
  "previousSponsorships",
  "interestEvidence",
  "justification",
  "submittedAt",
  "airTicket",
  "nights",
  "allowanceRate",
  "terminal",
  "acceptedLevels",
  "lock",
] as const;
type Column = (typeof REQUEST_COLUMNS)[number];

const LISTS: Column[] = ["expertise", "acceptedLevels"];
const BOOLS: Column[] = ["operationalExpertise", "survivor", "firstParticipation"];
const NUMBERS: Column[] = ["technicalRating", "previousSponsorships", "airTicket", "nights", "allowanceRate", "terminal"];
const TRAVEL: Column[] = ["airTicket", "nights", "allowanceRate", "terminal"];

export type { RowProblem };

/** One table row (strings) to request attributes; problems name the row (1 = first data row) and column. */
function rowToAttributes(
  cells: Record<string, string>,
  row: number,
  idFor: () => string,
): { attrs?: RequestAttributes; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const obj: Record<string, unknown> = {};
  const travel: Record<string, unknown> = {};
  for (const col of REQUEST_COLUMNS) {
    const raw = (cells[col] ?? "").trim();
    if (raw === "") continue;
    let v: unknown = raw;
    if (LISTS.includes(col))
      v = raw
        .split(";")
        .map((x) => x.trim())
        .filter(Boolean);
    else if (BOOLS.includes(col)) {
      const t = raw.toLowerCase();
      v = ["true", "yes", "1"].includes(t) ? true : ["false", "no", "0"].includes(t) ? false : raw;
      if (typeof v === "string") problems.push({ row, column: col, message: "must be true or false (yes/no, 1/0)" });
    } else if (NUMBERS.includes(col)) {
      // Thousands separators (1'200, 1 200) are allowed; only decimal numbers are.
      const x = parseDecimal(raw.replace(/['\s]/g, ""));
      v = x ?? raw;
      if (x === null) problems.push({ row, column: col, message: `"${raw}" is not a number` });
    }
    if (TRAVEL.includes(col)) travel[col] = v;
    else obj[col] = v;
  }
  if (problems.length) return { problems };
  const parsed = RequestAttributesSchema.safeParse({ ...obj, id: obj.id ?? idFor(), travel });
  if (!parsed.success) {
    return {
      problems: fieldProblems(parsed.error).map((p) => ({
        row,
        column: p.path.startsWith("travel.") ? p.path.slice("travel.".length) : p.path,
        message: p.message,
      })),
    };
  }
  return { attrs: parsed.data, problems: [] };
}

export function rowsToAttributes(
  rows: Record<string, string>[],
  idFor: () => string,
): { requests: { row: number; attrs: RequestAttributes }[]; problems: RowProblem[] } {
  const requests: { row: number; attrs: RequestAttributes }[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  rows.forEach((raw, i) => {
    // A cell the product exported inert (a leading quote before = + - @) reads back as it was typed.
    const cells = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, fromInert(v)]));
    const r = rowToAttributes(cells, i + 1, idFor);
    problems.push(...r.problems);
    if (r.attrs) {
      const first = seen.get(r.attrs.id);
      if (first !== undefined) problems.push({ row: i + 1, column: "id", message: `"${r.attrs.id}" repeats row ${first}` });
      seen.set(r.attrs.id, i + 1);
      requests.push({ row: i + 1, attrs: r.attrs });
    }
  });
  return { requests, problems };
}

export function parseCsv(text: string): { rows: Record<string, string>[]; problems: RowProblem[] } {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, "").trim(), { header: true, skipEmptyLines: true });
  const problems: RowProblem[] = parsed.errors.map((e) => ({ row: (e.row ?? 0) + 1, column: "", message: e.message }));
  const unknown = (parsed.meta.fields ?? []).filter((f) => !(REQUEST_COLUMNS as readonly string[]).includes(f) && !EXPORT_ONLY.includes(f));
  for (const f of unknown) problems.push({ row: 0, column: f, message: `unknown column (the columns are: ${REQUEST_COLUMNS.join(", ")})` });
  return { rows: parsed.data, problems };
}

export async function parseXlsx(data: Buffer): Promise<{ rows: Record<string, string>[]; problems: RowProblem[] }> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return { rows: [], problems: [{ row: 0, column: "", message: "not a readable XLSX workbook" }] };
  }
  const sheet = book.worksheets[0];
  if (!sheet) return { rows: [], problems: [{ row: 0, column: "", message: "the workbook has no sheet" }] };
  const header: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: false }, (cell, col) => (header[col] = String(cell.text).trim()));
  const problems: RowProblem[] = header
    .filter((h) => h && !(REQUEST_COLUMNS as readonly string[]).includes(h) && !EXPORT_ONLY.includes(h))
    .map((h) => ({ row: 0, column: h, message: "unknown column" }));
  const rows: Record<string, string>[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: Record<string, string> = {};
    let any = false;
    header.forEach((h, col) => {
      if (!h) return;
      const cell = row.getCell(col);
      const v = cell.value instanceof Date ? cell.value.toISOString() : cell.text;
      if (v !== "") any = true;
      cells[h] = String(v);
    });
    if (any) rows.push(cells);
  }
  return { rows, problems };
}

/** Requests (with their status) as table rows of strings. */
export function attributesToRows(requests: { attributes: RequestAttributes; status: string }[]): Record<string, string>[] {
  return requests.map(({ attributes: a, status }) => {
    const row: Record<string, string> = {};
    for (const col of REQUEST_COLUMNS) {
      const v = TRAVEL.includes(col) ? (a.travel as Record<string, unknown>)[col] : (a as Record<string, unknown>)[col];
      row[col] = v === undefined ? "" : Array.isArray(v) ? v.join(";") : String(v);
    }
    row.status = status;
    return row;
  });
}

export function toCsv(rows: Record<string, string>[], columns: string[]): string {
  return csvOf(rows, columns);
}

export async function toXlsx(rows: Record<string, string>[], columns: string[], sheetName: string): Promise<Buffer> {
  return xlsxOf(sheetName, [{ cells: columns, bold: true }, ...rows.map((r) => ({ cells: columns.map((c) => r[c] ?? "") }))]);
}
