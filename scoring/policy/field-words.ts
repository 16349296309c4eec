// A field's path in an error (the API's or a form's parse) in the words of the form that shows it: a
// policy rule by its name and scope ("regionMin.GRULAC" → "Regions (at least): Latin America and the
// Caribbean"), a weight by its criterion, any other field by the input-field list; an unknown path is
// still said in words (its last part, split), never shown as an identifier.
import { CRITERION, fieldSaid, REGION, type Language } from "../domain/index.js";
import { policyRule } from "./registry.js";
import { regionWords, statusWords } from "./helpers.js";

export function fieldInWords(path: string, lang: Language = "en"): string {
  const parts = path.split(".").filter((p) => p !== "policy" && p !== "round" && p !== "attributes");
  const [head = "", scope] = parts;
  const rule = policyRule(head);
  if (rule) {
    const name = rule.words[lang].name;
    if (!scope) return name;
    return `${name}${lang === "fr" ? " : " : ": "}${REGION.is(scope) ? regionWords(lang, scope) : statusWords(lang, scope)}`;
  }
  if (head === "weights" && scope && CRITERION.is(scope)) return CRITERION.say(scope, lang);
  const last = parts[parts.length - 1] ?? path;
  const said = fieldSaid(path, lang) ?? fieldSaid(last, lang);
  if (said) return said;
  if (CRITERION.is(last)) return CRITERION.say(last, lang);
  return /^\d+$/.test(last) ? `item ${Number(last) + 1}` : last.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}
