// A round's status: drafted, open for requests, in review, decided (its decisions published), closed.
import { subset, vocabulary } from "./define.js";

export const ROUND_STATUS = vocabulary("round status", {
  draft: { en: "draft", fr: "brouillon", es: "borrador" },
  open: { en: "open for requests", fr: "ouvert aux demandes", es: "abierto a solicitudes" },
  review: { en: "in review", fr: "en examen", es: "en examen" },
  decided: { en: "decided", fr: "décidé", es: "decidido" },
  closed: { en: "closed", fr: "clos", es: "cerrado" },
});
export type RoundStatus = (typeof ROUND_STATUS.codes)[number];

/** The round's moves, each allowed only from the status before it (a round may also go back a step). */
export const ROUND_TRANSITIONS: Readonly<Record<RoundStatus, readonly RoundStatus[]>> = {
  draft: ["open"],
  open: ["review"],
  review: ["decided", "open"],
  decided: ["closed", "review"],
  closed: [],
};

/** Each status's badge shade in the workspace (a Mantine colour; dark shades: white text on them passes WCAG AA). */
export const ROUND_STATUS_SHADE: Readonly<Record<RoundStatus, string>> = {
  draft: "gray.7",
  open: "teal.9",
  review: "grape.8",
  decided: "blue.8",
  closed: "dark.6",
};

/** Rounds whose decisions are published. */
export const DECIDED_ROUND_STATUSES = subset(ROUND_STATUS, ["decided", "closed"]);

/** Rounds whose requests reviewers rate: taking requests, or in review before the allocation. */
export const REVIEWED_ROUND_STATUSES = subset(ROUND_STATUS, ["open", "review"]);
