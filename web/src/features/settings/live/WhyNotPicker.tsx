// Why a request is not funded in the live allocation, on demand: its counterfactual (what funding it
// would cost, whom it would displace), computed in the browser against the optimum on screen.
import { NativeSelect, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { stateName } from "../../../../../scoring/domain/index.js";
import { plainText } from "../../../format.js";
import type { Move, WhyNotAnswer } from "./protocol.js";

export function WhyNotPicker({
  notFunded,
  answer,
  ask,
  stateOf,
}: {
  notFunded: readonly Move[];
  answer: WhyNotAnswer | null;
  ask: (id: string) => void;
  stateOf: ReadonlyMap<string, string>;
}) {
  const [id, setId] = useState("");
  const shown = answer && answer.id === id ? answer : null;
  return (
    <Stack gap={4} mt="sm">
      <NativeSelect
        label="Why is this request not funded?"
        value={id}
        onChange={(e) => {
          setId(e.currentTarget.value);
          if (e.currentTarget.value) ask(e.currentTarget.value);
        }}
        data={[
          { value: "", label: "Choose a request not funded" },
          ...notFunded.map((m) => ({ value: m.id, label: `${m.id} · ${stateName(m.state, "en")}` })),
        ]}
      />
      {id && (
        <Text size="sm" role="status" data-why-not={shown ? id : ""}>
          {!shown
            ? "Working it out…"
            : shown.reason
              ? plainText(shown.reason.text, stateOf)
              : "It could not be worked out for this allocation."}
        </Text>
      )}
    </Stack>
  );
}
