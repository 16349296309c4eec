// The decision lifecycle and its money, driven through the real API (Hono's stack, a real SQLite file,
// real runs and replacement solves in workers) by random sequences of actions, against a small reference
// model written here apart from the product's lifecycle and ledger. After every step:
//   - each answer the API gave is the one the model expects (done, or refused with a 409/422 in words);
//   - no request has an offer that was not in the running (a withdrawn request is never offered);
//   - no recorded answer or actual cost is lost;
//   - the money is conserved (available = committed + spent + left, Table 3's identities, the ledger's
//     last balance), recomputed here from the decisions alone;
//   - who paid for whom stays within the earmarks and equals each delegate's actual (or committed) cost;
//   - every change is audited, and a refused one writes nothing;
//   - the donors' rationale lists exactly the delegates the decisions fund, with the statement's money.
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../server/app.js";
import { createUser } from "../../server/auth/sessions.js";
import { loadConfig } from "../../server/config.js";
import { openDatabase, tx, type Db } from "../../server/db/database.js";
import { loadReferenceData } from "../../server/io/reference.js";
import { RunManager } from "../../server/services/runs.js";
import { createRound, insertRequest, putDonor, saveSettings, currentSettings } from "../../server/store/index.js";
import { setToday } from "../../server/store/rows.js";
import demo from "../../data/demo/round.json" with { type: "json" };

const SEQUENCES = Number(process.env.MODEL_SEQUENCES ?? 200);
const MAX_STEPS = 40;
const ROUND = "MB";
const YEAR = 2031;
const REQUESTS = 10;
const reference = loadReferenceData();
const dir = mkdtempSync(join(tmpdir(), "lifecycle-model-"));

// --- the world every sequence starts from (built once, copied per sequence) ------------------------

interface World {
  template: string;
  cookie: string;
  csrf: string;
  runs: string[];
  regionOf: Map<string, string>;
}

async function buildWorld(): Promise<World> {
  const template = join(dir, "template.db");
  const db = openDatabase(template);
  const adminId = await createUser(db, { username: "admin", displayName: "Admin", role: "admin", password: "model-admin-pass" });
  const actor = { id: adminId, name: "admin" };
  const requests = demo.requests.slice(0, REQUESTS).map((r, k) => {
    const { lock: _lock, ...rest } = r as typeof r & { lock?: string };
    return { ...rest, id: `${ROUND}-${String(k + 1).padStart(3, "0")}` };
  });
  tx(db, () => {
    createRound(
      db,
      {
        round: {
          ...demo.round,
          id: ROUND,
          meeting: "Model meeting",
          startDate: `${YEAR}-06-01`,
          endDate: `${YEAR}-06-04`,
          status: "review",
          carryOver: 4000,
          reserve: 0,
          adminEstimate: 150,
        },
        weights: demo.weights,
        policy: { maxDelegates: 5, maxPerState: 1, minWomenShare: 0.4 },
      },
      reference,
      actor,
    );
    putDonor(db, ROUND, { id: "D1", name: "First donor", amount: 9000 }, null, "admin");
    putDonor(db, ROUND, { id: "D2", name: "Second donor", amount: 6000, regions: ["AFR"] }, null, "admin");
    for (const r of requests) insertRequest(db, ROUND, r as never, "submitted", null, actor);
  });
  const runs = new RunManager(db, 30);
  const first = runs.start(ROUND, actor);
  await runs.settled(first);
  const s = currentSettings(db, ROUND);
  saveSettings(
    db,
    ROUND,
    { weights: s.weights, policy: { ...s.policy, maxDelegates: 4 }, rules: s.rules, note: "fewer seats" },
    s.version,
    actor,
  );
  const second = runs.start(ROUND, actor);
  await runs.settled(second);
  const app = createApp({ db, config: loadConfig({ DATABASE_PATH: template, WEB_DIST: join(dir, "no-web") }), reference, runs });
  const res = await app.request("/api/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "admin", password: "model-admin-pass" }),
  });
  const cookie = res.headers.get("set-cookie")!.split(";")[0]!;
  const csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  await runs.close();
  db.close();
  const regionOf = new Map(requests.map((r) => [r.id, reference.states.get(r.state)!.region as string]));
  return { template, cookie, csrf, runs: [first, second], regionOf };
}

