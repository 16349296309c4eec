// The money: each round's and each programme year's Table 3 (JSON, CSV, XLSX), the year's ledger, its
// opening balance (the first year's, entered with a note), its note and its close.
import type { Context } from "hono";
import { z } from "zod";
import { actorOf, body, errors, json, newApp, route, sentAsIs, userOf, RoundId, SIGNED_IN, STAFF } from "../http/index.js";
import {
  closeYear,
  editYearNote,
  enterOpening,
  openYear,
  roundStatement,
  table3Rows,
  table3Xlsx,
  yearFor,
  yearLedger,
  yearsFor,
  yearStatementOf,
} from "../services/finance.js";
import { roundFor } from "../services/rounds.js";
import { csvOf, download } from "../io/exports.js";
import {
  LedgerEntrySchema,
  StatementSchema,
  YearRecordSchema,
  YearStatementSchema,
  type Statement,
  type YearStatement,
} from "../schemas/index.js";

const Format = z.object({ format: z.enum(["json", "csv", "xlsx"]).default("json") });
const Year = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Table 3 in the format asked: JSON (as is), CSV or XLSX (a download). */
async function table3Answer<T extends Statement | YearStatement>(
  c: Context,
  t: T,
  name: string,
  title: string,
  format: "json" | "csv" | "xlsx",
) {
  if (format === "json") return c.json(t, 200);
  download(c, `${name}.${format}`);
  if (format === "csv")
    return sentAsIs<T>(
      c.body(csvOf(table3Rows(t, title), ["section", "item", "amount", "note"]), 200, { "Content-Type": "text/csv; charset=utf-8" }),
    );
  return sentAsIs<T>(c.body(new Uint8Array(await table3Xlsx(t, title)), 200, { "Content-Type": XLSX }));
}

// The routes: each a named definition (its guard, input and answers), its handler in the chain below.
const getRoundsStatement = route(
  SIGNED_IN,
  {
    method: "get",
    path: "/api/rounds/{roundId}/statement",
    tags: ["finance"],
    summary:
      "The round's Table 3 within its year (expenditures, contributions per donor, deferred from and to), its balances and who paid for whom; JSON, CSV or XLSX",
    request: { params: RoundId, query: Format },
    responses: { 200: json(StatementSchema, "The statement (JSON; CSV or XLSX with format=)"), ...errors(401, 403, 404, 422) },
  },
  { heavy: true },
);

const getYears = route(SIGNED_IN, {
  method: "get",
  path: "/api/years",
  tags: ["finance"],
  summary: "The programme years (a donor: those it contributed in), newest first",
  responses: { 200: json(z.array(YearRecordSchema), "Years"), ...errors(401) },
});

const postYears = route(["admin"], {
  method: "post",
  path: "/api/years",
  tags: ["finance"],
  summary: "Open a programme year ahead of its first round (a round's creation opens its year too)",
  request: body(z.strictObject({ year: z.number().int().min(2000).max(2100) })),
  responses: { 201: json(YearRecordSchema, "The year"), ...errors(401, 403, 409, 422) },
});

const getYearsStatement = route(
  SIGNED_IN,
  {
    method: "get",
    path: "/api/years/{year}/statement",
    tags: ["finance"],
    summary: "The year's Table 3 (the form of the ISU's report), with its opening balance and its rounds; JSON, CSV or XLSX",
    request: { params: Year, query: Format },
    responses: { 200: json(YearStatementSchema, "The statement (JSON; CSV or XLSX with format=)"), ...errors(401, 403, 404, 422) },
  },
  { heavy: true },
);

const getYearsLedger = route(
  STAFF,
  {
    method: "get",
    path: "/api/years/{year}/ledger",
    tags: ["finance"],
    summary:
      "The year's ledger: its money as dated entries (opening, contributions, offers, releases, actual costs, administration) with the balance after each",
    request: { params: Year },
    responses: { 200: json(z.array(LedgerEntrySchema), "Entries, by date"), ...errors(401, 403, 404, 422) },
  },
  { heavy: true },
);

const putYearsOpening = route(["admin"], {
  method: "put",
  path: "/api/years/{year}/opening",
  tags: ["finance"],
  summary: "Enter the first year's opening balance, with a note on where it comes from (later years carry the year before's)",
  request: {
    params: Year,
    ...body(
      z.strictObject({
        amount: z.number().finite().min(0).max(1e9),
        note: z.string().trim().min(1).max(1000),
        version: z.number().int().min(1),
      }),
    ),
  },
  responses: { 200: json(YearRecordSchema, "The year"), ...errors(401, 403, 404, 409, 422) },
});

const putYearsNote = route(["admin"], {
  method: "put",
  path: "/api/years/{year}/note",
  tags: ["finance"],
  summary: "The year's note on its figures (e.g. how a published figure differs from the computed one)",
  request: { params: Year, ...body(z.strictObject({ note: z.string().max(4000), version: z.number().int().min(1) })) },
  responses: { 200: json(YearRecordSchema, "The year"), ...errors(401, 403, 404, 409, 422) },
});

const postYearsClose = route(["admin"], {
  method: "post",
  path: "/api/years/{year}/close",
  tags: ["finance"],
  summary: "Close the year: its figures are locked and its deferred-to opens the next year; refused while any figure may still change",
  request: { params: Year, ...body(z.strictObject({ version: z.number().int().min(1) })) },
  responses: { 200: json(YearRecordSchema, "The closed year"), ...errors(401, 403, 404, 409, 422) },
});

export function financeRoutes() {
  return newApp()
    .openapi(getRoundsStatement, async (c) => {
      const { roundId } = c.req.valid("param");
      const round = roundFor(c.get("services"), userOf(c), roundId);
      const t = roundStatement(c.get("services").db, roundId);
      return table3Answer(
        c,
        t,
        `${roundId}-statement`,
        `${round.meeting} (${roundId}): expenditures and revenues, CHF`,
        c.req.valid("query").format,
      );
    })
    .openapi(getYears, (c) => c.json(yearsFor(c.get("services").db, userOf(c)), 200))
    .openapi(postYears, (c) => c.json(openYear(c.get("services").db, c.req.valid("json").year, actorOf(c)), 201))
    .openapi(getYearsStatement, async (c) => {
      const { year } = c.req.valid("param");
      yearFor(c.get("services").db, userOf(c), year);
      const t = yearStatementOf(c.get("services").db, year);
      return table3Answer(
        c,
        t,
        `${year}-statement`,
        `${year} CCM Sponsorship Programme expenditures and revenues, CHF`,
        c.req.valid("query").format,
      );
    })
    .openapi(getYearsLedger, (c) => c.json(yearLedger(c.get("services").db, c.req.valid("param").year), 200))
    .openapi(putYearsOpening, (c) =>
      c.json(enterOpening(c.get("services").db, c.req.valid("param").year, c.req.valid("json"), actorOf(c)), 200),
    )
    .openapi(putYearsNote, (c) =>
      c.json(editYearNote(c.get("services").db, c.req.valid("param").year, c.req.valid("json"), actorOf(c)), 200),
    )
    .openapi(postYearsClose, (c) =>
      c.json(closeYear(c.get("services").db, c.req.valid("param").year, c.req.valid("json"), actorOf(c)), 200),
    );
}
