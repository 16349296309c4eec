// Rounds, States, donors, settings, requests and reviews through the API: happy paths, validation by
// field path, stale versions (409, nothing lost) and the audit entries they leave.
import { describe, expect, it } from "vitest";
import { verifyChain } from "../../server/audit.js";
import { testApi } from "./api-helpers.js";

const newRound = {
  round: {
    id: "14MSP",
    meeting: "Fourteenth Meeting of States Parties",
    venue: "Geneva",
    startDate: "2026-09-14",
    endDate: "2026-09-17",
    windowOpens: "2026-05-01",
    windowCloses: "2026-07-15",
    allowanceRate: 360,
    nights: 5,
  },
  weights: { implementation: 30, technical: 20, universalization: 20, capacity: 15, representation: 15 },
  policy: { maxDelegates: 20, maxPerState: 1 },
};

describe("rounds", async () => {
  const api = await testApi();
  const admin = await api.as("admin");
  const reviewer = await api.as("reviewer");

  it("lists, creates (draft, with the reference States copied) and reads a round", async () => {
    const created = await admin.req("POST", "/api/rounds", newRound);
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ id: "14MSP", status: "draft", version: 1, referenceAsOf: "2026-09-14" });
    expect((await reviewer.req("GET", "/api/rounds")).json.map((r: { id: string }) => r.id)).toContain("14MSP");
    const states = (await reviewer.req("GET", "/api/rounds/14MSP/states")).json;
    expect(states.asOf).toBe("2026-09-14");
    expect(states.states).toHaveLength(197);
    expect((await admin.req("POST", "/api/rounds", newRound)).status).toBe(409);
  });

  it("rejects a bad round with every problem by its path", async () => {
    const bad = await admin.req("POST", "/api/rounds", {
      ...newRound,
      round: { ...newRound.round, id: "", endDate: "2026-09-01", nights: -1 },
      weights: { implementation: 0, technical: 0, universalization: 0, capacity: 0, representation: 0 },
    });
    expect(bad.status).toBe(422);
    const paths = bad.json.error.details.problems.map((p: { path: string }) => p.path);
    expect(paths).toEqual(expect.arrayContaining(["round.id", "round.nights", "round.endDate", "weights"]));
  });

  it("moves a round only along its transitions, with the version read", async () => {
    const r = (await admin.req("GET", "/api/rounds/14MSP")).json;
    const skip = await admin.req("POST", "/api/rounds/14MSP/status", { status: "decided", version: r.version });
    expect(skip.status).toBe(422);
    expect(skip.json.error.message).toMatch(/cannot move to "decided"/);
    const open = await admin.req("POST", "/api/rounds/14MSP/status", { status: "open", version: r.version });
    expect(open.json).toMatchObject({ status: "open", version: r.version + 1 });
    const stale = await admin.req("POST", "/api/rounds/14MSP/status", { status: "review", version: r.version });
    expect(stale.status).toBe(409);
    expect(stale.json.error.details.current).toMatchObject({ status: "open" });
  });

  it("edits a round's money with the version, and refuses dates out of order", async () => {
    const r = (await admin.req("GET", "/api/rounds/14MSP")).json;
    const saved = await admin.req("PATCH", "/api/rounds/14MSP", { version: r.version, reserve: 5000, adminEstimate: 300 });
    expect(saved.json).toMatchObject({ reserve: 5000, adminEstimate: 300, version: r.version + 1 });
    // The money carried in is the year's: a round does not type it.
    const carried = await admin.req("PATCH", "/api/rounds/14MSP", { version: r.version + 1, carryOver: 12000 });
    expect(carried.status).toBe(422);
    expect(JSON.stringify(carried.json.error.details)).toMatch(/carryOver/);
    const bad = await admin.req("PATCH", "/api/rounds/14MSP", { version: r.version + 1, endDate: "2026-01-01" });
    expect(bad.status).toBe(422);
    expect(bad.json.error.details.problems[0].path).toBe("endDate");
    expect((await reviewer.req("PATCH", "/api/rounds/14MSP", { version: 1 })).status).toBe(403);
  });

  it("keeps the meeting's name and place in French and Spanish, which the applicants' pages show in their language", async () => {
    const intro = async (lang: string) =>
      (await (await api.app.request(`/apply/14MSP?lang=${lang}`)).text()).replace(/\u00a0/g, " ").replace(/&#39;/g, "'");
    // None given: the English name, as a name in quotes.
    expect(await intro("fr")).toContain("pour la réunion « Fourteenth Meeting of States Parties », Geneva,");
    const r = (await admin.req("GET", "/api/rounds/14MSP")).json;
    const saved = await admin.req("PATCH", "/api/rounds/14MSP", {
      version: r.version,
      meetingFr: "Quatorzième Assemblée des États parties",
      venueFr: "Genève",
      meetingEs: "Decimocuarta Reunión de los Estados Partes",
      venueEs: "Ginebra",
    });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.json).toMatchObject({ meetingFr: "Quatorzième Assemblée des États parties", venueEs: "Ginebra" });
    expect(await intro("fr")).toContain("pour la réunion « Quatorzième Assemblée des États parties », Genève, du");
    expect(await intro("es")).toContain("para la reunión «Decimocuarta Reunión de los Estados Partes», Ginebra, del");
    expect(await intro("en")).toContain("sponsorship for the Fourteenth Meeting of States Parties, Geneva,");
    // An empty name is refused by its field; null clears it (the English again).
    const empty = await admin.req("PATCH", "/api/rounds/14MSP", { version: r.version + 1, meetingFr: "" });
    expect(empty.status).toBe(422);
    expect(empty.json.error.details.problems[0].path).toBe("meetingFr");
    const cleared = await admin.req("PATCH", "/api/rounds/14MSP", { version: r.version + 1, venueFr: null });
    expect(cleared.json).toMatchObject({ venueFr: null, meetingFr: "Quatorzième Assemblée des États parties" });
    expect(await intro("fr")).toContain("Quatorzième Assemblée des États parties », Geneva, du");
  });

  it("corrects a State for the round", async () => {
    const lao = (await reviewer.req("GET", "/api/rounds/14MSP/states")).json.states.find((s: { iso3: string }) => s.iso3 === "LAO");
    const { edited: _e, version, ...state } = lao;
    // A correction says where it comes from.
    const unsourced = await admin.req("PUT", "/api/rounds/14MSP/states/LAO", { state: { ...state, art7ReportOutstanding: true }, version });
    expect(unsourced.status).toBe(422);
    expect(unsourced.json.error.details.problems[0].path).toBe("state.source");
    const source = "Art. 7 report database, checked 2026-06-01";
    const saved = await admin.req("PUT", "/api/rounds/14MSP/states/LAO", {
      state: { ...state, art7ReportOutstanding: true, source },
      version,
    });
    expect(saved.json).toMatchObject({ iso3: "LAO", art7ReportOutstanding: true, source, edited: true, version: version + 1 });
    const mismatch = await admin.req("PUT", "/api/rounds/14MSP/states/LAO", {
      state: { ...state, iso3: "KHM", source },
      version: version + 1,
    });
    expect(mismatch.json.error.details.problems[0].path).toBe("state.iso3");
  });

  it("adds and changes donors; a stale change is refused with the current record", async () => {
    const added = await admin.req("PUT", "/api/rounds/14MSP/donors/NOR", { name: "Norway", amount: 8000 });
    expect(added.json).toMatchObject({ id: "NOR", amount: 8000, version: 1 });
    expect((await admin.req("PUT", "/api/rounds/14MSP/donors/NOR", { name: "Norway", amount: 9000 })).status).toBe(409);
    const changed = await admin.req("PUT", "/api/rounds/14MSP/donors/NOR", { name: "Norway", amount: 9000, regions: ["AFR"], version: 1 });
    expect(changed.json).toMatchObject({ amount: 9000, regions: ["AFR"], version: 2 });
    const stale = await admin.req("PUT", "/api/rounds/14MSP/donors/NOR", { name: "Norway", amount: 1, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.json.error.details.current.amount).toBe(9000);
    const bad = await admin.req("PUT", "/api/rounds/14MSP/donors/NOR", { name: "Norway", amount: -5, statuses: ["friend"], version: 2 });
    expect(bad.json.error.details.problems.map((p: { path: string }) => p.path).sort()).toEqual(["amount", "statuses[0]"]);
    expect((await reviewer.req("GET", "/api/rounds/14MSP/donors")).json).toHaveLength(1);
  });

  it("versions the settings: each save is a new version, a save on a stale one is refused", async () => {
    const s = (await reviewer.req("GET", "/api/rounds/14MSP/settings")).json;
    expect(s.version).toBe(1);
    const v2 = await admin.req("PUT", "/api/rounds/14MSP/settings", {
      weights: { ...s.weights, technical: 30 },
      policy: { ...s.policy, minWomenShare: 0.5 },
      note: "more technical",
      basedOn: 1,
    });
    expect(v2.json).toMatchObject({ version: 2, note: "more technical" });
    expect((await admin.req("PUT", "/api/rounds/14MSP/settings", { weights: s.weights, policy: s.policy, basedOn: 1 })).status).toBe(409);
    expect((await reviewer.req("GET", "/api/rounds/14MSP/settings/versions")).json.map((x: { version: number }) => x.version)).toEqual([
      2, 1,
    ]);
    const bad = await admin.req("PUT", "/api/rounds/14MSP/settings", {
      weights: s.weights,
      policy: { minWomenShare: 2 },
      rules: { id: "x" },
      basedOn: 2,
    });
    expect(bad.json.error.details.problems.map((p: { path: string }) => p.path)).toEqual(
      expect.arrayContaining(["policy.minWomenShare", "rules.levelValueShare", "rules.rules"]),
    );
  });

  it("404s an unknown round", async () => {
    const res = await reviewer.req("GET", "/api/rounds/NOPE/settings");
    expect(res.status).toBe(404);
    expect(res.json.error).toEqual({ code: "not-found", message: 'round "NOPE" not found' });
  });

  it("leaves an intact audit chain", () => {
    expect(verifyChain(api.db)).toMatchObject({ ok: true, firstBad: null });
  });
});

