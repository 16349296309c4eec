/** @jsxImportSource hono/jsx */
// The applicants' pages' frame, rendered on the server: HTML first, usable with no script at all. The
// stylesheet is small and the server's own (assets.ts); the enhancement script, when the web UI is built,
// loads `async` and never blocks the form. The language switch is a link per language.
import type { Child } from "hono/jsx";
import type { PageAssets } from "./assets.js";
import { LANGUAGES, WORDS, type Language } from "./words/index.js";

export interface PageProps {
  lang: Language;
  /** The page's heading; also its title, after "Error: " when the page says a problem. */
  title: string;
  /** The page's path without its query (the language links point to it). */
  path: string;
  /** Whether the page shows a problem (the title then starts with "Error:"). */
  error?: boolean;
  assets: PageAssets;
  children: Child;
}

export function Page({ lang, title, path, error = false, assets, children }: PageProps) {
  const w = WORDS[lang];
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{error ? `${w.error}: ${title}` : title}</title>
        <link rel="stylesheet" href={assets.css} />
        {assets.script && <script type="module" async src={assets.script} />}
      </head>
      <body>
        <header class="top">
          <div class="wrap">
            <p class="brand">{w.brand}</p>
            <nav aria-label={w.language} class="langs">
              <ul>
                {Object.entries(LANGUAGES).map(([code, name]) => (
                  <li>
                    {code === lang ? (
                      <span aria-current="true" lang={code}>
                        {name}
                      </span>
                    ) : (
                      <a href={`${path}?lang=${code}`} lang={code} hreflang={code}>
                        {name}
                      </a>
                    )}
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </header>
        <main class="wrap" id="main">
          <h1>{title}</h1>
          {children}
        </main>
      </body>
    </html>
  );
}

/** The HTML text of a page, with its doctype. */
export async function renderPage(page: ReturnType<typeof Page>): Promise<string> {
  return `<!doctype html>${await page.toString()}`;
}
