// The round's financial statement, in the form of Table 3 of the ISU's report: expenditures (travel,
// general and administrative), contributions per donor, deferred from and to other years.
import { CARRY_OVER_DONOR } from "../../scoring/criteria/index.js";
import { round2 } from "../../scoring/domain/index.js";
import type { Db } from "../db/database.js";
import { fundedDecisions, getRound, listDonors } from "../store/index.js";
import type { Statement } from "../schemas.js";

export type { Statement };

export function roundStatement(db: Db, roundId: string): Statement {
  const round = getRound(db, roundId);
  const decisions = fundedDecisions(db, roundId);
  // Travel: the actual cost where known, else the committed cost of offers not declined or expired.
  const travel = round2(
    decisions
      .filter((d) => d.offerStatus !== "declined" && d.offerStatus !== "expired")
      .reduce((s, d) => s + (d.actualCost ?? d.cost ?? 0), 0),
  );
  const admin = round.adminActual ?? round.adminEstimate;
  const donors = listDonors(db, roundId).filter((d) => d.id !== CARRY_OVER_DONOR);
  const contributions = round2(donors.reduce((s, d) => s + d.amount, 0));
  const expenditures = round2(travel + admin);
  const revenues = round2(contributions + round.carryOver);
  return {
    roundId,
    // Final once every offer is answered, every accepted one has its actual cost (a declined or lapsed one
    // releases its money and needs none) and the administrative costs are known.
    provisional:
      decisions.some((d) => d.offerStatus === "pending" || (d.offerStatus === "accepted" && d.actualCost === null)) ||
      round.adminActual === null,
    expenditures: { travel, generalAndAdministrative: admin, total: expenditures },
    revenues: {
      contributions: donors.map((d) => ({ donor: d.name, amount: d.amount })),
      totalContributions: contributions,
      deferredFrom: round.carryOver,
      total: revenues,
    },
    deferredTo: round.deferredTo ?? round2(revenues - expenditures),
  };
}

/** The statement's lines, as the CSV export writes them. */
export function statementRows(s: Statement): Record<"section" | "item" | "amount", string>[] {
  return [
    { section: "EXPENDITURES", item: "Travel costs", amount: String(s.expenditures.travel) },
    { section: "EXPENDITURES", item: "General & admin. expenses", amount: String(s.expenditures.generalAndAdministrative) },
    { section: "EXPENDITURES", item: "Total Expenditures", amount: String(s.expenditures.total) },
    ...s.revenues.contributions.map((d) => ({ section: "REVENUES", item: `Contributions: ${d.donor}`, amount: String(d.amount) })),
    { section: "REVENUES", item: "Total Contributions", amount: String(s.revenues.totalContributions) },
    { section: "REVENUES", item: "Contributions deferred from", amount: String(s.revenues.deferredFrom) },
    { section: "REVENUES", item: "Total Revenues", amount: String(s.revenues.total) },
    { section: "", item: "Contributions deferred to", amount: String(s.deferredTo) },
  ];
}
