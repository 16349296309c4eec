// Two runs of a round side by side: who enters and leaves, and what changed.
import { Card, Select, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api, call, type Answer } from "../../api.js";
import { ErrorAlert } from "../../components/status.js";
import { dateTime, points, requestName } from "../../format.js";
import { keys } from "../../query-keys.js";

type RunView = Answer<(typeof api.api.runs)[":runId"]["$get"]>;
type RunSummary = Answer<(typeof api.api.rounds)[":roundId"]["runs"]["$get"]>[number];

export function Compare({ run, runs }: { run: RunView; runs: RunSummary[] }) {
  const others = runs.filter((x) => x.id !== run.id && x.status === "done");
  const [other, setOther] = useState<string | null>(null);
  const diff = useQuery({
    queryKey: keys.compare(run.id, other),
    enabled: other !== null && run.status === "done",
    queryFn: () => call(api.api.runs[":runId"].compare[":otherId"].$get({ param: { runId: run.id, otherId: other ?? "" } })),
  });
  if (others.length === 0) return null;
  const d = diff.data;
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        Compare with another run
      </Title>
      <Select
        label="Other run"
        data={others.map((x) => ({ value: x.id, label: `${dateTime(x.createdAt)}, value ${points(x.value)}` }))}
        value={other}
        onChange={setOther}
        maw={420}
      />
      {diff.isError && <ErrorAlert error={diff.error} />}
      {d && (
        <Stack mt="sm" gap="xs" aria-live="polite">
          {d.same ? (
            <Text>The two runs fund the same requests.</Text>
          ) : (
            <>
              <Text>
                Value {points(d.value.a)} here, {points(d.value.b)} there ({d.value.change >= 0 ? "+" : ""}
                {points(d.value.change)}).
              </Text>
              <Text>Enter in the other run: {d.entered.map((x) => requestName(x.id, x.state)).join(", ") || "nobody"}</Text>
              <Text>Leave in the other run: {d.left.map((x) => requestName(x.id, x.state)).join(", ") || "nobody"}</Text>
            </>
          )}
        </Stack>
      )}
    </Card>
  );
}
