// A question that asks two things ("Vem …, och när …?") through the real teams-ai Application: the
// reporting items as the deadline card, then the text's answer to the other half, with its source.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importDocument } from "../../../src/agreements/import-document.ts";
import { followUpAgreementText } from "../../fixtures/agreement-fixtures.ts";
import { cardOf, cardTexts, createBotHarness, type BotHarness } from "../../support/bot-harness.ts";
import { message } from "../../support/teams-activities.ts";

describe("a question that asks two things, in Teams", () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await createBotHarness({ now: new Date("2025-03-03T08:00:00Z") });
    const text = followUpAgreementText("2025-03-03");
    const imported = await importDocument(
      { name: "amn-daf-2025.txt", bytes: Buffer.from(text) },
      bot.services.importDependencies,
    );
    expect(imported.ok).toBe(true);
  });
  afterAll(() => bot.close());

  it("answers with the deadline card and then the quoted answer to the other half", async () => {
    const replies = await bot.send(
      message("Vem är ombud för divisionen, och när redovisas grunduppdraget Vägledning till arbete?"),
    );
    expect(replies).toHaveLength(2);
    expect(cardTexts(cardOf(replies[0])).join(" ")).toContain("2025-03-31");
    expect(replies[1]!.text).toContain("divisionschefen");
    expect(JSON.stringify(replies[1]!.entities)).toContain("DigitalDocument");
  });

  it("answers one question with one reply", async () => {
    const replies = await bot.send(message("När redovisas grunduppdraget Vägledning till arbete?"));
    expect(replies).toHaveLength(1);
  });
});