describe("requests and reviews", async () => {
  const api = await testApi();
  const admin = await api.as("admin");
  const reviewer = await api.as("reviewer");
  const donor = await api.as("donor-aus");
  const attrs = {
    state: "SEN",
    gender: "F",
    submittedAt: "2025-06-01T10:00:00Z",
    travel: { airTicket: 900 },
    name: "Awa Diop",
    email: "awa@example.org",
  };

  it("creates a request with the next reference, reads it with its history, edits it with its version", async () => {
    const created = await admin.req("POST", "/api/rounds/13MSP/requests", attrs);
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ id: "13MSP-049", status: "submitted", version: 1 });
    const read = (await reviewer.req("GET", "/api/requests/13MSP-049")).json;
    expect(read.history).toEqual([expect.objectContaining({ status: "submitted", note: "created", by: "ISU administrator (demo)" })]);
    const { id: _id, ...rest } = read.attributes;
    const edited = await admin.req("PUT", "/api/requests/13MSP-049", {
      attributes: { ...rest, role: "presenter" },
      version: 1,
      reason: "the programme lists the delegate as a presenter",
    });
    expect(edited.json).toMatchObject({ version: 2, attributes: { role: "presenter" } });
    // Why staff edited it on the applicant's behalf, and which fields, stay in its history.
    expect((await reviewer.req("GET", "/api/requests/13MSP-049")).json.history.at(-1)).toMatchObject({
      status: "submitted",
      note: "edited (role): the programme lists the delegate as a presenter",
      by: "ISU administrator (demo)",
    });
    const silent = await admin.req("PUT", "/api/requests/13MSP-049", { attributes: rest, version: 2 });
    expect(silent.status).toBe(422);
    expect(silent.json.error.details.problems[0]).toMatchObject({ path: "reason" });
    const stale = await admin.req("PUT", "/api/requests/13MSP-049", { attributes: rest, version: 1, reason: "undo" });
    expect(stale.status).toBe(409);
    expect(stale.json.error.details.current.attributes.role).toBe("presenter");
  });

  it("rejects a bad request by its fields, an unknown State, and guards roles", async () => {
    const bad = await admin.req("POST", "/api/rounds/13MSP/requests", { ...attrs, gender: "female", travel: { airTicket: -1 } });
    expect(bad.json.error.details.problems.map((p: { path: string }) => p.path).sort()).toEqual(["gender", "travel.airTicket"]);
    const state = await admin.req("POST", "/api/rounds/13MSP/requests", { ...attrs, state: "ZZZ" });
    expect(state.json.error.details.problems).toEqual([{ path: "state", message: 'unknown State "ZZZ"' }]);
    expect((await reviewer.req("POST", "/api/rounds/13MSP/requests", attrs)).status).toBe(403);
    expect((await donor.req("GET", "/api/requests/13MSP-001")).status).toBe(403);
  });

  it("changes a request's status with a note, recorded in its history", async () => {
    const r = (await reviewer.req("GET", "/api/requests/13MSP-049")).json;
    const w = await admin.req("POST", "/api/requests/13MSP-049/status", {
      status: "withdrawn",
      note: "travel cancelled",
      version: r.version,
    });
    expect(w.json.status).toBe("withdrawn");
    expect((await reviewer.req("GET", "/api/requests/13MSP-049")).json.history.at(-1)).toMatchObject({
      status: "withdrawn",
      note: "travel cancelled",
    });
    expect((await admin.req("POST", "/api/requests/13MSP-049/status", { status: "funded", version: r.version + 1 })).status).toBe(422);
    // A withdrawal on a person's behalf says why.
    expect(
      (await admin.req("POST", "/api/requests/13MSP-048/status", { status: "withdrawn", version: 1 })).json.error.details.problems,
    ).toEqual([{ path: "note", message: "required" }]);
    const unexplained = await admin.req("POST", "/api/requests/13MSP-048/status", { status: "withdrawn", note: " ", version: 1 });
    expect(unexplained.status).toBe(422);
    expect(unexplained.json.error.details.problems).toEqual([{ path: "note", message: expect.stringMatching(/say why .* history/) }]);
  });

  it("takes a reviewer's rating, and refuses a rating with a declared conflict of interest", async () => {
    const rated = await reviewer.req("PUT", "/api/requests/13MSP-002/review", { rating: 4, comment: "strong technical role" });
    expect(rated.json).toMatchObject({ rating: 4, conflict: false, version: 1 });
    const conflict = await admin.req("PUT", "/api/requests/13MSP-002/review", { rating: 3, conflict: true });
    expect(conflict.status).toBe(422);
    expect(conflict.json.error.details.problems[0]).toEqual({
      path: "rating",
      message: "a reviewer with a conflict of interest cannot rate the request",
    });
    expect((await admin.req("PUT", "/api/requests/13MSP-002/review", { rating: null, conflict: true })).json.conflict).toBe(true);
    const again = await admin.req("PUT", "/api/requests/13MSP-002/review", { rating: 5, version: 1 });
    expect(again.status).toBe(409);
    expect(again.json.error.message).toMatch(/conflict of interest/);
    expect(
      (await reviewer.req("GET", "/api/requests/13MSP-002")).json.reviews.map((r: { reviewer: string; rating: number | null }) => [
        r.reviewer,
        r.rating,
      ]),
    ).toEqual([
      ["admin", null],
      ["reviewer", 4],
    ]);
  });

  it("lets an administrator lift a conflict of interest declared by mistake, with the reason in the history; then the reviewer rates", async () => {
    const declared = await reviewer.req("PUT", "/api/requests/13MSP-003/review", { rating: null, conflict: true });
    expect(declared.json).toMatchObject({ conflict: true, version: 1 });
    const path = "/api/requests/13MSP-003/reviews/reviewer/lift-conflict";
    expect((await reviewer.req("POST", path, { reason: "I ticked the wrong box", version: 1 })).status).toBe(403);
    const short = await admin.req("POST", path, { reason: "oops", version: 1 });
    expect(short.status).toBe(422);
    expect(short.json.error.details.problems[0].path).toBe("reason");
    const lifted = await admin.req("POST", path, { reason: "the reviewer ticked the box by mistake (e-mail of 3 July)", version: 1 });
    expect(lifted.status, lifted.text).toBe(200);
    expect(lifted.json).toMatchObject({ conflict: false, rating: null, version: 2 });
    expect((await admin.req("POST", path, { reason: "the reviewer ticked the box by mistake", version: 2 })).status).toBe(409);
    expect(
      (await admin.req("POST", "/api/requests/13MSP-003/reviews/nobody/lift-conflict", { reason: "no such reviewer here", version: 1 }))
        .status,
    ).toBe(404);
    const read = (await reviewer.req("GET", "/api/requests/13MSP-003")).json;
    expect(read.history.at(-1).note).toBe(
      "conflict of interest declared by reviewer lifted: the reviewer ticked the box by mistake (e-mail of 3 July)",
    );
    const rated = await reviewer.req("PUT", "/api/requests/13MSP-003/review", { rating: 4, comment: "", version: 2 });
    expect(rated.json).toMatchObject({ rating: 4, conflict: false });
  });

  it("gives each reviewer a queue: the requests still to review first, then those reviewed, with their ratings", async () => {
    const queue = (await reviewer.req("GET", "/api/reviews/queue")).json;
    const rounds = queue.rounds.map((r: { id: string }) => r.id);
    // 13MSP is in review here; a decided or closed round has nothing to review.
    expect(rounds).toContain("13MSP");
    const r13 = queue.rounds.find((r: { id: string }) => r.id === "13MSP");
    const mine = r13.requests.map((q: { requestId: string; mine: unknown }) => [q.requestId, q.mine]);
    expect(r13.toReview).toBe(r13.requests.filter((q: { mine: unknown }) => q.mine === null).length);
    // Not reviewed first; the reviewer's own ratings shown.
    const firstReviewed = mine.findIndex(([, m]: [string, unknown]) => m !== null);
    expect(mine.slice(firstReviewed).every(([, m]: [string, unknown]) => m !== null)).toBe(true);
    expect(mine).toContainEqual(["13MSP-002", { rating: 4, conflict: false }]);
    expect(mine).toContainEqual(["13MSP-003", { rating: 4, conflict: false }]);
    // The admin's own queue is the admin's: its conflict on 13MSP-002, no rating of the reviewer's.
    const adminQueue = (await admin.req("GET", "/api/reviews/queue")).json.rounds.find((r: { id: string }) => r.id === "13MSP");
    expect(adminQueue.requests.find((q: { requestId: string }) => q.requestId === "13MSP-002").mine).toEqual({
      rating: null,
      conflict: true,
    });
    expect(adminQueue.requests.find((q: { requestId: string }) => q.requestId === "13MSP-002").ratings).toBe(1);
    expect((await donor.req("GET", "/api/reviews/queue")).status).toBe(403);
  });

  it("imports nothing from a CSV with bad rows, and reports every problem of every row at once, by its spreadsheet row and column", async () => {
    const before = (await reviewer.req("GET", "/api/rounds/13MSP/requests")).json.length;
    const csv = [
      "state,gender,submittedAt,airTicket,survivor",
      "KEN,F,2025-06-02T09:00:00Z,1200,yes",
      "ZZZ,F,2025-06-02T09:00:00Z,1200,no",
      "PER,woman,2025-06-02T09:00:00Z,lots,maybe",
      // Decimal numbers only: JavaScript would read 0x10 as 16 and an empty-looking "Infinity" as a number.
      "KEN,M,2025-06-02T09:00:00Z,0x10,no",
      "KEN,M,2025-06-02T09:00:00Z,Infinity,no",
      // An unknown State on a row with a bad cell is said in the same answer, not after the cell is fixed.
      "QQQ,X,2025-06-02T09:00:00Z,abc,no",
    ].join("\n");
    const res = await admin.req("POST", "/api/rounds/13MSP/requests/import", { format: "csv", content: csv });
    expect(res.status).toBe(422);
    expect(res.json.error.details.problems).toEqual([
      { row: 3, column: "state", message: 'unknown State "ZZZ"' },
      // The header is row 1 of the spreadsheet: "PER,woman,…" is its row 4, with three problems, all said.
      { row: 4, column: "survivor", message: "must be true or false (yes/no, 1/0)" },
      { row: 4, column: "airTicket", message: '"lots" is not a number' },
      { row: 4, column: "gender", message: "must be one of: F, M, X" },
      { row: 5, column: "airTicket", message: '"0x10" is not a number' },
      { row: 6, column: "airTicket", message: '"Infinity" is not a number' },
      { row: 7, column: "airTicket", message: '"abc" is not a number' },
      { row: 7, column: "state", message: 'unknown State "QQQ"' },
    ]);
    expect((await reviewer.req("GET", "/api/rounds/13MSP/requests")).json.length).toBe(before);
  });

  it("gives an empty import template: the import's columns, in CSV and XLSX, that imports back as nothing wrong", async () => {
    const csv = await reviewer.req("GET", "/api/rounds/13MSP/requests/template?format=csv");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toContain("13MSP-requests-template.csv");
    const header = csv.text.trim();
    expect(header.split(",")).toContain("airTicket");
    expect(header.split(",")).not.toContain("status");
    // The header with one request under it imports.
    const filled = `${header}\n${header
      .split(",")
      .map((c) => ({ state: "KEN", gender: "F", airTicket: "900", submittedAt: "2025-06-02T09:00:00Z" })[c] ?? "")
      .join(",")}`;
    const res = await admin.req("POST", "/api/rounds/DEMO-OPEN/requests/import", { format: "csv", content: filled });
    expect(res.status).toBe(201);
    const xlsx = await api.app.request("/api/rounds/13MSP/requests/template?format=xlsx", { headers: { cookie: reviewer.cookie! } });
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");
    expect((await reviewer.req("GET", "/api/rounds/NOPE/requests/template")).status).toBe(404);
  });

  it("imports a good CSV, exports CSV and XLSX, and re-imports the XLSX into another round", async () => {
    const csv = [
      "state,gender,submittedAt,airTicket,acceptedLevels,expertise",
      "KEN,F,2025-06-02T09:00:00Z,1200,full;ticket,clearance;victim assistance",
      "PER,M,2025-06-03T09:00:00Z,1500,full,",
    ].join("\n");
    const res = await admin.req("POST", "/api/rounds/13MSP/requests/import", { format: "csv", content: csv });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({ imported: 2, ids: ["13MSP-050", "13MSP-051"] });
    const exported = await reviewer.req("GET", "/api/rounds/13MSP/requests/export?format=csv");
    expect(exported.headers.get("content-type")).toMatch(/text\/csv/);
    expect(exported.text.split("\n")[0]).toMatch(/^id,state,delegateId,name,gender/);
    expect(exported.text).toMatch(/13MSP-050,KEN,,,F,.*clearance;victim assistance/);
    const xlsx = await api.app.request("/api/rounds/13MSP/requests/export?format=xlsx", { headers: { cookie: reviewer.cookie! } });
    expect(xlsx.headers.get("content-type")).toMatch(/spreadsheetml/);
    const buffer = Buffer.from(await xlsx.arrayBuffer());
    expect(buffer.subarray(0, 2).toString()).toBe("PK");
    await admin.req("POST", "/api/rounds", { ...newRound, round: { ...newRound.round, id: "COPY" } });
    const again = await admin.req("POST", "/api/rounds/COPY/requests/import", { format: "xlsx", contentBase64: buffer.toString("base64") });
    // Every row read back from the workbook; their references are taken (they are 13MSP's), so nothing is imported.
    const count = (await reviewer.req("GET", "/api/rounds/13MSP/requests")).json.length;
    expect(again.status).toBe(422);
    expect(again.json.error.details.problems).toHaveLength(count);
    expect(again.json.error.details.problems[0]).toEqual({ row: 2, column: "id", message: 'a request "13MSP-001" exists already' });
    expect((await reviewer.req("GET", "/api/rounds/COPY/requests")).json).toEqual([]);
  });

  it("rejects a file that is not XLSX", async () => {
    const res = await admin.req("POST", "/api/rounds/13MSP/requests/import", {
      format: "xlsx",
      contentBase64: Buffer.from("not a workbook").toString("base64"),
    });
    expect(res.json.error.details.problems[0].message).toBe("not a readable XLSX workbook");
  });
});

