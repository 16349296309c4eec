// Every file the product emits goes through here: CSV and XLSX cells with formulas neutralised, and the
// Content-Disposition of a download per RFC 6266 (an ASCII fallback, the exact name in UTF-8).
import type { Context } from "hono";
import ExcelJS from "exceljs";
import Papa from "papaparse";

/** A cell a spreadsheet would read as a formula (or a DDE call): starts with = + - @, a tab or a carriage return. */
const FORMULA = /^[=+\-@\t\r]/;
/** A plain number (possibly negative): left as it is. */
const NUMBER = /^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/** The text of a cell, made inert: a leading quote before anything a spreadsheet would evaluate (OWASP). */
export function inert(value: string): string {
  return FORMULA.test(value) && !NUMBER.test(value) ? `'${value}` : value;
}

/** The inverse on import: a cell the product exported inert reads back as typed. */
export function fromInert(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

/** CSV with a header row, every cell inert. */
export function csvOf(rows: Record<string, string>[], columns: string[]): string {
  return Papa.unparse({ fields: columns, data: rows.map((r) => columns.map((c) => inert(r[c] ?? ""))) });
}

export type Cell = string | number | null;

/** An XLSX sheet: rows of cells (numbers as numbers, text inert), bold rows where asked. */
export async function xlsxOf(sheetName: string, rows: { cells: Cell[]; bold?: boolean }[], widths: number[] = []): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName.replace(/[\\/?*[\]:]/g, "_").slice(0, 31) || "Sheet");
  for (const r of rows) {
    const row = sheet.addRow(r.cells.map((c) => (typeof c === "string" ? inert(c) : c)));
    if (r.bold) row.font = { bold: true };
  }
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The Content-Disposition of a download named `filename` (RFC 6266 and RFC 5987). */
export function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\;]/g, "_");
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A table as XLSX: a bold header row of the columns, then one row a record. */
export function tableXlsx(sheetName: string, rows: Record<string, string>[], columns: string[]): Promise<Buffer> {
  return xlsxOf(sheetName, [{ cells: columns, bold: true }, ...rows.map((r) => ({ cells: columns.map((c) => r[c] ?? "") }))]);
}

/** Marks the answer as a download named `filename`. */
export function download(c: Context, filename: string): void {
  c.header("Content-Disposition", attachment(filename));
}
