// Opens the Microsoft 365 Agents Playground (a local Teams client) against the bot started with
// `npm start`, so you can chat with it without a Microsoft 365 tenant. Runs fully offline.
// Usage: npm run playground   (the bot must be running; set PORT if you changed it)
import { spawn } from "node:child_process";
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig } from "../src/config/config.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const config = loadConfig();
const botEndpoint = `http://127.0.0.1:${config.http.port}/api/messages`;
const playgroundPort = 56150;

try {
  await fetch(`http://127.0.0.1:${config.http.port}/healthz`);
} catch {
  console.error(`No bot answers on ${botEndpoint}. Start it first (npm start) in another terminal.`);
  process.exit(1);
}

// The Playground reads its users, chats and team from this file in its working directory.
const folder = mkdtempSync(join(tmpdir(), "uppfoljning-playground-"));
copyFileSync(join(root, "test", "e2e", "playground.yml"), join(folder, ".m365agentsplayground.yml"));
console.log(`Agents Playground: http://127.0.0.1:${playgroundPort} (talking to ${botEndpoint})`);
const child = spawn(
  process.execPath,
  [
    join(root, "node_modules", "@microsoft", "m365agentsplayground", "cli.js"),
    "--app-endpoint",
    botEndpoint,
    "--channel-id",
    "msteams",
    "--port",
    String(playgroundPort),
    "--service-url",
    `http://127.0.0.1:${playgroundPort}/_connector`,
    "--disable-telemetry",
  ],
  {
    cwd: folder,
    stdio: "inherit",
    // The Playground listens on every interface by default; keep it on this machine.
    env: { ...process.env, NODE_OPTIONS: `--require ${join(root, "test", "support", "loopback-only.cjs")}` },
  },
);
child.on("exit", (code) => process.exit(code ?? 0));
