// The ranking by weighted total that the weights screen recomputes live in the browser at every move of a
// slider: the engine's own weighted score, ties by id as the engine breaks them.
import { cmp, weightedScore } from "../problem/index.js";
import type { CriteriaScores, Weights } from "../domain/index.js";

export function rankByWeights<R extends { id: string; criteria: CriteriaScores }>(
  requests: readonly R[],
  weights: Weights,
): (R & { total: number })[] {
  return requests.map((r) => ({ ...r, total: weightedScore(r.criteria, weights) })).sort((a, b) => b.total - a.total || cmp(a.id, b.id));
}
