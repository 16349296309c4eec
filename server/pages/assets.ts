// What the applicants' pages load besides their HTML: the server's own small stylesheet (named by its
// content's hash, compressed once with brotli and gzip, cached for a year) and, when the web UI is built,
// the enhancement script (its hashed name read from Vite's manifest). And how any page or asset is sent:
// compressed as the browser accepts, HTML revalidated by its ETag.
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Context } from "hono";

export interface PageAssets {
  /** The stylesheet's address. */
  css: string;
  /** The enhancement script's address, or null when the web UI is not built (the pages work without it). */
  script: string | null;
}

interface Compressed {
  raw: Buffer;
  br: Buffer;
  gzip: Buffer;
  etag: string;
}

/** A text compressed both ways, with its ETag (the content's hash). */
export function compressed(text: string | Buffer): Compressed {
  const raw = Buffer.isBuffer(text) ? text : Buffer.from(text);
  return {
    raw,
    // Quality 5: a tenth of a millisecond for a page, within a few per cent of the best ratio.
    br: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
    gzip: gzipSync(raw, { level: 6 }),
    etag: `"${createHash("sha256").update(raw).digest("base64url").slice(0, 22)}"`,
  };
}

const CSS = compressed(readFileSync(new URL("./applicant.css", import.meta.url)));
export const CSS_PATH = `/pages/applicant-${CSS.etag.slice(1, 11)}.css`;

const scripts = new Map<string, string | null>();

/** The pages' assets for a web build in `dist` (its manifest read once). */
export function pageAssets(dist: string): PageAssets {
  if (!scripts.has(dist)) {
    const manifest = join(dist, ".vite", "manifest.json");
    let script: string | null = null;
    if (existsSync(manifest)) {
      const entries = JSON.parse(readFileSync(manifest, "utf8")) as Record<string, { file: string; isEntry?: boolean }>;
      const entry = entries["src/applicant/enhance.ts"];
      if (entry) script = `/${entry.file}`;
    }
    scripts.set(dist, script);
  }
  return { css: CSS_PATH, script: scripts.get(dist) ?? null };
}

/** Sends a body compressed as the browser accepts (brotli, else gzip, else as it is), with Vary. */
export function sendCompressed(c: Context, body: Compressed, type: string, status: ContentfulStatusCode = 200): Response {
  const accepted = (c.req.header("accept-encoding") ?? "").toLowerCase();
  c.header("Content-Type", type);
  c.header("Vary", "Accept-Encoding");
  const encoding = /\bbr\b/.test(accepted) ? "br" : /\bgzip\b/.test(accepted) ? "gzip" : null;
  if (encoding) c.header("Content-Encoding", encoding);
  const bytes = encoding === "br" ? body.br : encoding === "gzip" ? body.gzip : body.raw;
  return c.body(new Uint8Array(bytes), status);
}

/**
 * Sends a page. A page that shows nothing private is revalidated by its ETag (304 when unchanged); a page
 * with a person's reference, code or status is never stored.
 */
export function sendPage(c: Context, html: string, opts: { status?: ContentfulStatusCode; private?: boolean } = {}): Response {
  const body = compressed(html);
  if (opts.private) c.header("Cache-Control", "no-store");
  else {
    c.header("Cache-Control", "no-cache");
    c.header("ETag", body.etag);
    if ((opts.status ?? 200) === 200 && c.req.header("if-none-match") === body.etag) return c.body(null, 304);
  }
  return sendCompressed(c, body, "text/html; charset=utf-8", opts.status ?? 200);
}

/** The stylesheet, cached for a year (its name changes with its content). */
export function sendCss(c: Context): Response {
  c.header("Cache-Control", "public, max-age=31536000, immutable");
  c.header("ETag", CSS.etag);
  return sendCompressed(c, CSS, "text/css; charset=utf-8");
}