// --- the system under test: a copy of the world behind the real HTTP stack -------------------------

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
interface Real {
  app: App;
  db: Db;
  runs: RunManager;
  req(method: string, path: string, body?: unknown): Promise<{ status: number; json: Json }>;
  audits(): number;
}

let copies = 0;
/** How many actions of each kind were done and refused (printed: the sequences reach every part). */
const tally = new Map<string, number>();
function realFrom(w: World): Real {
  const file = join(dir, `copy-${copies++}.db`);
  copyFileSync(w.template, file);
  const db = openDatabase(file);
  const runs = new RunManager(db, 30);
  const app = createApp({ db, config: loadConfig({ DATABASE_PATH: file, WEB_DIST: join(dir, "no-web") }), reference, runs });
  return {
    app,
    db,
    runs,
    async req(method, path, body) {
      const headers: Record<string, string> = { cookie: w.cookie };
      if (method !== "GET") headers["x-csrf-token"] = w.csrf;
      if (body !== undefined) headers["content-type"] = "application/json";
      const res = await app.request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await res.text();
      return { status: res.status, json: text ? JSON.parse(text) : null };
    },
    audits: () => db.prepare("SELECT COUNT(*) FROM audit_log").pluck().get() as number,
  };
}

// --- the reference model (its own tables: not the product's lifecycle) -----------------------------

type Offer = "pending" | "accepted" | "declined" | "expired" | "travelled" | "no-show" | "cancelled";
const OPEN: Offer[] = ["pending", "accepted"];
const SETTLED: Offer[] = ["travelled", "no-show", "cancelled"];
const RELEASED: Offer[] = ["declined", "expired"];

interface Model {
  round: "review" | "decided" | "open" | "closed";
  yearClosed: boolean;
  /** Request statuses as the model knows them (before any approval: submitted or withdrawn). */
  withdrawn: Set<string>;
  /** Each request's decision once approved; offers by request. */
  decided: boolean;
  offers: Map<string, { status: Offer; cost: number; actual: number | null; replaced: boolean; deadline: string }>;
  /** Requests answered in each approval's run: a new approval needs them in the running or unanswered. */
  adminActual: number | null;
  /** Donor amounts. */
  donors: Map<string, number>;
  /** The open replacement proposal (id), the released offers it answers, and those an applied one closed out. */
  proposal: string | null;
  proposalReleased: string[];
  closedOut: Set<string>;
  /** Requests with a decision (from the last approval or a replacement). */
  decidedIds: Set<string>;
}

const recorded = (m: Model): boolean => [...m.offers.values()].some((o) => o.status !== "pending" || o.actual !== null);

/** Reads the decisions back into the model after a change the solver shaped (an approval, a replacement). */
async function syncOffers(m: Model, r: Real): Promise<void> {
  const decisions: Json[] = (await r.req("GET", `/api/rounds/${ROUND}/decisions`)).json;
  const before = m.offers;
  m.offers = new Map();
  m.decidedIds = new Set(decisions.map((d) => d.requestId));
  for (const d of decisions)
    if (d.offerStatus !== null)
      m.offers.set(d.requestId, {
        status: d.offerStatus,
        cost: d.cost,
        actual: d.actualCost,
        replaced: before.get(d.requestId)?.replaced ?? false,
        deadline: d.offerDeadline,
      });
}

