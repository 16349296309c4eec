// Moving a round along its statuses, after a confirmation that says what the move does (a move back, where
// the lifecycle allows one, is offered the same way).
import { Button } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ROUND_TRANSITIONS, type RoundStatus } from "../../../../scoring/domain/index.js";
import { api, call } from "../../api.js";
import { Confirm } from "../../components/confirm.js";
import { keys } from "../../query-keys.js";

/** Each move's button, and what it does. */
const MOVES: Record<RoundStatus, { label: string; consequence: string }> = {
  draft: { label: "Back to draft", consequence: "The round goes back to draft: applicants no longer see it." },
  open: {
    label: "Open for requests",
    consequence: "Applicants can submit requests through the public form, from the window's first day to its last.",
  },
  review: {
    label: "Start the review",
    consequence: "The public form stops taking requests; staff review and score them, and run the allocation.",
  },
  decided: {
    label: "Mark as decided",
    consequence: "The approved allocation stands: from now on only answers to offers, replacements and actual costs change it.",
  },
  closed: { label: "Close the round", consequence: "Nothing about the round changes any more; its money stays in the year's statement." },
};

export function MoveRound({ round }: { round: { id: string; status: RoundStatus; version: number } }) {
  const qc = useQueryClient();
  const [to, setTo] = useState<RoundStatus | null>(null);
  const move = useMutation({
    mutationFn: (status: RoundStatus) =>
      call(api.api.rounds[":roundId"].status.$post({ param: { roundId: round.id }, json: { status, version: round.version } })),
    onSuccess: () => {
      setTo(null);
      void qc.invalidateQueries({ queryKey: keys.round(round.id) });
      void qc.invalidateQueries({ queryKey: keys.rounds() });
    },
  });
  return (
    <>
      {ROUND_TRANSITIONS[round.status].map((s) => (
        <Button key={s} size="xs" variant="default" onClick={() => (move.reset(), setTo(s))}>
          {MOVES[s].label}
        </Button>
      ))}
      <Confirm
        opened={to !== null}
        title={to ? `${MOVES[to].label}?` : ""}
        confirm={to ? MOVES[to].label : ""}
        onConfirm={() => to && move.mutate(to)}
        onCancel={() => setTo(null)}
        pending={move.isPending}
        error={move.isError ? move.error : null}
        cancel="Cancel"
      >
        {to ? MOVES[to].consequence : ""}
      </Confirm>
    </>
  );
}
