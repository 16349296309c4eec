// Issue 16, finding 1: an import is bounded while it is read, off the thread that serves requests. A
// workbook that inflates beyond 32 MB is refused as it inflates; a file of more than 5'000 rows is
// refused at its 5'001st; a file with thousands of bad rows gets the first 100 problems and their count;
// and the server keeps answering while an import is read.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { inflatedTooLarge, MAX_IMPORT_ROWS } from "../../server/io/tabular.js";
import { testApi } from "../server/api-helpers.js";

/** A real XLSX whose sheet is replaced by 40 MB of whitespace (about 40 KB compressed). */
async function bomb(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet("requests").addRow(["state", "gender"]);
  const zip = await JSZip.loadAsync(await book.xlsx.writeBuffer());
  const sheet = Object.keys(zip.files).find((f) => /worksheets\/sheet1\.xml$/.test(f))!;
  zip.file(sheet, `<?xml version="1.0"?><worksheet>${" ".repeat(40 * 1024 * 1024)}</worksheet>`);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });
}

describe("imports bounded while read", async () => {
  const api = await testApi();
  const admin = await api.as("admin");
  const anon = await api.as("anonymous");
  const importCsv = (content: string) => admin.req("POST", "/api/rounds/DEMO-OPEN/requests/import", { format: "csv", content });

  it("refuses a decompression bomb as it inflates, and answers health meanwhile", async () => {
    const file = await bomb();
    expect(file.length).toBeLessThan(200_000);
    expect(inflatedTooLarge(file)).toMatch(/inflates to more than 32 MB/);
    let importDone = false;
    let healthAnswers = 0;
    const pending = admin
      .req("POST", "/api/rounds/DEMO-OPEN/requests/import", { format: "xlsx", contentBase64: file.toString("base64") })
      .finally(() => (importDone = true));
    // The server's thread is free while the worker reads the file: health answers before the import does.
    while (!importDone) {
      if ((await anon.req("GET", "/api/health")).status === 200 && !importDone) healthAnswers++;
      await new Promise((r) => setTimeout(r, 5));
    }
    const res = await pending;
    expect(res.status).toBe(422);
    expect(res.json.error.details.problems[0].message).toMatch(/inflates to more than 32 MB/);
    expect(healthAnswers).toBeGreaterThan(0);
  });

  it("refuses a file of more than 5'000 rows at its 5'001st", async () => {
    const res = await importCsv(`state,gender,submittedAt,airTicket\n${"KEN,F,2025-06-02T09:00:00Z,1200\n".repeat(20_000)}`);
    expect(res.status).toBe(422);
    expect(res.json.error.details.problems.map((p: { message: string }) => p.message)).toContain(
      `the file has more than ${MAX_IMPORT_ROWS} rows: split it`,
    );
  });

  it("lists the first 100 problems of a file with thousands, and says how many", async () => {
    const res = await importCsv(`state,gender,submittedAt,airTicket\n${"XXX,Q,yesterday,-1\n".repeat(3_000)}`);
    expect(res.status).toBe(422);
    expect(res.json.error.details.problems).toHaveLength(100);
    expect(res.json.error.details.count).toBeGreaterThanOrEqual(3_000);
    expect(res.json.error.message).toMatch(/the first 100 listed/);
    expect(res.text.length).toBeLessThan(50_000);
  });
});