abstract class Step implements fc.AsyncCommand<Model, Real> {
  check(): boolean {
    return true;
  }
  abstract act(m: Model, r: Real): Promise<void>;
  async run(m: Model, r: Real): Promise<void> {
    const audits = r.audits();
    this.changed = false;
    await this.act(m, r);
    await invariants(m, r, audits, this.changed);
  }
  /** Whether the last act changed something (an audit entry is due) or was refused (none is). */
  protected changed = false;
  protected expect(status: number, ok: boolean, okStatus = 200): void {
    const kind = `${this.constructor.name} ${ok ? "done" : "refused"}`;
    tally.set(kind, (tally.get(kind) ?? 0) + 1);
    if (ok) expect(status, `${this.toString()}: expected ${okStatus}`).toBe(okStatus);
    else expect([409, 422], `${this.toString()}: expected a refusal, got ${status}`).toContain(status);
    this.changed = ok;
  }
  abstract toString(): string;
}

class Withdraw extends Step {
  constructor(readonly k: number) {
    super();
  }
  async act(m: Model, r: Real) {
    const id = `${ROUND}-${String((this.k % REQUESTS) + 1).padStart(3, "0")}`;
    const q = (await r.req("GET", `/api/requests/${id}`)).json;
    const res = await r.req("POST", `/api/requests/${id}/status`, { status: "withdrawn", note: "withdrew", version: q.version });
    // Only a request still in the running may be withdrawn (a decided one has its decision; withdrawn is withdrawn).
    const ok = !m.decidedIds.has(id) && !m.withdrawn.has(id);
    this.expect(res.status, ok);
    if (ok) m.withdrawn.add(id);
  }
  toString() {
    return `withdraw(${this.k})`;
  }
}

class Approve extends Step {
  constructor(
    readonly which: number,
    readonly world: World,
  ) {
    super();
  }
  async act(m: Model, r: Real) {
    const runId = this.world.runs[this.which]!;
    const decides: Json = (await r.req("GET", `/api/runs/${runId}`)).json.result;
    const ids = [...decides.funded, ...decides.notFunded].map((x: { id: string }) => x.id);
    const round = (await r.req("GET", `/api/rounds/${ROUND}`)).json;
    const res = await r.req("POST", `/api/runs/${runId}/approve`, {
      offerDeadline: "2031-05-01",
      waitlist: 2,
      roundVersion: round.version,
      // The model's approver has read what changed since the run (its guard is tested in runs-out-of-date).
      outOfDate: "approve-as-it-was",
    });
    const ok = m.round === "review" && !m.yearClosed && !recorded(m) && ids.every((id) => !m.withdrawn.has(id));
    this.expect(res.status, ok);
    if (ok) {
      m.round = "decided";
      m.decided = true;
      m.proposal = null;
      m.proposalReleased = [];
      m.closedOut = new Set();
      m.offers = new Map();
      await syncOffers(m, r);
      expect([...m.offers.keys()].sort()).toEqual(decides.funded.map((f: { id: string }) => f.id).sort());
    }
  }
  toString() {
    return `approve(run ${this.which})`;
  }
}

class MoveRound extends Step {
  constructor(readonly to: "review" | "decided" | "open") {
    super();
  }
  async act(m: Model, r: Real) {
    const round = (await r.req("GET", `/api/rounds/${ROUND}`)).json;
    const res = await r.req("POST", `/api/rounds/${ROUND}/status`, { status: this.to, version: round.version });
    const allowed: Record<string, string[]> = { review: ["decided", "open"], decided: ["review", "closed"], open: ["review"], closed: [] };
    const ok = allowed[m.round]!.includes(this.to);
    this.expect(res.status, ok);
    if (ok) m.round = this.to;
  }
  toString() {
    return `round → ${this.to}`;
  }
}

/** The k-th offer (by request id), or null when there is none. */
function nth(m: Model, k: number): string | null {
  const ids = [...m.offers.keys()].sort();
  return ids.length ? ids[k % ids.length]! : null;
}

