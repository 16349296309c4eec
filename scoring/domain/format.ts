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
/** A calendar day written out in full in the language ("6 January 2027", "6 janvier 2027", "6 de enero de 2027"): for letters, e-mails and the applicants' pages. */
export function dayInFull(lang: Language, iso: string): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
}

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

/**
 * An amount as people type it in any of the working languages: "1'200.50", "1 200,50", "1.200,50",
 * "1,200.50", "1200,5". Apostrophes and spaces (of any width) group thousands; with both a comma and a
 * point, the last is the decimal mark; with one of them only, it groups thousands when it recurs or is
 * followed by exactly three digits ("1.200", "1,200"), else it is the decimal mark ("1200,50"). Null: not
 * an amount.
 */
export function parseAmountAsTyped(text: string): number | null {
  let t = text.trim().replace(/['’\s\u00a0\u202f]/g, "");
  const last = Math.max(t.lastIndexOf(","), t.lastIndexOf("."));
  // Thousands grouped by a mark: every group after the first has three digits.
  const grouped = (whole: string, mark: RegExp) => whole.split(mark).every((g, k) => (k === 0 ? /^[+-]?\d{1,3}$/ : /^\d{3}$/).test(g));
  if (t.includes(",") && t.includes(".")) {
    const whole = t.slice(0, last);
    if (!grouped(whole, /[.,]/) || new Set(whole.replace(/[^.,]/g, "")).size > 1) return null;
    t = whole.replace(/[.,]/g, "") + "." + t.slice(last + 1);
  } else if (last >= 0) {
    const mark = t[last]!;
    const groups = t.split(mark);
    if (groups.length > 2 || /^\d{3}$/.test(groups[1]!)) {
      if (!grouped(t, mark === "," ? /,/ : /\./)) return null;
      t = groups.join("");
    } else t = t.replace(mark, ".");
  }
  return parseDecimal(t);
}

/** A phrase as a label or a sentence begins it: its first letter a capital ("air ticket only" → "Air ticket only"). */
export function capitalised(phrase: string): string {
  return phrase.charAt(0).toLocaleUpperCase() + phrase.slice(1);
}
