// The real server in a process of its own, for the suites that need one (end to end, crash durability,
// first start) and for the load bench: a free loopback port, a process started and awaited until it says
// it is ready, and an empty web build so that it starts without building the UI.
import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

/** What `npm start` prints once it listens. */
export const SERVER_READY = "Sponsorship Programme allocator: http://";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

export interface NodeProcess {
  child: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
  /** Everything it printed so far. */
  log(): string;
  /** Sends the signal and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts `node ARGS` and resolves once its output contains `ready` (rejects if it exits first or takes
 * more than a minute). `logFile` keeps its standard output (diagnosis).
 */
export function startNode(args: string[], env: Record<string, string>, ready: string, logFile?: string): Promise<NodeProcess> {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  let log = "";
  if (logFile) child.stdout!.on("data", (d: Buffer) => appendFileSync(logFile, d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`did not start:\n${log}`)), 60_000);
    const onData = (d: Buffer): void => {
      log += d.toString();
      if (log.includes(ready)) {
        clearTimeout(timer);
        resolve({
          child,
          exited,
          log: () => log,
          stop: async (signal = "SIGTERM") => {
            child.kill(signal);
            await exited;
          },
        });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("exit", (code, signal) => reject(new Error(`exited (${code ?? signal}):\n${log}`)));
  });
}

/** The server (`server/main.ts`, as npm start runs it) with `env`, once it listens. */
export function startServer(env: Record<string, string>, opts: { nodeArgs?: string[]; logFile?: string } = {}): Promise<NodeProcess> {
  return startNode([...(opts.nodeArgs ?? []), "--import", "tsx", "server/main.ts"], env, SERVER_READY, opts.logFile);
}

/** An empty web build in `dir`/web, newer than the sources: the server serves it without building the UI. */
export function emptyWebBuild(dir: string): string {
  const web = join(dir, "web");
  mkdirSync(web, { recursive: true });
  writeFileSync(join(web, "index.html"), "<!doctype html><title>test</title>");
  return web;
}
