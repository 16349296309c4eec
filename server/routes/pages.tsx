/** @jsxImportSource hono/jsx */
// The applicants' pages, HTML first: the request form (/apply/ROUND) and the status page (/status),
// rendered here in the applicant's language and answered as forms, with the same schema, services, rate
// limits and body limits as the public API's JSON routes. Public (applicants have no account); a form
// sent from another site is refused, as the API refuses a cross-site form.
import type { Context } from "hono";
import {
  ApplicantInputSchema,
  applicantFormValues,
  applicantInput,
  EMPTY_APPLICANT_FORM,
  type ApplicantFormField,
  type ApplicantFormValues,
} from "../../scoring/criteria/index.js";
import { APPLICANT_ANSWERS, fieldProblems, type ApplicantAnswer } from "../../scoring/domain/index.js";
import { DomainError } from "../errors.js";
import { newApp, type AppEnv } from "../http/index.js";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import {
  answerOffer,
  applicantRequest,
  applicantStatus,
  askNewCode,
  roundForApplicants,
  submitRequest,
  type RoundView,
} from "../services/applicants.js";
import { client } from "./auth.js";
import { credentials, formFields, problemsOf, refusal, sameSite } from "./page-forms.js";
import { pageAssets, sendCss, sendPage, CSS_PATH } from "../pages/assets.js";
import { ApplyPage, SubmittedPage } from "../pages/apply.js";
import { Page, renderPage } from "../pages/layout.js";
import { StatusPage } from "../pages/status.js";
import { NewCodePage } from "../pages/new-code.js";
import { fill, pageLanguage, WORDS, type Language } from "../pages/words/index.js";

type PageCtx = Context<AppEnv>;

const langOf = (c: PageCtx): Language => pageLanguage(c.req.query("lang"), c.req.header("accept-language"));
const assetsOf = (c: PageCtx) => pageAssets(c.get("services").config.WEB_DIST);

const roundView = (c: PageCtx, roundId: string): RoundView | null => roundForApplicants(c.get("services"), roundId);

const statesOf = (c: PageCtx) => [...c.get("services").reference.states.values()].map((s) => ({ iso3: s.iso3, name: s.name }));

/** What the request form answers: the form with its values and its problems. */
async function applyPage(
  c: PageCtx,
  round: RoundView,
  values: ApplicantFormValues,
  problems: Partial<Record<ApplicantFormField, string>> = {},
  failure?: string,
  status: ContentfulStatusCode = 200,
) {
  const lang = langOf(c);
  const html = await renderPage(
    <ApplyPage lang={lang} assets={assetsOf(c)} round={round} states={statesOf(c)} values={values} problems={problems} failure={failure} />,
  );
  // A page with what somebody typed is not kept by any cache.
  return sendPage(c, html, { status, private: status !== 200 });
}

async function noRound(c: PageCtx, roundId: string) {
  const lang = langOf(c);
  const w = WORDS[lang];
  const html = await renderPage(
    <Page lang={lang} assets={assetsOf(c)} title={w.title} path={`/apply/${encodeURIComponent(roundId)}`}>
      <p class="notice grey" role="status">
        {fill(w.noRound, { round: roundId })}
      </p>
    </Page>,
  );
  return sendPage(c, html, { status: 404 });
}

async function statusPage(
  c: PageCtx,
  props: {
    reference?: string;
    view?: Parameters<typeof StatusPage>[0]["view"];
    code?: string;
    problem?: string;
    answered?: boolean;
    confirm?: ApplicantAnswer;
  },
  status: ContentfulStatusCode = 200,
) {
  const lang = langOf(c);
  const html = await renderPage(<StatusPage lang={lang} assets={assetsOf(c)} reference={props.reference ?? ""} {...props} />);
  return sendPage(c, html, { status, private: props.view !== undefined || status !== 200 });
}

async function newCodePage(
  c: PageCtx,
  props: { reference: string; email: string; done?: boolean; problem?: string },
  status: ContentfulStatusCode = 200,
) {
  const html = await renderPage(<NewCodePage lang={langOf(c)} assets={assetsOf(c)} {...props} />);
  return sendPage(c, html, { status, private: true });
}

/** A request's view for its status page, after its reference and code opened it. */
async function openedView(c: PageCtx, reference: string, code: string) {
  const r = await applicantRequest(c.get("services"), client(c), reference, code);
  return { record: r, view: applicantStatus(c.get("services"), r.id) };
}

const sameOriginReferrer = async (c: PageCtx, next: () => Promise<void>) => {
  c.header("Referrer-Policy", "same-origin");
  await next();
};

