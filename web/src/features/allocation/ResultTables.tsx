// The result's tables: the funded requests (who pays, what dropping each would cost), the requests not
// funded with their reasons, and the optimum beside the baselines.
import { Badge, Button, Card, Table, Text, Title } from "@mantine/core";
import type { AllocationResult, FundedRequest, NotFundedRequest } from "../../../../scoring/domain/index.js";
import { chf, paidBy, points } from "../../format.js";

export function FundedTable({
  r,
  nameOf,
  lockOf,
  admin,
  onLock,
  say,
}: {
  r: AllocationResult;
  nameOf: Map<string, string>;
  lockOf: Map<string, string | undefined>;
  admin: boolean;
  onLock: (id: string) => void;
  say: (text: string) => string;
}) {
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        Funded ({r.funded.length})
      </Title>
      <Table.ScrollContainer minWidth={900}>
        <Table fz="sm" striped aria-label="Funded requests">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Reference</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th>Region</Table.Th>
              <Table.Th>Gender</Table.Th>
              <Table.Th>Support</Table.Th>
              <Table.Th ta="right">Cost</Table.Th>
              <Table.Th ta="right">Value</Table.Th>
              <Table.Th>Paid by</Table.Th>
              <Table.Th>If dropped</Table.Th>
              {admin && <Table.Th>Lock</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.funded.map((f: FundedRequest) => (
              <Table.Tr key={f.id}>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  {f.id}{" "}
                  {lockOf.get(f.id) && (
                    <Badge size="xs" color="dark.6">
                      locked {lockOf.get(f.id)}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{nameOf.get(f.state) ?? f.state}</Table.Td>
                <Table.Td>{f.region}</Table.Td>
                <Table.Td>{f.gender}</Table.Td>
                <Table.Td>{f.level}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                  {chf(f.cost)}
                </Table.Td>
                <Table.Td ta="right">{points(f.value)}</Table.Td>
                <Table.Td>{paidBy(f.funding)}</Table.Td>
                <Table.Td>
                  {f.lossIfDropped === null
                    ? `required: ${say(f.requiredBy ?? "")}`
                    : f.lossIfDropped !== undefined
                      ? `−${points(f.lossIfDropped)} points`
                      : f.note}
                </Table.Td>
                {admin && (
                  <Table.Td>
                    <LockButton id={f.id} onClick={onLock} />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

/** `say` puts a sentence in words for people (each request named with its State). */
export function NotFundedTable({
  r,
  admin,
  onLock,
  say,
  stateName,
}: {
  r: AllocationResult;
  admin: boolean;
  onLock: (id: string) => void;
  say: (text: string) => string;
  stateName: (id: string) => string;
}) {
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        Not funded ({r.notFunded.length}), and why
      </Title>
      <Table fz="sm" striped aria-label="Requests not funded">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Reference</Table.Th>
            <Table.Th>Reason</Table.Th>
            {admin && <Table.Th>Lock</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {r.notFunded.map((n: NotFundedRequest) => (
            <Table.Tr key={n.id}>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                {n.id}
                <Text size="xs" c="dimmed">
                  {stateName(n.id)}
                </Text>
              </Table.Td>
              <Table.Td>{say(n.reason.text)}</Table.Td>
              {admin && (
                <Table.Td>
                  <LockButton id={n.id} onClick={onLock} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

export function BaselinesTable({ r, say }: { r: AllocationResult; say: (text: string) => string }) {
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        Beside the baselines (same money and rules)
      </Title>
      <Table fz="sm" aria-label="Baselines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Method</Table.Th>
            <Table.Th ta="right">Value</Table.Th>
            <Table.Th ta="right">Delegates</Table.Th>
            <Table.Th ta="right">Cost</Table.Th>
            <Table.Th>Rules it breaks</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            <Table.Td fw={700}>Optimum (this run)</Table.Td>
            <Table.Td ta="right">{points(r.value)}</Table.Td>
            <Table.Td ta="right">{r.funded.length}</Table.Td>
            <Table.Td ta="right">{chf(r.totalCost)}</Table.Td>
            <Table.Td>none</Table.Td>
          </Table.Tr>
          {r.baselines.map((b) => (
            <Table.Tr key={b.name}>
              <Table.Td>{b.name === "fcfs" ? "First come, first served" : "Greedy by score"}</Table.Td>
              <Table.Td ta="right">{points(b.value)}</Table.Td>
              <Table.Td ta="right">{b.count}</Table.Td>
              <Table.Td ta="right">{chf(b.totalCost)}</Table.Td>
              <Table.Td>{b.broken.length ? say(b.broken.join("; ")) : "none"}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

/** The button that opens the lock dialog for a request. */
export function LockButton({ id, onClick }: { id: string; onClick: (id: string) => void }) {
  return (
    <Button size="compact-xs" variant="default" onClick={() => onClick(id)} aria-label={`Lock ${id}`}>
      Lock…
    </Button>
  );
}
