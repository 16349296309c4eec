// The five criteria's weights as sliders.
import { Card, Slider, Stack, Text, Title } from "@mantine/core";
import { CRITERION, WeightsSchema, type Weights } from "../../../../scoring/domain/index.js";

export function WeightsCard({ weights, onChange, disabled }: { weights: Weights; onChange: (w: Weights) => void; disabled: boolean }) {
  const problems = WeightsSchema.safeParse(weights);
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        Weights
      </Title>
      {CRITERION.codes.map((c) => (
        <Stack key={c} gap={2} mb="md">
          <Text size="sm" id={`w-${c}`}>
            {CRITERION.say(c)}: {weights[c]}
          </Text>
          <Slider
            min={0}
            max={100}
            step={1}
            value={weights[c]}
            onChange={(v) => onChange({ ...weights, [c]: v })}
            aria-labelledby={`w-${c}`}
            thumbLabel={`${CRITERION.say(c)} weight`}
            disabled={disabled}
          />
        </Stack>
      ))}
      {!problems.success && (
        <Text c="red.9" size="sm" role="alert">
          {problems.error.issues[0]?.message}
        </Text>
      )}
    </Card>
  );
}
