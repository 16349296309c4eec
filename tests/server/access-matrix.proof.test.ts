// The access-control matrix: every route of the app (from its own route list, so that a new route
// without a row here fails the test) × {anonymous, applicant, donor, reviewer, admin}. Each cell sends a
// well-formed request as that caller and asserts the status; every answer is scanned for what the caller
// may not see: donors and outsiders no personal contact data, applicants nothing of another request, and
// nobody a password, code or session hash. Then the attacks: access-code guessing, session fixation,
// CSRF and cross-round access.
import { describe, expect, it } from "vitest";
import { hashCode } from "../../server/auth/passwords.js";
import { GUARDS } from "../../server/http/index.js";
import { CONTACT_FIELDS } from "../../server/routes/applicants.js";
import { AS_OF_13MSP, testApi, type Client } from "./api-helpers.js";

type Who = "anonymous" | "applicant" | "donor" | "reviewer" | "admin";
const WHO: Who[] = ["anonymous", "applicant", "donor", "reviewer", "admin"];

interface Probe {
  path: string;
  body?: unknown;
  /** Sign in anew for this cell (the route ends or changes the session). */
  fresh?: boolean;
}

describe("access-control matrix", async () => {
  const api = await testApi({ ...AS_OF_13MSP, LOGIN_RATE_PER_MINUTE: "1000", CODE_MAX_FAILURES: "1000" });
  const clients: Record<Exclude<Who, "applicant">, Client> = {
    anonymous: await api.as("anonymous"),
    donor: await api.as("donor-aus"),
    reviewer: await api.as("reviewer"),
    admin: await api.as("admin"),
  };
  const get = async (path: string) => (await clients.admin.req("GET", path)).json;
  const yearOf = async (year: number) => ((await get("/api/years")) as { year: number; version: number }[]).find((y) => y.year === year)!;

  const admin = clients.admin; // the fixture's session (before any password change)
  // The fixture: two finished runs of 13MSP, the first approved (offers out), one offer declined with a
  // replacement proposed, and an applicant (a funded request) with a known access code.
  const runA = (await admin.req("POST", "/api/rounds/13MSP/runs", {})).json.id as string;
  await api.runs.settled(runA);
  const runB = (await admin.req("POST", "/api/rounds/13MSP/runs", {})).json.id as string;
  await api.runs.settled(runB);
  // The server's today is before 13MSP's meeting; the open round takes requests on that day too.
  const open = await get("/api/rounds/DEMO-OPEN");
  expect((await admin.req("PATCH", "/api/rounds/DEMO-OPEN", { version: open.version, windowOpens: AS_OF_13MSP.TODAY })).status).toBe(200);
  const approved = await admin.req("POST", `/api/runs/${runA}/approve`, {
    offerDeadline: "2025-09-15",
    roundVersion: (await get("/api/rounds/13MSP")).version,
  });
  expect(approved.status).toBe(200);
  const funded = (approved.json as { requestId: string; decision: string; version: number }[]).filter((d) => d.decision === "funded");
  const [own, declined, answered] = [funded[0]!, funded[1]!, funded[2]!];
  const applicant = { reference: own.requestId, code: "MATR-IXAP-PLIC-ANT1" };
  api.db.prepare("UPDATE requests SET access_code_hash = ? WHERE id = ?").run(hashCode(applicant.code), applicant.reference);
  expect(
    (await admin.req("POST", `/api/rounds/13MSP/offers/${declined.requestId}`, { offerStatus: "declined", version: declined.version }))
      .status,
  ).toBe(200);
  const replacement = (await admin.req("POST", "/api/rounds/13MSP/replacements")).json.id as string;
  expect(replacement).toBeTruthy();
  const openProposal = () =>
    api.db
      .prepare("SELECT id FROM replacements WHERE round_id = '13MSP' AND status = 'proposed' ORDER BY created_at DESC LIMIT 1")
      .pluck()
      .get() as string | undefined;
  const applicantEmail = (
    JSON.parse(api.db.prepare("SELECT attributes FROM requests WHERE id = ?").pluck().get(applicant.reference) as string) as {
      email: string;
    }
  ).email;
  expect(applicantEmail).toContain("@");
  // The offers' messages are in the outbox (no mail server here); one is marked refused, to be resent.
  const refused = api.db
    .prepare(
      "UPDATE messages SET status = 'failed', last_answer = '550 mailbox unavailable', version = version + 1 WHERE id = (SELECT min(id) FROM messages WHERE kind = 'offer') RETURNING id, version",
    )
    .get() as { id: number; version: number };
  expect(refused.id).toBeGreaterThan(0);
  // A draft round for the status change, and an import file made of an exported row.
  expect(
    (
      await admin.req("POST", "/api/rounds", {
        round: roundLike(await get("/api/rounds/DEMO-OPEN"), "MATRIX"),
        weights: (await get("/api/rounds/13MSP/settings")).weights,
      })
    ).status,
  ).toBe(201);
  const exported = (await admin.req("GET", "/api/rounds/13MSP/requests/export")).text.split(/\r?\n/);
  const importCsv = `${exported[0]}\n${exported[5]!.replace(/^[^,]+/, "13MSP-IMPORTED")}\n`;

  // Every personal value and secret in the database, to look for in answers.
  const requests = api.db.prepare("SELECT id, round_id, attributes FROM requests").all() as {
    id: string;
    round_id: string;
    attributes: string;
  }[];
  const personal = new Map<string, string[]>(
    requests.map((r) => {
      const a = JSON.parse(r.attributes) as Record<string, unknown>;
      return [
        r.id,
        CONTACT_FIELDS.map((k) => a[k])
          .filter((v): v is string => typeof v === "string" && v.trim().length > 0)
          .map((v) => v.trim()),
      ];
    }),
  );
  const SECRETS = /scrypt\$|sha256\$|password_hash|access_code_hash|token_hash/;

  const clientOf = async (who: Who, fresh: boolean): Promise<Client> => {
    if (who === "applicant") return clients.anonymous;
    if (!fresh || who === "anonymous") return clients[who];
    return api.as(who === "donor" ? "donor-aus" : who);
  };
  const version = async (path: string) => (await get(path)).version as number;

  // One well-formed request per route, as each caller would send it. Public routes give their status per
  // caller; guarded routes the status for their allowed roles (the others: 401 without a session, 403).
  const ROUTES: Record<string, { probe: (who: Who) => Probe | Promise<Probe>; ok: Partial<Record<Who, number>> }> = {
    "GET /api/health": {
      probe: () => ({ path: "/api/health" }),
      ok: { anonymous: 200, applicant: 200, donor: 200, reviewer: 200, admin: 200 },
    },
    "POST /api/auth/login": {
      probe: (who) => ({
        path: "/api/auth/login",
        body:
          who === "anonymous"
            ? { username: "admin", password: "not-the-password" }
            : who === "applicant"
              ? { username: applicant.reference, password: applicant.code }
              : { username: who === "donor" ? "donor-aus" : who, password: `demo-${who}-13msp` },
      }),
      ok: { anonymous: 401, applicant: 401, donor: 200, reviewer: 200, admin: 200 },
    },
    "POST /api/auth/logout": { probe: () => ({ path: "/api/auth/logout", fresh: true }), ok: { donor: 204, reviewer: 204, admin: 204 } },
    "GET /api/auth/session": { probe: () => ({ path: "/api/auth/session" }), ok: { donor: 200, reviewer: 200, admin: 200 } },
    "GET /api/users": { probe: () => ({ path: "/api/users" }), ok: { admin: 200 } },
    "POST /api/users": {
      probe: (who) => ({
        path: "/api/users",
        body: { username: `matrix-${who}`, displayName: "Matrix", role: "reviewer", password: "a-long-password-123" },
      }),
      ok: { admin: 201 },
    },
    "POST /api/users/{username}/password": {
      probe: () => ({ path: "/api/users/matrix-admin/password", body: { password: "another-long-password" } }),
      ok: { admin: 204 },
    },
    "POST /api/auth/password": {
      probe: (who) => ({ path: "/api/auth/password", body: { current: `demo-${who}-13msp`, password: `demo-${who}-13msp` }, fresh: true }),
      ok: { donor: 204, reviewer: 204, admin: 204 },
    },
    "GET /api/rounds": { probe: () => ({ path: "/api/rounds" }), ok: { donor: 200, reviewer: 200, admin: 200 } },
    "GET /api/rounds/{roundId}": { probe: () => ({ path: "/api/rounds/13MSP" }), ok: { donor: 200, reviewer: 200, admin: 200 } },
    "GET /api/public/rounds/{roundId}": {
      probe: () => ({ path: "/api/public/rounds/DEMO-OPEN" }),
      ok: { anonymous: 200, applicant: 200, donor: 200, reviewer: 200, admin: 200 },
    },
    "POST /api/rounds": {
      probe: async () => ({
        path: "/api/rounds",
        body: {
          round: roundLike(await get("/api/rounds/DEMO-OPEN"), "MATRIX-2"),
          weights: (await get("/api/rounds/13MSP/settings")).weights,
        },
      }),
      ok: { admin: 201 },
    },
    "PATCH /api/rounds/{roundId}": {
      probe: async () => ({ path: "/api/rounds/MATRIX", body: { version: await version("/api/rounds/MATRIX"), reserve: 100 } }),
      ok: { admin: 200 },
    },
    "POST /api/rounds/{roundId}/status": {
      probe: async () => ({ path: "/api/rounds/MATRIX/status", body: { status: "open", version: await version("/api/rounds/MATRIX") } }),
      ok: { admin: 200 },
    },
    "GET /api/rounds/{roundId}/states": { probe: () => ({ path: "/api/rounds/13MSP/states" }), ok: { reviewer: 200, admin: 200 } },
    "PUT /api/rounds/{roundId}/states/{iso3}": {
      probe: async () => {
        const s = ((await get("/api/rounds/13MSP/states")).states as { iso3: string; version: number }[]).find((x) => x.iso3 === "LAO")!;
        const { version: v, ...state } = s as Record<string, unknown> & { version: number };
        return { path: "/api/rounds/13MSP/states/LAO", body: { state: { ...pickState(state), source: "matrix check" }, version: v } };
      },
      ok: { admin: 200 },
    },
    "GET /api/rounds/{roundId}/donors": { probe: () => ({ path: "/api/rounds/13MSP/donors" }), ok: { reviewer: 200, admin: 200 } },
    "PUT /api/rounds/{roundId}/donors/{donorId}": {
      probe: async () => {
        const d = ((await get("/api/rounds/13MSP/donors")) as Record<string, unknown>[]).find((x) => x.id === "AUS")!;
        return { path: "/api/rounds/13MSP/donors/AUS", body: { name: d.name, amount: d.amount, version: d.version } };
      },
      ok: { admin: 200 },
    },
    "GET /api/rounds/{roundId}/settings": { probe: () => ({ path: "/api/rounds/13MSP/settings" }), ok: { reviewer: 200, admin: 200 } },
    "GET /api/rounds/{roundId}/settings/versions": {
      probe: () => ({ path: "/api/rounds/13MSP/settings/versions" }),
      ok: { reviewer: 200, admin: 200 },
    },
    "PUT /api/rounds/{roundId}/settings": {
      probe: async () => {
        const s = await get("/api/rounds/MATRIX/settings");
        return { path: "/api/rounds/MATRIX/settings", body: { weights: s.weights, policy: s.policy, basedOn: s.version, note: "matrix" } };
      },
      ok: { admin: 200 },
    },
    "GET /api/rounds/{roundId}/requests": { probe: () => ({ path: "/api/rounds/13MSP/requests" }), ok: { reviewer: 200, admin: 200 } },
    "GET /api/requests/{requestId}": { probe: () => ({ path: "/api/requests/13MSP-002" }), ok: { reviewer: 200, admin: 200 } },
    "POST /api/rounds/{roundId}/requests": {
      probe: () => ({ path: "/api/rounds/MATRIX/requests", body: sampleRequest() }),
      ok: { admin: 201 },
    },
    "PUT /api/requests/{requestId}": {
      probe: async () => {
        const r = await get("/api/requests/MATRIX-001");
        const { id: _, ...attributes } = r.attributes;
        return {
          path: "/api/requests/MATRIX-001",
          body: { attributes: { ...attributes, title: "Deputy Director" }, version: r.version, reason: "the mission's note" },
        };
      },
      ok: { admin: 200 },
    },
    "POST /api/requests/{requestId}/status": {
      probe: async () => ({
        path: "/api/requests/MATRIX-001/status",
        body: { status: "under-review", note: "documents checked", version: await version("/api/requests/MATRIX-001") },
      }),
      ok: { admin: 200 },
    },
    "POST /api/requests/{requestId}/lock": {
      probe: async () => ({
        path: "/api/requests/MATRIX-001/lock",
        body: { lock: "in", justification: "speaks for the region", version: await version("/api/requests/MATRIX-001") },
      }),
      ok: { admin: 200 },
    },
    "POST /api/requests/{requestId}/interest": {
      probe: async () => ({
        path: "/api/requests/13MSP-038/interest",
        body: { decision: "not-accepted", note: "no statement on record", version: await version("/api/requests/13MSP-038") },
      }),
      ok: { reviewer: 200, admin: 200 },
    },
    "POST /api/requests/{requestId}/exception": {
      probe: async () => ({
        path: "/api/requests/MATRIX-001/exception",
        body: { admit: true, justification: "presents the analysis group's report", version: await version("/api/requests/MATRIX-001") },
      }),
      ok: { admin: 200 },
    },
    "GET /api/rounds/{roundId}/scores": { probe: () => ({ path: "/api/rounds/13MSP/scores" }), ok: { reviewer: 200, admin: 200 } },
    "PUT /api/requests/{requestId}/review": {
      probe: () => ({ path: "/api/requests/MATRIX-001/review", body: { rating: 3, comment: "matrix" } }),
      ok: { reviewer: 200, admin: 200 },
    },
    // A conflict of interest the reviewer declared (again before each caller), lifted by an administrator.
    "POST /api/requests/{requestId}/reviews/{reviewer}/lift-conflict": {
      probe: () => {
        const reviewerId = api.db.prepare("SELECT id FROM users WHERE username = 'reviewer'").pluck().get() as number;
        const v = api.db
          .prepare(
            `INSERT INTO reviews (request_id, reviewer_id, rating, comment, conflict, updated_at) VALUES ('13MSP-010', ?, NULL, '', 1, '2025-07-01T00:00:00Z')
             ON CONFLICT (request_id, reviewer_id) DO UPDATE SET rating = NULL, conflict = 1, version = version + 1 RETURNING version`,
          )
          .pluck()
          .get(reviewerId) as number;
        return {
          path: "/api/requests/13MSP-010/reviews/reviewer/lift-conflict",
          body: { reason: "declared by mistake, the reviewer says", version: v },
        };
      },
      ok: { admin: 200 },
    },
    "GET /api/reviews/queue": { probe: () => ({ path: "/api/reviews/queue" }), ok: { reviewer: 200, admin: 200 } },
    "POST /api/rounds/{roundId}/requests/import": {
      probe: () => ({ path: "/api/rounds/13MSP/requests/import", body: { format: "csv", content: importCsv } }),
      ok: { admin: 201 },
    },
    "GET /api/rounds/{roundId}/requests/export": {
      probe: () => ({ path: "/api/rounds/13MSP/requests/export" }),
      ok: { reviewer: 200, admin: 200 },
    },
    "GET /api/rounds/{roundId}/requests/template": {
      probe: () => ({ path: "/api/rounds/13MSP/requests/template?format=xlsx" }),
      ok: { reviewer: 200, admin: 200 },
    },
    "POST /api/rounds/{roundId}/runs": { probe: () => ({ path: "/api/rounds/13MSP/runs", body: {} }), ok: { admin: 202 } },
    "GET /api/rounds/{roundId}/runs": { probe: () => ({ path: "/api/rounds/13MSP/runs" }), ok: { reviewer: 200, admin: 200 } },
    "GET /api/rounds/{roundId}/what-if": { probe: () => ({ path: "/api/rounds/13MSP/what-if" }), ok: { reviewer: 200, admin: 200 } },
    "GET /api/runs/{runId}": { probe: () => ({ path: `/api/runs/${runA}` }), ok: { reviewer: 200, admin: 200 } },
    "POST /api/runs/{runId}/cancel": {
      // The admin's cell cancels a run it has just started; the others try a finished one.
      probe: async (who) => ({
        path: `/api/runs/${who === "admin" ? (await clients.admin.req("POST", "/api/rounds/13MSP/runs", {})).json.id : runB}/cancel`,
      }),
      ok: { admin: 200 },
    },
    "GET /api/runs/{runId}/export": { probe: () => ({ path: `/api/runs/${runA}/export` }), ok: { reviewer: 200, admin: 200 } },
    "GET /api/runs/{runId}/changes": {
      probe: () => ({ path: `/api/runs/${runB}/changes` }),
      ok: { reviewer: 200, admin: 200 },
    },
    "GET /api/runs/{runId}/compare/{otherId}": {
      probe: () => ({ path: `/api/runs/${runA}/compare/${runB}` }),
      ok: { reviewer: 200, admin: 200 },
    },
    "POST /api/runs/{runId}/curve": {
      probe: () => ({ path: `/api/runs/${runA}/curve`, body: { steps: 3 } }),
      ok: { reviewer: 200, admin: 200 },
    },
    "POST /api/runs/{runId}/robustness": {
      probe: () => ({ path: `/api/runs/${runA}/robustness`, body: { samples: 3 } }),
      ok: { reviewer: 200, admin: 200 },
    },
    "POST /api/runs/{runId}/sensitivity": {
      probe: () => ({ path: `/api/runs/${runA}/sensitivity`, body: { locks: false, earmarks: false } }),
      ok: { reviewer: 200, admin: 200 },
    },
    // The round is decided: the admin passes the guard and meets the round's status (409).
    "POST /api/runs/{runId}/approve": {
      probe: async () => ({
        path: `/api/runs/${runB}/approve`,
        body: { offerDeadline: "2025-09-15", roundVersion: await version("/api/rounds/13MSP") },
      }),
      ok: { admin: 409 },
    },
    "GET /api/rounds/{roundId}/decisions": { probe: () => ({ path: "/api/rounds/13MSP/decisions" }), ok: { reviewer: 200, admin: 200 } },
    "POST /api/rounds/{roundId}/offers/{requestId}": {
      probe: () => ({
        path: `/api/rounds/13MSP/offers/${answered.requestId}`,
        body: { offerStatus: "accepted", version: answered.version },
      }),
      ok: { admin: 200 },
    },
    "POST /api/rounds/{roundId}/replacements": { probe: () => ({ path: "/api/rounds/13MSP/replacements" }), ok: { admin: 201 } },
    "GET /api/rounds/{roundId}/replacements/open": {
      probe: () => ({ path: "/api/rounds/13MSP/replacements/open" }),
      ok: { reviewer: 200, admin: 200 },
    },
    "POST /api/replacements/{replacementId}/apply": {
      // The latest proposal: a later one (the probe of POST …/replacements) replaces the earlier.
      probe: () => ({ path: `/api/replacements/${openProposal() ?? replacement}/apply`, body: { offerDeadline: "2025-09-15" } }),
      ok: { admin: 200 },
    },
    "GET /api/rounds/{roundId}/statement": {
      probe: () => ({ path: "/api/rounds/13MSP/statement" }),
      ok: { donor: 200, reviewer: 200, admin: 200 },
    },
    "GET /api/years": { probe: () => ({ path: "/api/years" }), ok: { donor: 200, reviewer: 200, admin: 200 } },
    "POST /api/years": { probe: () => ({ path: "/api/years", body: { year: 2040 } }), ok: { admin: 201 } },
    "GET /api/years/{year}/statement": {
      probe: () => ({ path: "/api/years/2025/statement" }),
      ok: { donor: 200, reviewer: 200, admin: 200 },
    },
    "GET /api/years/{year}/ledger": { probe: () => ({ path: "/api/years/2025/ledger" }), ok: { reviewer: 200, admin: 200 } },
    // 2025 is the demo's first year: its opening balance is entered.
    "PUT /api/years/{year}/opening": {
      probe: async () => ({
        path: "/api/years/2025/opening",
        body: { amount: 51319, note: "carried over (report, para. 134)", version: (await yearOf(2025)).version },
      }),
      ok: { admin: 200 },
    },
    "PUT /api/years/{year}/note": {
      probe: async () => ({ path: "/api/years/2025/note", body: { note: "a note", version: (await yearOf(2025)).version } }),
      ok: { admin: 200 },
    },
    // 2025's round is in review: the close is refused in words (409) once past the role check (its
    // success is tested in history.test.ts and the model-based test).
    "POST /api/years/{year}/close": {
      probe: async () => ({ path: "/api/years/2025/close", body: { version: (await yearOf(2025)).version } }),
      ok: { admin: 409 },
    },
    "GET /api/states": {
      probe: () => ({ path: "/api/states" }),
      ok: { anonymous: 200, applicant: 200, donor: 200, reviewer: 200, admin: 200 },
    },
    "POST /api/rounds/{roundId}/apply": {
      probe: () => ({
        path: "/api/rounds/DEMO-OPEN/apply",
        body: {
          state: "LAO",
          name: "Applicant Person",
          gender: "F",
          email: "applicant@example.org",
          travel: { airTicket: 1200 },
          acceptedLevels: ["full"],
        },
      }),
      ok: { anonymous: 201, applicant: 201, donor: 201, reviewer: 201, admin: 201 },
    },
    // Only the applicant knows the code: everyone else guesses.
    "POST /api/applicant/status": {
      probe: (who) => ({
        path: "/api/applicant/status",
        body: who === "applicant" ? applicant : { reference: applicant.reference, code: "GUES-SGUE-SSGU-ESS2" },
      }),
      ok: { anonymous: 404, applicant: 200, donor: 404, reviewer: 404, admin: 404 },
    },
    "POST /api/applicant/offer": {
      probe: (who) => ({
        path: "/api/applicant/offer",
        body: {
          ...(who === "applicant" ? applicant : { reference: applicant.reference, code: "GUES-SGUE-SSGU-ESS2" }),
          answer: "accepted",
        },
      }),
      ok: { anonymous: 404, applicant: 200, donor: 404, reviewer: 404, admin: 404 },
    },
    // The applicant's e-mail on file or a guess: the same answer (202) for everyone.
    "POST /api/applicant/new-code": {
      probe: (who) => ({
        path: "/api/applicant/new-code",
        body: { reference: applicant.reference, email: who === "applicant" ? applicantEmail : "someone@example.org" },
      }),
      ok: { anonymous: 202, applicant: 202, donor: 202, reviewer: 202, admin: 202 },
    },
    "GET /api/messages": { probe: () => ({ path: "/api/messages?status=queued" }), ok: { reviewer: 200, admin: 200 } },
    "GET /api/requests/{requestId}/messages": {
      probe: () => ({ path: `/api/requests/${applicant.reference}/messages` }),
      ok: { reviewer: 200, admin: 200 },
    },
    // A message the mail server refused, sent again.
    "POST /api/messages/{messageId}/resend": {
      probe: () => ({ path: `/api/messages/${refused.id}/resend`, body: { version: refused.version } }),
      ok: { admin: 200 },
    },
    "GET /api/message-templates": { probe: () => ({ path: "/api/message-templates" }), ok: { reviewer: 200, admin: 200 } },
    "GET /api/message-templates/{kind}/{language}": {
      probe: () => ({ path: `/api/message-templates/offer/fr?requestId=${applicant.reference}` }),
      ok: { reviewer: 200, admin: 200 },
    },
    "GET /api/rounds/{roundId}/rationale": { probe: () => ({ path: "/api/rounds/13MSP/rationale" }), ok: { donor: 200, admin: 200 } },
    "GET /api/audit": { probe: () => ({ path: "/api/audit" }), ok: { admin: 200 } },
    "GET /api/audit/verify": { probe: () => ({ path: "/api/audit/verify" }), ok: { admin: 200 } },
    "GET /api/backup": { probe: () => ({ path: "/api/backup?format=json" }), ok: { admin: 200 } },
  };

  it("has a row for every route of the app, and no row for a route that does not exist", () => {
    expect(Object.keys(ROUTES).sort()).toEqual([...GUARDS.keys()].sort());
  });

  const cells: { route: string; who: Who; status: number }[] = [];
  it.each([...GUARDS.keys()])("%s", async (key) => {
    const [method, template] = key.split(" ") as [string, string];
    const row = ROUTES[key]!;
    const guard = GUARDS.get(key)!;
    for (const who of WHO) {
      const expected =
        guard === "public" || (who !== "anonymous" && who !== "applicant" && guard.includes(who))
          ? row.ok[who]
          : who === "anonymous" || who === "applicant"
            ? 401
            : 403;
      expect(expected, `${key} as ${who}: no expected status`).toBeDefined();
      const probe = await row.probe(who);
      expect(probe.path.split("?")[0]!.split("/").length, `${key}: probe ${probe.path}`).toBe(template.split("/").length);
      const client = await clientOf(who, probe.fresh ?? false);
      const res = await client.req(method, probe.path, probe.body ?? (method === "GET" ? undefined : {}));
      cells.push({ route: key, who, status: res.status });
      // A password change signs the user's other sessions out: sign the shared clients in again.
      if (probe.fresh && who !== "anonymous" && who !== "applicant") clients[who] = await api.as(who === "donor" ? "donor-aus" : who);
      expect(res.status, `${key} as ${who}: ${res.text.slice(0, 300)}`).toBe(expected);
      // What each caller may not see.
      if (key !== "GET /api/backup") expect(res.text, `${key} as ${who} shows a hash`).not.toMatch(SECRETS);
      if (who !== "reviewer" && who !== "admin") {
        // Each string in the answer (JSON values, or CSV cells) against each other request's contact data.
        const mine = new Set(who === "applicant" ? personal.get(applicant.reference) : []);
        const shown = new Set(res.json === null ? res.text.split(/[,\r\n]+/) : strings(res.json));
        for (const [id, values] of personal) {
          for (const v of values) if (!mine.has(v)) expect(shown.has(v), `${key} as ${who} shows contact data of ${id}: ${v}`).toBe(false);
        }
      }
      if (who === "applicant" && res.status === 200 && key.startsWith("POST /api/applicant/")) {
        const others = [...res.text.matchAll(/13MSP-\d{3}/g)].map((m) => m[0]).filter((id) => id !== applicant.reference);
        expect(others, `${key}: another request's reference`).toEqual([]);
      }
    }
  });

  it("would see contact data where it is shown (the scan is not blind)", async () => {
    const res = await clients.reviewer.req("GET", "/api/rounds/13MSP/requests");
    const shown = new Set(strings(res.json));
    expect([...personal.values()].flat().filter((v) => shown.has(v)).length).toBeGreaterThan(40);
  });

  it("covers every cell", () => {
    expect(cells.length).toBe(GUARDS.size * WHO.length);
    console.info(`access-control matrix: ${GUARDS.size} routes × ${WHO.length} callers = ${cells.length} cells`);
  });
});

