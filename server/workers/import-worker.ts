// The imports' worker thread: a spreadsheet is read, bounded (rows, inflated size) and checked row by row
// here, off the thread that serves requests, so that a large or hostile file cannot stall the server.
import { serve } from "./worker-protocol.js";
import { parseCsv, parseXlsx, rowsToAttributes } from "../io/tabular.js";

export interface ImportMessage {
  id: number;
  format: "csv" | "xlsx";
  /** CSV text, or the XLSX file in base64. */
  content: string;
  roundId: string;
  /** The number the round's next staff reference takes (ROUND-NNN). */
  firstNumber: number;
}

serve<ImportMessage>(async (msg) => {
  const table = msg.format === "csv" ? parseCsv(msg.content) : await parseXlsx(Buffer.from(msg.content, "base64"));
  let next = msg.firstNumber;
  const { requests, problems, rejected } = rowsToAttributes(table.rows, () => `${msg.roundId}-${String(next++).padStart(3, "0")}`);
  return { rows: table.rows.length, requests, rejected, problems: [...table.problems, ...problems] };
});
