// SIGTERM while a turn is in flight: the server stops taking requests, finishes the turn (its reply
// reaches the connector), closes the database and exits 0.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/adapters/project-paths.ts";
import { freePort } from "../../scripts/local-postgres.ts";
import { startFakeConnector, type FakeConnector } from "../support/fake-connector.ts";
import { message } from "../support/teams-activities.ts";
import { importSeeds } from "../support/seeded-corpus.ts";
import { loadConfig } from "../../src/config/config.ts";
import { composeServices, prepareDatabase } from "../../src/composition-root.ts";
import { silentLogger } from "../../src/shared/logger.ts";

describe("graceful shutdown", () => {
  let folder: string;
  let connector: FakeConnector;
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), "uppfoljning-shutdown-"));
    connector = await startFakeConnector();
  });
  afterAll(async () => {
    await connector.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it("finishes the turns in flight on SIGTERM, then exits 0", async () => {
    // With the seed agreements, the first questions build the search index: turns that take a while.
    const databaseUrl = `file:${join(folder, "bot.db")}`;
    const config = loadConfig({ DATABASE_URL: databaseUrl });
    await prepareDatabase(config, silentLogger);
    const services = await composeServices(config, { logger: silentLogger });
    try {
      await importSeeds(services);
    } finally {
      await services.close();
    }
    const port = await freePort();
    const bot = spawn(
      process.execPath,
      ["--disable-warning=DEP0111", "--import", "tsx", join(projectRoot, "src", "main.ts")],
      {
        cwd: projectRoot,
        env: {
          ...process.env,
          HOST: "127.0.0.1",
          PORT: String(port),
          DATABASE_URL: databaseUrl,
          REMINDER_SCHEDULE: "off",
          DIGEST_SCHEDULE: "off",
          LOG_LEVEL: "warn",
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    const exited = new Promise<number | null>((resolve) => bot.once("exit", (code) => resolve(code)));
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 300; i++) {
      if (
        await fetch(`${base}/healthz`)
          .then((r) => r.ok)
          .catch(() => false)
      )
        break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // Five questions at once, and the signal while they are being answered.
    const requests = Array.from({ length: 5 }, (_, i) =>
      fetch(`${base}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          ...message(
            [
              "vad ska redovisas i maj 2025?",
              "vad är målgruppen för Jobbtorg?",
              "när ska integrationsvägledning redovisas?",
            ][i % 3]!,
          ),
          serviceUrl: connector.serviceUrl,
        }),
      }).then((r) => r.status),
    );
    // The first answer shows that the server has read all five (they came in while it built the index);
    // the others are still being answered when the signal comes.
    await connector.waitFor(1, 20_000);
    bot.kill("SIGTERM");
    expect(await Promise.all(requests)).toEqual([200, 200, 200, 200, 200]);
    expect(await exited).toBe(0);
    expect(connector.received).toHaveLength(5);
    // And no new requests are taken once it has stopped.
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  }, 60_000);
});
