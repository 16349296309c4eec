// Numbers as the ISU writes them: CHF 53'683 (Swiss apostrophes), points to the hundredth.
import { chf as chfNumber } from "../../scoring/domain/index.js";

export const chf = (x: number | null | undefined): string => (x === null || x === undefined ? "–" : `CHF ${chfNumber(x)}`);
export const points = (x: number | null | undefined): string => (x === null || x === undefined ? "–" : x.toFixed(2));
export const pct = (x: number | null | undefined): string => (x === null || x === undefined ? "–" : `${Math.round(x * 100)} %`);

/** Who pays for a delegate: "AUS CHF 3'290, carry-over CHF 450". */
export const paidBy = (funding: readonly { donor: string; amount: number }[]): string =>
  funding.map((x) => `${x.donor} ${chf(x.amount)}`).join(", ");
