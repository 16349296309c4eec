// The result in charts: regions, gender, CCM status, money per donor, and the money curve.
import { Card, SimpleGrid, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Bar, BarChart, CartesianGrid, Cell, Line, LineChart, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { api, call, type Answer } from "../../api.js";
import { chf, points } from "../../format.js";
import { keys } from "../../query-keys.js";

type RunView = Answer<(typeof api.api.runs)[":runId"]["$get"]>;

const COLORS = ["#1864ab", "#c2255c", "#2b8a3e", "#e8590c", "#5f3dc4", "#495057"];

export function ChartCard({ title, summary, children }: { title: string; summary: string; children: React.ReactElement }) {
  return (
    <Card withBorder>
      <figure style={{ margin: 0 }} aria-label={title}>
        <Title order={3} size="h5" mb="xs">
          {title}
        </Title>
        <div role="img" aria-label={summary} style={{ width: "100%", height: 220 }}>
          <ResponsiveContainer width="100%" height="100%">
            {children}
          </ResponsiveContainer>
        </div>
        <figcaption style={{ position: "absolute", width: 1, height: 1, overflow: "hidden", clip: "rect(0 0 0 0)" }}>{summary}</figcaption>
      </figure>
    </Card>
  );
}

export function Charts({ roundId, run }: { roundId: string; run: RunView }) {
  const r = run.result!;
  const s = r.summary!;
  const curve = useQuery({
    queryKey: keys.curve(run.id),
    queryFn: () => call(api.api.runs[":runId"].curve.$post({ param: { runId: run.id }, json: {} })),
    staleTime: Infinity,
  });
  const regions = Object.entries(s.regions).map(([name, n]) => ({ name, n }));
  const gender = ["F", "M", "X"]
    .map((g) => ({ name: g === "F" ? "women" : g === "M" ? "men" : "other", n: r.funded.filter((f) => f.gender === g).length }))
    .filter((x) => x.n > 0);
  const ccm = ["party", "signatory", "nonparty"]
    .map((k) => ({ name: k, n: r.funded.filter((f) => f.status === k).length }))
    .filter((x) => x.n > 0);
  const donors = s.byDonor.map((d) => ({ name: d.donor, amount: d.amount }));
  const points_ = (curve.data?.points ?? []).map((p) => ({
    budget: Math.round(p.budget),
    value: p.value,
  }));
  const list = (xs: { name: string; n: number }[]) => xs.map((x) => `${x.name} ${x.n}`).join(", ");
  void roundId;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
      <ChartCard title="Regional groups" summary={`Funded delegates by regional group: ${list(regions)}`}>
        <BarChart data={regions}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Bar dataKey="n" name="delegates" fill={COLORS[0]} />
        </BarChart>
      </ChartCard>
      <ChartCard title="Gender" summary={`Funded delegates by gender: ${list(gender)}`}>
        <PieChart>
          <Pie data={gender} dataKey="n" nameKey="name" outerRadius={80} label>
            {gender.map((_, i) => (
              <Cell key={i} fill={COLORS[i % COLORS.length]} />
            ))}
          </Pie>
          <Tooltip />
        </PieChart>
      </ChartCard>
      <ChartCard title="CCM status" summary={`Funded delegates by CCM status: ${list(ccm)}`}>
        <PieChart>
          <Pie data={ccm} dataKey="n" nameKey="name" outerRadius={80} label>
            {ccm.map((_, i) => (
              <Cell key={i} fill={COLORS[(i + 2) % COLORS.length]} />
            ))}
          </Pie>
          <Tooltip />
        </PieChart>
      </ChartCard>
      <ChartCard title="Money per donor" summary={`Money each donor pays: ${donors.map((d) => `${d.name} ${chf(d.amount)}`).join(", ")}`}>
        <BarChart data={donors}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" />
          <YAxis />
          <Tooltip formatter={(v) => chf(Number(v))} />
          <Bar dataKey="amount" name="CHF" fill={COLORS[4]} />
        </BarChart>
      </ChartCard>
      <ChartCard
        title="What more money would buy"
        summary={
          curve.isPending
            ? "Computing the money curve"
            : `Value by budget: ${points_.map((p) => `${chf(p.budget)}: ${points(p.value)}`).join("; ")}`
        }
      >
        <LineChart data={points_}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="budget" tickFormatter={(v: number) => `${Math.round(v / 1000)}k`} />
          <YAxis />
          <Tooltip formatter={(v) => points(Number(v))} labelFormatter={(v) => chf(Number(v))} />
          <Line dataKey="value" name="value" stroke={COLORS[2]} dot={false} />
        </LineChart>
      </ChartCard>
    </SimpleGrid>
  );
}
