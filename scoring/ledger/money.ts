// What each offer does to the money, and the figures of a round and of a year: Table 3 (expenditures,
// contributions, deferred from and to) and the balances (available = committed + spent + left). Every
// figure is a sum over the facts; nothing is stored twice.
import { byCode, OFFER_STATE, OPEN_OFFERS, RELEASED_OFFERS, round2, type DataSource, type OfferStatus } from "../domain/index.js";
import type { ContributionFact, OfferFact, Opening, RoundFacts, YearFacts } from "./types.js";

/** An offer's money: committed (open), spent (settled: its actual cost) and released (unspent, back to the programme). */
export function offerMoney(o: Pick<OfferFact, "cost" | "offerStatus" | "actualCost">): {
  committed: number;
  spent: number;
  released: number;
} {
  if (OPEN_OFFERS.has(o.offerStatus)) return { committed: o.cost, spent: 0, released: 0 };
  if (RELEASED_OFFERS.has(o.offerStatus)) return { committed: 0, spent: 0, released: o.cost };
  const spent = o.actualCost ?? 0;
  return { committed: 0, spent, released: o.cost - spent };
}

const sum = (xs: number[]): number => round2(xs.reduce((s, x) => s + x, 0));

export interface ContributionLine {
  donor: string;
  name: string;
  amount: number;
  source: DataSource;
  note: string;
}

/** Table 3: a round's or a year's expenditures and revenues, and the balance deferred to what follows. */
export interface Table3 {
  /** Some figure may still change: an offer unanswered or unsettled, the administrative costs not known, the opening provisional. */
  provisional: boolean;
  /** Why it is provisional, in words (empty when final). */
  pending: string[];
  /** The same reasons as data, for pages in other languages. */
  pendingWhy: PendingWhy[];
  expenditures: { travel: number; generalAndAdministrative: number; total: number };
  revenues: { contributions: ContributionLine[]; totalContributions: number; deferredFrom: number; total: number };
  deferredTo: number;
  /** The money as the dashboard shows it: available = committed + spent + left (left is what is deferred). */
  balances: { available: number; committed: number; spent: number; released: number; left: number };
  delegates: Record<OfferStatus, number> & { offers: number };
}

/** Why a statement is provisional: the opening not closed, offers still open, administrative costs estimated. */
export type PendingWhy =
  | { kind: "opening"; from: number }
  | { kind: "offers"; offers: { state: string; stateName: string; requestId: string }[] }
  | { kind: "admin"; meeting: string };

/** A reason in the staff's words (the exports and the English pages). */
export function pendingInWords(w: PendingWhy): string {
  if (w.kind === "opening") return `the opening balance comes from ${w.from}, which is not closed yet`;
  if (w.kind === "admin") return `the general and administrative costs of ${w.meeting} are an estimate`;
  const n = w.offers.length;
  return `${n} offer${n === 1 ? "" : "s"} not yet answered or settled (${w.offers.map((o) => `${o.stateName}, ${o.requestId}`).join("; ")})`;
}

/** How many offers, and how many in each state (every state of the list, 0 when none). */
function counts(offers: OfferFact[]): Table3["delegates"] {
  return { offers: offers.length, ...byCode(OFFER_STATE.codes, (state) => offers.filter((o) => o.offerStatus === state).length) };
}

function contributionLines(contributions: ContributionFact[]): ContributionLine[] {
  // One line per donor (a year sums its rounds'), in the order they first appear.
  const lines = new Map<string, ContributionLine>();
  for (const c of contributions) {
    const line = lines.get(c.donor);
    if (!line) lines.set(c.donor, { donor: c.donor, name: c.name, amount: c.amount, source: c.source, note: c.note });
    else {
      line.amount = round2(line.amount + c.amount);
      if (c.source === "derived") line.source = "derived";
      if (c.note && !line.note.includes(c.note)) line.note = line.note ? `${line.note}; ${c.note}` : c.note;
    }
  }
  return [...lines.values()];
}

function table3(rounds: RoundFacts[], deferredFrom: number, openingPending: PendingWhy[]): Table3 {
  const offers = rounds.flatMap((r) => r.offers);
  const money = offers.map(offerMoney);
  const committed = sum(money.map((m) => m.committed));
  const spent = sum(money.map((m) => m.spent));
  const released = sum(money.map((m) => m.released));
  // Travel: what was spent, and what is still committed (until the offers are settled).
  const travel = round2(spent + committed);
  const admin = sum(rounds.map((r) => r.adminActual ?? r.adminEstimate));
  const lines = contributionLines(rounds.flatMap((r) => r.contributions));
  const totalContributions = sum(lines.map((l) => l.amount));
  const revenues = round2(totalContributions + deferredFrom);
  const expenditures = round2(travel + admin);
  const pending = [...openingPending];
  const open = offers.filter((o) => OPEN_OFFERS.has(o.offerStatus));
  if (open.length)
    pending.push({ kind: "offers", offers: open.map((o) => ({ state: o.state, stateName: o.stateName, requestId: o.requestId })) });
  for (const r of rounds) if (r.adminActual === null) pending.push({ kind: "admin", meeting: r.meeting });
  return {
    provisional: pending.length > 0,
    pending: pending.map(pendingInWords),
    pendingWhy: pending,
    expenditures: { travel, generalAndAdministrative: admin, total: expenditures },
    revenues: { contributions: lines, totalContributions, deferredFrom: round2(deferredFrom), total: revenues },
    deferredTo: round2(revenues - expenditures),
    balances: {
      available: round2(revenues - admin),
      committed,
      spent,
      released,
      left: round2(revenues - expenditures),
    },
    delegates: counts(offers),
  };
}

function openingPending(year: number, opening: Opening): PendingWhy[] {
  return opening.provisional ? [{ kind: "opening", from: opening.carriedFrom ?? year - 1 }] : [];
}

/** Each round's Table 3 within its year: the first starts from the year's opening, each next from what the one before left. */
export function roundStatements(y: YearFacts): { round: RoundFacts; table: Table3 }[] {
  let carried = y.opening.amount;
  const pending = openingPending(y.year, y.opening);
  return y.rounds.map((round) => {
    const table = table3([round], carried, pending);
    carried = table.deferredTo;
    return { round, table };
  });
}

/** The year's Table 3: its opening, all its rounds' money, and what it defers to the next year. */
export function yearStatement(y: YearFacts): Table3 {
  return table3(y.rounds, y.opening.amount, openingPending(y.year, y.opening));
}

/** What a round starts from: the year's opening plus what the rounds before it in the year left. */
export function carryInOf(y: YearFacts, roundId: string): number {
  const found = roundStatements(y).find((s) => s.round.id === roundId);
  return found ? found.table.revenues.deferredFrom : y.opening.amount;
}
