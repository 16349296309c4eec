// Text a person typed, where it must stay one line: a name, a title, an organisation (the request form
// refuses anything else at the field), and what such a text becomes inside a message the ISU sends (no
// line break, control character or invisible reordering mark can start a new paragraph of the ISU's
// e-mail, and no link but the product's own appears in it).
import { z } from "zod";

/**
 * Control characters (C0, DEL, C1), the line and paragraph separators, the marks that reorder text
 * (bidirectional overrides and isolates) and the byte-order mark. The joiners (U+200C, U+200D) that
 * Persian, Arabic and Indic names need are allowed.
 */
// eslint-disable-next-line no-control-regex -- the control characters are what it finds
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u;

/** A one-line text of at most `max` characters: no line break or control character. */
export const oneLine = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !CONTROL_CHARACTERS.test(s), "must be one line, without line breaks or control characters");

const EVERY_CONTROL_CHARACTER = new RegExp(CONTROL_CHARACTERS.source, "gu");

/** The text with each control character or line break as a space. */
export const flattenControls = (text: string): string => text.replace(EVERY_CONTROL_CHARACTER, " ");

/** A link or an address a person wrote (scheme://…, www.…): what a message must not carry from them. */
const LINK = /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S*/giu;

/**
 * A person-given text as a message may carry it: one line (each control character or line break becomes
 * a space, runs of spaces one), no link (each replaced by "[…]"), at most `max` characters (then "…").
 */
export function plainOneLine(text: string, max = 120): string {
  const flat = flattenControls(text.normalize("NFC")).replace(LINK, "[…]").replace(/\s+/gu, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}
