// Requests as a table, for import and export in CSV (papaparse) and XLSX (exceljs): one row a request,
// one column a field; lists (expertise, accepted levels) separated by ";". Import checks every row and
// reports each bad cell by row and column; a file with any bad row imports nothing.
import { inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { fromInert } from "./exports.js";
import Papa from "papaparse";
import { RequestAttributesSchema, type RequestAttributes } from "../../scoring/criteria/index.js";
import { fieldProblems, type RowProblem, parseDecimal } from "../../scoring/domain/index.js";

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

/**
 * The key under which a parsed row carries its row number in the spreadsheet (the header is row 1, the
 * first request row 2), as the person who made the file sees it.
 */
const ROW = "#row";

/** One table row (strings) to request attributes; every problem of the row names its row and column. */
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
    // A cell already found bad is left out of the check below (its problem is said once).
    if (problems.some((p) => p.column === col)) continue;
    if (TRAVEL.includes(col)) travel[col] = v;
    else obj[col] = v;
  }
  // Every problem of the row at once: the cells' and the schema's (the others' columns).
  const parsed = RequestAttributesSchema.safeParse({ ...obj, id: obj.id ?? idFor(), travel });
  if (!parsed.success) {
    for (const p of fieldProblems(parsed.error)) {
      const column = p.path.startsWith("travel.") ? p.path.slice("travel.".length) : p.path;
      if (!problems.some((q) => q.column === column.split(/[.[]/)[0])) problems.push({ row, column, message: p.message });
    }
  }
  if (problems.length || !parsed.success) return { problems };
  return { attrs: parsed.data, problems: [] };
}

export function rowsToAttributes(
  rows: Record<string, string>[],
  idFor: () => string,
): { requests: { row: number; attrs: RequestAttributes }[]; problems: RowProblem[]; rejected: RejectedRow[] } {
  const requests: { row: number; attrs: RequestAttributes }[] = [];
  const problems: RowProblem[] = [];
  const rejected: RejectedRow[] = [];
  const seen = new Map<string, number>();
  rows.forEach((raw, i) => {
    const row = Number(raw[ROW]) || i + 2;
    // A cell the product exported inert (a leading quote before = + - @) reads back as it was typed.
    const cells = Object.fromEntries(Object.entries(raw).flatMap(([k, v]) => (k === ROW ? [] : [[k, fromInert(v)]])));
    const r = rowToAttributes(cells, row, idFor);
    problems.push(...r.problems);
    if (r.attrs) {
      const first = seen.get(r.attrs.id);
      if (first !== undefined) problems.push({ row, column: "id", message: `"${r.attrs.id}" repeats row ${first}` });
      seen.set(r.attrs.id, row);
      requests.push({ row, attrs: r.attrs });
    } else {
      // A bad row's State and reference, as typed, where their cells themselves are well formed: the
      // checks against the database (a State unknown, a reference taken) are said with the cells' problems.
      const ok = (col: string) => !r.problems.some((p) => p.column === col);
      rejected.push({
        row,
        state: ok("state") ? cells.state?.trim() || undefined : undefined,
        id: ok("id") ? cells.id?.trim() || undefined : undefined,
      });
    }
  });
  return { requests, problems, rejected };
}

/** A row refused for its cells, with its State and reference where their own cells are well formed. */
export interface RejectedRow {
  row: number;
  state?: string;
  id?: string;
}

/** The most rows an import takes (a round has a few dozen requests; a programme's history a few thousand). */
export const MAX_IMPORT_ROWS = 5_000;
/** The most an XLSX file may inflate to, all its parts together. */
export const MAX_INFLATED_BYTES = 32 * 1024 * 1024;

const tooManyRows = (): RowProblem => ({ row: 0, column: "", message: `the file has more than ${MAX_IMPORT_ROWS} rows: split it` });

/** Reads a CSV text row by row, stopping past MAX_IMPORT_ROWS. */
export function parseCsv(text: string): { rows: Record<string, string>[]; problems: RowProblem[] } {
  const rows: Record<string, string>[] = [];
  const problems: RowProblem[] = [];
  let fields: string[] = [];
  // Each record's row in the spreadsheet the file opens as (the header is row 1; empty rows count).
  let row = 1;
  Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, "").trim(), {
    header: true,
    skipEmptyLines: false,
    step: (result, parser) => {
      row++;
      if (Object.values(result.data).every((v) => (v ?? "").trim() === "")) return;
      if (rows.length >= MAX_IMPORT_ROWS) {
        problems.push(tooManyRows());
        parser.abort();
        return;
      }
      fields = result.meta.fields ?? fields;
      for (const e of result.errors) problems.push({ row, column: "", message: e.message });
      rows.push({ ...result.data, [ROW]: String(row) });
    },
  });
  const unknown = fields.filter((f) => !(REQUEST_COLUMNS as readonly string[]).includes(f) && !EXPORT_ONLY.includes(f));
  for (const f of unknown) problems.push({ row: 1, column: f, message: `unknown column (the columns are: ${REQUEST_COLUMNS.join(", ")})` });
  return { rows, problems };
}

/**
 * Checks, before any XLSX library reads it, that a workbook (a zip) inflates to at most
 * MAX_INFLATED_BYTES: each part is inflated with zlib under the budget left, which stops at it (a part
 * that declares a small size and inflates to more is caught as it inflates). Null when it is within.
 */
export function inflatedTooLarge(data: Buffer): string | null {
  const eocd = data.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) return null; // not a zip: the XLSX reader says so
  const entries = data.readUInt16LE(eocd + 10);
  let at = data.readUInt32LE(eocd + 16);
  let budget = MAX_INFLATED_BYTES;
  const tooLarge = `the workbook inflates to more than ${MAX_INFLATED_BYTES / 1024 / 1024} MB: it is not a list of requests`;
  for (let k = 0; k < entries && at + 46 <= data.length; k++) {
    if (data.readUInt32LE(at) !== 0x02014b50) break;
    const method = data.readUInt16LE(at + 10);
    const compressed = data.readUInt32LE(at + 20);
    const declared = data.readUInt32LE(at + 24);
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLength = data.readUInt16LE(at + 32);
    const local = data.readUInt32LE(at + 42);
    at += 46 + nameLength + extraLength + commentLength;
    if (declared > budget) return tooLarge;
    if (local + 30 > data.length) break;
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    const body = data.subarray(start, start + compressed);
    let size = body.length;
    if (method === 8) {
      try {
        size = inflateRawSync(body, { maxOutputLength: budget + 1 }).length;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" || e instanceof RangeError) return tooLarge;
        return null; // a broken part: the XLSX reader reports it
      }
    }
    if (size > budget) return tooLarge;
    budget -= size;
  }
  return null;
}

export async function parseXlsx(data: Buffer): Promise<{ rows: Record<string, string>[]; problems: RowProblem[] }> {
  const bomb = inflatedTooLarge(data);
  if (bomb) return { rows: [], problems: [{ row: 0, column: "", message: bomb }] };
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
    .map((h) => ({ row: 1, column: h, message: `unknown column (the columns are: ${REQUEST_COLUMNS.join(", ")})` }));
  if (sheet.rowCount - 1 > MAX_IMPORT_ROWS) return { rows: [], problems: [...problems, tooManyRows()] };
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
    if (any) rows.push({ ...cells, [ROW]: String(r) });
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
