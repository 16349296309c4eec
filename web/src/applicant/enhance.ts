// The applicants' pages' enhancement: the server's page works with no script; this adds, when it arrives,
// the draft kept on the device (Dexie) through a reload, a closed tab or a lost connection, inline checks
// with the API's own schema, the error summary's focus, the offline notice, copy and print, and the
// service worker for an offline reload. It never re-renders the page: what the applicant typed before it
// arrived stays, and wins over an older draft. Its sentences are the page's (data attributes).
import {
  APPLICANT_FORM_FIELDS,
  ApplicantInputSchema,
  applicantFieldId,
  applicantFieldOf,
  applicantFormValues,
  applicantInput,
  type ApplicantFormValues,
} from "../../../scoring/criteria/index.js";
import { fieldProblems } from "../../../scoring/domain/index.js";
import { clearDraft, loadDraft, saveDraft } from "../drafts.js";

const fieldId = applicantFieldId;
const timeOf = (iso: string) => new Date(iso).toLocaleTimeString(document.documentElement.lang || undefined);
const fill = (s: string, time: string) => s.replace("{{time}}", time);

function controls(form: HTMLFormElement): (HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement)[] {
  return [...form.elements].filter(
    (e): e is HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement =>
      (e instanceof HTMLInputElement || e instanceof HTMLSelectElement || e instanceof HTMLTextAreaElement) && e.name !== "",
  );
}

/** The form's values, read as the server reads the form's fields. */
function readValues(form: HTMLFormElement): ApplicantFormValues {
  const data = new FormData(form);
  const fields: Record<string, string[]> = {};
  for (const [k, v] of data) if (typeof v === "string") (fields[k] ??= []).push(v);
  return applicantFormValues(fields);
}

/** Fills the form from a draft kept on the device (read as untrusted: only the fields the form has). */
function writeValues(form: HTMLFormElement, draft: unknown): void {
  const values = new Map<string, unknown>(typeof draft === "object" && draft !== null ? Object.entries(draft) : []);
  for (const el of controls(form)) {
    const value = values.get(el.name);
    if (el instanceof HTMLInputElement && el.type === "checkbox")
      el.checked = Array.isArray(value) ? value.includes(el.value) : value === true;
    else if (typeof value === "string") el.value = value;
  }
}

/** Whether the applicant changed anything since the page came (typed before this script arrived). */
function touchedBeforeScript(form: HTMLFormElement): boolean {
  return controls(form).some((el) =>
    el instanceof HTMLInputElement && el.type === "checkbox"
      ? el.checked !== el.defaultChecked
      : el instanceof HTMLSelectElement
        ? // A select with no option marked selected starts on its first.
          el.value !== ([...el.options].find((o) => o.defaultSelected) ?? el.options[0])?.value
        : el.value !== el.defaultValue,
  );
}

/** Each field's problem under the API's schema (the field's name → the page's sentence for it). */
function problems(form: HTMLFormElement, sentences: Record<string, string>): Map<string, string> {
  const parsed = ApplicantInputSchema.safeParse(applicantInput(readValues(form)));
  const out = new Map<string, string>();
  if (parsed.success) return out;
  for (const p of fieldProblems(parsed.error)) {
    const f = applicantFieldOf(p.path);
    if (!out.has(f)) out.set(f, sentences[f] ?? sentences.other ?? "");
  }
  return out;
}

/** Shows or clears a field's problem beside it, as the server's page does. */
function showProblem(form: HTMLFormElement, name: string, problem: string | undefined): void {
  const box = form.querySelector<HTMLElement>(`[data-field="${name}"]`) ?? document.getElementById(`error-${name}`)?.parentElement;
  const message = document.getElementById(`error-${name}`);
  const control = document.getElementById(fieldId(name));
  if (!message || !box) return;
  message.textContent = problem ?? "";
  message.hidden = !problem;
  box.classList.toggle("invalid", Boolean(problem));
  if (control && !(control instanceof HTMLInputElement && control.type === "checkbox")) {
    if (problem) {
      control.setAttribute("aria-invalid", "true");
      control.setAttribute("aria-describedby", `error-${name}`);
    } else {
      control.removeAttribute("aria-invalid");
      control.removeAttribute("aria-describedby");
    }
  }
}

/** The error summary at the top (GOV.UK): "there is a problem", each problem a link to its field; focused. */
function showSummary(form: HTMLFormElement, title: string, found: Map<string, string>): void {
  let summary = document.getElementById("error-summary");
  if (!summary) {
    summary = document.createElement("div");
    summary.id = "error-summary";
    summary.className = "summary";
    summary.setAttribute("role", "alert");
    summary.tabIndex = -1;
    summary.dataset.testid = "error-summary";
    form.prepend(summary);
  }
  const h = document.createElement("h2");
  h.textContent = title;
  const list = document.createElement("ul");
  for (const name of APPLICANT_FORM_FIELDS) {
    const problem = found.get(name);
    if (!problem) continue;
    const a = document.createElement("a");
    a.href = `#${fieldId(name)}`;
    a.textContent = problem;
    const li = document.createElement("li");
    li.append(a);
    list.append(li);
  }
  summary.replaceChildren(h, list);
  summary.focus();
}