/** Every string in a JSON value, keys included. */
function strings(v: unknown): string[] {
  if (typeof v === "string") return [v.trim()];
  if (Array.isArray(v)) return v.flatMap(strings);
  if (v && typeof v === "object") return Object.entries(v).flatMap(([k, x]) => [k, ...strings(x)]);
  return [];
}

/** A new draft round with the dates and money of `r`. */
function roundLike(r: Record<string, unknown>, id: string): Record<string, unknown> {
  const keys = [
    "meeting",
    "venue",
    "startDate",
    "endDate",
    "windowOpens",
    "windowCloses",
    "allowanceRate",
    "nights",
    "reserve",
    "adminEstimate",
  ];
  return { ...Object.fromEntries(keys.map((k) => [k, r[k]])), id, status: "draft" };
}

/** The editable fields of a State record (as GET …/states lists it). */
function pickState(s: Record<string, unknown>): Record<string, unknown> {
  const { edited: _e, ...rest } = s;
  return rest;
}

function sampleRequest(): Record<string, unknown> {
  return {
    state: "LAO",
    name: "Matrix Delegate",
    gender: "F",
    email: "matrix@example.org",
    submittedAt: "2025-05-02T09:30:00Z",
    travel: { airTicket: 1500 },
    acceptedLevels: ["full"],
  };
}

