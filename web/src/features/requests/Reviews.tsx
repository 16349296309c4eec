// A request's reviews: where its technical value's rating comes from, and an administrator lifting a
// conflict of interest a reviewer declared by mistake (with a reason kept in the request's history).
import { Button, Modal, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, call } from "../../api.js";
import { ReasonForm } from "../../components/reason-form.js";
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
  const lift = useMutation({
    mutationFn: (reason: string) =>
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
  return (
    <>
      <Button size="compact-xs" variant="subtle" onClick={() => (lift.reset(), setOpened(true))}>
        Lift the conflict
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={`Lift ${review.reviewer}'s conflict of interest?`}
        closeButtonProps={{ "aria-label": "Close" }}
      >
        <ReasonForm
          name="Lift the conflict of interest"
          label="Why (kept in the request's history)"
          minimum={10}
          tooShort="Say why the conflict is lifted (at least 10 characters)."
          onSubmit={(reason) => lift.mutate(reason)}
          onCancel={() => setOpened(false)}
          pending={lift.isPending}
          error={lift.isError ? lift.error : null}
          errorTitle="The conflict was not lifted"
          cancel="Cancel"
          submit="Lift it"
        >
          <Text size="sm">
            Only when it was declared by mistake: {review.reviewer} may then rate this request. The reason stays in its history.
          </Text>
        </ReasonForm>
      </Modal>
    </>
  );
}
