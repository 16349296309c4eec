// Node adapter for the shipped reference data: reads data/states.csv (as of its date) and the dated facts
// (data/states-dated.csv) that a round reads as of its meeting's date.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseDatedCsv, parseStatesCsv, type ReferenceData } from "../../scoring/criteria/index.js";

const dataDir = fileURLToPath(new URL("../../data/", import.meta.url));

export function loadReferenceData(): ReferenceData {
  const meta = JSON.parse(readFileSync(`${dataDir}states.meta.json`, "utf8")) as { asOf: string };
  const ref = parseStatesCsv(readFileSync(`${dataDir}states.csv`, "utf8"), meta.asOf);
  return { ...ref, dated: parseDatedCsv(readFileSync(`${dataDir}states-dated.csv`, "utf8")) };
}

export const DEMO_DIR = `${dataDir}demo/`;
