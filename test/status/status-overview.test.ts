// The chief's status overview on a day late in the agreement year: "next" is the next item from
// today, and items whose due date has passed are shown as passed, never as next.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grantRole } from "../../src/people/manage-roles.ts";
import { cardOf, cardTexts, createBotHarness, type BotHarness } from "../support/bot-harness.ts";
import { importSeeds } from "../support/seeded-corpus.ts";
import { anna, message, TENANT } from "../support/teams-activities.ts";

describe("the status overview on 2026-12-01", () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await createBotHarness({ now: new Date("2026-12-01T09:00:00Z") });
    await importSeeds(bot.services);
    await grantRole(
      bot.services,
      { kind: "operator", name: "test" },
      { tenantId: TENANT, aadObjectId: anna.aadObjectId, displayName: anna.name, role: "chief", scope: "DSO" },
    );
  }, 120_000);
  afterAll(() => bot?.close());

  it("never calls a passed item next", async () => {
    const texts = cardTexts(cardOf((await bot.send(message("status")))[0]));
    const nextDates = texts.filter((t) => t.startsWith("Nästa:")).flatMap((t) => t.match(/\d{4}-\d{2}-\d{2}/g) ?? []);
    expect(nextDates.length).toBeGreaterThan(0);
    for (const date of nextDates) expect(date >= "2026-12-01", date).toBe(true);
  });

  it("shows an assignment whose items have all passed with its latest item, as passed", async () => {
    // 4.5.2 is reported by 2026-02-05 and 2026-04-02 (for the meeting of 23 April) only.
    const texts = cardTexts(cardOf((await bot.send(message("status grunduppdrag")))[0]));
    expect(texts.join("\n")).not.toContain("Nästa: sammanträde 2026-04-23");
    const row = texts.findIndex((t) => t.startsWith("4.5.2 "));
    expect(row).toBeGreaterThan(-1);
    expect(texts[row + 2]).toMatch(
      /Inga kommande redovisningar\. Senaste: .*2026-04-\d\d.*, passerad \(status senast 2026-04-02\)/,
    );
  });
});
