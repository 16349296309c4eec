/** @jsxImportSource hono/jsx */
// "I lost my access code": the reference and the e-mail address on file; a new code is sent to that
// address. The answer is the same whether or not they matched (nobody learns which references exist or
// whose address is on file).
import { Page } from "./layout.js";
import type { PageAssets } from "./assets.js";
import { WORDS, type Language } from "./words/index.js";

interface NewCodeProps {
  lang: Language;
  assets: PageAssets;
  reference: string;
  email: string;
  /** The request was taken (the same answer whatever matched). */
  done?: boolean;
  problem?: string | undefined;
}

export function NewCodePage({ lang, assets, reference, email, done = false, problem }: NewCodeProps) {
  const w = WORDS[lang].newCode;
  return (
    <Page lang={lang} assets={assets} title={w.title} path="/status/new-code" error={problem !== undefined}>
      {problem && (
        <div class="summary" role="alert" tabindex={-1} autofocus id="error-summary">
          <p>
            <strong>{problem}</strong>
          </p>
        </div>
      )}
      {done ? (
        <p class="notice" role="status" data-testid="new-code-done">
          {w.done}
        </p>
      ) : (
        <>
          <p>{w.intro}</p>
          <form method="post" action={`/status/new-code?lang=${lang}`} aria-label={w.title} class="panel" novalidate>
            <div class="field">
              <label for="reference">{w.reference}</label>
              <input
                type="text"
                id="reference"
                name="reference"
                value={reference}
                autocomplete="off"
                autocapitalize="characters"
                spellcheck={false}
              />
            </div>
            <div class="field">
              <label for="email">{w.email}</label>
              <input type="email" id="email" name="email" value={email} autocomplete="email" spellcheck={false} />
            </div>
            <button type="submit">{w.send}</button>
          </form>
        </>
      )}
      <p>
        <a href={`/status?lang=${lang}${reference ? `&reference=${encodeURIComponent(reference)}` : ""}`}>{w.back}</a>
      </p>
    </Page>
  );
}
