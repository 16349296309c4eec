/** @jsxImportSource hono/jsx */
// The applicant's status page, rendered on the server: the reference and the access code; the status,
// since when, and a short reason about this request only; an offer answered in two steps (the answer is
// final: a page asks to confirm it), all with no script at all.
import { Page } from "./layout.js";
import type { PageAssets } from "./assets.js";
import { dayInFull, fill, WORDS, type Language } from "./words/index.js";
import { reasonInWords } from "../mail/words.js";
import {
  chfIn,
  meetingIn,
  REQUEST_STATUS,
  REQUEST_STATUS_TO_APPLICANT,
  SUPPORT_LEVEL,
  SUPPORT_LEVEL_COVERS,
  type NotFundedReason,
  type OfferStatus,
  type RequestStatus,
  type SupportLevel,
  type ApplicantAnswer,
} from "../../scoring/domain/index.js";

export interface StatusView {
  reference: string;
  status: RequestStatus;
  history: { status: RequestStatus; at: string }[];
  decision: {
    level: SupportLevel | null;
    cost: number | null;
    offerDeadline: string | null;
    offerStatus: OfferStatus | null;
    answerable: boolean;
  } | null;
  meeting: {
    name: string;
    venue: string;
    nameFr: string | null;
    nameEs: string | null;
    venueFr: string | null;
    venueEs: string | null;
    startDate: string;
    endDate: string;
    nights: number;
  };
  reason: (Pick<NotFundedReason, "kind"> & { rule?: string | undefined }) | null;
  contact: string;
}

const day = (iso: string, lang: Language) => dayInFull(lang, iso);

interface StatusProps {
  lang: Language;
  assets: PageAssets;
  /** The reference as typed (kept in the form); the code is kept only once it opened the request. */
  reference: string;
  view?: StatusView | undefined;
  /** The credentials, carried by the offer's answer forms (hidden fields) once they opened the request. */
  code?: string | undefined;
  /** A problem: not found, too many attempts, a foreign page, an answer refused. */
  problem?: string | undefined;
  /** The answer just recorded. */
  answered?: boolean;
  /** An answer to confirm. */
  confirm?: "accepted" | "declined" | undefined;
}

export function StatusPage({ lang, assets, reference, view, code, problem, answered = false, confirm }: StatusProps) {
  const w = WORDS[lang];
  const s = w.status;
  return (
    <Page lang={lang} assets={assets} title={s.title} path="/status" error={problem !== undefined}>
      {problem && (
        <div class="summary" role="alert" tabindex={-1} autofocus id="error-summary">
          <p>
            <strong>{problem}</strong>
          </p>
        </div>
      )}
      {confirm && view && code ? (
        <Confirm lang={lang} reference={view.reference} code={code} answer={confirm} />
      ) : (
        <>
          <p>{s.intro}</p>
          <form method="post" action={`/status?lang=${lang}`} aria-label={s.title} class="panel" novalidate>
            <CodeField name="reference" label={s.reference} value={reference} />
            <CodeField name="code" label={s.code} value={view && code ? code : ""} />
            <button type="submit">{s.check}</button>
          </form>
          <p>
            <a href={`/status/new-code?lang=${lang}${reference ? `&reference=${encodeURIComponent(reference)}` : ""}`}>{w.newCode.link}</a>
          </p>
          {view && code && <Result lang={lang} view={view} code={code} answered={answered} />}
        </>
      )}
    </Page>
  );
}

/** A reference or an access code, typed as printed (no autocompletion, capitals, no spelling check). */
function CodeField({ name, label, value }: { name: string; label: string; value: string }) {
  return (
    <div class="field">
      <label for={name}>{label}</label>
      <input type="text" id={name} name={name} value={value} autocomplete="off" autocapitalize="characters" spellcheck={false} />
    </div>
  );
}

