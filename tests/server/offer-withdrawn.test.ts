// The ISU withdraws an offer (a visa refused, a delegate replaced by their State): from pending or
// accepted, only with a reason; its money is released like a decline's and the seat offered again by the
// replacement flow; the applicant is told by e-mail and on the status page in their language, without
// the staff's reason; the audit log keeps the reason, the ledger the release. Through the HTTP API.
import { describe, expect, it } from "vitest";
import { REQUEST_STATUS_TO_APPLICANT } from "../../scoring/domain/index.js";
import { hashCode } from "../../server/auth/passwords.js";
import { AFTER_13MSP, approveDemoRun, AS_OF_13MSP, testApi, type Client } from "./api-helpers.js";

type Api = Awaited<ReturnType<typeof testApi>>;
interface Decision {
  requestId: string;
  offerStatus: string | null;
  cost: number | null;
  version: number;
}

const approve = async (api: Api, admin: Client): Promise<string[]> => (await approveDemoRun(api, admin, 2)).funded;

const decision = async (admin: Client, id: string): Promise<Decision> =>
  ((await admin.req("GET", "/api/rounds/13MSP/decisions")).json as Decision[]).find((d) => d.requestId === id)!;

describe("an offer withdrawn by the ISU", () => {
  it("needs a reason, releases the money, tells the applicant in their language and is offered again", async () => {
    const api = await testApi(AS_OF_13MSP);
    const admin = await api.as("admin");
    const funded = await approve(api, admin);
    const requests = (await admin.req("GET", "/api/rounds/13MSP/requests")).json as {
      id: string;
      attributes: { email?: string; language?: string };
    }[];
    const target = funded.find((id) => requests.find((r) => r.id === id)?.attributes.email)!;
    const lang = requests.find((r) => r.id === target)!.attributes.language ?? "en";
    const before = await decision(admin, target);
    expect(before.offerStatus).toBe("pending");

    // Without a reason: refused, naming the field; nothing changed.
    const bare = await admin.req("POST", `/api/rounds/13MSP/offers/${target}`, { offerStatus: "withdrawn", version: before.version });
    expect(bare.status).toBe(422);
    expect(bare.json.error.details.problems).toEqual([{ path: "note", message: "say why the offer is withdrawn by the ISU" }]);
    expect((await decision(admin, target)).offerStatus).toBe("pending");

    const done = await admin.req("POST", `/api/rounds/13MSP/offers/${target}`, {
      offerStatus: "withdrawn",
      note: "visa refused by the host State",
      version: before.version,
    });
    expect(done.status, done.text).toBe(200);
    expect(done.json.offerStatus).toBe("withdrawn");
    const request = (await admin.req("GET", `/api/requests/${target}`)).json;
    expect(request.status).toBe("offer-withdrawn");
    expect(request.history.at(-1).note).toBe("offer withdrawn by the ISU: visa refused by the host State");

    // Final: no answer or settlement after it.
    const again = await admin.req("POST", `/api/rounds/13MSP/offers/${target}`, { offerStatus: "accepted", version: done.json.version });
    expect(again.status).toBe(409);

    // The audit log keeps the reason.
    const [entry] = (await admin.req("GET", `/api/audit?entity=request&entityId=${target}&limit=1`)).json;
    expect(entry.data).toMatchObject({ from: "pending", to: "withdrawn", note: "visa refused by the host State" });

    // The money is released like a decline's: the ledger says so, and the round's committed money drops by its cost.
    const ledger = (await admin.req("GET", "/api/years/2025/ledger")).json as {
      kind: string;
      requestId: string | null;
      amount: number;
      text: string;
    }[];
    const release = ledger.find((e) => e.kind === "release" && e.requestId === target)!;
    expect(release.amount).toBe(before.cost);
    expect(release.text).toMatch(/withdrawn by the ISU: CHF .* released$/);
    const statement = (await admin.req("GET", "/api/rounds/13MSP/statement")).json;
    expect(statement.delegates.withdrawn).toBe(1);

    // The applicant is told, once, in their language, without the staff's reason.
    const messages = (
      (await admin.req("GET", "/api/messages?limit=500")).json.messages as {
        kind: string;
        requestId: string;
        language: string;
        body: string;
      }[]
    ).filter((m) => m.requestId === target && m.kind === "offer-withdrawn");
    expect(messages).toHaveLength(1);
    expect(messages[0]!.language).toBe(lang);
    expect(messages[0]!.body).not.toContain("visa refused");

    // The status page says it in each language.
    const code = "WITH-DRAW-NBYI-SU01";
    api.db.prepare("UPDATE requests SET access_code_hash = ? WHERE id = ?").run(hashCode(code), target);
    for (const l of ["en", "fr", "es"] as const) {
      const page = await api.app.request(`/status?lang=${l}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin" },
        body: new URLSearchParams([
          ["reference", target],
          ["code", code],
        ]).toString(),
      });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(REQUEST_STATUS_TO_APPLICANT["offer-withdrawn"][l].replaceAll("'", "&#39;"));
    }

    // The replacement flow offers the seat again.
    const proposal = await admin.req("POST", "/api/rounds/13MSP/replacements", {});
    expect(proposal.status, proposal.text).toBe(201);
    expect(proposal.json.proposal.released.map((r: { id: string }) => r.id)).toContain(target);
  });

  it("is possible from an accepted offer, and not from a settled one", async () => {
    const api = await testApi(AS_OF_13MSP);
    const admin = await api.as("admin");
    const [a, b] = await approve(api, admin);
    const da = await decision(admin, a!);
    const accepted = await admin.req("POST", `/api/rounds/13MSP/offers/${a}`, { offerStatus: "accepted", version: da.version });
    expect(accepted.status).toBe(200);
    const withdrawn = await admin.req("POST", `/api/rounds/13MSP/offers/${a}`, {
      offerStatus: "withdrawn",
      note: "the State named another delegate",
      version: accepted.json.version,
    });
    expect(withdrawn.status, withdrawn.text).toBe(200);
    api.dayIs(AFTER_13MSP);
    const db = await decision(admin, b!);
    const travelled = await admin.req("POST", `/api/rounds/13MSP/offers/${b}`, {
      offerStatus: "travelled",
      actualCost: 2000,
      version: db.version,
    });
    expect(travelled.status, travelled.text).toBe(200);
    const late = await admin.req("POST", `/api/rounds/13MSP/offers/${b}`, {
      offerStatus: "withdrawn",
      note: "too late",
      version: travelled.json.version,
    });
    expect(late.status).toBe(409);
    expect(late.json.error.message).toMatch(/^the offer to .* is travelled: that is final/);
  });
});
