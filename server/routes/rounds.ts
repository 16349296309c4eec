// Rounds (with status transitions), their reference States, donors and settings (weights, policy, rules).
import { z } from "zod";
import { RuleSetSchema, HistorySchema } from "../../scoring/criteria/index.js";
import { DonorSchema, RoundSchema, StateSchema, WeightsSchema } from "../../scoring/domain/index.js";
import { PolicySchema } from "../../scoring/policy/index.js";
import {
  ContributionFieldsSchema,
  DonorRecordSchema,
  PublicRoundSchema,
  RoundRecordSchema,
  RoundStateSchema,
  RoundStatesSchema,
  SettingsRecordSchema,
} from "../schemas/index.js";
import { actorOf, body, errors, json, newApp, route, userOf, RoundId, STAFF, SIGNED_IN } from "../http/index.js";
import {
  correctState,
  editRound,
  moveRound,
  newRound,
  roundDonors,
  roundFor,
  roundsFor,
  saveContribution,
  saveRoundSettings,
} from "../services/rounds.js";
import { takesRequests } from "../services/applicants.js";
import { currentSettings, getRound, roundStates, settingsVersions } from "../services/queries.js";

const NewRoundSchema = z.strictObject({
  round: RoundSchema,
  weights: WeightsSchema,
  policy: PolicySchema.default({}),
  rules: RuleSetSchema.optional(),
  history: HistorySchema.optional(),
});

const RoundPatchSchema = z.strictObject({
  version: z.number().int().min(1),
  meeting: z.string().min(1).max(200).optional(),
  venue: z.string().min(1).max(200).optional(),
  meetingFr: z.string().min(1).max(200).nullable().optional(),
  meetingEs: z.string().min(1).max(200).nullable().optional(),
  venueFr: z.string().min(1).max(200).nullable().optional(),
  venueEs: z.string().min(1).max(200).nullable().optional(),
  startDate: z.iso.date().optional(),
  endDate: z.iso.date().optional(),
  windowOpens: z.iso.date().optional(),
  windowCloses: z.iso.date().optional(),
  allowanceRate: z.number().finite().min(0).max(1e6).optional(),
  nights: z.number().int().min(0).max(60).optional(),
  reserve: z.number().finite().min(0).max(1e9).optional(),
  adminEstimate: z.number().finite().min(0).max(1e9).optional(),
  adminActual: z.number().finite().min(0).max(1e9).nullable().optional(),
});

const SettingsInput = z.strictObject({
  weights: WeightsSchema,
  policy: PolicySchema,
  rules: RuleSetSchema.nullable().default(null),
  note: z.string().max(2000).default(""),
  basedOn: z.number().int().min(1),
});

// The routes: each a named definition (its guard, input and answers), its handler in the chain below.
const getRounds = route(SIGNED_IN, {
  method: "get",
  path: "/api/rounds",
  tags: ["rounds"],
  summary: "The rounds (staff: all; a donor: those it contributes to), newest first",
  responses: { 200: json(z.array(RoundRecordSchema), "Rounds, newest first"), ...errors(401) },
});

const getRoundsOne = route(SIGNED_IN, {
  method: "get",
  path: "/api/rounds/{roundId}",
  tags: ["rounds"],
  summary: "A round with its money (staff; a donor: a round it contributes to)",
  request: { params: RoundId },
  responses: { 200: json(RoundRecordSchema, "The round"), ...errors(401, 403, 404) },
});

const getPublicRoundsOne = route("public", {
  method: "get",
  path: "/api/public/rounds/{roundId}",
  tags: ["applicants"],
  summary: "What applicants read of a round: its meeting, dates, window and status (no money)",
  request: { params: RoundId },
  responses: { 200: json(PublicRoundSchema, "The round"), ...errors(404) },
});

const postRounds = route(["admin"], {
  method: "post",
  path: "/api/rounds",
  tags: ["rounds"],
  summary: "Create a round (with a copy of the reference States)",
  request: body(NewRoundSchema),
  responses: { 201: json(RoundRecordSchema, "Created"), ...errors(401, 403, 409, 422) },
});

const patchRoundsOne = route(["admin"], {
  method: "patch",
  path: "/api/rounds/{roundId}",
  tags: ["rounds"],
  summary: "Edit a round's dates, allowance and money (not its status)",
  request: { params: RoundId, ...body(RoundPatchSchema) },
  responses: { 200: json(RoundRecordSchema, "Saved"), ...errors(401, 403, 404, 409, 422) },
});

const postRoundsStatus = route(["admin"], {
  method: "post",
  path: "/api/rounds/{roundId}/status",
  tags: ["rounds"],
  summary: "Move a round along draft → open → review → decided → closed",
  request: {
    params: RoundId,
    ...body(z.strictObject({ status: RoundSchema.shape.status.unwrap(), version: z.number().int().min(1) })),
  },
  responses: { 200: json(RoundRecordSchema, "Moved"), ...errors(401, 403, 404, 409, 422) },
});

const getRoundsStates = route(STAFF, {
  method: "get",
  path: "/api/rounds/{roundId}/states",
  tags: ["rounds"],
  summary: "The round's reference States, with the data's date",
  request: { params: RoundId },
  responses: { 200: json(RoundStatesSchema, "States"), ...errors(401, 403, 404) },
});

