// After the decision: the offers and their answers, declines and expired offers with the proposed
// replacement, actual costs after the meeting, and the financial statement (Table 3 of the ISU's report).
import { plural } from "../../../../scoring/policy/index.js";
import { Alert, Button, Card, Group, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useParams } from "react-router-dom";
import { api, call, type Answer } from "../../api.js";
import { ErrorAlert, Loading } from "../../components/status.js";
import { stateName, GENDER, REGION, SUPPORT_LEVEL } from "../../../../scoring/domain/index.js";
import { Confirm } from "../../components/confirm.js";
import { chf, day } from "../../format.js";
import { useRequests } from "../requests/index.js";
import { useSession } from "../accounts/index.js";
import { keys } from "../../query-keys.js";
import { useDecisions, useOpenReplacement } from "./api.js";
import { OfferRow } from "./OfferRow.js";
import { Statement } from "./Statement.js";

type Proposal = Answer<(typeof api.api.rounds)[":roundId"]["replacements"]["$post"]>;

export function AfterPage() {
  const { roundId = "" } = useParams();
  const admin = useSession().data?.role === "admin";
  const qc = useQueryClient();
  const decisions = useDecisions(roundId);
  const requests = useRequests(roundId);
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: keys.decisions(roundId) });
    void qc.invalidateQueries({ queryKey: keys.statement(roundId) });
    void qc.invalidateQueries({ queryKey: keys.openReplacement(roundId) });
  };
  if (decisions.isPending) return <Loading label="Loading the decisions" />;
  if (decisions.isError) return <ErrorAlert error={decisions.error} />;
  const stateOf = new Map((requests.data ?? []).map((q) => [q.id, q.attributes.state]));
  const offers = decisions.data.filter((d) => d.decision === "funded");
  const released = offers.filter((d) => d.offerStatus === "declined" || d.offerStatus === "expired");
  return (
    <Stack>
      <Title order={2}>After the decision: {roundId}</Title>
      {offers.length === 0 && <Text>No decision is published yet: approve a run first.</Text>}
      {offers.length > 0 && (
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            Offers
          </Title>
          <Table.ScrollContainer minWidth={800}>
            <Table fz="sm" striped aria-label="Offers">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Request</Table.Th>
                  <Table.Th>Support</Table.Th>
                  <Table.Th ta="right">Committed</Table.Th>
                  <Table.Th>Deadline</Table.Th>
                  <Table.Th>Answer</Table.Th>
                  <Table.Th>Actual cost</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {offers.map((d) => (
                  <OfferRow key={d.requestId} roundId={roundId} d={d} state={stateOf.get(d.requestId)} admin={admin} onSaved={refresh} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      {admin && offers.length > 0 && <Replacements roundId={roundId} released={released.length} refresh={refresh} />}
      <Statement roundId={roundId} />
    </Stack>
  );
}

/** Declined and lapsed offers' replacements: a proposal (the re-solve), then, after a confirmation, its offers. */
function Replacements({ roundId, released, refresh }: { roundId: string; released: number; refresh: () => void }) {
  const open = useOpenReplacement(roundId);
  const proposal: Proposal | null = open.data ?? null;
  const [deadline, setDeadline] = useState("");
  const [confirming, setConfirming] = useState(false);
  const propose = useMutation({
    mutationFn: () => call(api.api.rounds[":roundId"].replacements.$post({ param: { roundId } })),
    onSuccess: () => refresh(),
  });
  const apply = useMutation({
    mutationFn: () => {
      if (!proposal) throw new Error("There is no open proposal to apply.");
      return call(
        api.api.replacements[":replacementId"].apply.$post({ param: { replacementId: proposal.id }, json: { offerDeadline: deadline } }),
      );
    },
    onSuccess: () => (refresh(), setConfirming(false)),
  });
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        Replacements
      </Title>
      <Text size="sm" mb="sm">
        {plural(released, "offer", "offers")} declined or lapsed. Offers still pending past their deadline are marked lapsed when
        replacements are proposed. Everyone else keeps their offer.
      </Text>
      <Button onClick={() => propose.mutate()} loading={propose.isPending}>
        Propose replacements
      </Button>
      {propose.isError && <ErrorAlert title="No proposal" error={propose.error} />}
      {proposal && (
        <Stack mt="md" aria-live="polite">
          <Alert variant="filled" color={proposal.proposal.status === "infeasible" ? "red.9" : "blue.8"} title="Proposal">
            {proposal.proposal.text}
          </Alert>
          {proposal.proposal.replacements.length > 0 && (
            <Table fz="sm" aria-label="Proposed replacements">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Reference</Table.Th>
                  <Table.Th>State</Table.Th>
                  <Table.Th>Region</Table.Th>
                  <Table.Th>Gender</Table.Th>
                  <Table.Th>Support</Table.Th>
                  <Table.Th ta="right">Cost</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {proposal.proposal.replacements.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{r.id}</Table.Td>
                    <Table.Td>{stateName(r.state)}</Table.Td>
                    <Table.Td>{REGION.say(r.region)}</Table.Td>
                    <Table.Td>{GENDER.say(r.gender)}</Table.Td>
                    <Table.Td>{SUPPORT_LEVEL.say(r.level)}</Table.Td>
                    <Table.Td ta="right">{chf(r.cost)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {proposal.proposal.status !== "infeasible" && (
            <Group
              align="flex-end"
              component="form"
              onSubmit={(e) => (e.preventDefault(), setConfirming(true))}
              aria-label="Accept the replacement"
            >
              <TextInput
                type="date"
                label="Replacements accept by"
                value={deadline}
                onChange={(e) => setDeadline(e.currentTarget.value)}
                required
              />
              <Button type="submit" loading={apply.isPending} disabled={!deadline}>
                Accept the replacement
              </Button>
            </Group>
          )}
          {apply.isError && !confirming && <ErrorAlert title="Not applied" error={apply.error} />}
          <Confirm
            opened={confirming}
            title="Make the replacement offers?"
            confirm="Yes, make the offers"
            onConfirm={() => apply.mutate()}
            onCancel={() => setConfirming(false)}
            pending={apply.isPending}
            error={apply.isError ? apply.error : null}
          >
            {`${proposal.proposal.replacements.map((r) => `${r.id} (${stateName(r.state)})`).join(", ")} ${
              proposal.proposal.replacements.length === 1 ? "is" : "are"
            } offered sponsorship (${chf(proposal.proposal.replacements.reduce((s, r) => s + r.cost, 0))} committed), to accept by ${day(deadline)}. Each applicant is e-mailed the offer and sees it on the status page at once; the released offers stay released.`}
          </Confirm>
        </Stack>
      )}
      {apply.isSuccess && (
        <Text c="teal.9" role="status" mt="sm">
          Replacement applied: the new offers are pending.
        </Text>
      )}
    </Card>
  );
}
