// The reader's language in the workspace. The ISU's screens are in English (the ISU's working language);
// the donors' pages are in English, French or Spanish, chosen with a switch in their header (or ?lang=),
// kept on this device, else the browser's. Shared parts (the financial statement) read the language from
// this context, so that they speak the page's language wherever they are shown.
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import type { Lang } from "./format.js";

export const LANGS: Record<Lang, string> = { en: "English", fr: "Français", es: "Español" };
const KEY = "ccm-donor-language";
const isLang = (x: string | null | undefined): x is Lang => x === "en" || x === "fr" || x === "es";

const LangContext = createContext<Lang>("en");

/** The language of the page being read ("en" on the ISU's screens). */
export const useLang = (): Lang => useContext(LangContext);

/** The language a donor reads in: ?lang=, else the one chosen on this device, else the browser's, else English. */
function initialLang(): Lang {
  const fromUrl = new URLSearchParams(window.location.search).get("lang");
  if (isLang(fromUrl)) return fromUrl;
  const stored = window.localStorage.getItem(KEY);
  if (isLang(stored)) return stored;
  const browser = navigator.language.slice(0, 2);
  return isLang(browser) ? browser : "en";
}

/** Provides a chosen language to its pages, and the switch to change it. */
export function useChosenLang(): [Lang, (l: string) => void] {
  const [lang, setLang] = useState<Lang>(initialLang);
  useEffect(() => {
    window.localStorage.setItem(KEY, lang);
    document.documentElement.lang = lang;
    return () => {
      document.documentElement.lang = "en";
    };
  }, [lang]);
  return [lang, (l) => setLang(isLang(l) ? l : "en")];
}

export function LangProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  return <LangContext.Provider value={lang}>{children}</LangContext.Provider>;
}
