// The applicants: they have no account. They submit a request while the round is open and get a
// reference and an access code (shown once, stored hashed), with which they see their own request and
// answer their offer. The work is in services/applicants.ts.
import { APPLICANT_ANSWERS } from "../../scoring/domain/index.js";
import { z } from "zod";
import { ApplicantInputSchema } from "../../scoring/criteria/index.js";
import { body, type Ctx, errors, json, newApp, route, RoundId } from "../http/index.js";
import { answerOffer, applicantRequest, applicantStatus, askNewCode, submitRequest } from "../services/applicants.js";
import { pageLanguage, WORDS } from "../pages/words/index.js";
import { client } from "./auth.js";
import { ApplicantStatusSchema } from "../schemas/index.js";

const Credentials = z.strictObject({ reference: z.string().min(1).max(64), code: z.string().min(1).max(64) });

/** Fields of a request that are personal contact data: never sent to donors. */
export const CONTACT_FIELDS = ["name", "email", "title", "organisation", "delegateId", "justification"] as const;

// What an applicant may say (an allow-list: the ISU's fields are refused as unknown).
const APPLICANT_INPUT = ApplicantInputSchema;

// The routes: each a named definition (its guard, input and answers), its handler in the chain below.
const getStates = route("public", {
  method: "get",
  path: "/api/states",
  tags: ["applicants"],
  summary: "The States (ISO3 code and name), for the application form",
  responses: { 200: json(z.array(z.object({ iso3: z.string(), name: z.string() })), "States by name") },
});

const postRoundsApply = route("public", {
  method: "post",
  path: "/api/rounds/{roundId}/apply",
  tags: ["applicants"],
  summary: "Submit a sponsorship request while the round is open: answers with the reference and the access code (shown this once)",
  request: { params: RoundId, ...body(APPLICANT_INPUT) },
  responses: {
    201: json(z.object({ reference: z.string(), accessCode: z.string(), notice: z.string() }), "Submitted"),
    ...errors(403, 404, 409, 422, 429),
  },
});

const postApplicantNewCode = route("public", {
  method: "post",
  path: "/api/applicant/new-code",
  tags: ["applicants"],
  summary:
    "I lost my access code: when the reference and the e-mail address on file match, a new code is sent to that address (the earlier one stops working). The answer is the same either way.",
  request: body(z.strictObject({ reference: z.string().min(1).max(64), email: z.string().min(1).max(254) })),
  responses: { 202: json(z.object({ message: z.string() }), "Taken (whether or not they matched)"), ...errors(422, 429) },
});

const postApplicantStatus = route("public", {
  method: "post",
  path: "/api/applicant/status",
  tags: ["applicants"],
  summary: "An applicant's own request, its status and any offer (reference + access code)",
  request: body(Credentials),
  responses: { 200: json(ApplicantStatusSchema, "The request"), ...errors(404, 422, 429) },
});

const postApplicantOffer = route("public", {
  method: "post",
  path: "/api/applicant/offer",
  tags: ["applicants"],
  summary: "An applicant accepts or declines their offer before its deadline",
  request: body(Credentials.extend({ answer: z.enum(APPLICANT_ANSWERS) }).strict()),
  responses: { 200: json(ApplicantStatusSchema, "Recorded"), ...errors(404, 409, 422, 429) },
});

export function applicantRoutes() {
  const openRequest = (c: Ctx, reference: string, code: string) => applicantRequest(c.get("services"), client(c), reference, code);
  return newApp()
    .openapi(getStates, (c) =>
      c.json(
        [...c.get("services").reference.states.values()]
          .map((s) => ({ iso3: s.iso3, name: s.name }))
          .sort((a, b) => a.name.localeCompare(b.name, "en")),
        200,
      ),
    )
    .openapi(postRoundsApply, (c) => {
      const input = c.req.valid("json");
      // The applicant's messages come in the language they give, else their browser's first of ours.
      const language = input.language ?? pageLanguage(undefined, c.req.header("accept-language"));
      return c.json(submitRequest(c.get("services"), client(c), c.req.valid("param").roundId, { ...input, language }), 201);
    })
    .openapi(postApplicantNewCode, (c) => {
      const { reference, email } = c.req.valid("json");
      askNewCode(c.get("services"), client(c), reference, email);
      return c.json({ message: WORDS.en.newCode.done }, 202);
    })
    .openapi(postApplicantStatus, async (c) => {
      const { reference, code } = c.req.valid("json");
      const r = await openRequest(c, reference, code);
      return c.json(applicantStatus(c.get("services"), r.id), 200);
    })
    .openapi(postApplicantOffer, async (c) => {
      const { reference, code, answer } = c.req.valid("json");
      const r = await openRequest(c, reference, code);
      answerOffer(c.get("services"), r, answer);
      return c.json(applicantStatus(c.get("services"), r.id), 200);
    });
}
