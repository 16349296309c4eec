// The five published criteria a request is scored on (para. 102 of the ISU's 2024 report).
import { vocabulary } from "./define.js";

export const CRITERION = vocabulary("criterion", {
  implementation: { en: "Implementation relevance", fr: "Pertinence pour la mise en œuvre", es: "Pertinencia para la aplicación" },
  technical: { en: "Technical value", fr: "Valeur technique", es: "Valor técnico" },
  universalization: { en: "Universalization potential", fr: "Potentiel d'universalisation", es: "Potencial de universalización" },
  capacity: { en: "Capacity strengthening", fr: "Renforcement des capacités", es: "Fortalecimiento de la capacidad" },
  representation: { en: "Inclusive representation", fr: "Représentation inclusive", es: "Representación inclusiva" },
});
export type Criterion = (typeof CRITERION.codes)[number];
