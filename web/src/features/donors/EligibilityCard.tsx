// Who could be sponsored, for donors: how many requests no eligibility condition admitted, the requests
// the ISU admitted by exception (with its justification), and the under-represented regional groups with
// the figures they were derived from (or the ISU's reason for setting them).
import { Card, List, Text, Title } from "@mantine/core";
import { stateName, REGION } from "../../../../scoring/domain/index.js";
import { useWords } from "../../workspace-words/index.js";
import type { Rationale } from "./api.js";

export function EligibilityCard({ r }: { r: Rationale }) {
  const { t, lang, pct } = useWords();
  const { ineligible, exceptions, underrepresented: u } = r.eligibility;
  const overall = u?.overall;
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        {t("eligibility.title")}
      </Title>
      <Text size="sm">{ineligible === 0 ? t("eligibility.all") : t("eligibility.some", { count: ineligible })}</Text>
      <Text fw={700} size="sm" mt="sm">
        {t("eligibility.exceptions")}
      </Text>
      {exceptions.length === 0 && <Text size="sm">{t("eligibility.none")}</Text>}
      <List size="sm">
        {exceptions.map((e) => (
          <List.Item key={e.id}>{t("eligibility.exception", { state: stateName(e.state, lang), id: e.id, why: e.why })}</List.Item>
        ))}
      </List>
      {u && (
        <>
          <Text fw={700} size="sm" mt="sm">
            {t("eligibility.under", {
              list: u.regions.length ? u.regions.map((g) => REGION.say(g, lang)).join(", ") : t("eligibility.noGroup"),
            })}
          </Text>
          {u.derived && overall ? (
            <List size="sm">
              {u.figures.map((f) => (
                <List.Item key={f.region}>
                  {t("eligibility.figure", {
                    region: REGION.say(f.region, lang),
                    parties: f.parties,
                    states: f.states,
                    share: pct(f.states ? f.parties / f.states : 0),
                    overall: pct(overall.states ? overall.parties / overall.states : 0),
                  })}
                </List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm">{t("eligibility.set", { why: u.why })}</Text>
          )}
        </>
      )}
    </Card>
  );
}
