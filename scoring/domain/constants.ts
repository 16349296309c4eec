// The domain's fixed lists, without zod: what the solver's modules need at run time (a worker that only
// explains need not load the schemas). schemas.ts builds its enums from these and re-exports them.
export const REGIONS = ["AFR", "APG", "EEG", "GRULAC", "WEOG"] as const;
/** A State's standing under the Convention: State Party, signatory, or State not party. */
export const CCM_STATUSES = ["party", "signatory", "nonparty"] as const;
export const CRITERIA = ["implementation", "technical", "universalization", "capacity", "representation"] as const;
export const SUPPORT_LEVELS = ["full", "ticket", "allowance"] as const;

export const REGION_NAMES: Record<(typeof REGIONS)[number], string> = {
  AFR: "African Group",
  APG: "Asia-Pacific Group",
  EEG: "Eastern European Group",
  GRULAC: "Latin American and Caribbean Group",
  WEOG: "Western European and Others Group",
};
