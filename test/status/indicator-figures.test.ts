// Indicator figures in the unit the agreement measures them in: a share ("andel (%)") is asked for
// as per cent and never added up, in the form, the receipt, the summary, Markdown and Word.
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderSummaryDocx } from "../../src/adapters/documents/summary-docx.ts";
import { grantRole } from "../../src/people/manage-roles.ts";
import { Permissions } from "../../src/people/roles.ts";
import { renderSummaryMarkdown } from "../../src/summaries/render-markdown.ts";
import { summarise } from "../../src/summaries/summarise.ts";
import {
  actionData,
  cardInputs,
  cardOf,
  cardTexts,
  createBotHarness,
  invokeCard,
  type BotHarness,
} from "../support/bot-harness.ts";
import { importSeeds } from "../support/seeded-corpus.ts";
import { testProviders } from "../support/test-database.ts";
import { anna, cardAction, message, TENANT } from "../support/teams-activities.ts";

describe.each(testProviders)("indicator figures by unit (%s)", (provider) => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await createBotHarness({ provider, now: new Date("2026-03-02T08:00:00Z") });
    await importSeeds(bot.services);
    await grantRole(
      bot.services,
      { kind: "operator", name: "test" },
      { tenantId: TENANT, aadObjectId: anna.aadObjectId, displayName: anna.name, role: "chief", scope: "DSO" },
    );
  }, 120_000);
  afterAll(() => bot?.close());

  it("stores the unit read from each indicator's name", async () => {
    const indicators = await bot.services.database.prisma.indicator.findMany({
      where: { agreementId: "sn-dso-2026" },
      orderBy: { ordinal: "asc" },
    });
    // (The second one's name wraps in the scan; read whole, "…, andel (%)" is a share too.)
    expect(indicators[1]?.name).toContain("andel (%)");
    expect(indicators.slice(0, 4).map((i) => i.unit)).toEqual(["share", "share", "share", "share"]);
    expect(indicators.find((i) => i.name.includes("antal/inv"))?.unit).toBe("rate");
  });

  it("asks for shares in per cent with their own total, and shows them unsummed everywhere", async () => {
    const form = cardOf((await bot.send(message("status 4.1.3")))[0])!;
    const texts = cardTexts(form);
    expect(texts).toContain("Kvinnor (%)");
    expect(texts).toContain("Totalt (%)");
    expect(texts).toContain("Andel i procent. Ange totalen själv – andelar läggs inte ihop.");
    expect(texts).not.toContain("Kvinnor (antal)");

    const receipt = invokeCard(
      await bot.send(
        cardAction("status.submit", {
          ...actionData(form, "status.submit"),
          ...cardInputs(form),
          status: "on_track",
          text: "Andelen minskar.",
          women_0: "3,5",
          men_0: "4,1",
        }),
      ),
    )!;
    const receiptText = cardTexts(receipt).join("\n");
    expect(receiptText).toContain("3,5 %");
    expect(receiptText).toContain("4,1 %");
    expect(receiptText).not.toContain("7,6");

    const admin = new Permissions({ tenantId: TENANT, aadObjectId: "admin", name: "Admin" }, [], true);
    const summary = await summarise({ status: bot.services.status, agreements: bot.services.agreements }, admin, {
      agreementId: "sn-dso-2026",
      period: "helar",
      asOf: "2026-03-02",
    });
    const entry = summary.entries.find((e) => e.number === "4.1.3")!;
    expect(entry.indicators[0]).toMatchObject({ unit: "share", women: 3.5, men: 4.1, total: null });
    const markdown = renderSummaryMarkdown(summary);
    expect(markdown).toContain("| 3,5 % | 4,1 % | – |");
    expect(markdown).not.toContain("7,6");
    const { value: word } = await mammoth.extractRawText({ buffer: await renderSummaryDocx(summary) });
    expect(word).toMatch(/3,5 %\s+4,1 %\s+–/);
  });
});
