/** @jsxImportSource hono/jsx */
// The request form, rendered on the server in the applicant's language: usable, checked and answered with
// no script at all (an error summary at the top linking to each field, each problem beside its field, the
// values kept), then the reference and the access code. The enhancement script finds what it needs in
// the page's data attributes (the draft's key, the sentences it may show).
import type { ApplicantFormField, ApplicantFormValues } from "../../scoring/criteria/index.js";
import { capitalised, GENDER, MEETING_ROLE, meetingIn } from "../../scoring/domain/index.js";
import { stateName } from "../../scoring/domain/index.js";
import { ErrorSummary, Field, fieldId, invalid, LevelsField } from "./form-parts.js";
import { Page } from "./layout.js";
import type { RoundView } from "../services/applicants.js";
import type { PageAssets } from "./assets.js";
import { dayIn, fill, WORDS, type Language } from "./words/index.js";

const day = (iso: string, lang: Language) => dayIn(lang, iso);

interface ApplyProps {
  lang: Language;
  assets: PageAssets;
  round: RoundView;
  states: readonly { iso3: string; name: string }[];
  values: ApplicantFormValues;
  /** Each field's problem, as a sentence in the page's language. */
  problems: Partial<Record<ApplicantFormField, string>>;
  /** A problem of the whole submission (the round closed meanwhile, too many attempts, a foreign page). */
  failure?: string | undefined;
}

export function ApplyPage({ lang, assets, round, states, values, problems, failure }: ApplyProps) {
  const w = WORDS[lang];
  const path = `/apply/${encodeURIComponent(round.id)}`;
  const dates = { opens: day(round.windowOpens, lang), closes: day(round.windowCloses, lang) };
  const listed = (Object.keys(problems) as ApplicantFormField[]).filter((f) => problems[f]);
  const hasProblems = listed.length > 0 || failure !== undefined;
  return (
    <Page lang={lang} assets={assets} title={w.title} path={path} error={hasProblems}>
      <p>{fill(w.intro, { ...meetingIn(round, lang), start: day(round.startDate, lang), end: day(round.endDate, lang) })}</p>
      {!round.open && (
        <p class="notice grey" role="status">
          {fill(round.notYet ? w.notYet : w.closed, dates)}
        </p>
      )}
      {round.open && <p>{fill(w.window, dates)}</p>}
      {round.open && (
        <RequestForm
          lang={lang}
          path={path}
          round={round}
          states={states}
          values={values}
          problems={problems}
          listed={listed}
          failure={failure}
        />
      )}
    </Page>
  );
}

