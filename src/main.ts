// Starts the bot: configuration → database → Teams application → HTTP server.
import { ConfigError, loadConfig, redactDatabaseUrl, type Config } from "./config/config.ts";
import { composeServices, prepareDatabase } from "./composition-root.ts";
import { composeTeams, httpDependencies } from "./teams-composition.ts";
import { createHttpServer, listen } from "./adapters/http/http-server.ts";
import { createLogger } from "./adapters/logging/pino-logger.ts";
import { missedThisWeek, scheduleDaily } from "./adapters/scheduler/scheduled-job.ts";

/** How long a stopping server keeps reading requests already sent to it. */
const shutdownDrainMs = 1000;

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  await prepareDatabase(config, logger);
  const services = await composeServices(config, { logger });
  const { adapter, app, sendReminders, sendDigests } = composeTeams(services);
  const server = createHttpServer(httpDependencies(services, { adapter, app }));
  const address = await listen(server, config.http.host, config.http.port);
  logger.info(
    {
      endpoint: `http://${address.host}:${address.port}/api/messages`,
      health: `http://${address.host}:${address.port}/healthz`,
      database: redactDatabaseUrl(config.database.url),
      authentication: config.bot.unauthenticated ? "off (local development only)" : `app ${config.bot.appId}`,
    },
    "Uppföljningsboten is listening",
  );
  // The search index is built now, beside the first requests, not by the first question.
  services.questions.warmUp();
  // Vectors an import could not compute (the embeddings server was down) are filled in now, beside the first requests.
  services.vectors?.backfillSoon();
  if (config.bot.unauthenticated) {
    console.error(
      `Uppföljningsboten is running at http://${address.host}:${address.port}/api/messages without app credentials (local development).\n` +
        "Chat with it in the Microsoft 365 Agents Playground: npm run playground",
    );
  }

  const reminderJob = config.reminders.schedule
    ? scheduleDaily({
        name: "reminders",
        pattern: config.reminders.schedule,
        logger,
        run: async () => {
          const { reminders: _planned, ...report } = await sendReminders();
          return report;
        },
      })
    : undefined;
  if (reminderJob)
    logger.info(
      { schedule: config.reminders.schedule, days: config.reminders.daysBefore, next: reminderJob.nextRun() },
      "reminders scheduled",
    );

  const digestSchedule = config.digest.schedule;
  const digestJob = digestSchedule
    ? scheduleDaily({
        name: "weekly digest",
        pattern: digestSchedule,
        logger,
        run: () => sendDigests(),
        // Down on Monday morning: send this week's digest once when the server is back, the same week.
        catchUp: () => missedThisWeek(digestSchedule, services.clock.now()),
      })
    : undefined;
  if (digestJob) logger.info({ schedule: digestSchedule, next: digestJob.nextRun() }, "weekly digest scheduled");

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    reminderJob?.stop();
    digestJob?.stop();
    // Requests that reached the socket but are not read yet (the event loop was busy) count as idle and
    // would be cut by close(); a short drain lets them start. Then stop accepting, let the turns in
    // flight finish, and release the database.
    await new Promise((resolve) => setTimeout(resolve, shutdownDrainMs));
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await services.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: Error) => {
  console.error(`Uppföljningsboten could not start: ${error.message}`);
  process.exit(1);
});
