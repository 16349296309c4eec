// The applicants' pages' forms: sent from this site only, read as fields, their problems and the
// services' refusals said in the page's words.
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { APPLICANT_FORM_FIELDS, applicantFieldOf, type ApplicantFormField } from "../../scoring/criteria/index.js";
import { DomainError } from "../errors.js";
import { errorBody, type AppEnv } from "../http/index.js";
import { WORDS, type Language } from "../pages/words/index.js";

type PageCtx = Context<AppEnv>;
/**
 * Whether a form comes from this site's own page. Browsers say where a form was sent from: Sec-Fetch-Site,
 * else Origin (these pages' Referrer-Policy, same-origin, lets it name this site). A form from another
 * site is refused; a client that says neither is not a browser another site could drive.
 */
export function sameSite(c: PageCtx): boolean {
  const site = c.req.header("sec-fetch-site");
  if (site) return site === "same-origin" || site === "none";
  const origin = c.req.header("origin");
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === (c.req.header("host") ?? new URL(c.req.url).host);
  } catch {
    return false;
  }
}

/** A form's fields, when the body is a form (application/x-www-form-urlencoded); null otherwise. */
export async function formFields(c: PageCtx): Promise<Record<string, string | string[]> | null> {
  if (!(c.req.header("content-type") ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded")) return null;
  const body = await c.req.parseBody({ all: true });
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === "string") out[k] = v;
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === "string");
  }
  return out;
}

/** Each field's problem as a sentence in the page's language that says what to do (never the schema's words). */
export function problemsOf(lang: Language, paths: string[]): Partial<Record<ApplicantFormField, string>> {
  const w = WORDS[lang].invalid;
  const out: Partial<Record<ApplicantFormField, string>> = {};
  for (const path of paths) {
    const field = applicantFieldOf(path.replace(/^attributes\./, ""));
    const name = (APPLICANT_FORM_FIELDS as readonly string[]).includes(field) ? (field as ApplicantFormField) : null;
    if (name) out[name] ??= (w as Record<string, string>)[name] ?? w.other;
  }
  return out;
}

/** The reference and the access code a status form sends (trimmed, and no longer than the API takes them). */
export function credentials(fields: Record<string, string | string[]>): { reference: string; code: string } {
  const one = (name: string) => {
    const v = fields[name];
    return (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).trim().slice(0, 64);
  };
  return { reference: one("reference"), code: one("code") };
}

/**
 * A refusal of the services said in the page's words: the status the one error mapping gives it
 * (http/errors.ts's errorBody, as the API answers) and the sentence its code has on the pages (a refused answer
 * otherwise). Anything but a refusal (not found, conflict, too many attempts) is not the page's to say.
 */
export function refusal(lang: Language, e: unknown): { status: ContentfulStatusCode; sentence: string } | null {
  if (!(e instanceof DomainError) || !REFUSALS.has(e.kind)) return null;
  const w = WORDS[lang];
  const said: Readonly<Record<string, string>> = w.errors;
  return { status: errorBody(e).status, sentence: e.kind === "not-found" ? w.status.notFound : (said[e.code] ?? w.status.answer.refused) };
}

const REFUSALS = new Set<DomainError["kind"]>(["not-found", "conflict", "rate-limited"]);
