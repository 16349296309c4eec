/** @jsxImportSource hono/jsx */
// The request form's parts: a field with its label and problem, the error summary at the top, the levels
// of support accepted.
import { applicantFieldId, type ApplicantFormField } from "../../scoring/criteria/index.js";
import { capitalised, SUPPORT_LEVEL } from "../../scoring/domain/index.js";
import { WORDS, type Language } from "./words/index.js";

/** The id of a field's input, for the summary's links and the labels. */
export const fieldId = applicantFieldId;

/** The problems of a form sent back, each a link to its field. */
export function ErrorSummary({
  w,
  listed,
  problems,
  failure,
}: {
  w: (typeof WORDS)[Language];
  listed: ApplicantFormField[];
  problems: Partial<Record<ApplicantFormField, string>>;
  failure: string | undefined;
}) {
  return (
    <div class="summary" role="alert" tabindex={-1} autofocus data-testid="error-summary" id="error-summary">
      <h2>{w.invalid.summary}</h2>
      {failure && <p>{failure}</p>}
      <ul>
        {listed.map((name) => (
          <li>
            <a href={`#${fieldId(name)}`}>{problems[name]}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The levels of support the applicant accepts, one box each. */
export function LevelsField({ lang, problem, checked }: { lang: Language; problem: string | undefined; checked: readonly string[] }) {
  return (
    <fieldset class={problem ? "invalid" : undefined} aria-describedby={problem ? "error-acceptedLevels" : undefined}>
      <legend>{WORDS[lang].field.acceptedLevels}</legend>
      <p class="error" id="error-acceptedLevels" hidden={!problem}>
        {problem}
      </p>
      {SUPPORT_LEVEL.codes.map((l, k) => (
        <div class="check">
          <input
            type="checkbox"
            id={k === 0 ? fieldId("acceptedLevels") : `level-${l}`}
            name="acceptedLevels"
            value={l}
            checked={checked.includes(l)}
          />
          <label for={k === 0 ? fieldId("acceptedLevels") : `level-${l}`}>{capitalised(SUPPORT_LEVEL.say(l, lang))}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** A field's control's attributes when it has a problem: marked invalid and described by the problem. */
export const invalid = (problem: string | undefined, name: string) =>
  problem ? { "aria-invalid": "true" as const, "aria-describedby": `error-${name}` } : {};

export function Field({
  name,
  label,
  problem,
  required = false,
  w,
  children,
}: {
  name: string;
  label: string;
  problem: string | undefined;
  required?: boolean;
  w: (typeof WORDS)[Language];
  children: unknown;
}) {
  return (
    <div class={problem ? "field invalid" : "field"} data-field={name}>
      <label for={fieldId(name)}>
        {label}
        {required && <span class="req"> ({w.required})</span>}
      </label>
      <p class="error" id={`error-${name}`} hidden={!problem}>
        {problem}
      </p>
      {children}
    </div>
  );
}
