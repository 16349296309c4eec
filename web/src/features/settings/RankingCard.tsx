// The ranking under the weights being tried, re-computed in the browser at each move of a slider, with
// each request's move against the saved weights.
import { Card, Table, Title } from "@mantine/core";
import { memo, useDeferredValue, useMemo } from "react";
import { rankByWeights } from "../../../../scoring/criteria/index.js";
import { stateName, type CriteriaScores, type Weights } from "../../../../scoring/domain/index.js";
import { ErrorAlert, Loading } from "../../components/status.js";
import { TechnicalDetails } from "../../components/details.js";
import { points } from "../../format.js";

type Scored = { id: string; state: string; criteria: CriteriaScores };

export const RankingCard = memo(function RankingCard({
  requests,
  weights,
  savedWeights,
  pending,
  error,
}: {
  requests: readonly Scored[];
  weights: Weights;
  savedWeights: Weights;
  pending: boolean;
  error: Error | null;
}) {
  // The ranking follows the weights at a lower priority than the slider and the live allocation.
  const shownWeights = useDeferredValue(weights);
  const live = useMemo(() => {
    if (requests.length === 0) return null;
    const t0 = performance.now();
    const ranked = rankByWeights(requests, shownWeights);
    return { ranked, ms: performance.now() - t0 };
  }, [shownWeights, requests]);
  const saved = useMemo(() => new Map(rankByWeights(requests, savedWeights).map((r, i) => [r.id, i + 1])), [savedWeights, requests]);
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        Ranking with these weights
      </Title>
      {pending && <Loading label="Loading the scores" />}
      {error && <ErrorAlert error={error} />}
      {live && (
        <>
          {/* The timing is for the curious (and the tests), not for the reader of the ranking. */}
          <TechnicalDetails>
            {requests.length} requests re-scored in the browser in {live.ms.toFixed(2)} ms.
          </TechnicalDetails>
          <Table fz="sm" aria-label="Ranking">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Rank</Table.Th>
                <Table.Th>Reference</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th ta="right">Total</Table.Th>
                <Table.Th>Saved weights</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {live.ranked.slice(0, 15).map((r, i) => {
                const before = saved.get(r.id);
                const move = before ? before - (i + 1) : 0;
                return (
                  <Table.Tr key={r.id}>
                    <Table.Td>{i + 1}</Table.Td>
                    <Table.Td>{r.id}</Table.Td>
                    <Table.Td>{stateName(r.state)}</Table.Td>
                    <Table.Td ta="right">{points(r.total)}</Table.Td>
                    <Table.Td>
                      {before === undefined ? "" : move === 0 ? `#${before}` : `#${before} (${move > 0 ? "up" : "down"} ${Math.abs(move)})`}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Card>
  );
});
