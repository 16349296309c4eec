// Node adapter for the solver: glpk.js's synchronous Node build, loaded once per thread.
import GLPK from "glpk.js/node";
import type { Glpk } from "../../scoring/allocation/index.js";

let instance: Promise<Glpk> | null = null;

export function loadGlpk(): Promise<Glpk> {
  instance ??= GLPK() as Promise<Glpk>;
  return instance;
}
