// The sections of the donors' rationale, each a card over the rationale the server answers.
import { Badge, Card, List, Table, Text, Title } from "@mantine/core";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CRITERIA, CRITERION_NAMES } from "../../../../scoring/domain/index.js";
import { chf, paidBy, points } from "../../format.js";
import { word } from "../../words.js";
import type { Rationale } from "./api.js";

/** Each sponsored delegate by reference, State, group, status and gender, with the score breakdown and who paid. */
export function DelegatesCard({ r, mine }: { r: Rationale; mine: string | null }) {
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        The sponsored delegates
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        No names or contact details: each delegate by reference, State, group, CCM status and gender. Rows paid by your contribution are
        marked.
      </Text>
      {/* A region that scrolls sideways must be reachable by keyboard. */}
      <div tabIndex={0} role="region" aria-label="Sponsored delegates, scrolls sideways" style={{ overflowX: "auto" }}>
        <Table fz="sm" aria-label="Sponsored delegates" miw={1100}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Reference</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th>Group</Table.Th>
              <Table.Th>CCM status</Table.Th>
              <Table.Th>Gender</Table.Th>
              {CRITERIA.map((c) => (
                <Table.Th key={c} ta="right">
                  {CRITERION_NAMES[c]}
                </Table.Th>
              ))}
              <Table.Th ta="right">Score</Table.Th>
              <Table.Th>Support</Table.Th>
              <Table.Th ta="right">Cost</Table.Th>
              <Table.Th>Paid by</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.funded.map((f) => {
              const isMine = f.funding.some((x) => x.donor === mine);
              return (
                <Table.Tr key={f.id} bg={isMine ? "blue.0" : undefined}>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    {f.id}
                    {isMine && (
                      <>
                        <br />
                        <Badge size="xs" color="blue.8">
                          yours
                        </Badge>
                      </>
                    )}
                  </Table.Td>
                  <Table.Td>{f.state}</Table.Td>
                  <Table.Td>{f.region}</Table.Td>
                  <Table.Td>{word(f.status)}</Table.Td>
                  <Table.Td>{f.gender}</Table.Td>
                  {CRITERIA.map((c) => (
                    <Table.Td key={c} ta="right">
                      {points(f.score?.criteria[c])}
                    </Table.Td>
                  ))}
                  <Table.Td ta="right">{points(f.score?.total)}</Table.Td>
                  <Table.Td>{f.level}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                    {chf(f.cost)}
                  </Table.Td>
                  <Table.Td>{paidBy(f.funding)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </div>
      <Text size="sm" mt="sm">
        Why they scored as they did, counted over the delegates (a delegate's own reasons are not shown: with the State and the gender they
        could identify a person): {r.reasonCounts.map((c) => `${c.label}: ${c.delegates}`).join("; ")}.
      </Text>
    </Card>
  );
}

/** This allocation beside first come, first served and a plain ranking. */
export function OtherMethodsCard({ r }: { r: Rationale }) {
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        What other methods would have funded
      </Title>
      <Table fz="sm" aria-label="Other methods">
        <Table.Tbody>
          <Table.Tr>
            <Table.Td fw={700}>This allocation</Table.Td>
            <Table.Td>
              {r.summary.delegates} delegates, total score {points(r.value)}, every rule kept
            </Table.Td>
          </Table.Tr>
          {r.baselines.map((b) => (
            <Table.Tr key={b.name}>
              <Table.Td fw={700}>
                {b.name === "fcfs" ? "First come, first served (the practice until 2023)" : "A plain ranking by score"}
              </Table.Td>
              <Table.Td>
                {b.count} delegates, total score {points(b.value)};{" "}
                {b.broken.length ? `breaks: ${b.broken.join("; ")}` : "keeps every rule"}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

/** The price of each rule that changes the allocation. */
export function RulePricesCard({ r }: { r: Rationale }) {
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        What each rule costs
      </Title>
      <List size="sm">
        {r.rulePrices
          .filter((p) => (p.cost ?? 0) > 0)
          .map((p) => (
            <List.Item key={p.rule}>{p.text}.</List.Item>
          ))}
        {r.rulePrices.every((p) => !p.cost) && <List.Item>No rule changes the allocation.</List.Item>}
      </List>
      <Text size="xs" c="dimmed" mt="xs">
        Points of total score gained if the rule were relaxed by one step; the price of diversity and balance.
      </Text>
    </Card>
  );
}

/** What more money would buy, and the money curve. */
export function MoneyCurveCard({ r }: { r: Rationale }) {
  const base = r.moneyCurve.points.reduce(
    (best, p) => (Math.abs(p.budget - r.budget) < Math.abs(best.budget - r.budget) ? p : best),
    r.moneyCurve.points[0]!,
  );
  const more = r.moneyCurve.points.find((p) => p.budget >= r.budget + 5000) ?? null;
  return (
    <Card withBorder>
      <figure style={{ margin: 0 }}>
        <Title order={3} size="h4" mb="sm">
          What more money would buy
        </Title>
        <Text size="sm" mb="xs">
          {!more
            ? "The curve does not reach CHF 5'000 more."
            : (more.value ?? 0) > (base.value ?? 0)
              ? `CHF 5'000 more would raise the total score from ${points(base.value)} to ${points(more.value)}, funding ${more.delegates} delegates.`
              : `CHF 5'000 more would not raise the total score (${points(base.value)}): at this budget the rules (the seats above all) are the limit, not the money.`}
        </Text>
        <div
          role="img"
          aria-label={`Total score by budget: ${r.moneyCurve.points.map((p) => `${chf(p.budget)}: ${points(p.value)}`).join("; ")}`}
          style={{ width: "100%", height: 220 }}
        >
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={r.moneyCurve.points.map((p) => ({ budget: Math.round(p.budget), value: p.value }))}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="budget" tickFormatter={(v: number) => `${Math.round(v / 1000)}k`} />
              <YAxis />
              <Tooltip formatter={(v) => points(Number(v))} labelFormatter={(v) => chf(Number(v))} />
              <Line dataKey="value" stroke="#1864ab" dot={false} />
            </LineChart>
          </ResponsiveContainer>
        </div>
      </figure>
    </Card>
  );
}

/** How firm the decisions are under perturbed weights and costs. */
export function RobustnessCard({ r }: { r: Rationale }) {
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        How firm the decisions are
      </Title>
      <Text size="sm">
        Re-solved {r.robustness.solved} times with the weights moved by up to 20 % and travel costs by up to 15 %:{" "}
        {r.robustness.counts.always} requests were funded every time, {r.robustness.counts.never} never, and{" "}
        {r.robustness.counts.borderline} sometimes (the close calls the ISU reviewed).
      </Text>
    </Card>
  );
}