/**
 * The model's calendar: the server's day is BEFORE_DEADLINES for everything but recording offers, which
 * happens on AFTER_MEETING with the day of the answer or settlement given (`on`) as one of ON_DAYS.
 */
const BEFORE_DEADLINES = `${YEAR}-04-01`;
const MEETING_STARTS = `${YEAR}-06-01`;
const AFTER_MEETING = `${YEAR}-06-10`;
const ON_DAYS = [`${YEAR}-04-20`, `${YEAR}-05-10`, AFTER_MEETING] as const;

/** Whether the calendar lets an offer become `to` on `on` (the model's own rule, written apart from the product's). */
function dayAllows(o: { status: Offer; deadline: string }, to: Offer, on: string): boolean {
  if (to === o.status) return true;
  if (SETTLED.includes(to)) return on >= MEETING_STARTS;
  if (to === "expired") return on > o.deadline;
  if (to === "accepted" || to === "declined") return on <= o.deadline;
  return true;
}

class RecordOffer extends Step {
  constructor(
    readonly k: number,
    readonly status: Exclude<Offer, "pending"> | null,
    readonly cost: number | null,
    readonly on: string,
  ) {
    super();
  }
  async act(m: Model, r: Real) {
    const id = nth(m, this.k);
    if (!id) return;
    const o = m.offers.get(id)!;
    const d = (await r.req("GET", `/api/rounds/${ROUND}/decisions`)).json.find((x: Json) => x.requestId === id);
    const body = {
      ...(this.status ? { offerStatus: this.status } : {}),
      ...(this.cost !== null ? { actualCost: this.cost } : {}),
      on: this.on,
      version: d.version,
    };
    setToday(AFTER_MEETING);
    const res = await r.req("POST", `/api/rounds/${ROUND}/offers/${id}`, body).finally(() => setToday(BEFORE_DEADLINES));
    // The model's own rules: answers from pending; settlements from accepted (or pending, recording the
    // acceptance); a cost alone settles as travelled or corrects a settled cost; only settlements have costs.
    const target: Offer = this.status ?? (this.cost === null || SETTLED.includes(o.status) ? o.status : "travelled");
    const settles = SETTLED.includes(target);
    const move =
      target === o.status
        ? true
        : (o.status === "pending" && ["accepted", "declined", "expired", ...SETTLED].includes(target)) ||
          (o.status === "accepted" && settles);
    const ok =
      !m.yearClosed &&
      move &&
      !(this.cost !== null && !settles) &&
      !(target === "travelled" && this.cost === null && o.status !== "travelled") &&
      dayAllows(o, target, this.on);
    this.expect(res.status, ok);
    if (ok) {
      o.status = target;
      if (settles && (this.cost !== null || o.actual === null)) o.actual = this.cost ?? 0;
    }
  }
  toString() {
    return `offer(${this.k}) ${this.status ?? "cost"} ${this.cost ?? ""} on ${this.on}`;
  }
}

class Propose extends Step {
  async act(m: Model, r: Real) {
    const res = await r.req("POST", `/api/rounds/${ROUND}/replacements`);
    // Released offers not yet closed out by an applied replacement wait for one.
    const waiting = [...m.offers].filter(([id, o]) => RELEASED.includes(o.status) && !m.closedOut.has(id)).map(([id]) => id);
    const ok = !m.yearClosed && waiting.length > 0;
    this.expect(res.status, ok, 201);
    if (ok) {
      m.proposal = res.json.id;
      m.proposalReleased = waiting;
    }
  }
  toString() {
    return "propose replacements";
  }
}

