// A replacement proposal's states: proposed (open: only the round's latest is), applied once, or
// discarded (a later proposal or an approval replaced it). Applied and discarded are final.
import { vocabulary } from "./define.js";

export const PROPOSAL_STATUS = vocabulary("replacement proposal status", {
  proposed: { en: "proposed", fr: "proposée", es: "propuesta" },
  applied: { en: "applied", fr: "appliquée", es: "aplicada" },
  discarded: { en: "discarded", fr: "écartée", es: "descartada" },
});
export type ProposalStatus = (typeof PROPOSAL_STATUS.codes)[number];

export const PROPOSAL_TRANSITIONS: Readonly<Record<ProposalStatus, readonly ProposalStatus[]>> = {
  proposed: ["applied", "discarded"],
  applied: [],
  discarded: [],
};
