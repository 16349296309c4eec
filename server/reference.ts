// Node adapter for the shipped reference data: reads data/states.csv and its date.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseStatesCsv, type ReferenceData } from "../scoring/criteria/index.js";

const dataDir = fileURLToPath(new URL("../data/", import.meta.url));

export function loadReferenceData(): ReferenceData {
  const meta = JSON.parse(readFileSync(`${dataDir}states.meta.json`, "utf8")) as { asOf: string };
  return parseStatesCsv(readFileSync(`${dataDir}states.csv`, "utf8"), meta.asOf);
}

export const DEMO_DIR = `${dataDir}demo/`;
