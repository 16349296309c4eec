// A request's reviews: where its technical value's rating comes from, and an administrator lifting a
// conflict of interest a reviewer declared by mistake (with a reason kept in the request's history).
import { Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, call } from "../../api.js";
import { ErrorAlert } from "../../components/status.js";
import { keys } from "../../query-keys.js";

interface Review {
  reviewer: string;
  rating: number | null;
  conflict: boolean;
  version: number;
}

/** Which rating the technical value uses: the reviewers' mean, else the one entered with the request, else none. */
export function ratingSource(reviews: readonly Review[], entered: number | undefined): string {
  const rated = reviews.flatMap((r) => (!r.conflict && r.rating !== null ? [r.rating] : []));
  if (rated.length > 0) {
    const mean = Math.round((rated.reduce((a, b) => a + b, 0) / rated.length) * 100) / 100;
    return rated.length === 1
      ? `The technical value uses the one reviewer's rating: ${mean} of 5.`
      : `The technical value uses the mean of ${rated.length} reviewers' ratings: ${mean} of 5.`;
  }
  if (entered !== undefined)
    return `No reviewer has rated it yet: the technical value uses the rating entered with the request, ${entered} of 5, until one does.`;
  return "No reviewer has rated it yet: its technical value counts no rating (0) until one does.";
}

export function LiftConflict({ requestId, roundId, review }: { requestId: string; roundId: string; review: Review }) {
  const qc = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState("");
  const [tried, setTried] = useState(false);
  const lift = useMutation({
    mutationFn: () =>
      call(
        api.api.requests[":requestId"].reviews[":reviewer"]["lift-conflict"].$post({
          param: { requestId, reviewer: review.reviewer },
          json: { reason, version: review.version },
        }),
      ),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.request(requestId) });
      void qc.invalidateQueries({ queryKey: keys.scores(roundId) });
      void qc.invalidateQueries({ queryKey: keys.reviewQueue() });
      setOpened(false);
    },
  });
  const short = tried && reason.trim().length < 10;
  return (
    <>
      <Button size="compact-xs" variant="subtle" onClick={() => (setReason(""), setTried(false), lift.reset(), setOpened(true))}>
        Lift the conflict
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={`Lift ${review.reviewer}'s conflict of interest?`}
        closeButtonProps={{ "aria-label": "Close" }}
      >
        <Stack
          component="form"
          aria-label="Lift the conflict of interest"
          onSubmit={(e) => {
            e.preventDefault();
            setTried(true);
            if (reason.trim().length >= 10) lift.mutate();
          }}
        >
          <Text size="sm">
            Only when it was declared by mistake: {review.reviewer} may then rate this request. The reason stays in its history.
          </Text>
          <Textarea
            label="Why (kept in the request's history)"
            withAsterisk
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={short ? "Say why the conflict is lifted (at least 10 characters)." : null}
          />
          {lift.isError && <ErrorAlert title="The conflict was not lifted" error={lift.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)}>
              Cancel
            </Button>
            <Button type="submit" loading={lift.isPending}>
              Lift it
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