describe("attacks", async () => {
  const api = await testApi(AS_OF_13MSP);
  // Brute force on a server with tight limits: 4 wrong answers a minute per address, 8 per reference.
  const strict = await testApi({ LOGIN_RATE_PER_MINUTE: "4", CODE_MAX_FAILURES: "8" });
  // Client addresses (as the server reads them from the socket; X-Forwarded-For is not trusted).
  const ip = (n: number) => ({ "x-test-remote": `198.51.100.${n}` });
  const anon = await strict.as("anonymous");

  it("guessing access codes: 429 past the per-address limit, slowed per (reference, address), never locked for the applicant", async () => {
    const guess = (n: number, address = Math.floor(n / 4)) =>
      anon.req(
        "POST",
        "/api/applicant/status",
        { reference: "13MSP-001", code: `GUES-SGUE-SSGU-ES${String(n).padStart(2, "2")}` },
        ip(address),
      );
    // Four wrong codes from one address: 404 each; the fifth from that address: 429.
    for (let n = 0; n < 4; n++) expect((await guess(n)).status).toBe(404);
    const limited = await guess(4, 0);
    expect(limited.status).toBe(429);
    expect(limited.json.error.code).toBe("rate-limited");
    expect(limited.headers.get("retry-after")).toBe("60");
    // Wrong codes from many addresses do not lock the reference: the right code opens it from another.
    for (let n = 4; n < 40; n++) expect((await guess(n)).status).toBe(404);
    expect((await anon.req("POST", "/api/applicant/status", { reference: "13MSP-001", code: "DEMO-CODE-13MS-P001" }, ip(51))).status).toBe(
      200,
    );
  });

  it("guessing passwords: 429 per address, slowed per (account, address), the same for a known and an unknown name", async () => {
    const known = [];
    const unknown = [];
    for (let n = 0; n < 5; n++) {
      known.push((await anon.req("POST", "/api/auth/login", { username: "reviewer", password: `wrong-${n}` }, ip(100 + n))).status);
      unknown.push((await anon.req("POST", "/api/auth/login", { username: "nobody", password: `wrong-${n}` }, ip(100 + n))).status);
    }
    expect(known).toEqual([401, 401, 401, 401, 401]);
    expect(unknown).toEqual(known);
    // Failures from many addresses lock nobody out: the right password signs in from another.
    expect((await anon.req("POST", "/api/auth/login", { username: "reviewer", password: "demo-reviewer-13msp" }, ip(120))).status).toBe(
      200,
    );
    const fromOne = [];
    for (let n = 0; n < 5; n++)
      fromOne.push((await anon.req("POST", "/api/auth/login", { username: "nobody", password: `wrong-${n}` }, ip(130))).status);
    expect(fromOne).toEqual([401, 401, 401, 401, 429]);
  });

  it("session fixation: a session id chosen before sign-in is not the one issued, and is worth nothing", async () => {
    const planted = "attacker-chosen-session-id-0123456789abcdef";
    const login = await api.app.request("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json", cookie: `sid=${planted}` },
      body: JSON.stringify({ username: "admin", password: "demo-admin-13msp" }),
    });
    expect(login.status).toBe(200);
    const issued = /sid=([^;]+)/.exec(login.headers.get("set-cookie") ?? "")![1]!;
    expect(issued).not.toBe(planted);
    expect(issued.length).toBeGreaterThanOrEqual(43);
    const withPlanted = await api.app.request("/api/auth/session", { headers: { cookie: `sid=${planted}` } });
    expect(withPlanted.status).toBe(401);
    // The issued token is stored only as its hash.
    expect(api.db.prepare("SELECT COUNT(*) FROM sessions WHERE token_hash = ?").pluck().get(issued)).toBe(0);
  });

  it("CSRF: a state change with the session cookie but without its token, with another session's token, or as a form, is refused", async () => {
    const admin = await api.as("admin");
    const reviewer = await api.as("reviewer");
    const cookie = admin.cookie!;
    const round = (await admin.req("GET", "/api/rounds/13MSP")).json;
    const patch = (headers: Record<string, string>, body = JSON.stringify({ version: round.version, reserve: 1 })) =>
      api.app.request("/api/rounds/13MSP", { method: "PATCH", headers: { cookie, ...headers }, body });
    for (const res of [
      await patch({ "content-type": "application/json" }),
      await patch({ "content-type": "application/json", "x-csrf-token": reviewer.csrf! }),
      await patch({ "content-type": "application/x-www-form-urlencoded" }, "reserve=1"),
    ]) {
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("csrf");
    }
    // A cross-site form without any session (e.g. to the applicants' routes) is refused too.
    const form = await api.app.request("/api/applicant/status", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ reference: "13MSP-002", code: "x" }),
    });
    expect(form.status).toBe(403);
    expect((await admin.req("GET", "/api/rounds/13MSP")).json.version).toBe(round.version);
  });

  it("cross-round: a donor reads only the rounds it funds; offers, replacements and comparisons stay within their round", async () => {
    const admin = await api.as("admin");
    const donor = await api.as("donor-aus");
    expect((await donor.req("GET", "/api/rounds/DEMO-OPEN/statement")).status).toBe(403);
    expect((await donor.req("GET", "/api/rounds/DEMO-OPEN/rationale")).status).toBe(403);
    expect((await donor.req("GET", "/api/rounds/13MSP/statement")).status).toBe(200);
    // Runs of two rounds: a second round with requests of its own (the demo's, imported).
    const exported = (await admin.req("GET", "/api/rounds/13MSP/requests/export")).text;
    const copy = exported.replace(/^13MSP-/gm, "OTHER-");
    const round = (await admin.req("GET", "/api/rounds/DEMO-OPEN")).json;
    expect((await admin.req("POST", "/api/rounds/DEMO-OPEN/requests/import", { format: "csv", content: copy })).status).toBe(201);
    expect((await admin.req("POST", "/api/rounds/DEMO-OPEN/status", { status: "review", version: round.version })).status).toBe(200);
    const a = (await admin.req("POST", "/api/rounds/13MSP/runs", {})).json.id as string;
    const b = (await admin.req("POST", "/api/rounds/DEMO-OPEN/runs", {})).json.id as string;
    await api.runs.settled(a);
    await api.runs.settled(b);
    const compare = await admin.req("GET", `/api/runs/${a}/compare/${b}`);
    expect(compare.status).toBe(409);
    expect(compare.json.error.code).toBe("different-rounds");
    const r13 = (await admin.req("GET", "/api/rounds/13MSP")).json;
    const decisions = (await admin.req("POST", `/api/runs/${a}/approve`, { offerDeadline: "2025-09-15", roundVersion: r13.version }))
      .json as { requestId: string; decision: string; version: number }[];
    const f = decisions.find((d) => d.decision === "funded")!;
    // The 13MSP offer through the other round's path: not found there.
    expect(
      (await admin.req("POST", `/api/rounds/DEMO-OPEN/offers/${f.requestId}`, { offerStatus: "declined", version: f.version })).status,
    ).toBe(404);
    // A run of 13MSP cannot be approved for anything but 13MSP, and the other round's donors' view is its own.
    expect((await admin.req("GET", "/api/rounds/DEMO-OPEN/decisions")).json).toEqual([]);
  });
});
