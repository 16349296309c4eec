// An allocation run: where it is (queued, running, done, failed, cancelled) and, once done, what the
// engine found (a proven optimum, no allocation within the rules, or the best found by the time limit).
import { subset, vocabulary } from "./define.js";

export const RUN_STATUS = vocabulary("run status", {
  queued: { en: "waiting to start", fr: "en attente", es: "en espera" },
  running: { en: "running", fr: "en cours", es: "en curso" },
  done: { en: "done", fr: "terminé", es: "terminado" },
  failed: { en: "failed", fr: "en échec", es: "fallido" },
  cancelled: { en: "cancelled", fr: "annulé", es: "cancelado" },
});
export type RunStatus = (typeof RUN_STATUS.codes)[number];
/** Runs not finished: waiting for or holding the solver. */
export const ACTIVE_RUNS = subset(RUN_STATUS, ["queued", "running"]);
/** Runs that ended without a result. */
export const STOPPED_RUNS = subset(RUN_STATUS, ["failed", "cancelled"]);
export type StoppedRun = (typeof STOPPED_RUNS)[number];

export const RUN_OUTCOME = vocabulary("run outcome", {
  optimal: { en: "proven optimum", fr: "optimum prouvé", es: "óptimo demostrado" },
  infeasible: {
    en: "no allocation keeps every rule",
    fr: "aucune allocation ne respecte toutes les règles",
    es: "ninguna asignación cumple todas las reglas",
  },
  "time-limit": { en: "stopped by the time limit", fr: "arrêté par la limite de temps", es: "detenido por el límite de tiempo" },
});
export type RunOutcome = (typeof RUN_OUTCOME.codes)[number];
