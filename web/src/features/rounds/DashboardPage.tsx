// A round at a glance: the money as the ledger derives it (contributions per donor, carried in,
// administrative costs, available, committed, spent, left), requests by status, the reference data's
// date, and what needs attention.
import { Badge, Card, Group, List, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { Link, useParams } from "react-router-dom";
import { ErrorAlert, Loading } from "../../components/status.js";
import {
  stateName,
  ROUND_STATUS,
  ROUND_STATUS_SHADE,
  REQUEST_STATUS,
  type RequestStatus,
  offersClosed,
} from "../../../../scoring/domain/index.js";
import { plural } from "../../../../scoring/policy/index.js";
import { chf, day } from "../../format.js";
import { Contributions } from "./Contributions.js";
import { RoundEditButton } from "./RoundEditButton.js";
import { useSession, useToday } from "../accounts/index.js";
import { useRuns } from "../allocation/index.js";
import { useDecisions, useStatement } from "../decisions/index.js";
import { useRequests, useScores } from "../requests/index.js";
import { useRound } from "./api.js";
import { useYearStatement } from "../years/index.js";

export function DashboardPage() {
  const { roundId = "" } = useParams();
  const round = useRound(roundId);
  const admin = useSession().data?.role === "admin";
  // The server's today decides what is past (a demonstration's server may be set to another day).
  const today = useToday() ?? "";
  const statement = useStatement(roundId);
  const requests = useRequests(roundId);
  const decisions = useDecisions(roundId);
  const runs = useRuns(roundId);
  const scores = useScores(roundId);
  // The year's note: how its figures were made (e.g. the demo's assumptions, a published figure that differs).
  const yearNote = useYearStatement(round.data?.startDate.slice(0, 4) ?? "").data?.note;

  if (round.isPending) return <Loading label="Loading the round" />;
  if (round.isError) return <ErrorAlert error={round.error} />;
  const r = round.data;
  const lastRun = (runs.data ?? []).find((x) => x.status === "done");
  const money = statement.data;
  const budget = money ? money.balances.available - r.reserve : 0;
  const byStatus = new Map<RequestStatus, number>();
  for (const q of requests.data ?? []) byStatus.set(q.status, (byStatus.get(q.status) ?? 0) + 1);

  const attention: string[] = [];
  const unverified = scores.data?.referenceData.unverifiedUsed ?? [];
  if (unverified.length)
    attention.push(
      `${plural(unverified.length, "State", "States")} in this round's requests ${unverified.length === 1 ? "has" : "have"} reference data still to verify (${unverified.map((u) => stateName(u.state)).join(", ")}).`,
    );
  const pendingPast = (decisions.data ?? []).filter(
    (d) => d.offerStatus === "pending" && d.offerDeadline !== null && d.offerDeadline < today,
  );
  if (pendingPast.length)
    attention.push(`${plural(pendingPast.length, "offer is", "offers are")} past the deadline without an answer: propose replacements.`);
  const declined = (decisions.data ?? []).filter(
    (d) => d.decision === "funded" && (d.offerStatus === "declined" || d.offerStatus === "expired"),
  );
  if (declined.length)
    attention.push(
      `${plural(declined.length, "offer", "offers")} declined or lapsed: ${declined.length === 1 ? "its" : "their"} money can go to replacements.`,
    );
  if ((runs.data ?? []).some((x) => x.status === "failed")) attention.push("A run failed: see the runs.");
  if (r.status === "review" && !lastRun) attention.push("The round is in review and has no allocation run yet.");
  if (budget < 0) attention.push("The reserve and admin estimate exceed the money: the budget is negative.");
  // A meeting in the past: what is left to do is the money's trail (answers, actual costs, the year's close).
  if (today && r.endDate < today)
    attention.push(`The meeting ended on ${day(r.endDate)}: what is left is to record answers and actual costs, and to close the year.`);
  // Offers must be answerable before the meeting: after its first day, a run of this round can no longer be approved (the core's rule).
  if (today && r.status === "review" && offersClosed(r.startDate, today))
    attention.push(
      `The meeting began on ${day(r.startDate)}: offers can no longer be made for it (their deadline must fall before the meeting), so its runs can be compared but not approved.`,
    );

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>
            {r.id}: {r.meeting}
          </Title>
          <Text c="dimmed">
            {r.venue}, {day(r.startDate)} to {day(r.endDate)}; applications {day(r.windowOpens)} to {day(r.windowCloses)}
          </Text>
        </div>
        <Stack align="flex-end" gap="xs">
          <Badge size="lg" color={ROUND_STATUS_SHADE[r.status]}>
            {ROUND_STATUS.say(r.status)}
          </Badge>
          {admin && <RoundEditButton round={round.data} />}
        </Stack>
      </Group>

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            Money
          </Title>
          {statement.isError && <ErrorAlert error={statement.error} />}
          {money && <MoneyTable money={money} reserve={r.reserve} adminActual={r.adminActual} />}
          {money && money.delegates.offers === 0 && lastRun && (
            <Text size="sm" mt="xs">
              No offers yet: the latest run proposes a selection worth {lastRun.value ?? "–"} points.
            </Text>
          )}
          {yearNote && (
            <Text size="sm" mt="xs">
              Note of the year: {yearNote}
            </Text>
          )}
          <Text size="sm" mt="xs">
            <Link to={`/years/${r.startDate.slice(0, 4)}`}>The programme year {r.startDate.slice(0, 4)}</Link>
          </Text>
        </Card>

        <Stack>
          <Card withBorder>
            <Title order={3} size="h4" mb="sm">
              Requests
            </Title>
            {requests.isPending ? (
              <Loading label="Loading the requests" />
            ) : (
              <Group gap="xs">
                <Text>{requests.data?.length ?? 0} in all:</Text>
                {[...byStatus].map(([s, n]) => (
                  <Badge key={s} variant="default">
                    {REQUEST_STATUS.say(s)}: {n}
                  </Badge>
                ))}
              </Group>
            )}
            <Text size="sm" mt="sm">
              <Link to={`/rounds/${r.id}/requests`}>Open the requests</Link>
            </Text>
          </Card>
          <Card withBorder>
            <Title order={3} size="h4" mb="sm">
              Reference data
            </Title>
            <Text size="sm">
              States' data as of {day(r.referenceAsOf)} (UN regional groups, CCM status, LDC, income group, Art. 4/5 obligations).
            </Text>
          </Card>
          <Card withBorder>
            <Title order={3} size="h4" mb="sm">
              Needs attention
            </Title>
            {attention.length ? (
              <List size="sm">
                {attention.map((a) => (
                  <List.Item key={a}>{a}</List.Item>
                ))}
              </List>
            ) : (
              <Text size="sm">Nothing at the moment.</Text>
            )}
          </Card>
        </Stack>
      </SimpleGrid>
      <Contributions roundId={r.id} admin={admin} />
    </Stack>
  );
}

