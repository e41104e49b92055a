// Runs a job (reminders, the weekly digest) on a cron schedule in Stockholm time (croner handles daylight saving),
// and once shortly after start so that a day missed while the server was down is caught up.
import { Cron } from "croner";
import { isoWeekOf } from "../../digest/iso-week.ts";
import type { Logger } from "../../shared/logger.ts";
import { calendarDate } from "../../shared/text/swedish-dates.ts";

export interface ScheduledJob {
  stop(): void;
  /** The next planned run, for the start-up log. */
  nextRun(): Date | null;
}

/**
 * Whether a run of `pattern` was due earlier in the current ISO week (Stockholm time): then a server
 * that was down at that moment catches the run up once when it starts (the run itself is idempotent).
 */
export function missedThisWeek(pattern: string, now: Date): boolean {
  const job = new Cron(pattern, { timezone: "Europe/Stockholm", paused: true });
  const week = isoWeekOf(calendarDate(now));
  let run = job.nextRun(new Date(now.getTime() - 8 * 86_400_000));
  while (run && run <= now) {
    if (isoWeekOf(calendarDate(run)) === week) {
      job.stop();
      return true;
    }
    run = job.nextRun(run);
  }
  job.stop();
  return false;
}

export function scheduleDaily(options: {
  name: string;
  pattern: string;
  run: () => Promise<unknown>;
  logger: Logger;
  catchUpAfterMs?: number;
  /** Decides at start whether to run once now; default: always (the job is idempotent). */
  catchUp?: () => boolean;
}): ScheduledJob {
  let running = false;
  const run = async () => {
    // The start-up catch-up and a cron tick can meet; one run at a time in this process.
    if (running) return;
    running = true;
    try {
      const result = await options.run();
      options.logger.info({ job: options.name, result }, "scheduled job finished");
    } catch (error) {
      // A failed run (e.g. the database is down) is logged; the next run tries again.
      options.logger.error({ err: error, job: options.name }, "scheduled job failed");
    } finally {
      running = false;
    }
  };
  // protect: a run still going when the next one is due is not started twice in this process.
  const job = new Cron(options.pattern, { timezone: "Europe/Stockholm", protect: true }, run);
  const catchUp = setTimeout(() => {
    if (!options.catchUp || options.catchUp()) void run();
  }, options.catchUpAfterMs ?? 10_000);
  catchUp.unref();
  return {
    stop: () => {
      clearTimeout(catchUp);
      job.stop();
    },
    nextRun: () => job.nextRun(),
  };
}
