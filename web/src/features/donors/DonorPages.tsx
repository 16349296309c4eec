// The donors' rationale (donor role, read-only): how the money of an approved allocation was used, in
// plain words, without any personal contact data; printable as a report.
import { Alert, Badge, Button, Card, Group, List, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router-dom";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CRITERIA, CRITERION_NAMES, isDecided } from "../../../../scoring/domain/index.js";
import { policyInWords } from "../../../../scoring/policy/index.js";
import { api, call } from "../../api.js";
import { ErrorAlert, Loading } from "../../components/status.js";
import { chf, paidBy, pct, points } from "../../format.js";
import { useSession } from "../accounts/index.js";
import { Statement } from "../decisions/index.js";
import { keys } from "../../query-keys.js";
import { useRounds } from "../rounds/index.js";

export function DonorHome() {
  const rounds = useRounds();
  if (rounds.isPending) return <Loading label="Loading the rounds" />;
  if (rounds.isError) return <ErrorAlert error={rounds.error} />;
  const decided = rounds.data.filter((r) => isDecided(r.status));
  return (
    <Stack>
      <Title order={2}>Allocations</Title>
      {decided.length === 0 && <Text>No round has an approved allocation yet.</Text>}
      {decided.map((r) => (
        <Card key={r.id} withBorder component={Link} to={`/donor/${r.id}`}>
          <Text fw={700}>{r.id}</Text>
          <Text size="sm">{r.meeting}</Text>
        </Card>
      ))}
    </Stack>
  );
}

export function DonorRationalePage() {
  const { roundId = "" } = useParams();
  const session = useSession();
  const q = useQuery({
    queryKey: keys.rationale(roundId),
    queryFn: () => call(api.api.rounds[":roundId"].rationale.$get({ param: { roundId } })),
  });
  if (q.isPending) return <Loading label="Loading the rationale" />;
  if (q.isError) return <ErrorAlert error={q.error} />;
  const r = q.data;
  const mine = r.yourDonor ?? session.data?.donorId ?? null;
  const myDonor = r.donors.find((d) => d.id === mine);
  const paidByMe = r.funded.filter((f) => f.funding.some((x) => x.donor === mine));
  const wsum = CRITERIA.reduce((s, c) => s + r.weights[c], 0);
  const base = r.moneyCurve.points.reduce(
    (best, p) => (Math.abs(p.budget - r.budget) < Math.abs(best.budget - r.budget) ? p : best),
    r.moneyCurve.points[0]!,
  );
  const more = r.moneyCurve.points.find((p) => p.budget >= r.budget + 5000) ?? null;
  const earmark = myDonor
    ? [
        myDonor.regions && `regional groups ${myDonor.regions.join(", ")}`,
        myDonor.statuses && `CCM status ${myDonor.statuses.join(", ")}`,
        myDonor.states && `States ${myDonor.states.join(", ")}`,
      ]
        .filter(Boolean)
        .join("; ")
    : "";
  return (
    <Stack>
      <Group justify="space-between" className="no-print">
        <Text size="sm" c="dimmed">
          Approved {r.approvedAt.slice(0, 10)}; reference data as of {r.referenceData.asOf}
        </Text>
        <Button variant="default" onClick={() => window.print()}>
          Print the report
        </Button>
      </Group>
      <Title order={2}>How the Sponsorship Programme used the money: {r.round.id}</Title>
      <Text>
        {r.round.meeting}, {r.round.venue}, {r.round.startDate} to {r.round.endDate}. {r.summary.delegates} delegates from{" "}
        {r.summary.states} States were sponsored for {chf(r.summary.totalCost)} of {chf(r.budget)} available ({pct(r.summary.womenShare)}{" "}
        women, {r.summary.outreach} from signatories and States not party).
      </Text>

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            How requests were scored
          </Title>
          <Text size="sm" mb="xs">
            Each request is scored 0 to 100 on five criteria (rules {r.rules}, from para. 102 of the ISU's 2024 report); the total weighs
            them:
          </Text>
          <List size="sm">
            {CRITERIA.map((c) => (
              <List.Item key={c}>
                {CRITERION_NAMES[c]}: {Math.round((r.weights[c] / wsum) * 100)} %
              </List.Item>
            ))}
          </List>
        </Card>
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            The rules of the allocation
          </Title>
          <List size="sm">
            {policyInWords(r.policy).map((t) => (
              <List.Item key={t}>{t}</List.Item>
            ))}
            <List.Item>
              Within these rules and the money, the allocation gives the highest total score (proven by an exact optimiser).
            </List.Item>
          </List>
        </Card>
      </SimpleGrid>

      {myDonor && (
        <Alert variant="filled" color="blue.8" title={`Your contribution: ${chf(myDonor.amount)}`}>
          {paidByMe.length} sponsored delegate{paidByMe.length === 1 ? "" : "s"} paid in whole or in part by your contribution (
          {chf(paidByMe.reduce((s, f) => s + (f.funding.find((x) => x.donor === mine)?.amount ?? 0), 0))}).{" "}
          {earmark
            ? `Your earmark (${earmark}) was honoured: every franc of yours went to delegates it admits.`
            : "Your contribution was not earmarked."}
        </Alert>
      )}

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
                    <Table.Td>{f.status}</Table.Td>
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
      </Card>

      <SimpleGrid cols={{ base: 1, md: 2 }}>
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
      </SimpleGrid>
      <Statement roundId={roundId} printable />
      <style>{"@media print { .no-print, header, nav { display: none !important; } }"}</style>
    </Stack>
  );
}