describe("locks", async () => {
  const api = await testApi();
  const admin = await api.as("admin");
  const reviewer = await api.as("reviewer");

  it("locks a request in with a justification in its history, lifts it, and refuses one without a reason", async () => {
    const r = (await reviewer.req("GET", "/api/requests/13MSP-020")).json;
    const locked = await admin.req("POST", "/api/requests/13MSP-020/lock", {
      lock: "in",
      justification: "Presents the Art. 4 extension request",
      version: r.version,
    });
    expect(locked.json).toMatchObject({ attributes: { lock: "in" }, version: r.version + 1 });
    expect((await reviewer.req("GET", "/api/requests/13MSP-020")).json.history.at(-1).note).toBe(
      "locked in: Presents the Art. 4 extension request",
    );
    const lifted = await admin.req("POST", "/api/requests/13MSP-020/lock", {
      lock: null,
      justification: "No longer needed",
      version: r.version + 1,
    });
    expect(lifted.json.attributes.lock).toBeUndefined();
    const bad = await admin.req("POST", "/api/requests/13MSP-020/lock", { lock: "out", justification: " ", version: r.version + 2 });
    expect(bad.json.error.details.problems).toEqual([{ path: "justification", message: "say why (at least 3 characters)" }]);
    expect((await reviewer.req("POST", "/api/requests/13MSP-020/lock", { lock: "out", justification: "x", version: 1 })).status).toBe(403);
  });
});