function Result({ lang, view, code, answered }: { lang: Language; view: StatusView; code: string; answered: boolean }) {
  const w = WORDS[lang];
  const s = w.status;
  const since = view.history.filter((h) => h.status === view.status).at(-1)?.at;
  const d = view.decision;
  const status = view.status;
  const level = d?.level ? SUPPORT_LEVEL.say(d.level, lang) : "";
  const offered = view.status === "funded" && d?.offerStatus === "pending" && d.offerDeadline;
  return (
    <section class="panel" role="status" data-testid="status-result" aria-label={s.current}>
      <p>
        <strong>{fill(s.currentIs, { status: REQUEST_STATUS.say(status, lang) })}</strong>{" "}
        {since && `(${fill(s.since, { date: day(since, lang) })})`}
      </p>
      <p>{fill(REQUEST_STATUS_TO_APPLICANT[status][lang], { level, deadline: d?.offerDeadline ? day(d.offerDeadline, lang) : "" })}</p>
      <p>
        {fill(s.meeting, {
          ...meetingIn(
            {
              meeting: view.meeting.name,
              venue: view.meeting.venue,
              meetingFr: view.meeting.nameFr,
              meetingEs: view.meeting.nameEs,
              venueFr: view.meeting.venueFr,
              venueEs: view.meeting.venueEs,
            },
            lang,
          ),
          start: day(view.meeting.startDate, lang),
          end: day(view.meeting.endDate, lang),
        })}
      </p>
      {(status === "not-funded" || status === "waitlisted" || status === "ineligible") && (
        <p>{fill(s.why, { reason: reasonInWords(lang, status === "ineligible" ? { kind: "ineligible" } : view.reason) })}</p>
      )}
      {d?.level && d.cost !== null && (status === "funded" || status === "accepted") && <Offer lang={lang} view={view} />}
      {answered && (
        <p>
          <strong>{s.answer.done}</strong>
        </p>
      )}
      {offered && !d.answerable && <p>{fill(s.answer.lapsed, { deadline: day(d.offerDeadline!, lang) })}</p>}
      {offered && d.answerable && (
        <form method="post" action={`/status/offer?lang=${lang}`} class="buttons">
          <input type="hidden" name="reference" value={view.reference} />
          <input type="hidden" name="code" value={code} />
          <button type="submit" name="answer" value="accepted">
            {s.answer.accept}
          </button>
          <button type="submit" name="answer" value="declined" class="secondary">
            {s.answer.decline}
          </button>
        </form>
      )}
      <p>{fill(s.contact, { contact: view.contact })}</p>
    </section>
  );
}

/** The offer: what it pays for and up to how much, on which terms, and what happens without an answer. */
function Offer({ lang, view }: { lang: Language; view: StatusView }) {
  const o = WORDS[lang].status.offer;
  const d = view.decision!;
  const level = d.level!;
  return (
    <div aria-labelledby="offer-title">
      <h2 id="offer-title">{o.title}</h2>
      <p>
        {fill(o.amount, {
          amount: chfIn(lang, d.cost!),
          level: SUPPORT_LEVEL.say(level, lang),
          covers: fill(SUPPORT_LEVEL_COVERS[level][lang], { nights: view.meeting.nights }),
        })}
      </p>
      <p>{o.terms}</p>
      {view.status === "funded" && d.offerDeadline && <p>{fill(o.deadline, { deadline: day(d.offerDeadline, lang) })}</p>}
    </div>
  );
}

/** The second step of an answer: what it means, then "Yes, send my answer" or "Go back". */
function Confirm({ lang, reference, code, answer }: { lang: Language; reference: string; code: string; answer: ApplicantAnswer }) {
  const a = WORDS[lang].status.answer;
  return (
    <section class="panel" aria-labelledby="confirm-title">
      <h2 id="confirm-title">{answer === "accepted" ? a.accept : a.decline}</h2>
      <p>{answer === "accepted" ? a.confirmAccept : a.confirmDecline}</p>
      <div class="buttons">
        <form method="post" action={`/status/offer?lang=${lang}`}>
          <input type="hidden" name="reference" value={reference} />
          <input type="hidden" name="code" value={code} />
          <input type="hidden" name="answer" value={answer} />
          <input type="hidden" name="confirmed" value="yes" />
          <button type="submit">{a.yes}</button>
        </form>
        <form method="post" action={`/status?lang=${lang}`}>
          <input type="hidden" name="reference" value={reference} />
          <input type="hidden" name="code" value={code} />
          <button type="submit" class="secondary">
            {a.no}
          </button>
        </form>
      </div>
    </section>
  );
}
