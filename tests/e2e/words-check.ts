// The words check of the end-to-end suite (issue 18): what a screen shows a person, read from the page as
// rendered, must not hold an engine identifier, a raw timestamp, a UUID or JSON, a developer metric, a
// status left in English on a French or Spanish page, a bare request reference or a bare ISO code without
// the State's name beside it. Written apart from the product's vocabulary: the lists below are the engine's
// codes as the engine spells them, not the words the product chose for them.
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { stateName } from "../../scoring/domain/index.js";

/** The engine's identifiers: rule keys, statuses, reason kinds, roles, as stored and as the engine writes them. */
const ENGINE_CODES = [
  "maxDelegates",
  "maxPerState",
  "minWomenShare",
  "minOutreach",
  "maxRegionShare",
  "regionMin",
  "regionMax",
  "regionBonus",
  "stateBonus",
  "statusMin",
  "statusMax",
  "under-review",
  "not-funded",
  "no-show",
  "time-limit",
  "waitlisted",
  "nonparty",
  "art4-extension",
  "price-of-inclusion",
  "excluded-by-rule",
  "locked-out",
  "interestReview",
  "ccmStatus",
  "airTicket",
  "dsaDays",
  // The audit's field names and the rule set's id (issue 31).
  "deferredTo",
  "receivedOn",
  "carriedFrom",
  "offerDeadline",
  "ccm-para102-v1",
  // The round's fields, and the meeting's words in other languages (issue 31).
  "meetingFr",
  "meetingEs",
  "venueFr",
  "venueEs",
  "allowanceRate",
  "adminEstimate",
  "settingsVersion",
];

/** Request and offer statuses in English, as an English page says them: none may stay on a French or Spanish page. */
const ENGLISH_STATUS_WORDS = [
  "funded",
  "submitted",
  "withdrawn",
  "declined",
  "accepted",
  "travelled",
  "pending",
  "ineligible",
  "not eligible",
  "under review",
  "waiting list",
  "not sponsored",
  "offered sponsorship",
  "State Party",
  "State not party",
  "signatory",
  // The demo's meetings and their place have French and Spanish names: a page in those languages uses them.
  "Meeting of States Parties",
  "Geneva",
];

/** Each State's names: the data's, and the UN's short names in the three languages (a name in any is a name). */
const STATES: { iso3: string; name: string; names: string[] }[] = readFileSync("data/states.csv", "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => {
    const [, iso3, name] = /^(\w+),("[^"]*"|[^,]*)/.exec(line)!;
    const data = name!.replace(/^"|"$/g, "");
    return { iso3: iso3!, name: data, names: [data, stateName(iso3!, "en"), stateName(iso3!, "fr"), stateName(iso3!, "es")] };
  });

export interface WordsProblem {
  screen: string;
  problem: string;
  around: string;
}

/**
 * Every problem of the page's visible text. `references` are the round's request references (any
 * `[A-Z0-9]+-\d{3}`-shaped token is checked too); each must share its line, row or sentence with a State's
 * name (in any of the three languages, as the browser's Intl names it, or as the data names it).
 */
export async function wordsProblems(page: Page, screen: string, lang: "en" | "fr" | "es"): Promise<WordsProblem[]> {
  const found = await page.evaluate(
    ({ codes, english, states, lang }) => {
      const problems: { problem: string; around: string }[] = [];
      const text = document.body.innerText;
      const around = (i: number) => text.slice(Math.max(0, i - 60), i + 60).replace(/\s+/g, " ");
      const hit = (re: RegExp, problem: string) => {
        for (const m of text.matchAll(re)) problems.push({ problem: `${problem}: "${m[0]}"`, around: around(m.index ?? 0) });
      };
      for (const code of codes) hit(new RegExp(`(?<![\\w-])${code.replace(/[.]/g, "\\.")}(?![\\w-])`, "g"), "engine identifier");
      hit(/\block\.[\w-]+/g, "engine identifier");
      // A person described in codes (State, group, gender: "(IDN, APG, M, …"), as the replacement summary once did.
      hit(/\b[A-Z]{3}, (?:AFR|APG|EEG|GRULAC|WEOG), [FMX]\b/g, "a person described in codes");
      hit(/\b(?:derived|sourced): (?:derived|sourced)\b/gi, "a word said twice");
      hit(/\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?Z?)?\b/g, "raw date or timestamp");
      hit(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, "UUID");
      hit(/[{[]\s*"\w+"\s*:/g, "JSON");
      hit(/\b\d+(?:[.,]\d+)?\s?ms\b/g, "developer metric");
      hit(/−0[.,]00|-0[.,]00\b/g, "negative zero");
      hit(/\b(?:undefined|NaN|null)\b|\[object Object\]/g, "a program's value");
      if (lang !== "en") for (const w of english) hit(new RegExp(`(?<![\\p{L}-])${w}(?![\\p{L}-])`, "giu"), "status in English");
      // A French or Spanish page writes its numbers its own way (53 683 CHF, 40,65), not the ISU's English way
      // (Swiss French writes centimes with a point: 1 234.50 CHF).
      if (lang !== "en") hit(/\d'\d{3}|(?<![\d.,])\d+\.\d{2}(?![\d.]|\s?CHF)/g, "number written the English way");

      const byAlpha3 = new Map(states.map((s) => [s.iso3, s.name]));
      const names = new Map(states.map((s) => [s.iso3, new Set(s.names.map((n) => n.toLowerCase()))]));
      const anyName = [...names.values()].flatMap((set) => [...set]).filter((n) => n.length > 2);

      // The unit a token is read in: its table row, list item, paragraph, heading, label or cell.
      // A link or a button inside a sentence or a row is read with it.
      const UNIT = "p, h1, h2, h3, h4, h5, h6, dd, dt, label, [role=alert], figcaption, caption, legend";
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (!el || !el.checkVisibility?.() || el.closest("script, style, details:not([open]), code, pre")) continue;
        const unit = (el.closest("tr") ?? el.closest("li") ?? el.closest(UNIT) ?? el) as HTMLElement;
        const unitText = (unit.innerText ?? unit.textContent ?? "").toLowerCase();
        for (const m of (node.textContent ?? "").matchAll(/\b(?:[A-Z0-9]{2,}-)+\d{3}\b/g)) {
          if (!anyName.some((n) => unitText.includes(n)))
            problems.push({
              problem: `reference without its State's name: "${m[0]}"`,
              around: (unit.innerText ?? unit.textContent ?? "").replace(/\s+/g, " ").slice(0, 120),
            });
        }
        // "CHF 586" within one text (read apart from the next cell's text, which may start with a digit).
        if (lang !== "en")
          for (const m of (node.textContent ?? "").matchAll(/CHF\s?-?\d/g))
            problems.push({ problem: `number written the English way: "${m[0]}"`, around: (node.textContent ?? "").slice(0, 120) });
        for (const m of (node.textContent ?? "").matchAll(/(?<![\w-])[A-Z]{3}(?![\w-])/g)) {
          const iso3 = m[0];
          if (!byAlpha3.has(iso3)) continue;
          if (![...names.get(iso3)!].some((n) => n && unitText.includes(n)))
            problems.push({
              problem: `ISO code without the State's name: "${iso3}"`,
              around: (unit.innerText ?? unit.textContent ?? "").replace(/\s+/g, " ").slice(0, 120),
            });
        }
      }
      return problems;
    },
    { codes: ENGINE_CODES, english: ENGLISH_STATUS_WORDS, states: STATES, lang },
  );
  return found.map((p) => ({ screen, ...p }));
}