const putRoundsStatesOne = route(["admin"], {
  method: "put",
  path: "/api/rounds/{roundId}/states/{iso3}",
  tags: ["rounds"],
  summary: "Correct a State for this round (e.g. Art. 7 report outstanding, Geneva mission)",
  request: {
    params: RoundId.extend({ iso3: z.string().regex(/^[A-Z]{3}$/) }),
    ...body(z.strictObject({ state: StateSchema, version: z.number().int().min(1) })),
  },
  responses: { 200: json(RoundStateSchema, "Saved"), ...errors(401, 403, 404, 409, 422) },
});

const getRoundsDonors = route(STAFF, {
  method: "get",
  path: "/api/rounds/{roundId}/donors",
  tags: ["funding"],
  summary: "The round's donors with amounts and earmarks",
  request: { params: RoundId },
  responses: { 200: json(z.array(DonorRecordSchema), "Donors"), ...errors(401, 403, 404) },
});

const putRoundsDonorsOne = route(["admin"], {
  method: "put",
  path: "/api/rounds/{roundId}/donors/{donorId}",
  tags: ["funding"],
  summary:
    "Add a donor's contribution to the round (without version) or change one (with the version read): amount, earmark, date received, sourced or derived (with a note)",
  request: {
    params: RoundId.extend({ donorId: z.string().min(1).max(64) }),
    ...body(
      DonorSchema.omit({ id: true })
        .extend({ name: z.string().min(1).max(200), version: z.number().int().min(1).optional() })
        .extend(ContributionFieldsSchema.shape)
        .strict(),
    ),
  },
  responses: { 200: json(DonorRecordSchema, "Saved"), ...errors(401, 403, 404, 409, 422) },
});

const getRoundsSettings = route(STAFF, {
  method: "get",
  path: "/api/rounds/{roundId}/settings",
  tags: ["settings"],
  summary: "The current weights, policy and rules (null: the default rules)",
  request: { params: RoundId },
  responses: { 200: json(SettingsRecordSchema, "Settings"), ...errors(401, 403, 404) },
});

const getRoundsSettingsVersions = route(STAFF, {
  method: "get",
  path: "/api/rounds/{roundId}/settings/versions",
  tags: ["settings"],
  summary: "Every version of the settings, newest first",
  request: { params: RoundId },
  responses: { 200: json(z.array(SettingsRecordSchema), "Versions"), ...errors(401, 403, 404) },
});

const putRoundsSettings = route(["admin"], {
  method: "put",
  path: "/api/rounds/{roundId}/settings",
  tags: ["settings"],
  summary: "Save a new version of the settings (basedOn: the version read)",
  request: { params: RoundId, ...body(SettingsInput) },
  responses: { 200: json(SettingsRecordSchema, "The new version"), ...errors(401, 403, 404, 409, 422) },
});

export function roundRoutes() {
  return newApp()
    .openapi(getRounds, (c) => c.json(roundsFor(c.get("services"), userOf(c)), 200))
    .openapi(getRoundsOne, (c) => c.json(roundFor(c.get("services"), userOf(c), c.req.valid("param").roundId), 200))
    .openapi(getPublicRoundsOne, (c) => {
      const r = getRound(c.get("services").db, c.req.valid("param").roundId);
      return c.json(PublicRoundSchema.parse({ ...r, acceptingRequests: takesRequests(r) }), 200);
    })
    .openapi(postRounds, (c) => c.json(newRound(c.get("services"), c.req.valid("json"), actorOf(c)), 201))
    .openapi(patchRoundsOne, (c) =>
      c.json(editRound(c.get("services"), c.req.valid("param").roundId, c.req.valid("json"), actorOf(c)), 200),
    )
    .openapi(postRoundsStatus, (c) =>
      c.json(moveRound(c.get("services"), c.req.valid("param").roundId, c.req.valid("json"), actorOf(c)), 200),
    )
    .openapi(getRoundsStates, (c) => c.json(roundStates(c.get("services").db, c.req.valid("param").roundId), 200))
    .openapi(putRoundsStatesOne, (c) => {
      const { roundId, iso3 } = c.req.valid("param");
      return c.json(correctState(c.get("services"), roundId, iso3, c.req.valid("json"), actorOf(c)), 200);
    })
    .openapi(getRoundsDonors, (c) => c.json(roundDonors(c.get("services"), c.req.valid("param").roundId), 200))
    .openapi(putRoundsDonorsOne, (c) => {
      const { roundId, donorId } = c.req.valid("param");
      const { version, ...d } = c.req.valid("json");
      return c.json(saveContribution(c.get("services"), roundId, { ...d, id: donorId }, version ?? null, userOf(c).username), 200);
    })
    .openapi(getRoundsSettings, (c) => c.json(currentSettings(c.get("services").db, c.req.valid("param").roundId), 200))
    .openapi(getRoundsSettingsVersions, (c) => c.json(settingsVersions(c.get("services").db, c.req.valid("param").roundId), 200))
    .openapi(putRoundsSettings, (c) => {
      const { basedOn, ...s } = c.req.valid("json");
      return c.json(saveRoundSettings(c.get("services"), c.req.valid("param").roundId, s, basedOn, actorOf(c)), 200);
    });
}
