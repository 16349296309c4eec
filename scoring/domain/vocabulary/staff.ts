// The workspace's accounts' roles, and staff's review of an applicant's evidence of interest.
import { subset, vocabulary } from "./define.js";

export const ACCOUNT_ROLE = vocabulary("account role", {
  admin: { en: "ISU administrator", fr: "administrateur de l'ISU", es: "administrador de la ISU" },
  reviewer: { en: "reviewer", fr: "évaluateur", es: "evaluador" },
  donor: { en: "donor", fr: "donateur", es: "donante" },
});
export type AccountRole = (typeof ACCOUNT_ROLE.codes)[number];
/** The ISU's own accounts (a donor's is not staff). */
export const STAFF_ROLES = subset(ACCOUNT_ROLE, ["admin", "reviewer"]);
/** Who reads a round's rationale: the donors it is written for, and the ISU's administrators. */
export const RATIONALE_READERS = subset(ACCOUNT_ROLE, ["admin", "donor"]);

/** Where an applicant's evidence of interest in joining the Convention stands (a scoring fact's values). */
export const INTEREST_STANDING = vocabulary("evidence of interest", {
  accepted: { en: "accepted by the ISU", fr: "acceptée par l'ISU", es: "aceptada por la ISU" },
  "not-accepted": { en: "not accepted by the ISU", fr: "non acceptée par l'ISU", es: "no aceptada por la ISU" },
  "not-reviewed": { en: "not yet reviewed by the ISU", fr: "pas encore examinée par l'ISU", es: "aún no examinada por la ISU" },
  none: { en: "not given", fr: "non fournie", es: "no aportada" },
});
/** Staff's review of the evidence: the two decisions they record. */
export const INTEREST_REVIEW = subset(INTEREST_STANDING, ["accepted", "not-accepted"]);
export type InterestReview = (typeof INTEREST_REVIEW)[number];
