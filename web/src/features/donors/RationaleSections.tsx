// The sections of the donors' rationale, each a card over the rationale the server answers, in the
// page's language: every request with its State's name, every rule in the rule registry's words.
import { Badge, Card, List, Table, Text, Title } from "@mantine/core";
import { ResponsiveContainer } from "recharts";
import { moneyCurveChart } from "../../components/money-curve.js";
import { CRITERION, OFFER_STATE, stateName, REGION } from "../../../../scoring/domain/index.js";
import { instanceById, percent } from "../../../../scoring/policy/index.js";
import { day, paidBy, type Lang } from "../../format.js";
import { useWords } from "../../workspace-words/index.js";
import type { Rationale } from "./api.js";

/** A request as donors read it: its reference and its State ("13MSP-004 (Iraq)"). */
const named = (r: Rationale, id: string, lang: Lang): string => (r.states[id] ? `${id} (${stateName(r.states[id], lang)})` : id);

/** Each sponsored delegate by reference, State, group, status and gender, with the score breakdown and who paid. */
export function DelegatesCard({ r, mine }: { r: Rationale; mine: string | null }) {
  const { t, lang, chf, points } = useWords();
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        {t("delegates.title")}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t("delegates.intro")}
      </Text>
      {/* A region that scrolls sideways must be reachable by keyboard. */}
      <div tabIndex={0} role="region" aria-label={t("delegates.region")} style={{ overflowX: "auto" }}>
        <Table fz="sm" aria-label={t("delegates.table")} miw={1200}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("delegates.reference")}</Table.Th>
              <Table.Th>{t("delegates.state")}</Table.Th>
              <Table.Th>{t("delegates.group")}</Table.Th>
              <Table.Th>{t("delegates.status")}</Table.Th>
              <Table.Th>{t("delegates.gender")}</Table.Th>
              {CRITERION.codes.map((c) => (
                <Table.Th key={c} ta="right">
                  {t(`words.${c}`)}
                </Table.Th>
              ))}
              <Table.Th ta="right">{t("delegates.score")}</Table.Th>
              <Table.Th>{t("delegates.support")}</Table.Th>
              <Table.Th ta="right">{t("delegates.cost")}</Table.Th>
              <Table.Th>{t("delegates.paidBy")}</Table.Th>
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
                          {t("delegates.yours")}
                        </Badge>
                      </>
                    )}
                  </Table.Td>
                  <Table.Td>{stateName(f.state, lang)}</Table.Td>
                  <Table.Td>{REGION.say(f.region, lang)}</Table.Td>
                  <Table.Td>{t(`words.${f.status}`)}</Table.Td>
                  <Table.Td>{t(`words.${f.gender}`)}</Table.Td>
                  {CRITERION.codes.map((c) => (
                    <Table.Td key={c} ta="right">
                      {points(f.score?.criteria[c])}
                    </Table.Td>
                  ))}
                  <Table.Td ta="right">{points(f.score?.total)}</Table.Td>
                  <Table.Td>{t(`words.${f.level}`)}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                    {chf(f.cost)}
                  </Table.Td>
                  <Table.Td>{paidBy(f.funding, lang)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </div>
      <Text size="sm" mt="sm">
        {t("delegates.reasons")} {r.reasonCounts.map((c) => `${(lang !== "en" && c.labels?.[lang]) || c.label}: ${c.delegates}`).join("; ")}
        .
      </Text>
    </Card>
  );
}

/** A rule broken by a baseline, in the page's language: the rule's statement, the money, or the requests it names. */
function brokenInWords(r: Rationale, rules: readonly string[], lang: Lang, t: ReturnType<typeof useWords>["t"]): string[] {
  const out: string[] = [];
  const ineligible = rules.filter((x) => x.startsWith("eligibility.")).map((x) => named(r, x.slice("eligibility.".length), lang));
  for (const rule of rules) {
    if (rule === "budget") out.push(t("methods.budget"));
    else if (rule === "earmarks") out.push(t("methods.earmarks"));
    else if (rule.startsWith("lock.")) out.push(t("methods.lock"));
    else if (!rule.startsWith("eligibility.")) {
      const inst = instanceById(r.policy, rule);
      if (inst) out.push(inst.rule.words[lang].statement(inst.bound, inst.scope).replace(/\.$/, ""));
    }
  }
  if (ineligible.length) out.push(t("methods.ineligible", { count: ineligible.length, list: ineligible.join(", ") }));
  return [...new Set(out)];
}