class Apply extends Step {
  async act(m: Model, r: Real) {
    const open = (await r.req("GET", `/api/rounds/${ROUND}/replacements/open`)).json;
    expect(open?.id ?? null, "the open proposal is the latest").toBe(m.proposal);
    if (!open) return;
    const res = await r.req("POST", `/api/replacements/${open.id}/apply`, { offerDeadline: "2031-05-15" });
    const ok = !m.yearClosed && open.proposal.status !== "infeasible";
    this.expect(res.status, ok);
    if (ok) {
      const kept = new Map([...m.offers].map(([id, o]) => [id, { ...o }]));
      for (const id of m.proposalReleased) m.closedOut.add(id);
      m.proposal = null;
      m.proposalReleased = [];
      await syncOffers(m, r);
      // Recorded answers survive a replacement: only released offers make way.
      for (const [id, o] of kept) expect(m.offers.get(id)?.status, `${id} after a replacement`).toBe(o.status);
      for (const x of open.proposal.replacements) m.offers.get(x.id)!.replaced = true;
    }
  }
  toString() {
    return "apply the open proposal";
  }
}

class Admin extends Step {
  constructor(readonly amount: number) {
    super();
  }
  async act(m: Model, r: Real) {
    const round = (await r.req("GET", `/api/rounds/${ROUND}`)).json;
    const res = await r.req("PATCH", `/api/rounds/${ROUND}`, { adminActual: this.amount, version: round.version });
    this.expect(res.status, !m.yearClosed);
    if (!m.yearClosed) m.adminActual = this.amount;
  }
  toString() {
    return `admin costs ${this.amount}`;
  }
}

class Contribute extends Step {
  constructor(
    readonly donor: "D1" | "D2",
    readonly amount: number,
  ) {
    super();
  }
  async act(m: Model, r: Real) {
    const d = (await r.req("GET", `/api/rounds/${ROUND}/donors`)).json.find((x: Json) => x.id === this.donor);
    const res = await r.req("PUT", `/api/rounds/${ROUND}/donors/${this.donor}`, {
      name: d.name,
      amount: this.amount,
      ...(d.regions ? { regions: d.regions } : {}),
      receivedOn: `${YEAR}-03-01`,
      version: d.version,
    });
    this.expect(res.status, !m.yearClosed);
    if (!m.yearClosed) m.donors.set(this.donor, this.amount);
  }
  toString() {
    return `contribution ${this.donor} ${this.amount}`;
  }
}

class CloseYear extends Step {
  async act(m: Model, r: Real) {
    const y = (await r.req("GET", "/api/years")).json.find((x: Json) => x.year === YEAR);
    const res = await r.req("POST", `/api/years/${YEAR}/close`, { version: y.version });
    const ok =
      !m.yearClosed &&
      (m.round === "decided" || m.round === "closed") &&
      m.adminActual !== null &&
      [...m.offers.values()].every((o) => !OPEN.includes(o.status));
    this.expect(res.status, ok);
    if (ok) {
      m.yearClosed = true;
      m.round = "closed";
    }
  }
  toString() {
    return "close the year";
  }
}

// --- the invariants, computed here from the decisions alone -----------------------------------------

const cents = (x: number): number => Math.round(x * 100);

