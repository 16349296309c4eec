// The money: the round's financial statement (the form of Table 3 of the ISU's report), JSON or CSV.
import { z } from "zod";
import { errors, json, newApp, route, sentAsIs, userOf, RoundId } from "../http.js";
import { roundStatement, statementRows } from "../services/finance.js";
import { getRound, requireDonorOf } from "../store/index.js";
import { toCsv } from "../tabular.js";
import { StatementSchema, type Statement } from "../schemas.js";

export function financeRoutes() {
  return newApp().openapi(
    route(["admin", "donor"], {
      method: "get",
      path: "/api/rounds/{roundId}/statement",
      tags: ["finance"],
      summary:
        "The round's financial statement: expenditures (travel, general and administrative), contributions per donor, deferred from and to other years; JSON or CSV",
      request: { params: RoundId, query: z.object({ format: z.enum(["json", "csv"]).default("json") }) },
      responses: {
        200: json(StatementSchema, "The statement (JSON; CSV with format=csv)"),
        ...errors(401, 403, 404, 422),
      },
    }),
    (c) => {
      const { db } = c.get("services");
      const { roundId } = c.req.valid("param");
      getRound(db, roundId);
      requireDonorOf(db, userOf(c), roundId);
      const statement = roundStatement(db, roundId);
      if (c.req.valid("query").format === "csv") {
        c.header("Content-Disposition", `attachment; filename="${roundId}-statement.csv"`);
        return sentAsIs<Statement>(
          c.body(toCsv(statementRows(statement), ["section", "item", "amount"]), 200, { "Content-Type": "text/csv; charset=utf-8" }),
        );
      }
      return c.json(statement, 200);
    },
  );
}
