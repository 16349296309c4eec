// An infeasible run's diagnosis, to act on: each rule that cannot hold, side by side as written, what can
// hold, and the least change that lets it hold as a button that opens that what-if (the settings with the
// rule changed, the lock to lift, the contributions to add to). Money is named when money is the cause.
import { Alert, Button, Table, Text } from "@mantine/core";
import { Link } from "react-router-dom";
import { instanceById, percent } from "../../../../scoring/policy/index.js";
import type { api, Answer } from "../../api.js";
import { chf, plainText } from "../../format.js";

type RunView = Answer<(typeof api.api.runs)[":runId"]["$get"]>;
type Diagnosis = NonNullable<RunView["result"]>["diagnosis"];
type Relaxation = NonNullable<Diagnosis>["rules"][number];

export function DiagnosisAlert({
  roundId,
  diagnosis,
  problem,
  admin,
  onLock,
}: {
  roundId: string;
  diagnosis: Diagnosis | undefined;
  problem: RunView["problem"];
  admin: boolean;
  onLock: (requestId: string) => void;
}) {
  const stateOf = new Map((problem?.requests ?? []).map((q) => [q.id, q.state]));
  const say = (text: string): string => plainText(text, stateOf);
  const written = (x: Relaxation): string => {
    const inst = problem ? instanceById(problem.policy, x.rule) : undefined;
    if (inst) return inst.rule.words.en.statement(inst.bound, inst.scope);
    if (x.rule === "budget") return `The money available for travel: ${chf(x.stated)}`;
    if (x.rule.startsWith("lock.")) return say(`The lock on ${x.rule.slice(5)}`);
    if (x.rule.startsWith("donor.")) return say(`What ${x.rule.slice(6)} gives, within its earmark: ${chf(x.stated)}`);
    return "The donors' earmarks";
  };
  /** The least change as a button: the what-if it opens, or null when no single change is known. */
  const change = (x: Relaxation) => {
    const inst = problem ? instanceById(problem.policy, x.rule) : undefined;
    if (inst && x.reachable !== null) {
      const to = inst.rule.field === "share" ? percent(x.reachable) : String(x.reachable);
      return (
        <Button
          size="xs"
          variant="default"
          component={Link}
          to={`/rounds/${roundId}/settings?try=${encodeURIComponent(x.rule)}&to=${x.reachable}`}
        >
          {inst.rule.sense === "min" ? "Lower it" : "Raise it"} to {to}
          {x.proven === false ? " (the best found)" : ""}
        </Button>
      );
    }
    if (x.rule.startsWith("lock.") && admin) {
      const id = x.rule.slice(5);
      return (
        <Button size="xs" variant="default" onClick={() => onLock(id)}>
          {say(`Change the lock on ${id}`)}
        </Button>
      );
    }
    if ((x.rule === "budget" || x.rule.startsWith("donor.")) && x.reachable !== null)
      return (
        <Button size="xs" variant="default" component={Link} to={`/rounds/${roundId}#contributions`}>
          Add {chf(x.reachable - x.stated)} to the contributions
        </Button>
      );
    return null;
  };
  const money = diagnosis?.rules.some((x) => x.rule === "budget" || x.rule.startsWith("donor."));
  return (
    <Alert variant="outline" color="red.9" title="No allocation keeps every rule" role="alert">
      <Text>
        {money
          ? "The money is the cause: the rules below cannot be met with what is available."
          : "These rules cannot hold together. Each, as written, beside what can hold and the least change that would let it hold:"}
      </Text>
      {diagnosis?.proven === false && (
        <Text mt="xs">
          Not all of this could be proven within the run&apos;s time limit: fewer rules or smaller changes might be enough. A run with a
          longer time limit can tell.
        </Text>
      )}
      <Table mt="sm" aria-label="Rules that cannot hold">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>The rule as written</Table.Th>
            <Table.Th>What can hold</Table.Th>
            <Table.Th>The least change</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {diagnosis?.rules.map((x) => (
            <Table.Tr key={x.rule}>
              <Table.Td>{written(x)}</Table.Td>
              <Table.Td>{say(x.text)}</Table.Td>
              <Table.Td>{change(x) ?? "No single change: see the other rules"}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Alert>
  );
}
