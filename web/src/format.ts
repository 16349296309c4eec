// Numbers as the ISU writes them in English: CHF 53'683 (Swiss apostrophes), points to the hundredth; in
// French and Spanish as Intl writes them for the language (53 683 CHF, 40,65).
import { chfIn, dayIn, hasLocalName, LOCALES, stateName, type Language } from "../../scoring/domain/index.js";

export type Lang = Language;

// On screens an amount never breaks between "CHF" and its figure (a no-break space: one line in any cell).
export const chf = (x: number | null | undefined, lang: Lang = "en"): string =>
  x === null || x === undefined ? "–" : chfIn(lang, x).replace(/ /g, "\u00a0");
// A value that rounds to zero is 0.00, never −0.00.
export const points = (x: number | null | undefined, lang: Lang = "en"): string => {
  if (x === null || x === undefined) return "–";
  const v = Math.abs(x) < 0.005 ? 0 : x;
  return lang === "en"
    ? v.toFixed(2)
    : new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v);
};

/** A moment as people read it, in the reader's time zone: "30 Nov 2026, 02:54". */
export const dateTime = (iso: string | null | undefined, lang: Lang = "en"): string =>
  iso ? new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso)) : "–";

/** A calendar day (YYYY-MM-DD) as people read it: "16 Sept 2025". */
export const day = (date: string | null | undefined, lang: Lang = "en"): string => (date ? dayIn(lang, date) : "–");

export const pct = (x: number | null | undefined, lang: Lang = "en"): string =>
  x === null || x === undefined ? "–" : `${new Intl.NumberFormat(LOCALES[lang]).format(Math.round(x * 100))} %`;

/** A donor by name: a State's in the page's language ("AUS" → "Australia"), the carry-over in words. */
export const donorName = (donor: string, lang: Lang = "en", name?: string): string =>
  hasLocalName(donor) ? stateName(donor, lang) : donor === "carry-over" ? CARRY_OVER[lang] : (name ?? donor);
const CARRY_OVER: Record<Lang, string> = { en: "carry-over", fr: "report", es: "remanente" };

/** Who pays for a delegate: "Australia CHF 3'290, carry-over CHF 450". */
export const paidBy = (funding: readonly { donor: string; amount: number }[], lang: Lang = "en"): string =>
  funding.map((x) => `${donorName(x.donor, lang)} ${chf(x.amount, lang)}`).join(", ");

/**
 * An engine's sentence in words for people: each request reference it names followed by its State's name
 * ("displacing 13MSP-004" → "displacing 13MSP-004 (Iraq)", "13MSP-029 (MDA)" → "13MSP-029 (Republic of
 * Moldova)"), each bare ISO code of a State by its name, each ISO day as a day in the page's language.
 * `stateOf` maps references to ISO3 codes.
 */
export function plainText(text: string, stateOf: ReadonlyMap<string, string>, lang: Lang = "en"): string {
  const ids = [...stateOf.keys()].sort((a, b) => b.length - a.length).map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  let out = text;
  if (ids.length) {
    const pattern = new RegExp(`(?<![\\w-])(${ids.join("|")})(?![\\w-])(?: \\(([A-Z]{3})\\))?`, "g");
    out = out.replace(pattern, (_m, id: string) => {
      const iso3 = stateOf.get(id);
      return iso3 ? `${id} (${stateName(iso3, lang)})` : id;
    });
  }
  out = out.replace(/(?<![\w-])[A-Z]{3}(?![\w-])/g, (code) => (hasLocalName(code) ? stateName(code, lang) : code));
  return out.replace(/\b(\d{4}-\d{2}-\d{2})(?:T[\d:.]+Z?)?\b/g, (d) => (d.length > 10 ? dateTime(d, lang) : day(d, lang)));
}

/** A request as people name it: "13MSP-004 · Iraq". */
export const requestName = (id: string, iso3: string | undefined, lang: Lang = "en"): string =>
  iso3 ? `${id} · ${stateName(iso3, lang)}` : id;