/** This allocation beside first come, first served and a plain ranking. */
export function OtherMethodsCard({ r }: { r: Rationale }) {
  const { t, lang, points } = useWords();
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        {t("methods.title")}
      </Title>
      <Table fz="sm" aria-label={t("methods.table")}>
        <Table.Tbody>
          <Table.Tr>
            <Table.Td fw={700}>{t("methods.this")}</Table.Td>
            <Table.Td>{t("methods.thisRow", { count: r.asApproved.delegates, value: points(r.asApproved.value) })}</Table.Td>
          </Table.Tr>
          {r.baselines.map((b) => {
            const broken = brokenInWords(r, b.brokenRules, lang, t);
            return (
              <Table.Tr key={b.name}>
                <Table.Td fw={700}>{b.name === "fcfs" ? t("methods.fcfs") : t("methods.greedy")}</Table.Td>
                <Table.Td>
                  {t("methods.row", { count: b.count, value: points(b.value) })};{" "}
                  {broken.length ? t("methods.breaks", { list: broken.join("; ") }) : t("methods.keeps")}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

/** The price of each rule that changes the allocation. */
export function RulePricesCard({ r }: { r: Rationale }) {
  const { t, lang, points } = useWords();
  // A request the analysis names whose decision changed since the approval says so beside its name.
  const replaced = new Set(r.funded.filter((f) => f.replacement).map((f) => f.id));
  const released = new Map(r.released.map((x) => [x.id, x.offer]));
  const now = (id: string): string => {
    const offer = released.get(id);
    if (offer) return ` (${t("prices.nowReleased", { offer: OFFER_STATE.say(offer, lang) })})`;
    return replaced.has(id) ? ` (${t("prices.nowFunded")})` : "";
  };
  const list = (ids: readonly string[]) => ids.map((id) => `${named(r, id, lang)}${now(id)}`).join(", ");
  const moves = (p: Rationale["rulePrices"][number]): string =>
    [
      p.entered.length ? t("prices.enter", { count: p.entered.length, list: list(p.entered) }) : t("prices.noneEnter"),
      p.left.length ? t("prices.leave", { count: p.left.length, list: list(p.left) }) : t("prices.noneLeave"),
    ].join(t("prices.and"));
  const sentence = (p: Rationale["rulePrices"][number]): string | null => {
    const inst = instanceById(r.policy, p.rule);
    const rule = inst
      ? inst.rule.words[lang].statement(inst.bound, inst.scope)
      : p.rule.startsWith("earmark.")
        ? t("prices.earmark", { donor: stateName(p.rule.slice("earmark.".length), lang) })
        : null;
    if (!rule) return null;
    const to = p.relaxedTo === null ? null : inst?.rule.field === "share" ? percent(p.relaxedTo) : String(p.relaxedTo);
    const args = { rule, to, cost: points(p.cost), moves: moves(p) };
    return to === null ? t("prices.lifted", args) : t("prices.item", args);
  };
  const priced = r.rulePrices.filter((p) => (p.cost ?? 0) > 0).flatMap((p) => sentence(p) ?? []);
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        {t("prices.title")}
      </Title>
      <List size="sm">
        {priced.map((text) => (
          <List.Item key={text}>{text}</List.Item>
        ))}
        {priced.length === 0 && <List.Item>{t("prices.none")}</List.Item>}
      </List>
      <Text size="xs" c="dimmed" mt="xs">
        {t("prices.note")}
      </Text>
    </Card>
  );
}

/** What more money would buy, and the money curve with the round's budget marked. */
export function MoneyCurveCard({ r }: { r: Rationale }) {
  const { t, lang, chf, points } = useWords();
  const pts = r.moneyCurve.points;
  const first = pts[0];
  const last = pts.at(-1);
  if (!first || !last) return null;
  const base = pts.reduce((best, p) => (Math.abs(p.budget - r.budget) < Math.abs(best.budget - r.budget) ? p : best), first);
  const more = pts.find((p) => p.budget >= r.budget + 5000) ?? null;
  return (
    <Card withBorder>
      <figure style={{ margin: 0 }}>
        <Title order={3} size="h4" mb="sm">
          {t("curve.title")}
        </Title>
        <Text size="sm" mb="xs">
          {!more
            ? t("curve.short", { step: chf(5000) })
            : (more.value ?? 0) > (base.value ?? 0)
              ? t("curve.more", { step: chf(5000), from: points(base.value), to: points(more.value), count: more.delegates })
              : t("curve.same", { step: chf(5000), value: points(base.value) })}
        </Text>
        <div
          role="img"
          aria-label={t("curve.alt", { points: pts.map((p) => `${chf(p.budget)}: ${points(p.value)}`).join("; ") })}
          style={{ width: "100%", height: 240 }}
        >
          <ResponsiveContainer width="100%" height="100%">
            {moneyCurveChart({
              data: pts,
              budget: r.budget,
              words: { budgetAxis: t("curve.budgetAxis"), scoreAxis: t("curve.scoreAxis"), budget: t("curve.budget") },
              color: "#1864ab",
              lang,
            })}
          </ResponsiveContainer>
        </div>
        <Text component="figcaption" size="sm" mt="xs">
          {t("curve.caption", { from: chf(first.budget), to: chf(last.budget), budget: chf(r.budget) })}
        </Text>
      </figure>
    </Card>
  );
}

/** How firm the decisions are under perturbed weights and costs. */
export function RobustnessCard({ r }: { r: Rationale }) {
  const { t } = useWords();
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        {t("robust.title")}
      </Title>
      <Text size="sm">
        {t("robust.text", {
          solved: r.robustness.solved,
          always: r.robustness.counts.always,
          never: r.robustness.counts.never,
          borderline: r.robustness.counts.borderline,
        })}
      </Text>
    </Card>
  );
}

/**
 * What the analyses describe: the allocation as approved, on its day; said only when offers were declined,
 * lapsed or replaced since, or a delegate did not travel, naming each (the delegates' table is as they stand).
 */
export function AsApprovedNote({ r }: { r: Rationale }) {
  const { t, lang } = useWords();
  const since = [
    ...r.released.map((x) => t("rationale.sinceReleased", { who: named(r, x.id, lang), offer: OFFER_STATE.say(x.offer, lang) })),
    ...r.funded.filter((f) => f.replacement).map((f) => t("rationale.sinceReplacement", { who: named(r, f.id, lang) })),
    ...r.notTravelled.map((x) => t("rationale.sinceNotTravelled", { who: named(r, x.id, lang), offer: OFFER_STATE.say(x.offer, lang) })),
  ];
  if (!since.length) return null;
  return (
    <Text size="sm" role="note">
      {t("rationale.asApproved", { date: day(r.approvedAt, lang), count: r.asApproved.delegates, since: since.join("; ") })}
    </Text>
  );
}
