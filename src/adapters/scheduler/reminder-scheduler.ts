// Runs the reminder job on a cron schedule in Stockholm time (croner handles daylight saving),
// and once shortly after start so that a day missed while the server was down is caught up.
import { Cron } from "croner";
import type { Logger } from "../../shared/logger.ts";

export interface ScheduledJob {
  stop(): void;
  /** The next planned run, for the start-up log. */
  nextRun(): Date | null;
}

export function scheduleDaily(options: { name: string; pattern: string; run: () => Promise<unknown>; logger: Logger; catchUpAfterMs?: number }): ScheduledJob {
  const run = async () => {
    try {
      const result = await options.run();
      options.logger.info({ job: options.name, result }, "scheduled job finished");
    } catch (error) {
      // A failed run (e.g. the database is down) is logged; the next run tries again.
      options.logger.error({ err: error, job: options.name }, "scheduled job failed");
    }
  };
  // protect: a run still going when the next one is due is not started twice in this process.
  const job = new Cron(options.pattern, { timezone: "Europe/Stockholm", protect: true }, run);
  const catchUp = setTimeout(() => void run(), options.catchUpAfterMs ?? 10_000);
  catchUp.unref();
  return {
    stop: () => {
      clearTimeout(catchUp);
      job.stop();
    },
    nextRun: () => job.nextRun(),
  };
}
