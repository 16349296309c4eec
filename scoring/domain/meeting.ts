// A meeting's name and place in a reader's language: the round's French or Spanish words when staff gave
// them, else its English words (a meeting's name is a proper name: the sentences around it say "the
// meeting «…»", so a name in another language still reads as one).
import type { Language } from "./format.js";

/** What a round holds of its meeting's words. */
export interface MeetingWords {
  meeting: string;
  venue: string;
  meetingFr?: string | null;
  meetingEs?: string | null;
  venueFr?: string | null;
  venueEs?: string | null;
}

/** The meeting's name and place in a language (English when the round has no words in it). */
export function meetingIn(round: MeetingWords, lang: Language): { meeting: string; venue: string } {
  if (lang === "fr") return { meeting: round.meetingFr || round.meeting, venue: round.venueFr || round.venue };
  if (lang === "es") return { meeting: round.meetingEs || round.meeting, venue: round.venueEs || round.venue };
  return { meeting: round.meeting, venue: round.venue };
}
