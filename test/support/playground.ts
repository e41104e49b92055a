// End-to-end harness: the real bot process (src/main.ts on an empty SQLite file), the Microsoft 365
// Agents Playground as the Teams client, and headless Debian Chromium driving its web page.
// Every server is bound to 127.0.0.1; the Playground is forced there by a preloaded module.
import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Locator, type Page } from "playwright-core";
import { projectRoot } from "../../src/adapters/project-paths.ts";
import { freePort } from "../../scripts/local-postgres.ts";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const BOT_NAME = "Uppföljningsboten";
export const screenshotFolder = join(projectRoot, "test-results", "e2e");

export interface PlaygroundSession {
  page: Page;
  botUrl: string;
  playgroundUrl: string;
  databaseUrl: string;
  ports: { bot: number; playground: number };
  botLog(): string;
  open(): Promise<void>;
  openChat(name: string): Promise<void>;
  /** Types into the message box of the open chat and sends it. */
  send(text: string): Promise<void>;
  /** Adaptive Cards shown in the open conversation that contain `text`. */
  cards(text: string | RegExp): Locator;
  /** Messages from the bot in a chat (personal or group), newest last. */
  botMessages(): Locator;
  /** Waits until `locator` matches at least `count` elements (default 1); returns the last one. */
  waitForCount(locator: Locator, count?: number): Promise<Locator>;
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

function waitForHttp(url: string, timeoutMs: number, process: ChildProcess, describeLog: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = async () => {
      if (process.exitCode !== null)
        return reject(new Error(`process exited with ${process.exitCode}:\n${describeLog()}`));
      try {
        const response = await fetch(url);
        if (response.ok) return resolve();
      } catch {
        // not up yet
      }
      if (Date.now() > deadline)
        return reject(new Error(`${url} did not answer within ${timeoutMs} ms:\n${describeLog()}`));
      setTimeout(attempt, 200);
    };
    void attempt();
  });
}

function collect(child: ChildProcess): () => string {
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  return () => output;
}

/** Local addresses with a listening TCP socket on `port`, from /proc (no `ss` needed). */
export function listeningAddresses(port: number): string[] {
  const addresses: string[] = [];
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, "utf8").split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length < 4 || fields[3] !== "0A") continue; // 0A = LISTEN
      const [hexAddress, hexPort] = fields[1]!.split(":");
      if (parseInt(hexPort!, 16) !== port) continue;
      if (hexAddress!.length === 8) {
        addresses.push(
          hexAddress!
            .match(/../g)!
            .reverse()
            .map((b) => parseInt(b, 16))
            .join("."),
        );
      } else {
        addresses.push(
          hexAddress === "00000000000000000000000001000000"
            ? "::1"
            : hexAddress === "0".repeat(32)
              ? "::"
              : hexAddress!,
        );
      }
    }
  }
  return addresses;
}

/**
 * The moment the bot under test starts its clock from (it runs on in real time), so that what is
 * "due", "passed" or "this week" in the tests does not depend on the day they run.
 */
export const e2eClockStart = new Date("2026-12-02T08:00:00Z");

export async function startPlaygroundSession(
  options: { env?: Record<string, string> } = {},
): Promise<PlaygroundSession> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium was not found at ${CHROMIUM}. Install it with: sudo apt-get install -y chromium (or set CHROMIUM_PATH)`,
    );
  }
  mkdirSync(screenshotFolder, { recursive: true });
  const folder = mkdtempSync(join(tmpdir(), "uppfoljning-e2e-"));
  const databaseUrl = `file:${join(folder, "bot.db")}`;
  const ports = { bot: await freePort(), playground: await freePort() };

  const bot = spawn(
    process.execPath,
    ["--disable-warning=DEP0111", "--import", "tsx", join(projectRoot, "src", "main.ts")],
    {
      cwd: projectRoot,
      env: {
        ...process.env,
        UPPFOLJNING_CLOCK_START: e2eClockStart.toISOString(),
        ...options.env,
        HOST: "127.0.0.1",
        PORT: String(ports.bot),
        DATABASE_URL: databaseUrl,
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const botLog = collect(bot);
  const botUrl = `http://127.0.0.1:${ports.bot}`;
  await waitForHttp(`${botUrl}/healthz`, 60_000, bot, botLog);

  copyFileSync(join(projectRoot, "test", "e2e", "playground.yml"), join(folder, ".m365agentsplayground.yml"));
  const playgroundUrl = `http://127.0.0.1:${ports.playground}`;
  const playground = spawn(
    process.execPath,
    [
      join(projectRoot, "node_modules", "@microsoft", "m365agentsplayground", "cli.js"),
      "--app-endpoint",
      `${botUrl}/api/messages`,
      "--channel-id",
      "msteams",
      "--port",
      String(ports.playground),
      "--service-url",
      `${playgroundUrl}/_connector`,
      "--disable-telemetry",
    ],
    {
      cwd: folder,
      env: {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: "none",
        M365_AGENTS_PLAYGROUND_LOGFILE: join(folder, "playground.log"),
        NODE_OPTIONS: `--require ${join(projectRoot, "test", "support", "loopback-only.cjs")}`,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const playgroundLog = collect(playground);
  await waitForHttp(
    `${playgroundUrl}/_debug/ping`,
    60_000,
    playground,
    () =>
      `${playgroundLog()}\n${existsSync(join(folder, "playground.log")) ? readFileSync(join(folder, "playground.log"), "utf8") : ""}`,
  );

  const context: BrowserContext = await chromium.launchPersistentContext(join(folder, "chromium-profile"), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 1000 },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  // The page asks a CDN for fonts; nothing may leave the machine.
  await context.route("**/*", (route) => {
    const host = new URL(route.request().url()).hostname;
    return host === "127.0.0.1" || host === "localhost" ? route.continue() : route.abort();
  });
  const page = context.pages()[0] ?? (await context.newPage());

  const messageBox = () =>
    page.locator('div[contenteditable="true"][role="textbox"][data-lexical-editor="true"]').last();
  const botMessages = () =>
    page
      .locator('div:has(> [aria-label="Message header"])')
      .filter({ has: page.locator('[aria-label="Message author"]', { hasText: BOT_NAME }) });

  return {
    page,
    botUrl,
    playgroundUrl,
    databaseUrl,
    ports,
    botLog,
    async open() {
      await page.goto(playgroundUrl);
      await page.locator('[aria-label="Personal Chat"]').waitFor({ timeout: 30_000 });
    },
    async openChat(name) {
      await page.getByText(name, { exact: true }).first().click();
    },
    async send(text) {
      await messageBox().click();
      await page.keyboard.type(text);
      await page.keyboard.press("Enter");
    },
    cards(text) {
      return page.locator(".ac-adaptiveCard").filter({ hasText: text });
    },
    botMessages,
    async waitForCount(locator, count = 1) {
      const deadline = Date.now() + 15_000;
      while ((await locator.count()) < count) {
        if (Date.now() > deadline)
          throw new Error(`expected at least ${count} of ${locator.toString()}, found ${await locator.count()}`);
        await page.waitForTimeout(100);
      }
      const last = locator.nth(count - 1);
      await last.waitFor({ state: "visible" });
      return last;
    },
    async screenshot(name) {
      const path = join(screenshotFolder, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    async close() {
      await context.close().catch(() => {});
      playground.kill("SIGTERM");
      bot.kill("SIGTERM");
      await Promise.all(
        [bot, playground].map(
          (child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve))),
        ),
      );
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
