// Issue 16, findings 4 and 12: every CSV and XLSX the product emits neutralises formulas (a field of the
// anonymous form starting with = + - @ comes out inert, and reads back as typed on import), and every
// download's file name is sent per RFC 6266 (a quote or non-ASCII character cannot break the header).
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { attachment, inert } from "../../server/io/exports.js";
import { testApi } from "../server/api-helpers.js";

const FORMULAS = ['=HYPERLINK("http://evil.example","x")', "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3", "=1+1"];
const SPREADSHEET_FORMULA = /^[=+\-@\t\r]/;

async function cellsOf(res: Response): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await res.arrayBuffer());
  const out: string[] = [];
  book.worksheets[0]!.eachRow((row) => row.eachCell((cell) => out.push(String(cell.value))));
  return out;
}

describe("exports neutralise formulas", async () => {
  const api = await testApi();
  const admin = await api.as("admin");
  const anon = await api.as("anonymous");
  const submitted = await anon.req("POST", "/api/rounds/DEMO-OPEN/apply", {
    state: "LAO",
    name: FORMULAS[0],
    gender: "F",
    title: FORMULAS[1],
    organisation: FORMULAS[2],
    email: "formula@example.org",
    justification: FORMULAS[3],
    travel: { airTicket: 1200 },
    acceptedLevels: ["full"],
  });

  it("writes no cell a spreadsheet would evaluate, in CSV and XLSX", async () => {
    expect(submitted.status).toBe(201);
    const csv = (await admin.req("GET", "/api/rounds/DEMO-OPEN/requests/export?format=csv")).text;
    // Each field came out with a leading quote; numbers (negative ones too) stay numbers.
    for (const f of FORMULAS.slice(0, 4)) expect(csv).toContain(`'${f.replace(/"/g, '""')}`);
    const xlsx = await api.app.request("/api/rounds/DEMO-OPEN/requests/export?format=xlsx", { headers: { cookie: admin.cookie! } });
    const cells = await cellsOf(xlsx);
    expect(cells.filter((c) => SPREADSHEET_FORMULA.test(c) && !/^-?\d/.test(c))).toEqual([]);
    expect(cells).toContain(`'${FORMULAS[2]}`);
  });

  it("does the same for the statement (a donor's name)", async () => {
    expect((await admin.req("PUT", "/api/rounds/13MSP/donors/EVL", { name: FORMULAS[4], amount: 10 })).status).toBe(200);
    const csv = (await admin.req("GET", "/api/rounds/13MSP/statement?format=csv")).text;
    expect(csv).toContain(`Contributions: =1+1`); // inside the cell, not at its start
    const res = await api.app.request("/api/rounds/13MSP/statement?format=xlsx", { headers: { cookie: admin.cookie! } });
    expect((await cellsOf(res)).filter((c) => SPREADSHEET_FORMULA.test(c))).toEqual([]);
    expect(inert("=1+1")).toBe("'=1+1");
    expect(inert("-250")).toBe("-250");
    expect(inert("-2+3")).toBe("'-2+3");
  });

  it("reads an exported file back as it was typed", async () => {
    const csv = (await admin.req("GET", "/api/rounds/DEMO-OPEN/requests/export?format=csv")).text;
    const lines = csv.split(/\r?\n/);
    const row = lines.find((l) => l.includes("formula@example.org"))!;
    // The same row imported under a new id into the same round.
    const id = row.split(",")[0]!;
    const file = `${lines[0]}\n${row.replace(id, `${id}-COPY`)}`;
    const imported = await admin.req("POST", "/api/rounds/DEMO-OPEN/requests/import", { format: "csv", content: file });
    expect(imported.status, imported.text).toBe(201);
    const copy = (await admin.req("GET", `/api/requests/${id}-COPY`)).json;
    expect(copy.attributes).toMatchObject({ name: FORMULAS[0], title: FORMULAS[1], organisation: FORMULAS[2], justification: FORMULAS[3] });
  });
});

describe("download names (RFC 6266)", () => {
  it("keeps a quote, a semicolon or non-ASCII from breaking the header, and gives the exact name in UTF-8", () => {
    const h = attachment('Ré"union; x=1.csv');
    expect(h).toBe(`attachment; filename="R__union_ x=1.csv"; filename*=UTF-8''R%C3%A9%22union%3B%20x%3D1.csv`);
    expect(h).not.toMatch(/[^\x20-\x7e]/);
  });

  it("is what every download sends", async () => {
    const api = await testApi();
    const admin = await api.as("admin");
    const round = (await admin.req("GET", "/api/rounds/DEMO-OPEN")).json;
    const {
      version: _v,
      createdAt: _c,
      updatedAt: _u,
      referenceAsOf: _r,
      carryOver: _co,
      deferredTo: _d,
      adminActual: _a,
      ...fields
    } = round;
    const created = await admin.req("POST", "/api/rounds", {
      round: { ...fields, id: 'Ré"union', status: "draft" },
      weights: (await admin.req("GET", "/api/rounds/DEMO-OPEN/settings")).json.weights,
    });
    expect(created.status, created.text).toBe(201);
    const res = await api.app.request(`/api/rounds/${encodeURIComponent('Ré"union')}/requests/export?format=csv`, {
      headers: { cookie: admin.cookie! },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(attachment('Ré"union-requests.csv'));
  });
});
