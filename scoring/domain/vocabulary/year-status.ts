// A programme (financial) year: open while its money moves; closed, its figures locked.
import { vocabulary } from "./define.js";

export const YEAR_STATUS = vocabulary("programme year status", {
  open: { en: "open", fr: "ouvert", es: "abierto" },
  closed: { en: "closed", fr: "clos", es: "cerrado" },
});
export type YearStatus = (typeof YEAR_STATUS.codes)[number];
