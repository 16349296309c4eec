// What a request says of its delegate: gender and role at the meeting.
import { subset, vocabulary, type Said } from "./define.js";

export const GENDER = vocabulary("gender", {
  F: { en: "woman", fr: "femme", es: "mujer" },
  M: { en: "man", fr: "homme", es: "hombre" },
  X: { en: "other or not said", fr: "autre ou non précisé", es: "otro o no indicado" },
});
export type Gender = (typeof GENDER.codes)[number];
/** The words for a count of delegates of each gender ("3 women"). */
export const GENDER_PLURAL: Readonly<Record<Gender, Said>> = {
  F: { en: "women", fr: "femmes", es: "mujeres" },
  M: { en: "men", fr: "hommes", es: "hombres" },
  X: { en: "other or not said", fr: "autre ou non précisé", es: "otro o no indicado" },
};

export const MEETING_ROLE = vocabulary("role at the meeting", {
  none: { en: "participant", fr: "participant", es: "participante" },
  "art4-extension": {
    en: "presenting an Article 4 extension request",
    fr: "présentation d'une demande de prolongation au titre de l'article 4",
    es: "presentación de una solicitud de prórroga en virtud del artículo 4",
  },
  presenter: { en: "presenter", fr: "présentateur", es: "presentador" },
  panellist: { en: "panellist", fr: "panéliste", es: "panelista" },
  coordinator: { en: "coordinator", fr: "coordinateur", es: "coordinador" },
  statement: { en: "delivering a statement", fr: "déclaration", es: "declaración" },
});
export type MeetingRole = (typeof MEETING_ROLE.codes)[number];
/** The roles in which the delegate speaks at the meeting. */
export const SPEAKING_ROLES = subset(MEETING_ROLE, ["art4-extension", "presenter", "panellist", "coordinator", "statement"]);
