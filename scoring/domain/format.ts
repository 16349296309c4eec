// Numbers as the ISU writes them: Swiss francs with apostrophes (CHF 53'683), amounts and points to the
// hundredth.

export function chf(x: number): string {
  const [int, dec] = Math.abs(x).toFixed(2).split(".") as [string, string];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, "'");
  return `${x < 0 ? "-" : ""}${grouped}${dec === "00" ? "" : "." + dec}`;
}

/** A calendar day (YYYY-MM-DD) in English words, for messages: "16 September 2025". */
export function dayInWords(day: string): string {
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${day.slice(0, 10)}T00:00:00Z`));
}

/** The Convention's working languages, and the locale each is written in (Swiss French for the ISU in Geneva). */
export const LOCALES = { en: "en-GB", fr: "fr-CH", es: "es-ES" } as const;
export type Language = keyof typeof LOCALES;

/**
 * An amount in Swiss francs as the language writes it: the ISU's "CHF 53'683" in English, Intl's
 * "53 683 CHF" in French and "53.683 CHF" in Spanish (centimes only where there are any).
 */
export function chfIn(lang: Language, x: number): string {
  return lang === "en"
    ? `CHF ${chf(x)}`
    : new Intl.NumberFormat(LOCALES[lang], {
        style: "currency",
        currency: "CHF",
        minimumFractionDigits: Number.isInteger(Math.round(x * 100) / 100) ? 0 : 2,
        maximumFractionDigits: 2,
      }).format(x);
}

/** A calendar day (YYYY-MM-DD) as the language writes it: "16 Sept 2025", "16 sept. 2025". */
export function dayIn(lang: Language, iso: string): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
}

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * A number typed as text, in decimal only: an optional sign, digits with an optional fraction, an optional
 * exponent. JavaScript's Number() also takes "0x10", "0b11", "Infinity" and "" (as 0): not numbers a
 * person means in a spreadsheet cell or a command-line flag. Null when the text is not such a number.
 */
export function parseDecimal(text: string): number | null {
  const t = text.trim();
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(t)) return null;
  const x = Number(t);
  return Number.isFinite(x) ? x : null;
}

/** A phrase as a label or a sentence begins it: its first letter a capital ("air ticket only" → "Air ticket only"). */
export function capitalised(phrase: string): string {
  return phrase.charAt(0).toLocaleUpperCase() + phrase.slice(1);
}
