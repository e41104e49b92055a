import { Cron } from "croner";
import { afterEach, describe, expect, it, vi } from "vitest";
import { missedThisWeek, scheduleDaily } from "../../../src/adapters/scheduler/scheduled-job.ts";
import { silentLogger } from "../../../src/shared/logger.ts";

describe("the reminder schedule", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("runs once soon after start (catch-up) and then on its pattern, surviving a failing run", async () => {
    // Fake timers and clock: croner's ticks come from setTimeout and Date, so the test needs no real seconds.
    vi.useFakeTimers({ now: new Date("2026-11-23T06:00:00.500Z") });
    const runs: number[] = [];
    const job = scheduleDaily({
      name: "test",
      pattern: "* * * * * *", // every second
      catchUpAfterMs: 10,
      logger: silentLogger,
      run: async () => {
        runs.push(Date.now());
        if (runs.length === 1) throw new Error("database down");
      },
    });
    try {
      await vi.advanceTimersByTimeAsync(2300);
      // The catch-up (which fails) 10 ms after start, then the ticks at 06:00:01 and 06:00:02.
      expect(runs.map((at) => new Date(at).toISOString())).toEqual([
        "2026-11-23T06:00:00.510Z",
        "2026-11-23T06:00:01.000Z",
        "2026-11-23T06:00:02.000Z",
      ]);
    } finally {
      job.stop();
    }
  });

  it("keeps 08:00 Stockholm time across the daylight-saving change", () => {
    const job = new Cron("0 8 * * 1-5", { timezone: "Europe/Stockholm", paused: true });
    // Friday before and Monday after the switch to summer time (2027-03-28).
    expect(job.nextRun(new Date("2027-03-25T12:00:00Z"))?.toISOString()).toBe("2027-03-26T07:00:00.000Z");
    expect(job.nextRun(new Date("2027-03-26T12:00:00Z"))?.toISOString()).toBe("2027-03-29T06:00:00.000Z");
    job.stop();
  });

  it("catches up a missed Monday digest once, the same week only", () => {
    const monday0730 = "30 7 * * 1";
    expect(missedThisWeek(monday0730, new Date("2026-11-23T06:00:00Z"))).toBe(false); // Monday 07:00 Stockholm: not yet due
    expect(missedThisWeek(monday0730, new Date("2026-11-23T06:31:00Z"))).toBe(true); // 07:31: due (and idempotent if it ran)
    expect(missedThisWeek(monday0730, new Date("2026-11-26T12:00:00Z"))).toBe(true); // down since Monday: Thursday catches up
    expect(missedThisWeek(monday0730, new Date("2026-11-29T22:00:00Z"))).toBe(true); // Sunday 23:00: still week 48
    expect(missedThisWeek(monday0730, new Date("2026-11-30T05:00:00Z"))).toBe(false); // Monday 06:00 of week 49: last week's run does not count
  });
});
