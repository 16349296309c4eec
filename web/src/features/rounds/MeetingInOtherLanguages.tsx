// The meeting's name and place in French and Spanish: what applicants and donors reading in them see
// (left empty, they read the English words). Shared by the new round's form and the round's edit.
import { Fieldset, SimpleGrid, Text } from "@mantine/core";
import type { ReactNode } from "react";

/** The round's fields in other languages, with their labels. */
export const OTHER_LANGUAGES = [
  ["meetingFr", "Meeting, in French"],
  ["venueFr", "Venue, in French"],
  ["meetingEs", "Meeting, in Spanish"],
  ["venueEs", "Venue, in Spanish"],
] as const;

export function MeetingInOtherLanguages({ children }: { children: ReactNode }) {
  return (
    <Fieldset legend="The meeting in French and Spanish" variant="filled">
      <Text size="sm" c="dimmed" mb="xs">
        Applicants and donors who read French or Spanish see these words (e.g. « Treizième Assemblée des États parties », « Genève »). Left
        empty, they see the English ones.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>{children}</SimpleGrid>
    </Fieldset>
  );
}
