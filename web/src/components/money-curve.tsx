// The money curve's chart (the best total score at each budget, the round's budget marked), as the
// allocation page and the donors' page draw it: axes with their titles and units, a dashed budget line.
// A function returning the chart, not a component, so that recharts' ResponsiveContainer sizes it.
import type { ReactElement } from "react";
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { chf, points, type Lang } from "../format.js";

/** CHF in thousands, for an axis's ticks: 30000 → "30k". */
export const thousands = (v: number): string => `${Math.round(v / 1000)}k`;

export function moneyCurveChart({
  data,
  budget,
  words,
  color,
  unit = "",
  lang = "en",
}: {
  data: { budget: number; value: number | null }[];
  budget: number | null;
  /** The axes' titles and the budget line's label, in the page's language. */
  words: { budgetAxis: string; scoreAxis: string; budget: string };
  color: string;
  /** Said after a value in the tooltip ("points"), or nothing. */
  unit?: string;
  /** The language the tooltip's numbers are written in. */
  lang?: Lang;
}): ReactElement {
  return (
    <LineChart data={data.map((p) => ({ budget: Math.round(p.budget), value: p.value }))} margin={{ left: 8, right: 16, bottom: 8 }}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis
        dataKey="budget"
        type="number"
        domain={["dataMin", "dataMax"]}
        tickFormatter={thousands}
        label={{ value: words.budgetAxis, position: "insideBottom", offset: -4 }}
        height={40}
      />
      <YAxis label={{ value: words.scoreAxis, angle: -90, position: "insideLeft" }} width={56} />
      <Tooltip
        formatter={(v) => (unit ? `${points(Number(v), lang)} ${unit}` : points(Number(v), lang))}
        labelFormatter={(v) => chf(Number(v), lang)}
      />
      {budget !== null && <ReferenceLine x={Math.round(budget)} stroke="#212529" strokeDasharray="6 4" label={words.budget} />}
      <Line dataKey="value" name={words.scoreAxis} stroke={color} dot={false} />
    </LineChart>
  );
}
