// The donors' rationale (donor role, read-only): how the money of an approved allocation was used, in
// plain words in the donor's language, without any personal contact data; printable as a report.
import { Alert, Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { Link, useParams } from "react-router-dom";
import { CRITERION, isDecided, stateName, REGION, CCM_STATUS_GROUP, meetingIn } from "../../../../scoring/domain/index.js";
import { policyInWords } from "../../../../scoring/policy/index.js";
import { ErrorAlert, Loading } from "../../components/status.js";
import { day } from "../../format.js";
import { useWords } from "../../workspace-words/index.js";
import { useSession } from "../accounts/index.js";
import { useRationale } from "./api.js";
import { AsApprovedNote, DelegatesCard, MoneyCurveCard, OtherMethodsCard, RobustnessCard, RulePricesCard } from "./RationaleSections.js";
import { EligibilityCard } from "./EligibilityCard.js";
import { Statement } from "../decisions/index.js";
import { useRounds } from "../rounds/index.js";

export function DonorHome() {
  const { t, lang } = useWords();
  const rounds = useRounds();
  if (rounds.isPending) return <Loading label={t("loading")} />;
  if (rounds.isError) return <ErrorAlert error={rounds.error} />;
  const decided = rounds.data.filter((r) => isDecided(r.status));
  return (
    <Stack>
      <Title order={2}>{t("home.title")}</Title>
      {decided.length === 0 && <Text>{t("home.none")}</Text>}
      {decided.map((r) => (
        <Card key={r.id} withBorder component={Link} to={`/donor/${r.id}`}>
          <Text fw={700}>{meetingIn(r, lang).meeting}</Text>
          <Text size="sm">
            {meetingIn(r, lang).venue}, {day(r.startDate, lang)} – {day(r.endDate, lang)}
          </Text>
        </Card>
      ))}
    </Stack>
  );
}

export function DonorRationalePage() {
  const { roundId = "" } = useParams();
  const { t, lang, chf, pct } = useWords();
  const session = useSession();
  const q = useRationale(roundId);
  if (q.isPending) return <Loading label={t("loading")} />;
  if (q.isError) return <ErrorAlert error={q.error} />;
  const r = q.data;
  const mine = r.yourDonor ?? session.data?.donorId ?? null;
  const myDonor = r.donors.find((d) => d.id === mine);
  const paidByMe = r.funded.filter((f) => f.funding.some((x) => x.donor === mine));
  const wsum = CRITERION.codes.reduce((s, c) => s + r.weights[c], 0);
  const earmark = myDonor
    ? [
        myDonor.regions && t("rationale.regions", { list: myDonor.regions.map((g) => REGION.say(g, lang)).join(", ") }),
        myDonor.statuses && t("rationale.statuses", { list: myDonor.statuses.map((s) => CCM_STATUS_GROUP[s][lang]).join(", ") }),
        myDonor.states && t("rationale.states", { list: myDonor.states.map((s) => stateName(s, lang)).join(", ") }),
      ]
        .filter(Boolean)
        .join("; ")
    : "";
  return (
    <Stack>
      <Group justify="space-between" className="no-print">
        <Text size="sm" c="dimmed">
          {t("rationale.approved", { date: day(r.approvedAt, lang), asOf: day(r.referenceData.asOf, lang) })}
        </Text>
        <Button variant="default" onClick={() => window.print()}>
          {t("rationale.print")}
        </Button>
      </Group>
      <Title order={2}>{t("rationale.title", { meeting: meetingIn(r.round, lang).meeting })}</Title>
      <Text>
        {t("rationale.summary", {
          ...meetingIn(r.round, lang),
          start: day(r.round.startDate, lang),
          end: day(r.round.endDate, lang),
          delegates: r.summary.delegates,
          states: r.summary.states,
          cost: chf(r.summary.totalCost),
          budget: chf(r.budget),
          women: pct(r.summary.womenShare),
          outreach: r.summary.outreach,
        })}
        {r.notTravelled.length > 0 &&
          ` ${t("rationale.notTravelled", {
            count: r.notTravelled.length,
            list: r.notTravelled.map((x) => `${x.id} (${stateName(x.state, lang)})`).join(", "),
          })}`}
      </Text>
      <Text size="sm">{t("rationale.points")}</Text>

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            {t("rationale.scoringTitle")}
          </Title>
          <Text size="sm" mb="xs">
            {t("rationale.scoring")}
          </Text>
          <List size="sm">
            {CRITERION.codes.map((c) => (
              <List.Item key={c}>
                {t(`words.${c}`)}: {Math.round((r.weights[c] / wsum) * 100)} %
              </List.Item>
            ))}
          </List>
        </Card>
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            {t("rationale.rulesTitle")}
          </Title>
          <List size="sm">
            {policyInWords(r.policy, lang).map((text) => (
              <List.Item key={text}>{text}</List.Item>
            ))}
            <List.Item>{t("rationale.optimum")}</List.Item>
          </List>
        </Card>
      </SimpleGrid>

      {myDonor && (
        <Alert variant="filled" color="blue.8" title={t("rationale.yours", { amount: chf(myDonor.amount) })}>
          {t("rationale.paid", {
            count: paidByMe.length,
            amount: chf(paidByMe.reduce((s, f) => s + (f.funding.find((x) => x.donor === mine)?.amount ?? 0), 0)),
          })}{" "}
          {earmark ? t("rationale.earmark", { earmark }) : t("rationale.noEarmark")}
        </Alert>
      )}

      <DelegatesCard r={r} mine={mine} />
      <AsApprovedNote r={r} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <OtherMethodsCard r={r} />
        <RulePricesCard r={r} />
        <MoneyCurveCard r={r} />
        <RobustnessCard r={r} />
        <EligibilityCard r={r} />
      </SimpleGrid>
      <Statement roundId={roundId} printable />
      <style>{"@media print { .no-print, header, nav { display: none !important; } }"}</style>
    </Stack>
  );
}
