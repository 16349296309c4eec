// The United Nations regional groups a State belongs to.
import { vocabulary } from "./define.js";

export const REGION = vocabulary("regional group", {
  AFR: { en: "African Group", fr: "Groupe des États d'Afrique", es: "Grupo de Estados de África" },
  APG: { en: "Asia-Pacific Group", fr: "Groupe des États d'Asie et du Pacifique", es: "Grupo de Estados de Asia y el Pacífico" },
  EEG: { en: "Eastern European Group", fr: "Groupe des États d'Europe orientale", es: "Grupo de Estados de Europa Oriental" },
  GRULAC: {
    en: "Latin American and Caribbean Group",
    fr: "Groupe des États d'Amérique latine et des Caraïbes",
    es: "Grupo de Estados de América Latina y el Caribe",
  },
  WEOG: {
    en: "Western European and Others Group",
    fr: "Groupe des États d'Europe occidentale et autres États",
    es: "Grupo de Estados de Europa Occidental y otros Estados",
  },
});
export type Region = (typeof REGION.codes)[number];