async function invariants(m: Model, r: Real, auditsBefore: number, changed: boolean): Promise<void> {
  const audits = r.audits();
  if (changed) expect(audits, "a change without its audit entry").toBeGreaterThan(auditsBefore);
  else expect(audits, "a refused change wrote to the audit log").toBe(auditsBefore);

  const decisions: Json[] = (await r.req("GET", `/api/rounds/${ROUND}/decisions`)).json;
  const requests: Json[] = (await r.req("GET", `/api/rounds/${ROUND}/requests`)).json;
  const statusOf = new Map(requests.map((q) => [q.id, q.status]));
  const offers = decisions.filter((d) => d.offerStatus !== null);
  // No request has an offer that was not in the running.
  for (const d of offers) expect(m.withdrawn.has(d.requestId), `${d.requestId} withdrawn, yet offered`).toBe(false);
  // Recorded answers and costs are the model's: none lost, none changed behind its back.
  expect(offers.map((d) => [d.requestId, d.offerStatus, d.actualCost]).sort()).toEqual(
    [...m.offers].map(([id, o]) => [id, o.status, o.actual]).sort(),
  );
  for (const d of offers) {
    const mirror = d.offerStatus === "pending" ? "funded" : d.offerStatus;
    expect(statusOf.get(d.requestId), `${d.requestId}'s status mirrors its offer`).toBe(mirror);
  }
  // The money, from the decisions alone.
  const st = (await r.req("GET", `/api/rounds/${ROUND}/statement`)).json;
  const committed = offers.filter((d) => OPEN.includes(d.offerStatus)).reduce((s, d) => s + cents(d.cost), 0);
  const spent = offers.filter((d) => SETTLED.includes(d.offerStatus)).reduce((s, d) => s + cents(d.actualCost), 0);
  const contributions = [...m.donors.values()].reduce((s, x) => s + cents(x), 0);
  const admin = cents(m.adminActual ?? 150);
  expect(cents(st.balances.committed)).toBe(committed);
  expect(cents(st.balances.spent)).toBe(spent);
  expect(cents(st.revenues.totalContributions)).toBe(contributions);
  expect(cents(st.revenues.deferredFrom)).toBe(cents(4000));
  expect(cents(st.expenditures.travel)).toBe(committed + spent);
  expect(cents(st.expenditures.generalAndAdministrative)).toBe(admin);
  expect(cents(st.expenditures.total)).toBe(committed + spent + admin);
  expect(cents(st.revenues.total)).toBe(contributions + cents(4000));
  expect(cents(st.deferredTo)).toBe(contributions + cents(4000) - committed - spent - admin);
  expect(cents(st.balances.available)).toBe(cents(st.balances.committed) + cents(st.balances.spent) + cents(st.balances.left));
  expect(st.provisional).toBe(offers.some((d) => OPEN.includes(d.offerStatus)) || m.adminActual === null);
  // The year has this one round: its Table 3 is the round's; its ledger ends on the deferred-to.
  const year = (await r.req("GET", `/api/years/${YEAR}/statement`)).json;
  expect(year.deferredTo).toBe(st.deferredTo);
  expect(year.status).toBe(m.yearClosed ? "closed" : "open");
  const ledger: Json[] = (await r.req("GET", `/api/years/${YEAR}/ledger`)).json;
  expect(cents(ledger.at(-1).balance)).toBe(cents(st.deferredTo));
  // Who paid for whom: within the earmarks (D2 pays for AFR only), each delegate's cost, no donor over its amount.
  const paid = new Map<string, number>();
  for (const f of st.funding) {
    const d = offers.find((x) => x.requestId === f.requestId)!;
    const cost = OPEN.includes(d.offerStatus) ? d.cost : SETTLED.includes(d.offerStatus) ? d.actualCost : 0;
    expect(cents(f.shares.reduce((s: number, x: Json) => s + x.amount, 0)) + cents(f.unpaid), `${f.requestId}'s cost`).toBe(cents(cost));
    for (const sh of f.shares) {
      if (sh.donor === "D2") expect(worldRegion(f.requestId), `D2 pays only for AFR: ${f.requestId}`).toBe("AFR");
      paid.set(sh.donor, (paid.get(sh.donor) ?? 0) + cents(sh.amount));
    }
  }
  for (const [donor, amount] of m.donors) expect(paid.get(donor) ?? 0).toBeLessThanOrEqual(cents(amount));
  expect(paid.get("carry-over") ?? 0).toBeLessThanOrEqual(cents(4000));
  // The donors' rationale: exactly the delegates the decisions fund now, with the statement's money.
  if (m.decided) {
    const rat = (await r.req("GET", `/api/rounds/${ROUND}/rationale`)).json;
    const live = offers.filter((d) => !RELEASED.includes(d.offerStatus)).map((d) => d.requestId);
    expect(rat.funded.map((f: Json) => f.id).sort()).toEqual(live.sort());
    expect(rat.money.balances).toEqual(st.balances);
    expect(cents(rat.summary.totalCost)).toBe(committed + spent);
  }
}