type Money = NonNullable<ReturnType<typeof useStatement>["data"]>;

/** The round's money from the ledger: available = committed + spent + left (reserve: held back from the allocation). */
function MoneyTable({ money, reserve, adminActual }: { money: Money; reserve: number; adminActual: number | null }) {
  const b = money.balances;
  return (
    <Table aria-label="Money at a glance">
      <Table.Tbody>
        {money.revenues.contributions.map((d) => (
          <Row key={d.donor} label={`Contribution: ${d.name}`} value={chf(d.amount)} />
        ))}
        <Row label="Contributions" value={chf(money.revenues.totalContributions)} strong />
        <Row label="Carried in (from the year's opening balance and earlier rounds)" value={chf(money.revenues.deferredFrom)} />
        <Row
          label={adminActual === null ? "Administrative costs (estimate)" : "Administrative costs"}
          value={`– ${chf(money.expenditures.generalAndAdministrative)}`}
        />
        <Row label="Available for travel" value={chf(b.available)} strong />
        <Row label="of which held back from the allocation (reserve)" value={chf(reserve)} />
        <Row label="For the allocation (available less the reserve)" value={chf(b.available - reserve)} />
        <Row label="Committed (offers open)" value={chf(b.committed)} />
        <Row label="Spent (offers settled)" value={chf(b.spent)} />
        <Row label="Left (deferred to what follows)" value={chf(b.left)} strong />
      </Table.Tbody>
    </Table>
  );
}

function Row({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <Table.Tr>
      <Table.Td fw={strong ? 700 : undefined}>{label}</Table.Td>
      <Table.Td ta="right" fw={strong ? 700 : undefined}>
        {value}
      </Table.Td>
    </Table.Tr>
  );
}
