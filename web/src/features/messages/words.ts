// A message's delivery in words, as staff read it: waiting (and why), sent when, failed with the mail
// server's answer; the language by its name.
import { dateTime } from "../../format.js";
import type { Language, Message, MessageStatus } from "./api.js";

export const LANGUAGE_NAMES: Record<Language, string> = { en: "English", fr: "French", es: "Spanish" };

export interface Delivery {
  label: string;
  color: string;
  /** What came of the last attempt, or what to know about the message. */
  detail: string | null;
}

export function deliveryInWords(
  m: Pick<Message, "status" | "attempts" | "nextAttemptAt" | "sentAt" | "lastAnswer" | "interrupted">,
  configured: boolean,
): Delivery {
  const answer = m.lastAnswer ? `The mail server answered: ${m.lastAnswer}` : null;
  const interrupted =
    m.interrupted === 0
      ? null
      : m.interrupted === 1
        ? "Sent again after the server stopped during its delivery: it may arrive twice."
        : `Sent again after the server stopped ${m.interrupted} times during its delivery: it may arrive more than once.`;
  switch (m.status) {
    case "queued":
      if (!configured)
        return { label: "In the outbox", color: "gray.7", detail: "No mail server is set up (SMTP_URL): the message waits here." };
      return m.attempts > 0
        ? { label: `Waiting: attempt ${m.attempts + 1} at ${dateTime(m.nextAttemptAt)}`, color: "orange.9", detail: answer }
        : { label: "Waiting to be sent", color: "gray.7", detail: interrupted };
    case "sending":
      return { label: "Being sent", color: "blue.8", detail: null };
    case "sent":
      return { label: `Sent ${dateTime(m.sentAt)}`, color: "teal.9", detail: interrupted };
    case "failed":
      return { label: `Failed after ${m.attempts} ${m.attempts === 1 ? "attempt" : "attempts"}`, color: "red.9", detail: answer };
    case "held":
      return {
        label: "Held: not sent",
        color: "grape.8",
        detail:
          "Too many messages to this address or about this request within the hour (or new codes within the day): held so that no one can flood a person from the ISU's address. Nothing tells the asker.",
      };
  }
}

/** The Messages screen's filter: each choice and the delivery status it shows (null: all). */
export const STATUS_FILTERS: { value: string; label: string; status: MessageStatus | null }[] = [
  { value: "all", label: "All", status: null },
  { value: "queued", label: "Waiting", status: "queued" },
  { value: "sent", label: "Sent", status: "sent" },
  { value: "failed", label: "Failed", status: "failed" },
  { value: "held", label: "Held", status: "held" },
];
