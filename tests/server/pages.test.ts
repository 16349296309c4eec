// The applicants' pages as the server renders them (issue 21), through the real Hono stack: a form that
// submits, refuses with every problem at its field and keeps the values, answers in the applicant's
// language, and is held to the JSON routes' checks and limits (the schema, the code attempts, the body
// size), refusing a form sent from another site; every page compressed, private pages never stored.
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_APPLICANT } from "../../server/io/seed.js";
import { hashCode } from "../../server/auth/passwords.js";
import { setAccessCodeHash } from "../../server/store/index.js";
import { approveDemoRun, AS_OF_13MSP, testApi, type TestApi } from "./api-helpers.js";

describe("the applicants' pages, rendered by the server", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await testApi();
  });
  afterAll(() => api.db.close());

  const form = (fields: [string, string][]) => new URLSearchParams(fields).toString();
  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    api.app.request(path, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin", ...headers },
      body,
    });

  it("renders the form in the language asked (?lang=, else Accept-Language), with a link per language", async () => {
    const fr = await api.app.request("/apply/DEMO-OPEN", { headers: { "accept-language": "de-CH, fr;q=0.8, en;q=0.5" } });
    expect(fr.status).toBe(200);
    const html = await fr.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain("Envoyer la demande");
    expect(html).toContain('<a href="/apply/DEMO-OPEN?lang=es" lang="es" hreflang="es">Español</a>');
    // The States by their French names, in French order.
    expect(html.indexOf(">Afrique du Sud<")).toBeLessThan(html.indexOf(">Albanie<"));
    const es = await (await api.app.request("/apply/DEMO-OPEN?lang=es", { headers: { "accept-language": "fr" } })).text();
    expect(es).toContain('<html lang="es">');
    expect(es).toContain("Enviar la solicitud");
  });

  it("refuses a form with every problem at its field and in a summary at the top, keeping what was typed", async () => {
    const res = await post(
      "/apply/DEMO-OPEN?lang=en",
      form([
        ["state", "KEN"],
        ["name", "Wanjiru <Kamau>"],
        ["email", "not an address"],
        ["airTicket", "-50"],
      ]),
    );
    expect(res.status).toBe(422);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const html = await res.text();
    const summary = html.slice(html.indexOf('id="error-summary"'), html.indexOf("</div>", html.indexOf('id="error-summary"')));
    // Gender, e-mail, ticket, support levels (no box ticked): in the form's order, each a link to its field.
    expect([...summary.matchAll(/href="#field-(\w+)"/g)].map((m) => m[1])).toEqual(["gender", "email", "airTicket", "acceptedLevels"]);
    expect(html).toContain('<p class="error" id="error-email">Enter an e-mail address in the form name@example.org.</p>');
    expect(html).toMatch(/<input type="email" id="field-email" name="email" value="not an address"[^>]*aria-invalid="true"/);
    // Kept, and escaped.
    expect(html).toContain('value="Wanjiru &lt;Kamau&gt;"');
    expect(html).toContain('<option value="KEN" selected="">Kenya</option>');
    expect(html).toMatch(/<title>Error: /);
    expect(html).not.toMatch(/expected|invalid_type|Invalid input/i);
  });

  it("submits a request from a form as the JSON route does: the reference and the code, which open the status page", async () => {
    const res = await post(
      "/apply/DEMO-OPEN?lang=fr",
      form([
        ["state", "SEN"],
        ["gender", "F"],
        ["name", "Awa Diop"],
        ["airTicket", "1'150"],
        ["acceptedLevels", "full"],
        ["acceptedLevels", "ticket"],
        ["survivor", "yes"],
        // Not a field of the form: ignored, never stored (the ISU's fields are the ISU's).
        ["technicalRating", "5"],
      ]),
    );
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const html = await res.text();
    const reference = /data-testid="reference">([^<]+)</.exec(html)![1]!;
    const code = /data-testid="access-code">([^<]+)</.exec(html)![1]!;
    const status = await api.app.request("/api/applicant/status", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ reference, code }),
    });
    const view = (await status.json()) as { request: Record<string, unknown> & { travel: { airTicket: number } } };
    expect(view.request).toMatchObject({ state: "SEN", gender: "F", name: "Awa Diop", survivor: true, acceptedLevels: ["full", "ticket"] });
    expect(view.request.travel.airTicket).toBe(1150);
    const stored = api.db.prepare("SELECT attributes FROM requests WHERE id = ?").pluck().get(reference) as string;
    expect(JSON.parse(stored).technicalRating).toBeUndefined();
    // The status page opens it, whatever the reference's case.
    const page = await post(
      "/status?lang=fr",
      form([
        ["reference", reference.toLowerCase()],
        ["code", code],
      ]),
    );
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("no-store");
    expect(await page.text()).toContain("Votre demande a été reçue et sera examinée.");
  });

  it("reads an amount as a French or Spanish speaker types it (1 200,50; 1.200,50)", async () => {
    for (const [lang, typed] of [
      ["fr", "1 200,50"],
      ["es", "1.200,50"],
      ["en", "1,200.50"],
    ]) {
      const res = await post(
        `/apply/DEMO-OPEN?lang=${lang}`,
        form([
          ["state", "SEN"],
          ["gender", "F"],
          ["name", "Awa Diop"],
          ["airTicket", typed!],
          ["acceptedLevels", "full"],
        ]),
      );
      expect(res.status, typed).toBe(201);
      const reference = /data-testid="reference">([^<]+)</.exec(await res.text())![1]!;
      const stored = api.db.prepare("SELECT attributes FROM requests WHERE id = ?").pluck().get(reference) as string;
      expect(JSON.parse(stored).travel.airTicket).toBe(1200.5);
    }
  });

  it("refuses a form sent from another site, and a form to a round that does not take requests", async () => {
    const foreign: Record<string, string>[] = [
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "", origin: "https://elsewhere.example" },
    ];
    for (const headers of foreign) {
      const res = await post(
        "/status?lang=en",
        form([
          ["reference", DEMO_APPLICANT.reference],
          ["code", DEMO_APPLICANT.code],
        ]),
        headers,
      );
      expect(res.status).toBe(403);
      const html = await res.text();
      expect(html).toContain("This form can only be sent from its own page.");
      expect(html).not.toContain('data-testid="status-result"');
    }
    const closed = await post(
      "/apply/13MSP?lang=en",
      form([
        ["state", "KEN"],
        ["gender", "F"],
        ["airTicket", "900"],
        ["acceptedLevels", "full"],
      ]),
    );
    expect(closed.status).toBe(409);
    expect(await closed.text()).toContain("This round no longer takes requests");
    const none = await api.app.request("/apply/NO-SUCH-ROUND?lang=es");
    expect(none.status).toBe(404);
    expect(await none.text()).toContain("No existe el ciclo NO-SUCH-ROUND.");
  });

  it("counts a wrong code on the status page as the JSON route does: the same answer for an unknown reference, then a wait", async () => {
    const wrong = await post(
      "/status?lang=en",
      form([
        ["reference", DEMO_APPLICANT.reference],
        ["code", "AAAA-BBBB-CCCC-DDDD"],
      ]),
      {
        "x-test-remote": "10.9.9.9",
      },
    );
    const unknown = await post(
      "/status?lang=en",
      form([
        ["reference", "13MSP-999"],
        ["code", "AAAA-BBBB-CCCC-DDDD"],
      ]),
      { "x-test-remote": "10.9.9.9" },
    );
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    // Both answers echo what was typed (the fields, the "lost code" link's reference); the rest is the same.
    const strip = (s: string) => s.replace(/value="[^"]*"/g, "").replace(/reference=[^"&]*/g, "");
    expect(strip(await wrong.text())).toBe(strip(await unknown.text()));
    let last = 0;
    for (let i = 0; i < 30 && last !== 429; i++)
      last = (
        await post(
          "/status?lang=en",
          form([
            ["reference", DEMO_APPLICANT.reference],
            ["code", `WRONG-${i}`],
          ]),
          { "x-test-remote": "10.9.9.9" },
        )
      ).status;
    expect(last).toBe(429);
  });

  it("refuses a form body over 1 MB before reading it, as the API does", async () => {
    const res = await post("/apply/DEMO-OPEN", `justification=${"x".repeat(1024 * 1024 + 10)}`);
    expect(res.status).toBe(413);
  });

  it("sends every page compressed as the browser accepts, and revalidates the form by its ETag", async () => {
    const br = await api.app.request("/apply/DEMO-OPEN?lang=en", { headers: { "accept-encoding": "gzip, deflate, br, zstd" } });
    expect(br.headers.get("content-encoding")).toBe("br");
    expect(br.headers.get("vary")).toBe("Accept-Encoding");
    expect(br.headers.get("cache-control")).toBe("no-cache");
    const html = brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString();
    expect(html).toMatch(/^<!doctype html><html lang="en">/);
    const gz = await api.app.request("/apply/DEMO-OPEN?lang=en", { headers: { "accept-encoding": "gzip" } });
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(html);
    const again = await api.app.request("/apply/DEMO-OPEN?lang=en", { headers: { "if-none-match": br.headers.get("etag")! } });
    expect(again.status).toBe(304);
    // The stylesheet: named by its content, cached for a year.
    const css = /href="(\/pages\/applicant-[\w-]+\.css)"/.exec(html)![1]!;
    const sheet = await api.app.request(css, { headers: { "accept-encoding": "br" } });
    expect(sheet.status).toBe(200);
    expect(sheet.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(brotliDecompressSync(Buffer.from(await sheet.arrayBuffer())).toString()).toContain(".summary");
    // Without a web build (this test's), the pages load no script at all: they work without one.
    expect(html).not.toContain("<script");
  });
});

