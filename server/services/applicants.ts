// The applicants' side: submitting a request while the round is open (a reference and an access code,
// shown once, stored hashed), reading one's own request with them, and answering an offer.
import { RequestAttributesSchema, type RequestAttributes } from "../../scoring/criteria/index.js";
import { dayInWords, type ApplicantAnswer, type MeetingWords } from "../../scoring/domain/index.js";
import { accessCode, hashCode, randomReference, verifyCode } from "../auth/passwords.js";
import { checkCodeAttempts, rateLimit, recordCodeFailure } from "../auth/sessions.js";
import { audit } from "../audit.js";
import { tx } from "../db/database.js";
import { CODE_SLOT, tellApplicant, tellReceived } from "../mail/events.js";
import { addressOf } from "../mail/sender.js";
import { randomUUID } from "node:crypto";
import { conflict, DomainError, invalid } from "../errors.js";
import type { Services } from "../http/index.js";
import { today } from "../store/rows.js";
import { ApplicantViewSchema } from "../schemas/index.js";
import {
  accessCodeHashes,
  referenceOf,
  decisionOfRequest,
  getRequest,
  getRound,
  insertRequest,
  requestExists,
  assertRoundOpenForMoney,
  statusTimeline,
  roundExists,
  notFundedReasonOf,
  type RequestRecord,
} from "../store/index.js";
import { recordOfferAnswer } from "./request-status.js";

const APPLICANT = { id: null, name: "applicant" };

/** Whether a round takes requests today, by the server's calendar: open, and today within its window. */
export function takesRequests(round: { status: string; windowOpens: string; windowCloses: string }): boolean {
  const day = today();
  return round.status === "open" && day >= round.windowOpens && day <= round.windowCloses;
}

/** A round as the request form shows it. */
export interface RoundView extends MeetingWords {
  id: string;
  startDate: string;
  endDate: string;
  windowOpens: string;
  windowCloses: string;
  /** Whether the round takes requests today (the server's calendar). */
  open: boolean;
  /** Not open yet (a draft round, or a window not begun), rather than no longer. */
  notYet: boolean;
}

/** The round's view: whether it takes requests today, or not yet; null for an unknown round. */
export function roundForApplicants({ db }: Pick<Services, "db">, roundId: string): RoundView | null {
  if (!roundExists(db, roundId)) return null;
  const r = getRound(db, roundId);
  const open = takesRequests(r);
  return { ...r, open, notYet: !open && (r.status === "draft" || (r.status === "open" && today() < r.windowOpens)) };
}

/** A request submitted by its applicant: the reference and the access code (shown this once). */
export function submitRequest(
  { db, config, reference }: Services,
  client: string,
  roundId: string,
  input: Omit<RequestAttributes, "id" | "submittedAt" | "lock" | "technicalRating" | "previousSponsorships">,
): { reference: string; accessCode: string; notice: string } {
  rateLimit(db, config, `apply:${client}`, "submissions");
  const round = getRound(db, roundId);
  if (!takesRequests(round)) {
    throw conflict(
      "round-closed",
      `round ${roundId} takes requests while open, from ${dayInWords(round.windowOpens)} to ${dayInWords(round.windowCloses)}`,
    );
  }
  if (!reference.states.has(input.state)) throw invalid([{ path: "state", message: `unknown State "${input.state}"` }]);
  const code = accessCode();
  const codeHash = hashCode(code);
  const id = tx(db, () => {
    const ref = publicReference(db, roundId);
    insertRequest(
      db,
      roundId,
      RequestAttributesSchema.parse({ ...input, id: ref, submittedAt: new Date().toISOString() }),
      "submitted",
      codeHash,
      APPLICANT,
    );
    tellReceived(db, ref);
    return ref;
  });
  return {
    reference: id,
    accessCode: code,
    notice: "Keep the reference and the access code: the code is shown only now and cannot be recovered.",
  };
}

/**
 * A public submission's reference: the round's id and eight random characters (about 40 bits), so that
 * references cannot be guessed in sequence, nor taken in advance by a request made elsewhere.
 */
