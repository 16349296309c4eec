// What an applicant says in a request, and how the request form's fields (as typed: text, ticked boxes)
// become that input: one definition for the server's pages, the public API and the enhancement script's
// inline checks, so that a form and its JSON are checked by the same schema.
import { parseAmountAsTyped } from "../domain/index.js";
import { RequestAttributesSchema } from "./score.js";

/** The fields an applicant may give (an allow-list: the ISU's fields are refused as unknown). */
export const APPLICANT_FIELDS = {
  state: true,
  name: true,
  gender: true,
  title: true,
  organisation: true,
  email: true,
  language: true,
  expertise: true,
  role: true,
  operationalExpertise: true,
  survivor: true,
  firstParticipation: true,
  interestEvidence: true,
  justification: true,
  travel: true,
  acceptedLevels: true,
} as const;

/** An applicant's input, as the public routes take it (JSON or a form). */
export const ApplicantInputSchema = RequestAttributesSchema.pick(APPLICANT_FIELDS).strict();

/** The request form's fields in the order the form shows them (the error summary lists problems in it). */
export const APPLICANT_FORM_FIELDS = [
  "state",
  "gender",
  "name",
  "email",
  "title",
  "organisation",
  "role",
  "expertise",
  "operationalExpertise",
  "survivor",
  "firstParticipation",
  "interestEvidence",
  "justification",
  "airTicket",
  "acceptedLevels",
] as const;
export type ApplicantFormField = (typeof APPLICANT_FORM_FIELDS)[number];

/** The id of a form field's control: the server's page draws it, the error summary and the script find it by it. */
export const applicantFieldId = (name: string): string => `field-${name}`;

/** The form's values as typed: text, ticked boxes, the support levels ticked. */
export interface ApplicantFormValues {
  state: string;
  gender: string;
  name: string;
  title: string;
  organisation: string;
  email: string;
  role: string;
  expertise: string;
  operationalExpertise: boolean;
  survivor: boolean;
  firstParticipation: boolean;
  interestEvidence: string;
  justification: string;
  airTicket: string;
  acceptedLevels: string[];
}

export const EMPTY_APPLICANT_FORM: ApplicantFormValues = {
  state: "",
  gender: "",
  name: "",
  title: "",
  organisation: "",
  email: "",
  role: "none",
  expertise: "",
  operationalExpertise: false,
  survivor: false,
  firstParticipation: false,
  interestEvidence: "",
  justification: "",
  airTicket: "",
  acceptedLevels: ["full"],
};

const BOXES = ["operationalExpertise", "survivor", "firstParticipation"] as const;

/**
 * The form's values from its fields as a browser sends them (each name with its value or values; a box
 * is sent only when ticked). Anything else is left out: what is not a field of the form is not read.
 */
export function applicantFormValues(fields: Record<string, string | string[] | undefined>): ApplicantFormValues {
  const one = (name: string): string => {
    const v = fields[name];
    return (Array.isArray(v) ? v[0] : v) ?? "";
  };
  const values: ApplicantFormValues = { ...EMPTY_APPLICANT_FORM, acceptedLevels: [] };
  for (const name of APPLICANT_FORM_FIELDS) {
    if (name === "acceptedLevels") {
      const v = fields.acceptedLevels;
      values.acceptedLevels = (Array.isArray(v) ? v : v === undefined ? [] : [v]).slice(0, 10);
    } else if ((BOXES as readonly string[]).includes(name)) values[name as (typeof BOXES)[number]] = one(name) !== "";
    else values[name as Exclude<ApplicantFormField, (typeof BOXES)[number] | "acceptedLevels">] = one(name);
  }
  if (!values.role) values.role = "none";
  return values;
}

/**
 * The input the form's values stand for: blank optional texts left out, expertise split at commas, the
 * ticket a decimal number (1'200 and 1 200 read as 1200; anything else kept as typed, for the schema to
 * refuse at its field).
 */
export function applicantInput(v: ApplicantFormValues): Record<string, unknown> {
  const opt = (s: string) => (s.trim() ? s.trim() : undefined);
  const ticket = v.airTicket.trim();
  return {
    state: v.state,
    gender: v.gender,
    name: opt(v.name),
    title: opt(v.title),
    organisation: opt(v.organisation),
    email: opt(v.email),
    role: v.role,
    expertise: v.expertise
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean),
    operationalExpertise: v.operationalExpertise,
    survivor: v.survivor,
    firstParticipation: v.firstParticipation,
    interestEvidence: v.interestEvidence,
    justification: v.justification,
    travel: { airTicket: ticket === "" ? undefined : (parseAmountAsTyped(ticket) ?? ticket) },
    acceptedLevels: v.acceptedLevels,
  };
}

/** The form's field a schema path belongs to ("travel.airTicket" → "airTicket", "expertise[2]" → "expertise"). */
export const applicantFieldOf = (path: string): string => (path.startsWith("travel.") ? path.slice(7) : path.split(/[.[]/)[0]!);
