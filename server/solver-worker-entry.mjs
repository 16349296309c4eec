// Entry of the solver's worker thread: registers tsx's loader in this thread, then loads the TypeScript
// worker. (Worker threads do not accept --import in execArgv.)
import { register } from "tsx/esm/api";

register();
await import("./solver-worker.ts");
