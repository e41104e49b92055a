// In-process cost of one bot turn (help command) through the real teams-ai Application and the
// embedded SQLite database, including recording who wrote. No HTTP, no network.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TestAdapter, type Activity } from "botbuilder";
import { loadConfig } from "../src/config/config.ts";
import { composeServices, prepareDatabase } from "../src/composition-root.ts";
import { teamsDependencies } from "../src/teams-composition.ts";
import { createTeamsApplication } from "../src/adapters/teams/teams-app.ts";
import { silentLogger } from "../src/shared/logger.ts";
import { percentile, round, timeEach, type BenchReport } from "./bench-kit.ts";

export async function run(): Promise<BenchReport> {
  const folder = mkdtempSync(join(tmpdir(), "bench-turns-"));
  const config = loadConfig({ DATABASE_URL: `file:${join(folder, "bench.db")}` });
  await prepareDatabase(config, silentLogger);
  const services = await composeServices(config, { logger: silentLogger });
  const app = createTeamsApplication(teamsDependencies(services));
  const adapter = new TestAdapter(async (context) => {
    await app.run(context);
  });
  const activity = (i: number): Partial<Activity> => ({
    type: "message",
    text: i % 2 ? "hjälp" : "help",
    channelId: "msteams",
    serviceUrl: "https://smba.trafficmanager.net/emea/",
    from: { id: `29:user-${i % 50}`, aadObjectId: `aad-${i % 50}`, name: `User ${i % 50}` },
    recipient: { id: "28:bot", name: "Uppföljningsboten" },
    conversation: {
      id: `a:personal-${i % 50}`,
      conversationType: "personal",
      tenantId: "tenant",
      isGroup: false,
      name: "",
    },
  });
  try {
    await timeEach(50, (i) => adapter.processActivity(activity(i))); // warm-up
    adapter.activeQueue.splice(0);
    const count = 2000;
    const { latencies, totalMs } = await timeEach(count, async (i) => {
      await adapter.processActivity(activity(i));
      adapter.activeQueue.splice(0);
    });
    return {
      name: "bot turn in process (help command, SQLite)",
      figures: {
        turns: count,
        "turns/s (sequential)": round((count / totalMs) * 1000, 0),
        "p50 ms": round(percentile(latencies, 50)),
        "p95 ms": round(percentile(latencies, 95)),
        "p99 ms": round(percentile(latencies, 99)),
      },
    };
  } finally {
    await services.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
