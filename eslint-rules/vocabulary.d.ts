// The types of vocabulary.js (a plain ES module, as ESLint loads it), for the tests that call it.
export interface ReadList {
  title: string;
  codes: Set<string>;
  file: string;
}
export function readVocabularies(folder: string): ReadList[];
export function vocabularyPlugin(lists: ReadList[]): { rules: Record<string, unknown> };
