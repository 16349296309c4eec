// Numbers as the ISU writes them: CHF 53'683 (Swiss apostrophes), points to the hundredth.
import { chf as chfNumber } from "../../scoring/domain/index.js";

export const chf = (x: number | null | undefined): string => (x === null || x === undefined ? "–" : `CHF ${chfNumber(x)}`);
// A value that rounds to zero is 0.00, never −0.00.
export const points = (x: number | null | undefined): string =>
  x === null || x === undefined ? "–" : (Math.abs(x) < 0.005 ? 0 : x).toFixed(2);

const LOCALES = { en: "en-GB", fr: "fr-CH", es: "es-ES" } as const;
type Lang = keyof typeof LOCALES;

/** A moment as people read it, in the reader's time zone: "30 Nov 2026, 02:54". */
export const dateTime = (iso: string | null | undefined, lang: Lang = "en"): string =>
  iso ? new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso)) : "–";

/** A calendar day (YYYY-MM-DD) as people read it: "16 Sept 2025". */
export const day = (date: string | null | undefined, lang: Lang = "en"): string =>
  date
    ? new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${date.slice(0, 10)}T00:00:00Z`))
    : "–";

/** Today as a calendar day (YYYY-MM-DD), for comparisons with stored days. */
export const today = (): string => new Date().toISOString().slice(0, 10);
export const pct = (x: number | null | undefined): string => (x === null || x === undefined ? "–" : `${Math.round(x * 100)} %`);

/** Who pays for a delegate: "AUS CHF 3'290, carry-over CHF 450". */
export const paidBy = (funding: readonly { donor: string; amount: number }[]): string =>
  funding.map((x) => `${x.donor} ${chf(x.amount)}`).join(", ");

/**
 * A sentence with each request reference it names followed by its State's name: "displacing 13MSP-004"
 * becomes "displacing 13MSP-004 (Iraq)". `stateOf` maps references to ISO3 codes, `nameOf` codes to names.
 */
export function withStateNames(text: string, stateOf: ReadonlyMap<string, string>, nameOf: ReadonlyMap<string, string>): string {
  const ids = [...stateOf.keys()].sort((a, b) => b.length - a.length);
  if (!ids.length) return text;
  const pattern = new RegExp(`(?<![\\w-])(${ids.map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})(?![\\w-])(?! \\()`, "g");
  return text.replace(pattern, (id) => {
    const name = nameOf.get(stateOf.get(id) ?? "");
    return name ? `${id} (${name})` : id;
  });
}