function publicReference(db: Services["db"], roundId: string): string {
  for (;;) {
    const ref = `${roundId}-${randomReference()}`;
    if (!requestExists(db, ref)) return ref;
  }
}

/** The request a reference and its access code open; one answer for an unknown reference and a wrong code. */
export async function applicantRequest({ db, config }: Services, client: string, typed: string, code: string): Promise<RequestRecord> {
  // A reference is read whatever its case, as the code is (13msp-001 is 13MSP-001).
  const reference = referenceOf(db, typed.trim()) ?? typed.trim();
  checkCodeAttempts(db, config, client, reference);
  let ok = false;
  for (const hash of accessCodeHashes(db, reference)) ok ||= await verifyCode(code, hash);
  if (!ok) {
    recordCodeFailure(db, client, reference);
    throw new DomainError("not-found", "not-found", "no request with this reference and access code");
  }
  return getRequest(db, reference);
}

/** What an applicant sees of their request: its status over time and its decision. */
export function applicantStatus({ db, config }: Services, id: string) {
  const r = getRequest(db, id);
  const d = decisionOfRequest(db, id);
  const round = getRound(db, r.roundId);
  return {
    reference: r.id,
    roundId: r.roundId,
    status: r.status,
    request: ApplicantViewSchema.parse(r.attributes),
    history: statusTimeline(db, id),
    decision: d
      ? {
          decision: d.decision,
          level: d.level,
          cost: d.cost,
          offerDeadline: d.offerDeadline,
          offerStatus: d.offerStatus,
          version: d.version,
          answerable: d.offerStatus === "pending" && d.offerDeadline !== null && today() <= d.offerDeadline,
        }
      : null,
    /** The meeting the request is for, and its days. */
    meeting: {
      name: round.meeting,
      venue: round.venue,
      nameFr: round.meetingFr ?? null,
      nameEs: round.meetingEs ?? null,
      venueFr: round.venueFr ?? null,
      venueEs: round.venueEs ?? null,
      startDate: round.startDate,
      endDate: round.endDate,
      nights: round.nights,
    },
    /** Why the approved run did not fund the request: its kind and rule only (no other request is named). */
    reason: d && d.decision !== "funded" ? notFundedReasonOf(db, d.runId, id) : null,
    /** Whom to write to at the ISU. */
    contact: addressOf(config.MAIL_FROM),
  };
}

/**
 * "I lost my code": when the reference (any case) and the e-mail address on file (any case) match, a
 * message with a new access code is written to that address. The code is made when the message leaves
 * (only its hash is ever stored), and the earlier code stops working only once the mail server accepted
 * the message. Nothing tells the asker whether they matched, nor whether the message was held past the
 * outbox's limits per address and per request; each client address may ask as often as it may try codes
 * (then 429).
 */
export function askNewCode({ db, config }: Services, client: string, typedReference: string, email: string): void {
  rateLimit(db, config, `new-code:${client}`, "requests for a new code");
  const reference = referenceOf(db, typedReference.trim());
  if (!reference) return;
  tx(db, () => {
    const r = getRequest(db, reference);
    if (!r.attributes.email || r.attributes.email.trim().toLowerCase() !== email.trim().toLowerCase()) return;
    tellApplicant(db, `new-code:${r.id}:${randomUUID()}`, "new-code", r.id, { code: CODE_SLOT });
  });
}

/** An applicant accepts or declines their offer, before its deadline. */
export function answerOffer({ db }: Services, r: RequestRecord, answer: ApplicantAnswer): void {
  tx(db, () => {
    const d = decisionOfRequest(db, r.id);
    if (!d || d.decision !== "funded") throw conflict("no-offer", "this request has no offer");
    if (d.offerStatus !== "pending") throw conflict("offer-answered", `the offer was ${d.offerStatus} already`);
    if (today() > d.offerDeadline!) throw conflict("offer-expired", `the offer's deadline (${d.offerDeadline}) has passed`);
    assertRoundOpenForMoney(db, r.roundId, "an answer to an offer");
    recordOfferAnswer(db, r.roundId, r.id, answer, `offer ${answer} by the applicant`, APPLICANT);
    audit(db, { actor: "applicant", action: "offer", entity: "request", entityId: r.id, data: { answer } });
  });
}
