// npm run dev: the API server (tsx, on PORT, default 8787) and Vite's dev server with hot reload, which
// proxies /api to it. Stop both with Ctrl-C.
import { spawn } from "node:child_process";
import { createServer } from "vite";

const api = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
  stdio: "inherit",
  env: { ...process.env, WEB_DIST: "web/dist-none" },
});
const vite = await createServer({ configFile: "vite.config.ts" });
await vite.listen();
vite.printUrls();
const stop = async (): Promise<void> => {
  api.kill("SIGTERM");
  await vite.close();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
