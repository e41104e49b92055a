// digest from the command line: dry run for a week, sending, delivery status, clear errors.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { composeServices } from "../../../src/composition-root.ts";
import { loadConfig } from "../../../src/config/config.ts";
import { isoWeekOf } from "../../../src/digest/iso-week.ts";
import { silentLogger } from "../../../src/shared/logger.ts";
import { calendarDate } from "../../../src/shared/text/swedish-dates.ts";
import { cliRunner } from "../../support/cli-runner.ts";
import { fixedClock } from "../../../src/shared/clock.ts";
import { importSeeds } from "../../support/seeded-corpus.ts";

const EXPERT = "22222222-2222-3333-4444-555555555555";

describe("the digest command", () => {
  let folder: string;
  let env: Record<string, string>;
  // "This week" for the CLI: a fixed Wednesday, so the test reads the same whatever day it runs.
  const clock = fixedClock(new Date("2026-03-04T09:00:00+01:00"));
  const cli = cliRunner(() => ({ env, cwd: folder, clock }));

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), "uppfoljning-cli-digest-"));
    env = { DATABASE_URL: `file:${join(folder, "cli.db")}` };
    expect((await cli(["db", "migrate"])).code).toBe(0);
    const services = await composeServices(loadConfig(env, folder), { logger: silentLogger });
    try {
      await importSeeds(services);
    } finally {
      await services.close();
    }
    expect(
      (
        await cli([
          "roles",
          "grant",
          "expert",
          "KAN",
          "--user",
          EXPERT,
          "--tenant",
          "tenant-1",
          "--name",
          "Erik Expert",
        ])
      ).code,
    ).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("shows a past week's digest as it was on that Monday", async () => {
    const { code, out } = await cli(["digest", "--week", "2025-W19", "--dry-run"]);
    expect(code).toBe(0);
    expect(out).toContain("Erik Expert (KAN): Veckans uppföljning v. 19:");
    expect(out).toMatch(/2025-05-07\s+underlag senast\s+kan-dso-2025/);
    expect(out).toMatch(/FÖRSENAD 2025-0[1-5]-\d\d\s+kan-dso-2025/);
  });

  it("sends this week's digest, keeping it for experts who have not installed the app yet", async () => {
    const week = isoWeekOf(calendarDate(clock.now()));
    expect(week).toBe("2026-W10");
    const sent = await cli(["digest", "--send"]);
    expect(sent).toMatchObject({ code: 0, out: expect.stringContaining(`${week}: 0 sent`) });
    expect(sent.out).toContain("1 without a chat with the bot"); // nobody has installed the app in this database
    // Nothing was claimed for them: once they install the app, the next run this week delivers it.
    expect((await cli(["digest", "--send"])).out).toContain("1 without a chat with the bot");
    expect((await cli(["digest", "--status", "--week", week])).out).toBe(`No digests claimed for ${week}.`);
  });

  it("explains wrong arguments", async () => {
    expect((await cli(["digest", "--status"])).out).toBe("No digests sent yet.");
    expect(await cli(["digest", "--week", "48"])).toMatchObject({
      code: 2,
      err: expect.stringContaining("--week must be an ISO week"),
    });
    expect(await cli(["digest", "--week", "2025-W19", "--send"])).toMatchObject({
      code: 2,
      err: expect.stringContaining("--send only sends this week's digest"),
    });
    expect(await cli(["digest", "--send", "--dry-run"])).toMatchObject({
      code: 2,
      err: expect.stringContaining("not both"),
    });
  });
});