describe("the status page after the approval (issue 31)", () => {
  let api: TestApi;
  let decided: { funded: string[]; notFunded: string[] };
  beforeAll(async () => {
    api = await testApi(AS_OF_13MSP);
    decided = await approveDemoRun(api, await api.as("admin"), 2);
  });
  afterAll(() => api.db.close());

  /** The status page of a request, opened with a code set for the test (the code the applicant got by mail). */
  const statusOf = async (id: string, lang: string) => {
    setAccessCodeHash(api.db, id, hashCode("TEST-CODE-0000-0001"));
    const res = await api.app.request(`/status?lang=${lang}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin" },
      body: new URLSearchParams([
        ["reference", id],
        ["code", "TEST-CODE-0000-0001"],
      ]).toString(),
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    // The page's text (entities read), and its references anywhere in the markup.
    expect(html.match(/13MSP-\d{3}/g)?.every((ref) => ref === id)).toBe(true);
    return html
      .replace(/<[^>]+>/g, " ")
      .replace(/&#39;/g, "'")
      .replace(/\s+/g, " ");
  };

  it("tells the offered applicant the meeting, up to how much, what it pays for, the terms, the deadline's meaning and whom to ask", async () => {
    const text = await statusOf(DEMO_APPLICANT.reference, "en");
    expect(text).toContain(
      "Your request is for the Thirteenth Meeting of States Parties to the Convention on Cluster Munitions, Geneva, 16 September 2025 to 19 September 2025.",
    );
    expect(text).toMatch(
      /Sponsorship of up to CHF [\d']+ \(full support\): your return air ticket, booked by the ISU, and the daily allowance for \d+ nights\./,
    );
    expect(text).toContain("The ISU books the ticket once you accept.");
    expect(text).toContain(
      "Answer by 15 August 2025, below. Without an answer by then the offer lapses, and the place goes to a delegate on the waiting list.",
    );
    expect(text).toMatch(/Any question: write to the ISU at [^\s<>]+@[^\s<>]+, giving your reference\./);
    const fr = await statusOf(DEMO_APPLICANT.reference, "fr");
    expect(fr).toMatch(/Un parrainage de [\d\s\u202f]+ CHF au plus \(prise en charge complète\) : votre billet d'avion aller-retour/);
    // The meeting and its place in the page's language (the round's French and Spanish words), never the English.
    expect(fr.replace(/\u00a0/g, " ")).toContain(
      "Votre demande porte sur la réunion « Treizième Assemblée des États parties à la Convention sur les armes à sous-munitions », Genève,",
    );
    const es = await statusOf(DEMO_APPLICANT.reference, "es");
    expect(es).toContain(
      "Su solicitud es para la reunión «Decimotercera Reunión de los Estados Partes en la Convención sobre Municiones en Racimo», Ginebra,",
    );
    for (const other of [fr, es]) expect(other).not.toMatch(/Thirteenth Meeting|Geneva/);
  });

  it("tells a request not funded why, in words about this request only, naming no other request", async () => {
    const waitlisted = (await (await api.as("admin")).req("GET", "/api/rounds/13MSP/decisions")).json.filter(
      (d: { decision: string }) => d.decision === "waitlisted",
    );
    const notFunded = decided.notFunded.find((id) => !waitlisted.some((w: { requestId: string }) => w.requestId === id))!;
    for (const [lang, why] of [
      ["en", "Why: "],
      ["fr", "Motif : "],
      ["es", "Motivo: "],
    ] as const) {
      const text = await statusOf(notFunded, lang);
      const sentence = text.slice(text.indexOf(why));
      expect(sentence.length).toBeGreaterThan(why.length + 20);
      expect(sentence).not.toMatch(/does not meet the Programme's conditions|ne remplit pas|no cumple/);
      // The reason names no request (statusOf checks that no other reference is anywhere in the markup).
      expect(sentence).not.toMatch(/13MSP/);
    }
  });
});
