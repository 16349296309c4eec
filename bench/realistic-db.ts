// A realistic round (realistic.ts) written into a database, for the benches and tests that drive the real
// server: the round under review with its donors and requests.
import type { ReferenceData } from "../scoring/criteria/index.js";
import type { Db } from "../server/db/database.js";
import { createRound, insertRequest, putDonor } from "../server/store/index.js";
import { realisticRound } from "./realistic.js";

/** Round `id`: n requests of seed `seed`. In the demo's programme year the money carried over is the year's: the round carries none of its own. */
export function insertRealisticRound(db: Db, reference: ReferenceData, id: string, n: number, seed: number): void {
  const file = realisticRound(n, seed, reference);
  const actor = { id: null, name: "bench" };
  createRound(
    db,
    {
      round: { ...file.round, id, status: "review", carryOver: 0 },
      weights: file.weights,
      policy: file.policy,
      rules: file.rules,
      history: file.history,
    },
    reference,
    actor,
  );
  for (const d of file.donors) putDonor(db, id, { ...d, name: d.name ?? d.id, source: "sourced", note: "bench" }, null, "bench");
  for (const r of file.requests) insertRequest(db, id, { ...r, id: `${id}-${r.id.slice(2)}` }, "submitted", null, actor);
}
