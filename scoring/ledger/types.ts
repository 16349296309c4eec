// The money's facts, each stored once where it is made (a contribution in its donor's record, a
// commitment and its settlement in the offer, the year's opening balance in the year), and the figures
// derived from them: the ledger's dated entries, the balances, Table 3 and who paid for whom.
import type { CcmStatus, DataSource, OfferStatus, Region, RoundStatus } from "../domain/index.js";

/** A donor's contribution to a round, with its earmark (none: any delegate of the round). */
export interface ContributionFact {
  donor: string;
  name: string;
  amount: number;
  /** When it was received (ISO date), null when not recorded. */
  receivedOn: string | null;
  /** Sourced: read from a document; derived: computed (e.g. as a remainder), the note says how. */
  source: DataSource;
  note: string;
  regions?: Region[];
  statuses?: CcmStatus[];
  states?: string[];
}

/** An offer made at an approval or by a replacement: the money it committed and what became of it. */
export interface OfferFact {
  requestId: string;
  state: string;
  stateName: string;
  /** The State's regional group and CCM status in the round's data (null: the State is missing from it). */
  region: Region | null;
  status: CcmStatus | null;
  /** The cost committed by the offer. */
  cost: number;
  offerStatus: OfferStatus;
  /** What was spent on it (settled offers: travelled, no-show, cancelled late); null before. */
  actualCost: number | null;
  committedOn: string | null;
  answeredOn: string | null;
  settledOn: string | null;
}

export interface RoundFacts {
  id: string;
  meeting: string;
  startDate: string;
  endDate: string;
  status: RoundStatus;
  adminEstimate: number;
  /** General and administrative expenses after the meeting; null until known. */
  adminActual: number | null;
  contributions: ContributionFact[];
  offers: OfferFact[];
}

/** The year's opening balance: carried from the year before, or typed (the first year), with a note. */
export interface Opening {
  amount: number;
  /** The year it was carried from; null when typed. */
  carriedFrom: number | null;
  /** Carried from a year not closed yet: it may still change. */
  provisional: boolean;
  note: string;
}

export interface YearFacts {
  year: number;
  opening: Opening;
  closed: boolean;
  /** The year's rounds, in the order they meet. */
  rounds: RoundFacts[];
}