/** The request form sent: checked, then the request submitted (its reference and code shown once), or the form again with its problems. */
async function sendApplication(c: PageCtx, roundId: string) {
  const lang = langOf(c);
  const w = WORDS[lang];
  const round = roundView(c, roundId);
  if (!round) return noRound(c, roundId);
  if (!sameSite(c)) return applyPage(c, round, EMPTY_APPLICANT_FORM, {}, w.crossSite, 403);
  const fields = await formFields(c);
  const values = applicantFormValues(fields ?? {});
  if (!round.open) return applyPage(c, round, values, {}, w.errors["round-closed"], 409);
  const parsed = ApplicantInputSchema.safeParse({ ...applicantInput(values), language: lang });
  if (!parsed.success)
    return applyPage(
      c,
      round,
      values,
      problemsOf(
        lang,
        fieldProblems(parsed.error).map((p) => p.path),
      ),
      undefined,
      422,
    );
  try {
    const done = submitRequest(c.get("services"), client(c), round.id, parsed.data);
    const html = await renderPage(
      <SubmittedPage lang={lang} assets={assetsOf(c)} roundId={round.id} reference={done.reference} code={done.accessCode} />,
    );
    return sendPage(c, html, { status: 201, private: true });
  } catch (e) {
    if (e instanceof DomainError && e.kind === "invalid") {
      const paths = ((e.details as { problems?: { path: string }[] } | undefined)?.problems ?? []).map((p) => p.path);
      return applyPage(c, round, values, problemsOf(lang, paths), undefined, 422);
    }
    const r = refusal(lang, e);
    if (!r) throw e;
    return applyPage(c, round, values, {}, r.sentence, r.status === 404 ? 409 : r.status);
  }
}

/** A new access code asked for: the same answer whether or not the reference and address match. */
async function sendNewCodeForm(c: PageCtx) {
  const lang = langOf(c);
  const w = WORDS[lang];
  const fields = (await formFields(c)) ?? {};
  const one = (name: string) => {
    const v = fields[name];
    return (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).trim().slice(0, 254);
  };
  const reference = one("reference").slice(0, 64);
  const email = one("email");
  if (!sameSite(c)) return newCodePage(c, { reference, email, problem: w.crossSite }, 403);
  if (!reference || !email) return newCodePage(c, { reference, email, problem: w.newCode.missing }, 422);
  try {
    askNewCode(c.get("services"), client(c), reference, email);
  } catch (e) {
    const r = refusal(lang, e);
    if (!r) throw e;
    return newCodePage(c, { reference, email, problem: r.sentence }, r.status);
  }
  return newCodePage(c, { reference, email, done: true });
}

/** The status page opened with the request's reference and access code. */
async function openStatus(c: PageCtx) {
  const lang = langOf(c);
  if (!sameSite(c)) return statusPage(c, { problem: WORDS[lang].crossSite }, 403);
  const fields = (await formFields(c)) ?? {};
  const { reference, code } = credentials(fields);
  if (!reference || !code) return statusPage(c, { reference, problem: WORDS[lang].status.notFound }, 422);
  try {
    const { view } = await openedView(c, reference, code);
    return statusPage(c, { reference, view, code });
  } catch (e) {
    const r = refusal(lang, e);
    if (!r) throw e;
    return statusPage(c, { reference, problem: r.sentence }, r.status);
  }
}

/** An offer answered on the status page: asked first, recorded once confirmed. */
async function answerOnPage(c: PageCtx) {
  const lang = langOf(c);
  if (!sameSite(c)) return statusPage(c, { problem: WORDS[lang].crossSite }, 403);
  const fields = (await formFields(c)) ?? {};
  const { reference, code } = credentials(fields);
  const answer = APPLICANT_ANSWERS.has(fields.answer) ? fields.answer : null;
  if (!reference || !code || !answer) return statusPage(c, { reference, problem: WORDS[lang].status.notFound }, 422);
  try {
    const { record, view } = await openedView(c, reference, code);
    // The answer is final: asked first, recorded once confirmed.
    if (fields.confirmed !== "yes") return statusPage(c, { reference, view, code, confirm: answer });
    try {
      answerOffer(c.get("services"), record, answer);
    } catch (e) {
      const r = refusal(lang, e);
      if (!r) throw e;
      return statusPage(c, { reference, view: applicantStatus(c.get("services"), record.id), code, problem: r.sentence }, r.status);
    }
    return statusPage(c, { reference, view: applicantStatus(c.get("services"), record.id), code, answered: true });
  } catch (e) {
    const r = refusal(lang, e);
    if (!r) throw e;
    return statusPage(c, { reference, problem: r.sentence }, r.status);
  }
}

export function pageRoutes() {
  return (
    newApp()
      // Same-origin referrers only: a form sent from these pages says it comes from this site (Origin), and
      // nothing of an address leaves for another site.
      .use("/apply/*", sameOriginReferrer)
      .use("/status", sameOriginReferrer)
      .use("/status/*", sameOriginReferrer)
      .get(CSS_PATH, (c) => sendCss(c))
      .get("/apply/:roundId", async (c) => {
        const round = roundView(c, c.req.param("roundId"));
        if (!round) return noRound(c, c.req.param("roundId"));
        return applyPage(c, round, EMPTY_APPLICANT_FORM);
      })
      .post("/apply/:roundId", (c) => sendApplication(c, c.req.param("roundId")))
      // A link in a message opens the page with its reference filled in.
      .get("/status", (c) => statusPage(c, { reference: (c.req.query("reference") ?? "").trim().slice(0, 64) }))
      .get("/status/new-code", (c) => newCodePage(c, { reference: (c.req.query("reference") ?? "").trim().slice(0, 64), email: "" }))
      .post("/status/new-code", sendNewCodeForm)
      .post("/status", openStatus)
      .post("/status/offer", answerOnPage)
  );
}
