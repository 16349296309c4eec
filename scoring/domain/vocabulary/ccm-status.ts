// A State's standing under the Convention: State Party, signatory, or State not party.
import type { Said } from "./define.js";
import { subset, vocabulary } from "./define.js";

export const CCM_STATUS = vocabulary("CCM status", {
  party: { en: "State Party", fr: "État partie", es: "Estado parte" },
  signatory: { en: "signatory", fr: "État signataire", es: "Estado signatario" },
  nonparty: { en: "State not party", fr: "État non partie", es: "Estado no parte" },
});
export type CcmStatus = (typeof CCM_STATUS.codes)[number];
/** The States not yet party: the Convention's universalization reaches out to them. */
export const NOT_YET_PARTY = subset(CCM_STATUS, ["signatory", "nonparty"]);

/** The statuses as groups of States, as the rules' sentences use them ("at most 4 from States Parties"). */
export const CCM_STATUS_GROUP: Readonly<Record<CcmStatus, Said>> = {
  party: { en: "States Parties", fr: "États parties", es: "Estados partes" },
  signatory: { en: "signatories", fr: "États signataires", es: "Estados signatarios" },
  nonparty: { en: "States not party", fr: "États non parties", es: "Estados no partes" },
};
