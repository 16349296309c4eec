// The money's answers: a round's and a year's Table 3 with their balances, the programme years and the
// ledger's dated entries.
import { z } from "@hono/zod-openapi";
import { byCode, DATA_SOURCE, OFFER_STATE, ROUND_STATUS, YEAR_STATUS } from "../../scoring/domain/index.js";

const Timestamp = z.string().describe("ISO 8601 date and time");

/** Table 3 of the ISU's report, for a round or a year: derived from the money's facts (scoring/ledger). */
const Table3Schema = z.object({
  provisional: z
    .boolean()
    .describe(
      "Some figure may still change: an offer unanswered or unsettled, administrative costs estimated, the opening balance from a year not closed",
    ),
  pending: z.array(z.string()).describe("Why the statement is provisional, in words"),
  pendingWhy: z
    .array(
      z.discriminatedUnion("kind", [
        z.object({ kind: z.literal("opening"), from: z.number().int() }),
        z.object({
          kind: z.literal("offers"),
          offers: z.array(z.object({ state: z.string(), stateName: z.string(), requestId: z.string() })),
        }),
        z.object({ kind: z.literal("admin"), meeting: z.string() }),
      ]),
    )
    .describe("The same reasons as data (for pages in French and Spanish)"),
  expenditures: z.object({ travel: z.number(), generalAndAdministrative: z.number(), total: z.number() }),
  revenues: z.object({
    contributions: z.array(
      z.object({
        donor: z.string(),
        name: z.string(),
        amount: z.number(),
        source: z.enum(DATA_SOURCE.codes),
        note: z.string(),
      }),
    ),
    totalContributions: z.number(),
    deferredFrom: z.number(),
    total: z.number(),
  }),
  deferredTo: z.number(),
  balances: z
    .object({ available: z.number(), committed: z.number(), spent: z.number(), released: z.number(), left: z.number() })
    .describe("available = committed + spent + left; left is what is deferred"),
  delegates: z
    .object({ offers: z.number().int(), ...byCode(OFFER_STATE.codes, () => z.number().int()) })
    .describe("How many offers, and how many in each state"),
});

export const StatementSchema = Table3Schema.extend({
  scope: z.literal("round"),
  roundId: z.string(),
  meeting: z.string(),
  year: z.number().int(),
  /** Who paid for whom: each delegate's actual (or committed) cost over the donors within their earmarks, then the money carried in. */
  funding: z.array(
    z.object({
      requestId: z.string(),
      state: z.string(),
      stateName: z.string(),
      cost: z.number(),
      shares: z.array(z.object({ donor: z.string(), amount: z.number() })),
      unpaid: z.number(),
    }),
  ),
});
export type Statement = z.infer<typeof StatementSchema>;

export const OpeningSchema = z.object({
  amount: z.number(),
  carriedFrom: z.number().int().nullable().describe("The year it was carried from; null when entered (the first year)"),
  provisional: z.boolean(),
  note: z.string(),
});

export const YearRecordSchema = z.object({
  year: z.number().int(),
  status: z.enum(YEAR_STATUS.codes),
  opening: OpeningSchema,
  note: z.string(),
  closing: z.number().nullable(),
  closedAt: Timestamp.nullable(),
  version: z.number().int(),
});

export const YearStatementSchema = Table3Schema.extend({
  scope: z.literal("year"),
  year: z.number().int(),
  version: z.number().int().describe("The year's record version, for its changes"),
  status: z.enum(YEAR_STATUS.codes),
  opening: OpeningSchema,
  note: z.string(),
  rounds: z.array(
    z.object({
      roundId: z.string(),
      meeting: z.string(),
      startDate: z.iso.date(),
      status: z.enum(ROUND_STATUS.codes),
      deferredFrom: z.number(),
      deferredTo: z.number(),
      provisional: z.boolean(),
    }),
  ),
});
export type YearStatement = z.infer<typeof YearStatementSchema>;

export const LedgerEntrySchema = z.object({
  date: z.iso.date().nullable(),
  kind: z.enum(["opening", "contribution", "commitment", "release", "actual-cost", "administration"]),
  roundId: z.string().nullable(),
  donor: z.string().nullable(),
  requestId: z.string().nullable(),
  amount: z.number(),
  effect: z.number(),
  balance: z.number(),
  text: z.string(),
});

/** What an applicant says of their own request: an allow-list, none of the ISU's fields (locks, ratings, the
 * review of the evidence, an exception to eligibility, the delegate's key). */
