// What every closed list of the domain is made of: its codes, and each code's words in the Convention's
// three working languages. A list is declared once, code by code with its words (a missing language is a
// compile error, and so is a code missing from any table typed by the list); its type guard, its words
// and a form's choices are derived here, and its zod enum is z.enum(list.codes), never written out again. No
// zod here: the solver's worker bundles the lists without the schemas.
import type { Language } from "../format.js";

/** A code's words in each working language. */
export type Said = Readonly<Record<Language, string>>;

export interface Vocabulary<C extends string> {
  /** What the list is, in the staff's words ("request status"): named in lint messages and errors. */
  readonly title: string;
  readonly codes: readonly [C, ...C[]];
  /** Whether a value is one of the codes. */
  is(value: unknown): value is C;
  /** A code in words (English by default). */
  say(code: C, lang?: Language): string;
  /** Any text in words: a code's words, or the text itself when it is not one of the codes. */
  sayAny(text: string, lang?: Language): string;
  /** The codes with their English words, for a form's choice. */
  choices(lang?: Language): { value: C; label: string }[];
}

/** Declares a closed list: its title and, code by code in their order, the words. */
export function vocabulary<const W extends Readonly<Record<string, Said>>>(title: string, words: W): Vocabulary<keyof W & string> {
  type C = keyof W & string;
  const codes = Object.keys(words) as [C, ...C[]];
  const said = words as Readonly<Record<C, Said>>;
  if (codes.length === 0) throw new Error(`the ${title} list has no code`);
  const set = new Set<string>(codes);
  return {
    title,
    codes,
    is: (value: unknown): value is C => typeof value === "string" && set.has(value),
    say: (code, lang = "en") => said[code][lang],
    sayAny: (text, lang = "en") => (set.has(text) ? said[text as C][lang] : text),
    choices: (lang = "en") => codes.map((value) => ({ value, label: said[value][lang] })),
  };
}

/** Any list, where the code's own list is not known until run time (an audit entry's field, a fact's values). */
export type SomeVocabulary = Pick<Vocabulary<string>, "title" | "codes" | "is" | "sayAny">;

/** A subset of a list's codes, named once where the list is declared (released offers, settled offers…). */
export type Subset<S extends string> = readonly [S, ...S[]] & {
  /** Whether a value is one of the subset's codes. */
  has(value: unknown): value is S;
};

/** The subset of a list's codes (the list types them: a code it does not have is a compile error). */
export function subset<C extends string, const S extends C>(list: Vocabulary<C>, codes: readonly S[]): Subset<S> {
  if (codes.length === 0) throw new Error(`a subset of the ${list.title} list has no code`);
  const set = new Set<string>(codes);
  return Object.assign([...codes] as [S, ...S[]], { has: (value: unknown): value is S => typeof value === "string" && set.has(value) });
}

/** A table with a value for each of a list's codes, computed from the code. */
export function byCode<C extends string, V>(codes: readonly C[], value: (code: C) => V): Readonly<Record<C, V>> {
  return Object.fromEntries(codes.map((c) => [c, value(c)])) as Record<C, V>;
}
