// The outbox through the API in-process (the real Hono stack, a real SQLite file): every change that
// must tell somebody writes exactly one message in the same transaction, in the applicant's language;
// a replay of past records tells no one; the calendar lapses offers and writes reminders once; "I lost my
// code" answers the same either way; staff see who was told what, donors nothing.
import { describe, expect, it } from "vitest";
import { hashCode } from "../../server/auth/passwords.js";
import { runCalendar } from "../../server/services/decisions.js";
import { setToday } from "../../server/store/rows.js";
import { approveDemoRun, AS_OF_13MSP, testApi, type Client } from "./api-helpers.js";

interface Msg {
  id: number;
  kind: string;
  requestId: string | null;
  recipient: string;
  language: string;
  subject: string;
  body: string;
  status: string;
  version: number;
}

const approve = approveDemoRun;

const all = async (admin: Client): Promise<Msg[]> => (await admin.req("GET", "/api/messages?limit=500")).json.messages;

describe("the outbox", () => {
  it("writes one message per decision, in the applicant's language, and none for the replayed 2024 year", async () => {
    const api = await testApi(AS_OF_13MSP);
    const admin = await api.as("admin");
    // The seeded demo (and the 2024 year, replayed in other tests) told no one.
    expect(await all(admin)).toEqual([]);
    // A French applicant's request to the demo round (staff enter it; its language is French).
    const requests = (await admin.req("GET", "/api/rounds/13MSP/requests")).json as { id: string; attributes: { email?: string } }[];
    const withAddress = requests.filter((r) => r.attributes.email).map((r) => r.id);
    expect(withAddress.length).toBeGreaterThan(10);
    const { funded, notFunded } = await approve(api, admin, 3);
    const messages = await all(admin);
    const byRequest = new Map<string, Msg[]>();
    for (const m of messages) byRequest.set(m.requestId!, [...(byRequest.get(m.requestId!) ?? []), m]);
    for (const id of funded.filter((x) => withAddress.includes(x)))
      expect(
        byRequest.get(id)?.map((m) => m.kind),
        id,
      ).toEqual(["offer"]);
    const told = notFunded.filter((x) => withAddress.includes(x)).map((id) => byRequest.get(id)?.map((m) => m.kind)[0]);
    expect(told.filter((k) => k === "waitlisted")).toHaveLength(3);
    expect(told.every((k) => k === "waitlisted" || k === "not-funded")).toBe(true);
    // Nobody without an address on file is written to; every message goes to the address on file.
    for (const m of messages) {
      const r = requests.find((x) => x.id === m.requestId)!;
      expect(m.recipient).toBe(r.attributes.email);
    }
    const offer = messages.find((m) => m.kind === "offer")!;
    expect(offer.subject).toMatch(/answer by 15 August 2025/);
    expect(offer.body).toMatch(/CHF [\d']+/);
    expect(offer.body).toContain(`/status?lang=en&reference=${encodeURIComponent(offer.requestId!)}`);
    const notFundedMessage = messages.find((m) => m.kind === "not-funded")!;
    expect(notFundedMessage.body).toMatch(/Why: [A-Z].+\./);
    expect(notFundedMessage.body).not.toMatch(/price-of-inclusion|displacing|\bLocked out\b/);
    expect(messages.every((m) => m.status === "queued")).toBe(true);
  });

  it("tells a public applicant that their request was received, in their language (given, else their browser's)", async () => {
    const api = await testApi();
    const admin = await api.as("admin");
    const anon = await api.as("anonymous");
    // The demo's open round takes requests around the real day.
    const form = (email: string, language?: string) => ({
      state: "KHM",
      name: "Sophea Keo",
      gender: "F",
      email,
      travel: { airTicket: 900 },
      acceptedLevels: ["full"],
      ...(language ? { language } : {}),
    });
    const fr = await anon.req("POST", "/api/rounds/DEMO-OPEN/apply", form("sophea@example.org"), { "accept-language": "fr-CH,fr;q=0.9" });
    expect(fr.status, fr.text).toBe(201);
    const es = await anon.req("POST", "/api/rounds/DEMO-OPEN/apply", form("ana@example.org", "es"));
    const none = await anon.req("POST", "/api/rounds/DEMO-OPEN/apply", { ...form("x@example.org"), email: undefined });
    expect(none.status).toBe(201);
    const received = (await all(admin)).filter((m) => m.kind === "received");
    expect(received.map((m) => [m.requestId, m.language])).toEqual([
      [es.json.reference, "es"],
      [fr.json.reference, "fr"],
    ]);
    expect(received.find((m) => m.language === "fr")!.subject).toBe(
      `Votre demande de parrainage ${fr.json.reference} (Cambodge) a été reçue`,
    );
    // The meeting and its place in the applicant's language, the round's own words.
    expect(received.find((m) => m.language === "fr")!.body.replace(/\u00a0/g, " ")).toContain(
      "pour participer à la réunion « Prochaine Assemblée des États parties (tour de démonstration ouvert aux demandes) » (Genève,",
    );
    expect(received.find((m) => m.language === "es")!.body).toContain(
      "para asistir a la reunión «Próxima Reunión de los Estados Partes (ronda de demostración abierta a solicitudes)» (Ginebra,",
    );
    // The request's own list says who was told what; the one with no address says so.
    const own = (await admin.req("GET", `/api/requests/${fr.json.reference}/messages`)).json;
    expect(own.hasAddress).toBe(true);
    expect(own.messages.map((m: Msg) => m.kind)).toEqual(["received"]);
    expect((await admin.req("GET", `/api/requests/${none.json.reference}/messages`)).json).toMatchObject({
      hasAddress: false,
      messages: [],
    });
  });

  it("lapses overdue offers and writes each reminder once, three days before the deadline", async () => {
    const api = await testApi(AS_OF_13MSP);
    const admin = await api.as("admin");
    const { funded } = await approve(api, admin);
    const count = async (kind: string) => (await all(admin)).filter((m) => m.kind === kind).length;
    // 20 July: nothing due (the deadline is 15 August).
    expect(runCalendar(api.db, "2025-07-20")).toEqual({ lapsed: 0, reminders: 0 });
    // 12 August: three days before; once only, however often the calendar runs.
    const first = runCalendar(api.db, "2025-08-12");
    expect(first.reminders).toBeGreaterThan(0);
    expect(runCalendar(api.db, "2025-08-12").reminders).toBe(0);
    expect(runCalendar(api.db, "2025-08-13").reminders).toBe(0);
    expect(await count("reminder")).toBe(first.reminders);
    // An answered offer is not reminded, nor lapsed.
    setToday("2025-08-16");
    const lapsed = runCalendar(api.db, "2025-08-16");
    expect(lapsed.lapsed).toBe(funded.length);
    expect(await count("lapsed")).toBe(first.reminders);
    expect(runCalendar(api.db, "2025-08-17")).toEqual({ lapsed: 0, reminders: 0 });
    setToday(AS_OF_13MSP.TODAY);
  });

  it("offers the freed place from the waiting list in words of its own, and tells the ISU of an applicant's own answer only", async () => {
    const api = await testApi(AS_OF_13MSP);
    const admin = await api.as("admin");
    const { funded } = await approve(api, admin, 3);
    const decisions = (await admin.req("GET", "/api/rounds/13MSP/decisions")).json as { requestId: string; version: number }[];
    const before = await all(admin);
    const waitlisted = new Set(before.filter((m) => m.kind === "waitlisted").map((m) => m.requestId));
    expect(waitlisted.size).toBe(3);
    // The applicant of the first offer declines it on the status page: the ISU is told, in English.
    const [mine, recorded] = [funded[0]!, funded[1]!];
    const code = "OUTB-OXAN-SWER-0001";
    api.db.prepare("UPDATE requests SET access_code_hash = ? WHERE id = ?").run(hashCode(code), mine);
    const anon = await api.as("anonymous");
    expect((await anon.req("POST", "/api/applicant/offer", { reference: mine, code, answer: "declined" })).status).toBe(200);
    // Staff record the second offer's decline themselves: they know it already, nobody is told.
    const d = decisions.find((x) => x.requestId === recorded)!;
    expect((await admin.req("POST", `/api/rounds/13MSP/offers/${recorded}`, { offerStatus: "declined", version: d.version })).status).toBe(
      200,
    );
    const notices = (await all(admin)).filter((m) => m.kind === "answered");
    expect(notices.map((m) => [m.requestId, m.language])).toEqual([[mine, "en"]]);
    expect(notices[0]!.subject).toMatch(new RegExp(`^Offer declined: ${mine} \\([A-Z]`));
    // The replacements: a request from the waiting list gets the message of a place that opened.
    const proposal = (await admin.req("POST", "/api/rounds/13MSP/replacements")).json.id as string;
    expect((await admin.req("POST", `/api/replacements/${proposal}/apply`, { offerDeadline: "2025-08-20" })).status).toBe(200);
    const after = (await all(admin)).filter((m) => !before.some((b) => b.id === m.id) && m.kind !== "answered");
    expect(after.length).toBeGreaterThan(0);
    for (const m of after)
      expect([m.requestId, m.kind]).toEqual([m.requestId, waitlisted.has(m.requestId) ? "replacement-offer" : "offer"]);
    const fromTheList = after.filter((m) => m.kind === "replacement-offer");
    expect(fromTheList.length).toBeGreaterThan(0);
    expect(fromTheList[0]!.subject).toMatch(/^A place has opened: sponsorship offered, please answer by 20 August 2025 \(/);
  });

  it("answers a lost code the same way whether or not the pair matched, and rate-limits it", async () => {
    const api = await testApi({ LOGIN_RATE_PER_MINUTE: "6" });
    const anon = await api.as("anonymous");
    const admin = await api.as("admin");
    const sent = await anon.req("POST", "/api/rounds/DEMO-OPEN/apply", {
      state: "KHM",
      gender: "M",
      email: "Lost@Example.org",
      travel: { airTicket: 900 },
      acceptedLevels: ["full"],
    });
    const ref = sent.json.reference as string;
    const ask = (reference: string, email: string) =>
      anon.req("POST", "/api/applicant/new-code", { reference, email }, { "x-test-remote": "10.0.0.9" });
    const answers = [
      await ask(ref.toLowerCase(), "lost@example.org"),
      await ask(ref, "other@example.org"),
      await ask("DEMO-OPEN-NOPE", "lost@example.org"),
    ];
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202]);
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    const codes = (await all(admin)).filter((m) => m.kind === "new-code");
    expect(codes).toHaveLength(1);
    expect(codes[0]).toMatchObject({ requestId: ref, recipient: "Lost@Example.org" });
    // The code is made when the message leaves: staff never see it.
    expect(codes[0]!.body).toContain("(sent to the applicant only)");
    // The old code still opens the request until then.
    expect((await anon.req("POST", "/api/applicant/status", { reference: ref, code: sent.json.accessCode })).status).toBe(200);
    // Six asks a minute from one address, then 429, whatever they ask.
    const more = [];
    for (let i = 0; i < 4; i++) more.push((await ask("ANY", "any@example.org")).status);
    expect(more).toEqual([202, 202, 202, 429]);
  });

  it("lets staff read and preview, an administrator resend only a failed message, and donors nothing", async () => {
    const api = await testApi(AS_OF_13MSP);
    const admin = await api.as("admin");
    const reviewer = await api.as("reviewer");
    const donor = await api.as("donor-aus");
    await approve(api, admin);
    const [m] = await all(admin);
    expect((await reviewer.req("GET", "/api/messages")).status).toBe(200);
    for (const path of [
      "/api/messages",
      `/api/requests/${m!.requestId}/messages`,
      "/api/message-templates",
      "/api/message-templates/offer/fr",
    ])
      expect((await donor.req("GET", path)).status, path).toBe(403);
    expect((await reviewer.req("POST", `/api/messages/${m!.id}/resend`, { version: m!.version })).status).toBe(403);
    const refused = await admin.req("POST", `/api/messages/${m!.id}/resend`, { version: m!.version });
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toMatch(/only a message that failed/);
    const preview = (await admin.req("GET", `/api/message-templates/offer/es?requestId=${m!.requestId}`)).json;
    expect(preview).toMatchObject({ example: false, language: "es" });
    expect(preview.subject).toMatch(/^Patrocinio ofrecido: responda antes del \d{1,2} de agosto de 2025/);
    expect((await admin.req("GET", "/api/message-templates/answered/fr")).status).toBe(404);
    const list = (await admin.req("GET", "/api/message-templates")).json as { kind: string; languages: string[] }[];
    expect(list.map((t) => t.kind)).toContain("new-code");
  });
});
