// The applicants' words in the Convention's working languages (English, French, Spanish), for the pages
// the server renders (the request form, its confirmation, the status page). The enhancement script reads
// the few sentences it needs from the page itself (data attributes), so that it carries no dictionary.

export const LANGUAGES = { en: "English", fr: "Français", es: "Español" } as const;
export type Language = keyof typeof LANGUAGES;

import { en, type Dict } from "./en.js";
import { fr } from "./fr.js";
import { es } from "./es.js";

export const WORDS = { en, fr, es } as const;
export type Words = Dict;

/** The language of a page: ?lang= when it names one, else the first of Accept-Language's it speaks, else English. */
export function pageLanguage(query: string | undefined, acceptLanguage: string | undefined): Language {
  if (query && Object.hasOwn(LANGUAGES, query)) return query as Language;
  const wanted = (acceptLanguage ?? "")
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => /^q=([\d.]+)$/.exec(p.trim())).find(Boolean);
      return { lang: (tag ?? "").slice(0, 2).toLowerCase(), q: q ? Number(q[1]) : 1 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  return (wanted.find((x) => Object.hasOwn(LANGUAGES, x.lang))?.lang as Language | undefined) ?? "en";
}

/** A sentence with its {{placeholders}} filled. */
export function fill(sentence: string, values: Record<string, string | number> = {}): string {
  return sentence.replace(/{{(\w+)}}/g, (_m, k: string) => String(values[k] ?? ""));
}

export { dayIn, dayInFull } from "../../../scoring/domain/index.js";
