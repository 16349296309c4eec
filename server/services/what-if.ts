// What the live what-if needs to allocate in the browser: the round file, the round's States as of its
// meeting and the last finished run's selection. Assembling it reads every request of the round (about
// 100 ms for 3'000 requests, synchronously, on the one event loop), so the answer is kept, as the JSON
// it is sent as, until the database changes: a reviewer asking again and again, or many at once, costs
// one assembly, and nothing else waits behind it. Any write (on this connection or another) is a change:
// the cache is coarse, and never stale.
import type { z } from "zod";
import { changeStamp, type Db } from "../db/database.js";
import type { WhatIfInputsSchema } from "../schemas/index.js";
import { roundFileOf } from "../store/index.js";
import { latestDoneRun } from "../store/runs.js";

type WhatIfInputs = z.infer<typeof WhatIfInputsSchema>;

/** How many rounds' answers are kept (the least recently asked leaves first). */
const KEPT = 4;
const kept = new WeakMap<Db, Map<string, { stamp: string; body: Uint8Array<ArrayBuffer> }>>();

/**
 * The what-if's inputs for a round as JSON, encoded (404 for an unknown round), assembled again only
 * after a change. Kept as bytes: each answer then sends them as they are, with no string encoded again
 * (1.6 MB for 3'000 requests, which was garbage for the collector at every answer).
 */
export function whatIfInputs(db: Db, roundId: string): Uint8Array<ArrayBuffer> {
  const stamp = changeStamp(db);
  const mine = kept.get(db) ?? new Map<string, { stamp: string; body: Uint8Array<ArrayBuffer> }>();
  kept.set(db, mine);
  const hit = mine.get(roundId);
  mine.delete(roundId);
  if (hit?.stamp === stamp) {
    mine.set(roundId, hit);
    return hit.body;
  }
  const { file, reference, settingsVersion } = roundFileOf(db, roundId);
  const inputs: WhatIfInputs = {
    file,
    reference: {
      asOf: reference.asOf,
      unverified: reference.unverified,
      states: [...reference.states.values()],
      dated: [...(reference.dated?.entries() ?? [])],
    },
    settingsVersion,
    lastRun: latestDoneRun(db, roundId),
  };
  const body = new TextEncoder().encode(JSON.stringify(inputs));
  mine.set(roundId, { stamp, body });
  if (mine.size > KEPT) mine.delete(mine.keys().next().value!);
  return body;
}
