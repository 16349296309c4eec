// Who could be sponsored, for donors: how many requests no eligibility condition admitted, the requests
// the ISU admitted by exception (with its justification), and the under-represented regional groups with
// the figures they were derived from (or the ISU's reason for setting them).
import { Card, List, Text, Title } from "@mantine/core";
import { REGION_NAMES } from "../../../../scoring/domain/index.js";
import { pct } from "../../format.js";
import type { Rationale } from "./api.js";

export function EligibilityCard({ r, stateName }: { r: Rationale; stateName: (iso3: string) => string }) {
  const { ineligible, exceptions, underrepresented: u } = r.eligibility;
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        Who could be sponsored
      </Title>
      <Text size="sm">
        {ineligible === 0
          ? "Every request met an eligibility condition of the round's rules."
          : `${ineligible} request${ineligible === 1 ? "" : "s"} met no eligibility condition of the round's rules and could not be sponsored.`}
      </Text>
      <Text fw={700} size="sm" mt="sm">
        Exceptions made by the ISU
      </Text>
      {exceptions.length === 0 && <Text size="sm">None.</Text>}
      <List size="sm">
        {exceptions.map((e) => (
          <List.Item key={e.id}>
            {stateName(e.state)} (request {e.id}): {e.why}
          </List.Item>
        ))}
      </List>
      {u && (
        <>
          <Text fw={700} size="sm" mt="sm">
            Under-represented regional groups: {u.regions.length ? u.regions.map((g) => REGION_NAMES[g]).join(", ") : "none"}
          </Text>
          {u.derived && u.overall ? (
            <List size="sm">
              {u.figures.map((f) => (
                <List.Item key={f.region}>
                  {REGION_NAMES[f.region]}: {f.parties} of {f.states} States are States Parties ({pct(f.states ? f.parties / f.states : 0)}
                  ), against {pct(u.overall!.states ? u.overall!.parties / u.overall!.states : 0)} over all groups
                </List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm">Set by the ISU for this round: {u.why}</Text>
          )}
        </>
      )}
    </Card>
  );
}