function RequestForm(props: {
  lang: Language;
  path: string;
  round: RoundView;
  states: readonly { iso3: string; name: string }[];
  values: ApplicantFormValues;
  problems: Partial<Record<ApplicantFormField, string>>;
  listed: ApplicantFormField[];
  failure?: string | undefined;
}) {
  const { lang, path, round, states, values: v, problems, listed, failure } = props;
  const w = WORDS[lang];
  // The States by their names in the page's language, in that language's order.
  const named = states
    .map((s) => ({ value: s.iso3, label: stateName(s.iso3, lang, s.name) }))
    .sort((a, b) => a.label.localeCompare(b.label, lang));
  const f = (name: ApplicantFormField) => ({ name, problem: problems[name], w });
  return (
    <form
      method="post"
      action={`${path}?lang=${lang}`}
      novalidate
      aria-label={w.title}
      id="apply-form"
      data-draft-key={`apply:${round.id}`}
      data-saved={w.draft.saved}
      data-restored={w.draft.restored}
      data-summary={w.invalid.summary}
      data-invalid={JSON.stringify(w.invalid)}
    >
      {(listed.length > 0 || failure) && <ErrorSummary w={w} listed={listed} problems={problems} failure={failure} />}
      <p class="notice grey" role="status" hidden data-when="offline">
        {w.draft.offline}
      </p>
      <p class="notice" role="status" hidden data-when="back-online">
        {w.draft.online}
      </p>
      <h2>{w.section.you}</h2>
      <Field {...f("state")} label={w.field.state} required>
        <select id={fieldId("state")} name="state" {...invalid(problems.state, "state")}>
          <option value="">—</option>
          {named.map((s) => (
            <option value={s.value} selected={s.value === v.state}>
              {s.label}
            </option>
          ))}
        </select>
      </Field>
      <Field {...f("gender")} label={w.field.gender} required>
        <select id={fieldId("gender")} name="gender" {...invalid(problems.gender, "gender")}>
          <option value="">—</option>
          {GENDER.codes.map((g) => (
            <option value={g} selected={g === v.gender}>
              {capitalised(GENDER.say(g, lang))}
            </option>
          ))}
        </select>
      </Field>
      {(["name", "email", "title", "organisation"] as const).map((name) => (
        <Field {...f(name)} label={w.field[name]}>
          <input
            type={name === "email" ? "email" : "text"}
            id={fieldId(name)}
            name={name}
            value={v[name]}
            autocomplete={name === "name" ? "name" : name === "email" ? "email" : name === "organisation" ? "organization" : "off"}
            {...invalid(problems[name], name)}
          />
        </Field>
      ))}
      <h2>{w.section.role}</h2>
      <Field {...f("role")} label={w.field.role}>
        <select id={fieldId("role")} name="role" {...invalid(problems.role, "role")}>
          {MEETING_ROLE.codes.map((r) => (
            <option value={r} selected={r === v.role}>
              {capitalised(MEETING_ROLE.say(r, lang))}
            </option>
          ))}
        </select>
      </Field>
      <Field {...f("expertise")} label={w.field.expertise}>
        <input type="text" id={fieldId("expertise")} name="expertise" value={v.expertise} {...invalid(problems.expertise, "expertise")} />
      </Field>
      {(["operationalExpertise", "survivor", "firstParticipation"] as const).map((name) => (
        <div class="check">
          <input type="checkbox" id={fieldId(name)} name={name} value="yes" checked={v[name]} />
          <label for={fieldId(name)}>{w.field[name]}</label>
        </div>
      ))}
      {(["interestEvidence", "justification"] as const).map((name) => (
        <Field {...f(name)} label={w.field[name]}>
          <textarea id={fieldId(name)} name={name} rows={name === "justification" ? 5 : 3} {...invalid(problems[name], name)}>
            {v[name]}
          </textarea>
        </Field>
      ))}
      <h2>{w.section.travel}</h2>
      <Field {...f("airTicket")} label={w.field.airTicket} required>
        <input
          type="text"
          inputmode="decimal"
          id={fieldId("airTicket")}
          name="airTicket"
          value={v.airTicket}
          autocomplete="off"
          {...invalid(problems.airTicket, "airTicket")}
        />
      </Field>
      <LevelsField lang={lang} problem={problems.acceptedLevels} checked={v.acceptedLevels} />
      <div class="buttons">
        <button type="submit">{w.submit}</button>
        <button type="button" class="secondary" hidden data-action="discard">
          {w.draft.discard}
        </button>
        <span class="hint" aria-live="polite" data-draft-note></span>
      </div>
    </form>
  );
}

/** The reference and the access code, shown this once; with copy and print when scripts run. */
export function SubmittedPage({
  lang,
  assets,
  roundId,
  reference,
  code,
}: {
  lang: Language;
  assets: PageAssets;
  roundId: string;
  reference: string;
  code: string;
}) {
  const w = WORDS[lang];
  return (
    <Page lang={lang} assets={assets} title={w.submitted.title} path={`/apply/${encodeURIComponent(roundId)}`}>
      <div class="panel" data-submitted={`apply:${roundId}`}>
        <p>
          <strong>{w.submitted.keep}</strong>
        </p>
        <p class="big">
          {w.submitted.reference}: <strong data-testid="reference">{reference}</strong>
        </p>
        <p class="big">
          {w.submitted.code}: <strong data-testid="access-code">{code}</strong>
        </p>
        <div class="buttons">
          <button
            type="button"
            class="secondary"
            hidden
            data-action="copy"
            data-copy={`${w.submitted.reference}: ${reference}\n${w.submitted.code}: ${code}`}
            data-copied={w.submitted.copied}
          >
            {w.submitted.copy}
          </button>
          <button type="button" class="secondary" hidden data-action="print">
            {w.submitted.print}
          </button>
        </div>
        {/* The status page opened with this request's reference and code (sent in the form's body, never in an address). */}
        <form method="post" action={`/status?lang=${lang}`} class="buttons">
          <input type="hidden" name="reference" value={reference} />
          <input type="hidden" name="code" value={code} />
          <button type="submit">{w.submitted.status}</button>
        </form>
      </div>
    </Page>
  );
}
