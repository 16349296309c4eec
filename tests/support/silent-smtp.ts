// A mail server that accepts connections and never says a word (no greeting): what a hung or firewalled
// mail server looks like to the sender. For the shutdown proof and its benchmark.
import { createServer, type Socket } from "node:net";
import { freePort } from "./server-process.js";

export async function startSilentSmtp(): Promise<{ url: string; connections: () => number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  let seen = 0;
  const server = createServer((s) => {
    seen++;
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
    s.on("error", () => undefined);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `smtp://127.0.0.1:${port}`,
    connections: () => seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