/** The page's sentences for the form's problems (a data attribute holding JSON: field → sentence). */
function sentencesOf(json: string | undefined): Record<string, string> {
  const parsed: unknown = JSON.parse(json ?? "{}");
  const entries = typeof parsed === "object" && parsed !== null ? Object.entries(parsed) : [];
  return Object.fromEntries(entries.filter((e): e is [string, string] => typeof e[1] === "string"));
}

/** The name of the form control an event came from. */
const nameOf = (target: EventTarget | null): string | null => (target instanceof Element ? target.getAttribute("name") : null);

function enhanceForm(form: HTMLFormElement, key: string): void {
  const sentences = sentencesOf(form.dataset.invalid);
  const note = form.querySelector<HTMLElement>("[data-draft-note]");
  const submit = form.querySelector<HTMLButtonElement>("button[type=submit]");
  const discard = form.querySelector<HTMLButtonElement>("[data-action=discard]");
  const touched = new Set<string>();
  let ready = false;

  const save = () =>
    void saveDraft(key, readValues(form)).then((d) => {
      if (note) note.textContent = fill(form.dataset.saved ?? "", timeOf(d.updatedAt));
    });
  const check = () => {
    const found = problems(form, sentences);
    for (const name of touched) showProblem(form, name, found.get(name));
    return found;
  };

  // A page the server answered with problems shows what was sent: that is the draft now.
  const refused = document.getElementById("error-summary") !== null;
  if (refused || touchedBeforeScript(form)) {
    ready = true;
    save();
  } else
    void loadDraft(key).then((d) => {
      if (d && !touchedBeforeScript(form)) {
        writeValues(form, d.values);
        if (note) note.textContent = fill(form.dataset.restored ?? "", timeOf(d.updatedAt));
      }
      ready = true;
    });
  if (refused) document.getElementById("error-summary")?.focus();

  form.addEventListener("input", () => ready && save());
  form.addEventListener("change", () => ready && save());
  form.addEventListener("focusout", (e) => {
    const name = nameOf(e.target);
    if (!name) return;
    touched.add(name);
    check();
  });
  form.addEventListener("input", (e) => {
    const name = nameOf(e.target);
    if (name && touched.has(name)) check();
  });
  form.addEventListener("submit", (e) => {
    if (!navigator.onLine) return e.preventDefault();
    for (const name of APPLICANT_FORM_FIELDS) touched.add(name);
    const found = check();
    if (found.size) {
      e.preventDefault();
      showSummary(form, form.dataset.summary ?? "", found);
    }
  });
  focusFromSummary();
  if (discard) {
    discard.hidden = false;
    discard.addEventListener("click", () => {
      void clearDraft(key).then(() => {
        form.reset();
        touched.clear();
        for (const name of APPLICANT_FORM_FIELDS) showProblem(form, name, undefined);
        if (note) note.textContent = "";
      });
    });
  }

  holdWhileOffline(submit);
}

/** A link of the summary moves the focus to its field, not only the view. */
function focusFromSummary(): void {
  document.addEventListener("click", (e) => {
    const a = e.target instanceof Element ? e.target.closest("#error-summary a") : null;
    if (!(a instanceof HTMLAnchorElement)) return;
    const target = document.getElementById(a.hash.slice(1));
    if (!target) return;
    e.preventDefault();
    target.scrollIntoView({ block: "center" });
    target.focus();
  });
}

/** Offline: said, the draft kept, the submission held until the connection is back. */
function holdWhileOffline(submit: HTMLButtonElement | null): void {
  const offline = document.querySelector<HTMLElement>("[data-when=offline]");
  const back = document.querySelector<HTMLElement>("[data-when=back-online]");
  const connection = (wasOffline: boolean) => {
    const on = navigator.onLine;
    if (offline) offline.hidden = on;
    if (back) back.hidden = !(on && wasOffline);
    if (submit) submit.disabled = !on;
  };
  connection(false);
  window.addEventListener("offline", () => connection(false));
  window.addEventListener("online", () => connection(true));
}

async function enhanceSubmitted(panel: HTMLElement, key: string): Promise<void> {
  // The request is in: its draft goes (before the buttons show, so that they say the page is enhanced).
  await clearDraft(key);
  const copy = panel.querySelector<HTMLButtonElement>("[data-action=copy]");
  const print = panel.querySelector<HTMLButtonElement>("[data-action=print]");
  if (copy && navigator.clipboard) {
    copy.hidden = false;
    copy.addEventListener("click", () => {
      void navigator.clipboard.writeText(copy.dataset.copy ?? "").then(() => (copy.textContent = copy.dataset.copied ?? ""));
    });
  }
  if (print) {
    print.hidden = false;
    print.addEventListener("click", () => window.print());
  }
}

const form = document.querySelector<HTMLFormElement>("form[data-draft-key]");
if (form?.dataset.draftKey) enhanceForm(form, form.dataset.draftKey);
const submitted = document.querySelector<HTMLElement>("[data-submitted]");
if (submitted?.dataset.submitted !== undefined) void enhanceSubmitted(submitted, submitted.dataset.submitted);
if ("serviceWorker" in navigator) void navigator.serviceWorker.register("/sw.js").catch(() => undefined);
