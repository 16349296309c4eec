// The ledger: the year's money as dated entries, each with its effect on what is left. Derived from the
// facts (never stored): the opening, each contribution, each offer's commitment and its release or
// settlement, the general and administrative costs. Its last balance is the year's deferred-to.
import { chf, OFFER_STATE, RELEASED_OFFERS, round2, SETTLED_OFFERS, type DataSource } from "../domain/index.js";
import { offerMoney } from "./money.js";
import type { OfferFact, YearFacts } from "./types.js";

export type EntryKind = "opening" | "contribution" | "commitment" | "release" | "actual-cost" | "administration";

export interface LedgerEntry {
  /** ISO date; null when the fact has no date recorded (listed after the opening, before the dated entries). */
  date: string | null;
  kind: EntryKind;
  roundId: string | null;
  donor: string | null;
  requestId: string | null;
  /** The amount the entry names (a contribution, a commitment, a cost). */
  amount: number;
  /** Its effect on what is left (+ in, − out). */
  effect: number;
  /** What is left after it, in the ledger's order. */
  balance: number;
  text: string;
}

type Entry = Omit<LedgerEntry, "balance">;

/** An offer's entries: its commitment, its release (declined, lapsed…) or its settlement with what was not spent. */
function offerEntries(o: OfferFact, base: { roundId: string; donor: null; requestId: null }): Entry[] {
  const out: Entry[] = [];
  const who = `${o.stateName}, ${o.requestId}`;
  out.push({
    ...base,
    date: o.committedOn,
    kind: "commitment",
    requestId: o.requestId,
    amount: o.cost,
    effect: -o.cost,
    text: `Offer to ${who}`,
  });
  const m = offerMoney(o);
  if (RELEASED_OFFERS.has(o.offerStatus))
    out.push({
      ...base,
      date: o.answeredOn,
      kind: "release",
      requestId: o.requestId,
      amount: m.released,
      effect: m.released,
      text: `Offer to ${who} ${OFFER_STATE.say(o.offerStatus)}: CHF ${chf(m.released)} released`,
    });
  if (SETTLED_OFFERS.has(o.offerStatus)) {
    out.push({
      ...base,
      date: o.settledOn,
      kind: "actual-cost",
      requestId: o.requestId,
      amount: m.spent,
      effect: 0,
      text: `${who} ${OFFER_STATE.say(o.offerStatus)}: actual cost CHF ${chf(m.spent)}`,
    });
    if (m.released !== 0)
      out.push({
        ...base,
        date: o.settledOn,
        kind: "release",
        requestId: o.requestId,
        amount: m.released,
        effect: m.released,
        text:
          m.released > 0
            ? `${who}: CHF ${chf(m.released)} of the offer not spent, released`
            : `${who}: CHF ${chf(-m.released)} more than the offer`,
      });
  }
  return out;
}

export function ledgerEntries(y: YearFacts): LedgerEntry[] {
  const raw: Omit<LedgerEntry, "balance">[] = [
    {
      date: `${y.year}-01-01`,
      kind: "opening",
      roundId: null,
      donor: null,
      requestId: null,
      amount: y.opening.amount,
      effect: y.opening.amount,
      text:
        y.opening.carriedFrom !== null
          ? `Opening balance, carried from ${y.opening.carriedFrom}${y.opening.provisional ? " (not closed yet)" : ""}`
          : `Opening balance, entered${y.opening.note ? `: ${y.opening.note}` : ""}`,
    },
  ];
  for (const r of y.rounds) {
    const base = { roundId: r.id, donor: null, requestId: null };
    for (const c of r.contributions)
      raw.push({
        ...base,
        date: c.receivedOn,
        kind: "contribution",
        donor: c.donor,
        amount: c.amount,
        effect: c.amount,
        text: `Contribution from ${c.name} (${r.id})${c.source === "derived" ? `, ${sourceNote(c.source, c.note)}` : ""}`,
      });
    for (const o of r.offers) raw.push(...offerEntries(o, base));
    const admin = r.adminActual ?? r.adminEstimate;
    raw.push({
      ...base,
      date: r.endDate,
      kind: "administration",
      amount: admin,
      effect: -admin,
      text: `General and administrative costs of ${r.id}${r.adminActual === null ? " (estimate)" : ""}`,
    });
  }
  // The opening first; then entries with no date recorded (contributions known before the allocation,
  // most often); then the dated ones in date order (stable: the facts' order within a day).
  const rank = (e: Omit<LedgerEntry, "balance">): number => (e.kind === "opening" ? 0 : e.date === null ? 1 : 2);
  const order = raw.map((e, i) => ({ e, i })).sort((a, b) => rank(a.e) - rank(b.e) || cmpDate(a.e.date, b.e.date) || a.i - b.i);
  let balance = 0;
  return order.map(({ e }) => {
    balance = round2(balance + e.effect);
    return { ...e, balance };
  });
}

function cmpDate(a: string | null, b: string | null): number {
  if (a === b || a === null || b === null) return 0;
  return a < b ? -1 : 1;
}

/**
 * A contribution's note as the statement, its export and the ledger say it: a derived amount says so once
 * ("derived: the remainder of …"), whether or not its note starts with the word already.
 */
export function sourceNote(source: DataSource, note: string): string {
  if (source !== "derived") return note;
  const rest = note.replace(/^\s*derived\s*[:,-]?\s*/i, "");
  return rest ? `derived: ${rest}` : "derived";
}
