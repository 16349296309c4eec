// The words of the pages the workspace shows in three languages: the donors' pages and the financial
// statement they share with the ISU's screens (i18next, as the applicants' pages, in its own instance: the
// language is the page's, from lang.tsx, not the browser's).
import { createInstance, type TFunction } from "i18next";
import { useLang } from "../lang.js";
import { chf, pct, points, type Lang } from "../format.js";
import { en, type Words } from "./en.js";
import { fr } from "./fr.js";
import { es } from "./es.js";

export const WORKSPACE_WORDS: Record<Lang, Words> = { en, fr, es };

const i18n = createInstance();
void i18n.init({
  resources: { en: { translation: en }, fr: { translation: fr }, es: { translation: es } },
  lng: "en",
  fallbackLng: "en",
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** The page's language and its words (t with plurals and interpolation), for the donors' pages and the statement. */
/** The page's language, its words, and its numbers (CHF, points, percentages) written the language's way. */
export function useWords(): {
  lang: Lang;
  t: TFunction;
  chf: (x: number | null | undefined) => string;
  points: (x: number | null | undefined) => string;
  pct: (x: number | null | undefined) => string;
} {
  const lang = useLang();
  return {
    lang,
    t: i18n.getFixedT(lang),
    chf: (x) => chf(x, lang),
    points: (x) => points(x, lang),
    pct: (x) => pct(x, lang),
  };
}
