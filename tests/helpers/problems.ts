// Small hand-made problems: every criterion of a request equals its `v`, so its score is v whatever the weights.
import type { ProblemInput } from "../../scoring/problem/index.js";

type Req = ProblemInput["requests"][number];

export interface ReqSpec {
  v: number;
  cost?: number;
  state?: string;
  region?: Req["region"];
  status?: Req["status"];
  gender?: Req["gender"];
  lock?: Req["lock"];
  day?: number;
  levels?: Req["levels"];
}

export function req(id: string, s: ReqSpec): Req {
  const c = s.v;
  return {
    id,
    state: s.state ?? "LAO",
    region: s.region ?? "APG",
    status: s.status ?? "party",
    gender: s.gender ?? "M",
    submittedAt: new Date(Date.UTC(2025, 4, 1 + (s.day ?? 0))).toISOString(),
    criteria: { implementation: c, technical: c, universalization: c, capacity: c, representation: c },
    levels: s.levels ?? [{ level: "full", cost: s.cost ?? 1, valueShare: 1 }],
    ...(s.lock ? { lock: s.lock } : {}),
  };
}

export const WEIGHTS = { implementation: 30, technical: 20, universalization: 20, capacity: 15, representation: 15 };

export function problem(budget: number, requests: Req[], extra: Partial<ProblemInput> = {}): ProblemInput {
  return { version: 1, budget, weights: WEIGHTS, policy: {}, requests, ...extra };
}
