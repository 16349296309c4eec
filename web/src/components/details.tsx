// What only the curious need (timings, solver versions), folded away under "Technical details".
import { Text } from "@mantine/core";
import type { ReactNode } from "react";

export function TechnicalDetails({ children }: { children: ReactNode }) {
  return (
    <details>
      <summary>
        <Text span size="sm" c="dimmed">
          Technical details
        </Text>
      </summary>
      <Text size="sm" c="dimmed">
        {children}
      </Text>
    </details>
  );
}