let world: World;
const worldRegion = (id: string): string => world.regionOf.get(id)!;

describe("the decision lifecycle against a reference model", () => {
  const opened: Real[] = [];
  afterAll(async () => {
    for (const r of opened) {
      await r.runs.close();
      r.db.close();
    }
  });

  it(
    `keeps its invariants over ${SEQUENCES} random sequences of up to ${MAX_STEPS} actions`,
    async () => {
      world = await buildWorld();
      setToday(BEFORE_DEADLINES);
      const approve = fc.constantFrom(0, 1).map((k) => new Approve(k, world));
      const offer = fc
        .tuple(
          fc.nat(20),
          fc.option(fc.constantFrom<Exclude<Offer, "pending">>("accepted", "declined", "expired", "travelled", "no-show", "cancelled"), {
            nil: null,
          }),
          fc.option(fc.integer({ min: 0, max: 4000 }), { nil: null }),
          fc.constantFrom(...ON_DAYS),
        )
        .map(([k, s, c, on]) => new RecordOffer(k, s, c, on));
      // Weighted by repetition: approvals and offers' answers often, so that most sequences reach the
      // replacements and the close; withdrawals, round moves and money edits now and then.
      const commands: fc.Arbitrary<fc.AsyncCommand<Model, Real>>[] = [
        approve,
        approve,
        approve,
        offer,
        offer,
        offer,
        offer,
        fc.constant(new Propose()),
        fc.constant(new Propose()),
        fc.constant(new Apply()),
        fc.constant(new Apply()),
        fc.nat(REQUESTS - 1).map((k) => new Withdraw(k)),
        fc.constantFrom("review" as const, "decided" as const, "open" as const).map((to) => new MoveRound(to)),
        fc.integer({ min: 0, max: 400 }).map((x) => new Admin(x)),
        fc.tuple(fc.constantFrom<"D1" | "D2">("D1", "D2"), fc.integer({ min: 0, max: 20_000 })).map(([d, x]) => new Contribute(d, x)),
        fc.constant(new CloseYear()),
      ];
      let steps = 0;
      await fc.assert(
        fc.asyncProperty(fc.commands(commands, { maxCommands: MAX_STEPS, size: "large" }), async (cmds) => {
          const real = realFrom(world);
          opened.push(real);
          const model: Model = {
            round: "review",
            yearClosed: false,
            withdrawn: new Set(),
            decided: false,
            offers: new Map(),
            adminActual: null,
            donors: new Map([
              ["D1", 9000],
              ["D2", 6000],
            ]),
            proposal: null,
            proposalReleased: [],
            closedOut: new Set(),
            decidedIds: new Set(),
          };
          await fc.asyncModelRun(() => ({ model, real }), cmds);
          steps += [...cmds].length;
          await real.runs.close();
          real.db.close();
          opened.splice(opened.indexOf(real), 1);
        }),
        { numRuns: SEQUENCES, ...(process.env.MODEL_SEED ? { seed: Number(process.env.MODEL_SEED) } : {}) },
      );
      console.info(
        `lifecycle model: ${SEQUENCES} sequences, ${steps} steps; ${[...tally]
          .sort()
          .map(([k, n]) => `${k}: ${n}`)
          .join(", ")}`,
      );
      // Every kind of action was both done and refused somewhere (the sequences are not blind).
      for (const kind of ["Approve", "RecordOffer", "Propose", "Apply", "CloseYear", "Withdraw"])
        expect(tally.get(`${kind} done`), kind).toBeGreaterThan(0);
    },
    // Bounded by work (200 sequences of at most 40 steps), with room for a busy machine.
    900_000,
  );
});
