// Hostile input: fast-check sends 10'000 malformed or adversarial requests across every route of the app
// (wrong types, huge strings and arrays, deep nesting, unicode, injection strings, missing and extra
// fields, bad cookies and CSRF tokens, wrong methods and content types, oversized bodies), as each kind of
// caller. Every answer is below 500 and in the one error format, and a refused request changes nothing:
// test-only triggers count every write to the product's tables (sign-in bookkeeping apart), and the count
// must not move unless the answer is a success.
import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hashSecret } from "../../server/auth/passwords.js";
import { GUARDS } from "../../server/http/index.js";
import { DEMO_ACCOUNTS } from "../../server/io/seed.js";
import { backupTables } from "../../server/io/backup.js";
import { AS_OF_13MSP, testApi } from "./api-helpers.js";
import { dbState } from "./db-state.js";

const RUNS = 10_000;

const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE requests; --",
  '" OR ""="',
  "1; SELECT * FROM users",
  "../../../../etc/passwd",
  "..%2f..%2f",
  "%00",
  "\u0000",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "${7*7}",
  "{{7*7}}",
  "__proto__",
  "constructor",
  "prototype",
  "$where",
  '{"$gt":""}',
  "‮evil",
  "𝕌𝕟𝕚𝕔𝕠𝕕𝕖",
  "Ω≈ç√∫",
  "\uD800",
  "\uFFFF",
  "null",
  "undefined",
  "NaN",
  "-0",
  "1e309",
  "0x10",
  " ",
  "\t\n\r",
  "💥".repeat(50),
];
const HUGE = "A".repeat(200_000);
/** A stack frame: "at fn (/path/file.ts:12:3)", "at node:internal/…", or a source path with line and column. */
const STACK = /\bat \S+ \((?:file:|\/|node:)|(?:\/|file:\/\/)[\w./-]+\.(?:ts|js|mjs|cjs):\d+:\d+/;

describe("hostile input", async () => {
  const api = await testApi(AS_OF_13MSP);
  const admin = await api.as("admin"); // the set-up's own session
  // A round with an approved run, so that the runs', decisions' and donors' routes have something to guard.
  const run = (await admin.req("POST", "/api/rounds/13MSP/runs", {})).json.id as string;
  await api.runs.settled(run);
  const round = (await admin.req("GET", "/api/rounds/13MSP")).json;
  expect((await admin.req("POST", `/api/runs/${run}/approve`, { offerDeadline: "2025-09-15", roundVersion: round.version })).status).toBe(
    200,
  );

  // The callers' sessions. The fuzzer may sign them out, lock their accounts or change their passwords:
  // the set-up then puts the account back and signs in again (test plumbing, outside the counted writes).
  const roles = ["admin", "reviewer", "donor-aus"] as const;
  type Role = (typeof roles)[number];
  const sessions = new Map<Role, { cookie: string; csrf: string }>();
  const signIn = async (who: Role) => {
    const client = await api.as(who).catch(async () => {
      // The account as seeded: its demo password, unlocked, no recent attempts.
      api.db
        .prepare("UPDATE users SET password_hash = ?, failed_logins = 0, locked_until = NULL WHERE username = ?")
        .run(await hashSecret(DEMO_ACCOUNTS.find((a) => a.username === who)!.password), who);
      api.db.prepare("DELETE FROM login_attempts").run();
      return api.as(who);
    });
    sessions.set(who, { cookie: client.cookie!, csrf: client.csrf! });
  };
  const refreshSessions = async () => {
    for (const who of roles)
      if ((await api.app.request("/api/auth/session", { headers: { cookie: sessions.get(who)!.cookie } })).status !== 200)
        await signIn(who);
  };
  for (const who of roles) await signIn(who);

  // Every write to the product's tables moves this counter (sessions, sign-in attempts and failed-login
  // counts are bookkeeping that a refused sign-in legitimately writes).
  api.db.exec("CREATE TABLE fuzz_writes (n INTEGER NOT NULL); INSERT INTO fuzz_writes VALUES (0);");
  for (const t of backupTables(api.db).filter((t) => t !== "fuzz_writes")) {
    const update = t === "users" ? "UPDATE OF username, display_name, role, donor_id, password_hash, version" : "UPDATE";
    for (const [name, event] of [
      ["i", "INSERT"],
      ["u", update],
      ["d", "DELETE"],
    ] as const) {
      api.db.exec(`CREATE TRIGGER fuzz_${t}_${name} AFTER ${event} ON "${t}" BEGIN UPDATE fuzz_writes SET n = n + 1; END;`);
    }
  }
  const writes = () => api.db.prepare("SELECT n FROM fuzz_writes").pluck().get() as number;

  // The field names each route's body knows (from the OpenAPI document), to build near-valid bodies.
  const doc = (await admin.req("GET", "/api/openapi.json")).json;
  const fieldsOf = (schema: unknown, depth = 0): string[] => {
    if (!schema || typeof schema !== "object" || depth > 4) return [];
    const s = schema as Record<string, unknown>;
    if (typeof s.$ref === "string") return fieldsOf(doc.components.schemas[s.$ref.split("/").pop()!], depth + 1);
    const own = s.properties ? Object.keys(s.properties) : [];
    const nested = [
      ...Object.values((s.properties ?? {}) as Record<string, unknown>),
      s.items,
      ...((s.anyOf ?? s.oneOf ?? s.allOf ?? []) as unknown[]),
    ].flatMap((x) => fieldsOf(x, depth + 1));
    return [...new Set([...own, ...nested])];
  };
  const routes = [...GUARDS.keys()].map((key) => {
    const [method, template] = key.split(" ") as [string, string];
    const op = doc.paths[template]?.[method.toLowerCase()];
    const fields = fieldsOf(op?.requestBody?.content?.["application/json"]?.schema);
    return { key, method, template, fields: fields.length ? fields : ["id", "version", "name"] };
  });

  const PARAMS: Record<string, string[]> = {
    roundId: ["13MSP", "DEMO-OPEN", "NOPE"],
    requestId: ["13MSP-001", "13MSP-002", "DEMO-OPEN-001"],
    runId: [run, "00000000-0000-4000-8000-000000000000", "not-a-uuid"],
    otherId: [run, "00000000-0000-4000-8000-000000000000"],
    replacementId: ["00000000-0000-4000-8000-000000000000"],
    username: ["reviewer", "admin", "nobody"],
    iso3: ["LAO", "AFG", "ZZZ", "lao"],
    donorId: ["AUS", "NEW-DONOR"],
  };
  const adversarialString = fc.oneof(
    { weight: 3, arbitrary: fc.string() },
    { weight: 2, arbitrary: fc.string({ unit: "grapheme" }) },
    { weight: 1, arbitrary: fc.string({ unit: "binary" }) },
    { weight: 3, arbitrary: fc.constantFrom(...INJECTIONS) },
    { weight: 1, arbitrary: fc.constantFrom(HUGE, "x".repeat(5001), "y".repeat(65)) },
  );
  const value: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
    v: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      adversarialString,
      fc.integer(),
      fc.double({ noNaN: true }).filter(Number.isFinite),
      fc.constantFrom(0, -1, 1e308, -1e308, 2 ** 53 + 1, 0.1, 5, 3600, 1),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom(
        "2025-05-02",
        "2025-09-15",
        "2025-13-45",
        "full",
        "ticket",
        "F",
        "X",
        "AFR",
        "party",
        "in",
        "out",
        "accepted",
        "declined",
        "csv",
        "xlsx",
        "admin",
        "donor",
      ),
      fc.array(tie("v"), { maxLength: 5 }),
      fc.dictionary(adversarialString, tie("v"), { maxKeys: 4 }),
    ),
  })).v;
  const nearValid = (fields: string[]) =>
    fc.dictionary(fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...fields) }, { weight: 1, arbitrary: adversarialString }), value, {
      maxKeys: fields.length + 2,
    });
  const deep = fc.integer({ min: 50, max: 5000 }).map((n) => "[".repeat(n) + "]".repeat(n));
  const body = (fields: string[]) =>
    fc.oneof(
      { weight: 8, arbitrary: nearValid(fields).map((o) => JSON.stringify(o)) },
      { weight: 2, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
      { weight: 1, arbitrary: adversarialString },
      {
        weight: 1,
        arbitrary: fc.constantFrom("{", "[]", "null", "", '{"a":', "\u0000", '{"__proto__":{"admin":true}}', '{"version":1,"version":2}'),
      },
      { weight: 1, arbitrary: deep },
      {
        weight: 1,
        arbitrary: fc.array(fc.constant({ id: "x".repeat(100) }), { minLength: 1000, maxLength: 3000 }).map((a) => JSON.stringify(a)),
      },
    );
  const OVERSIZED = JSON.stringify({ content: "z".repeat(1_100_000) });

  const request = fc
    .record({
      route: fc.constantFrom(...routes),
      who: fc.constantFrom("anonymous" as const, ...roles),
      method: fc.oneof(
        { weight: 9, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD") },
      ),
      params: fc.dictionary(
        fc.constantFrom(...Object.keys(PARAMS)),
        fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 2, arbitrary: adversarialString }),
      ),
      pick: fc.nat(),
      query: fc.oneof(
        { weight: 4, arbitrary: fc.constant("") },
        {
          weight: 1,
          arbitrary: fc
            .dictionary(fc.constantFrom("format", "limit", "before", "entity", "entityId", "settingsVersion", "x"), adversarialString)
            .map((q) => `?${new URLSearchParams(q)}`),
        },
      ),
      contentType: fc.oneof(
        { weight: 8, arbitrary: fc.constant("application/json") },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/json; charset=utf-16",
            "garbage/;;;",
            "",
          ),
        },
      ),
      cookie: fc.oneof(
        { weight: 8, arbitrary: fc.constant("session") },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            "sid=garbage",
            "sid=",
            `sid=${randomBytes(32).toString("base64url")}`,
            "sid=a; sid=b",
            `sid=${"x".repeat(8000)}`,
            "sid=%00%ff",
            "other=1",
          ),
        },
      ),
      csrf: fc.oneof({ weight: 8, arbitrary: fc.constant("right") }, { weight: 1, arbitrary: fc.constantFrom("none", "wrong", "") }),
      oversized: fc.integer({ min: 0, max: 199 }).map((n) => n === 0),
    })
    .chain((r) => body(r.route.fields).map((b) => ({ ...r, body: b })));

  it(`answers ${RUNS} hostile requests below 500, in the error format, and writes nothing when it refuses`, async () => {
    const before = dbState(api.db);
    const tally = new Map<number, number>();
    let refusedWrites = 0;
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const method = r.method ?? r.route.method;
        const path = r.route.template.replace(/\{(\w+)\}/g, (_, name: string) => {
          const given = r.params[name];
          const pool = PARAMS[name] ?? ["x"];
          return encodePathPart(typeof given === "string" ? given : pool[r.pick % pool.length]!);
        });
        const headers: Record<string, string> = {};
        if (r.contentType) headers["content-type"] = r.contentType;
        const session = r.who === "anonymous" ? null : sessions.get(r.who)!;
        if (r.cookie !== "session") headers.cookie = r.cookie;
        else if (session) headers.cookie = session.cookie;
        if (session && r.csrf !== "none")
          headers["x-csrf-token"] = r.csrf === "right" ? session.csrf : r.csrf === "wrong" ? "not-the-token" : "";
        const hasBody = !["GET", "HEAD", "OPTIONS"].includes(method);
        const n = writes();
        const res = await api.app.request(`${path}${r.query}`, {
          method,
          headers,
          body: hasBody ? (r.oversized ? OVERSIZED : r.body) : undefined,
        });
        const text = method === "HEAD" ? "" : await res.text();
        tally.set(res.status, (tally.get(res.status) ?? 0) + 1);
        expect(res.status, `${method} ${path}: ${text.slice(0, 300)}`).toBeLessThan(500);
        if (/json|text/.test(res.headers.get("content-type") ?? "")) expect(text).not.toMatch(STACK);
        if (res.status >= 400 && method !== "HEAD") {
          const json = JSON.parse(text) as {
            error: { code: string; message: string; details?: { problems?: { path: string; message: string }[] } };
          };
          expect(typeof json.error.code).toBe("string");
          expect(json.error.message.length).toBeGreaterThan(0);
          if (res.status === 422 && json.error.code === "validation")
            for (const p of json.error.details!.problems!) expect(typeof p.message).toBe("string");
          if (writes() !== n) refusedWrites++;
          expect(writes(), `${method} ${path} was refused (${res.status}) but wrote: ${text.slice(0, 200)}`).toBe(n);
        }
        if (res.status < 300 && /\/(auth|users)\b/.test(path)) await refreshSessions();
      }),
      { numRuns: RUNS, seed: 20261128, endOnFailure: true },
    );
    expect(refusedWrites).toBe(0);
    // The counter sees writes (those of the accepted requests): it is not blind.
    expect(writes()).toBeGreaterThan(10);
    // The fuzzer got past the guards and the validation into the handlers (not only 401s and 422s).
    const count = (lo: number, hi: number) => [...tally].filter(([s]) => s >= lo && s < hi).reduce((a, [, c]) => a + c, 0);
    expect(count(200, 300)).toBeGreaterThan(50);
    expect(tally.get(422) ?? 0).toBeGreaterThan(1000);
    expect(tally.get(413) ?? 0).toBeGreaterThan(10);
    expect([...tally.values()].reduce((a, b) => a + b, 0)).toBe(RUNS);
    // The state is the state before, plus what the accepted requests did: the audit log says what.
    const after = dbState(api.db);
    expect(after.audit_log!.length).toBeGreaterThanOrEqual(before.audit_log!.length);
    console.info(`hostile input: ${RUNS} requests; statuses ${JSON.stringify(Object.fromEntries([...tally].sort((a, b) => a[0] - b[0])))}`);
  });
});

/** Percent-encodes a path segment; a lone surrogate goes out as the bytes of its (invalid) UTF-8 form. */
function encodePathPart(s: string): string {
  return Array.from(s, (ch) => (/^[\uD800-\uDFFF]$/.test(ch) ? "%ED%A0%80" : encodeURIComponent(ch))).join("");
}
