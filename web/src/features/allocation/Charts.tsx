// The result in charts: regions, gender, CCM status, money per donor, and the money curve. Each chart has
// its title, its axes' titles and units (or direct labels), and a sentence under it saying what it shows.
import { Card, SimpleGrid, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { REGION, CCM_STATUS, GENDER, GENDER_PLURAL } from "../../../../scoring/domain/index.js";
import { api, call, type Answer } from "../../api.js";
import { moneyCurveChart, thousands } from "../../components/money-curve.js";
import { chf, donorName } from "../../format.js";
import { keys } from "../../query-keys.js";

type RunView = Answer<(typeof api.api.runs)[":runId"]["$get"]>;

const COLORS = ["#1864ab", "#c2255c", "#2b8a3e", "#5f3dc4"] as const;

/** A chart with its title and, under it, the sentence that says what it shows (read by everyone, not only screen readers). */
export function ChartCard({ title, summary, children }: { title: string; summary: string; children: React.ReactElement | null }) {
  return (
    <Card withBorder>
      <figure style={{ margin: 0 }}>
        <Title order={3} size="h5" mb="xs">
          {title}
        </Title>
        {children && (
          <div role="img" aria-label={summary} style={{ width: "100%", height: 240 }}>
            <ResponsiveContainer width="100%" height="100%">
              {children}
            </ResponsiveContainer>
          </div>
        )}
        <Text component="figcaption" size="sm" mt="xs">
          {summary}
        </Text>
      </figure>
    </Card>
  );
}

/** Counts as horizontal bars with each bar labelled by its count: no legend to decode, no label dropped. */
function CountBars({ data, color }: { data: { name: string; n: number }[]; color: string }) {
  return (
    <BarChart data={data} layout="vertical" margin={{ left: 8, right: 32 }}>
      <CartesianGrid strokeDasharray="3 3" horizontal={false} />
      <XAxis type="number" allowDecimals={false} label={{ value: "delegates", position: "insideBottom", offset: -4 }} height={36} />
      <YAxis type="category" dataKey="name" width={150} interval={0} tick={{ fontSize: 12 }} />
      <Tooltip />
      <Bar dataKey="n" name="delegates" fill={color}>
        <LabelList dataKey="n" position="right" />
      </Bar>
    </BarChart>
  );
}

type Solved = NonNullable<RunView["result"]>;

export function Charts({ run, result: r, summary: s }: { run: RunView; result: Solved; summary: NonNullable<Solved["summary"]> }) {
  const budget = run.problem?.budget ?? null;
  const curve = useQuery({
    queryKey: keys.curve(run.id),
    queryFn: () => call(api.api.runs[":runId"].curve.$post({ param: { runId: run.id }, json: {} })),
    // An analysis of a done run: a proposal still being explained waits for it (the same key then asks).
    enabled: run.status === "done",
    staleTime: Infinity,
  });
  const regions = Object.entries(s.regions).map(([code, n]) => ({ name: REGION.sayAny(code), n }));
  const gender = GENDER.codes
    .map((g) => ({ name: GENDER_PLURAL[g].en, n: r.funded.filter((f) => f.gender === g).length }))
    .filter((x) => x.n > 0);
  const ccm = CCM_STATUS.codes
    .map((k) => ({ name: CCM_STATUS.say(k), n: r.funded.filter((f) => f.status === k).length }))
    .filter((x) => x.n > 0);
  const donors = s.byDonor.map((d) => ({ name: donorName(d.donor), amount: d.amount }));
  const curvePoints = (curve.data?.points ?? []).map((p) => ({ budget: Math.round(p.budget), value: p.value }));
  const first = curvePoints[0];
  const last = curvePoints.at(-1);
  const list = (xs: { name: string; n: number }[]) => xs.map((x) => `${x.name} ${x.n}`).join(", ");
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
      <ChartCard title="Regional groups" summary={`Sponsored delegates by UN regional group: ${list(regions)}.`}>
        <CountBars data={regions} color={COLORS[0]} />
      </ChartCard>
      <ChartCard title="Gender" summary={`Sponsored delegates by gender: ${list(gender)}.`}>
        <CountBars data={gender} color={COLORS[1]} />
      </ChartCard>
      <ChartCard title="CCM status" summary={`Sponsored delegates by their State's status in the Convention: ${list(ccm)}.`}>
        <CountBars data={ccm} color={COLORS[2]} />
      </ChartCard>
      <ChartCard
        title="Money per donor"
        summary={`What each donor's contribution pays for these delegates: ${donors.map((d) => `${d.name} ${chf(d.amount)}`).join(", ")}.`}
      >
        <BarChart data={donors} layout="vertical" margin={{ left: 8, right: 56 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tickFormatter={thousands} label={{ value: "CHF", position: "insideBottom", offset: -4 }} height={36} />
          <YAxis type="category" dataKey="name" width={110} interval={0} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v) => chf(Number(v))} />
          <Bar dataKey="amount" name="paid" fill={COLORS[3]}>
            <LabelList dataKey="amount" position="right" formatter={(v: unknown) => thousands(Number(v))} />
          </Bar>
        </BarChart>
      </ChartCard>
      <ChartCard
        title="What more money would buy"
        summary={
          curve.isPending
            ? "The curve is being computed: the best total score at each budget."
            : curve.isError || !first || !last
              ? "The curve could not be computed for this run."
              : `The best total score (the sum of the sponsored delegates' scores, each 0–100) at each budget from ${chf(first.budget)} to ${chf(last.budget)}; the dashed line is this round's budget${budget === null ? "" : ` (${chf(budget)})`}.`
        }
      >
        {curvePoints.length === 0
          ? null
          : moneyCurveChart({
              data: curvePoints,
              budget,
              words: { budgetAxis: "budget (CHF)", scoreAxis: "total score", budget: "budget" },
              color: COLORS[2],
              unit: "points",
            })}
      </ChartCard>
    </SimpleGrid>
  );
}
