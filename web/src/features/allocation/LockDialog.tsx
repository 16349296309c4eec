// Locking a request in or out (or lifting its lock), with a justification kept in its history.
import { Button, Group, Modal, Radio, Stack, Text, Textarea } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, call } from "../../api.js";
import { ErrorAlert } from "../../components/status.js";
import { keys } from "../../query-keys.js";
import { useRequest } from "../requests/index.js";
import { useStates } from "../rounds/index.js";

export function LockDialog({ requestId, roundId, onClose }: { requestId: string | null; roundId: string; onClose: () => void }) {
  const qc = useQueryClient();
  // The choice starts from the request's current lock (none when it has none), not from "in".
  const [chosen, setChosen] = useState<string | null>(null);
  const [why, setWhy] = useState("");
  const request = useRequest(requestId);
  const states = useStates(roundId);
  const lock = chosen ?? request.data?.attributes.lock ?? "none";
  const stateName = states.data?.states.find((s) => s.iso3 === request.data?.attributes.state)?.name;
  const close = (): void => {
    setChosen(null);
    onClose();
  };
  const save = useMutation({
    mutationFn: () => {
      if (!requestId || !request.data) throw new Error("The request is still loading: try again in a moment.");
      return call(
        api.api.requests[":requestId"].lock.$post({
          param: { requestId },
          json: { lock: lock === "none" ? null : lock === "out" ? "out" : "in", justification: why, version: request.data.version },
        }),
      );
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.request(requestId) });
      void qc.invalidateQueries({ queryKey: keys.requests(roundId) });
      setWhy("");
      close();
    },
  });
  return (
    <Modal
      closeButtonProps={{ "aria-label": "Close" }}
      opened={!!requestId}
      onClose={close}
      title={`Lock ${requestId ?? ""}${stateName ? ` (${stateName})` : ""}`}
    >
      <Stack component="form" onSubmit={(e) => (e.preventDefault(), save.mutate())}>
        <Radio.Group label="Lock" value={lock} onChange={setChosen}>
          <Stack gap="xs" mt="xs">
            <Radio value="in" label="In: must be funded" />
            <Radio value="out" label="Out: must not be funded" />
            <Radio value="none" label="No lock" />
          </Stack>
        </Radio.Group>
        <Textarea
          label="Justification"
          description="Kept in the request's history and the audit log"
          value={why}
          onChange={(e) => setWhy(e.currentTarget.value)}
          required
          minRows={2}
        />
        {save.isError && <ErrorAlert title="Not saved" error={save.error} />}
        <Text size="sm">The lock applies from the next run.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending} disabled={!request.data}>
            Save the lock
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
