// The donors' rationale (donor role, read-only): how the money of an approved allocation was used, in
// plain words, without any personal contact data; printable as a report.
import { Alert, Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { Link, useParams } from "react-router-dom";
import { CRITERIA, CRITERION_NAMES, isDecided } from "../../../../scoring/domain/index.js";
import { policyInWords } from "../../../../scoring/policy/index.js";
import { ErrorAlert, Loading } from "../../components/status.js";
import { chf, pct } from "../../format.js";
import { useSession } from "../accounts/index.js";
import { useRationale } from "./api.js";
import { DelegatesCard, MoneyCurveCard, OtherMethodsCard, RobustnessCard, RulePricesCard } from "./RationaleSections.js";
import { EligibilityCard } from "./EligibilityCard.js";
import { useQuery } from "@tanstack/react-query";
import { api, call } from "../../api.js";
import { keys } from "../../query-keys.js";
import { Statement } from "../decisions/index.js";
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
  const q = useRationale(roundId);
  const states = useQuery({ queryKey: keys.publicStates(), queryFn: () => call(api.api.states.$get()), staleTime: Infinity });
  const names = new Map((states.data ?? []).map((s) => [s.iso3, s.name]));
  const stateName = (iso3: string): string => names.get(iso3) ?? iso3;
  if (q.isPending) return <Loading label="Loading the rationale" />;
  if (q.isError) return <ErrorAlert error={q.error} />;
  const r = q.data;
  const mine = r.yourDonor ?? session.data?.donorId ?? null;
  const myDonor = r.donors.find((d) => d.id === mine);
  const paidByMe = r.funded.filter((f) => f.funding.some((x) => x.donor === mine));
  const wsum = CRITERIA.reduce((s, c) => s + r.weights[c], 0);
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

      <DelegatesCard r={r} mine={mine} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <OtherMethodsCard r={r} />
        <RulePricesCard r={r} />
        <MoneyCurveCard r={r} />
        <RobustnessCard r={r} />
        <EligibilityCard r={r} stateName={stateName} />
      </SimpleGrid>
      <Statement roundId={roundId} printable />
      <style>{"@media print { .no-print, header, nav { display: none !important; } }"}</style>
    </Stack>
  );
}
