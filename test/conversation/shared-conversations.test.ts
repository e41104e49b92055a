// One rule for group chats and channels, and every command and card action keeps to it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shownInSharedConversation } from "../../src/conversation/shared-conversations.ts";
import { grantRole } from "../../src/people/manage-roles.ts";
import {
  actionData,
  cardOf,
  cardTexts,
  createBotHarness,
  invokeCard,
  type BotHarness,
} from "../support/bot-harness.ts";
import { importSeeds } from "../support/seeded-corpus.ts";
import { admin, anna, cardAction, mentionMessage, message, TENANT } from "../support/teams-activities.ts";

describe("what the bot shows where others read along", () => {
  it("shows help, agreement answers and confirmations of changes; keeps status, summaries, digests and roles personal", () => {
    expect((["help", "agreement-answer", "change-confirmation"] as const).every(shownInSharedConversation)).toBe(true);
    expect((["status", "summary", "digest", "roles"] as const).some(shownInSharedConversation)).toBe(false);
  });
});

describe("the rule in a group chat and a channel", () => {
  let bot: BotHarness;
  const groupChat = { kind: "groupChat" as const, id: "19:group-kan@thread.v2" };
  const channel = {
    kind: "channel" as const,
    teamId: "19:team-kan@thread.tacv2",
    channelId: "19:general-kan@thread.tacv2",
  };
  const inGroup = async (text: string, user = anna) => (await bot.send(mentionMessage(text, user, groupChat)))[0];

  beforeAll(async () => {
    bot = await createBotHarness({
      now: new Date("2025-04-28T08:00:00Z"),
      env: { ADMIN_AAD_OBJECT_IDS: admin.aadObjectId },
    });
    await importSeeds(bot.services);
    for (const [role, scope] of [
      ["chief", "DSO"],
      ["expert", "KAN"],
    ] as const) {
      await grantRole(
        bot.services,
        { kind: "operator", name: "test" },
        { tenantId: TENANT, aadObjectId: anna.aadObjectId, displayName: anna.name, role, scope },
      );
    }
  }, 120_000);
  afterAll(() => bot?.close());

  it("does not show the status overview, a summary, the digest or the roles in a group chat", async () => {
    expect((await inGroup("status"))!.text).toContain("Status och rapportering visar jag bara i vår personliga chatt");
    expect((await inGroup("sammanfattning delår 2025"))!.text).toContain(
      "Sammanfattningar visar jag bara i vår personliga chatt",
    );
    expect((await inGroup("sammandrag"))!.text).toContain("Ditt sammandrag visar jag bara i vår personliga chatt");
    expect((await inGroup("roller"))!.text).toContain("Roller visar jag bara i vår personliga chatt");
    // The same requests in the personal chat are answered.
    expect(cardTexts(cardOf((await bot.send(message("status")))[0])).join("\n")).toContain(
      "Dina uppdrag att rapportera på",
    );
  });

  it("answers help and agreement questions there, without Report buttons", async () => {
    expect(cardTexts(cardOf(await inGroup("hjälp"))).join("\n")).toContain("Visar vad jag kan och hur du frågar.");
    const deadlines = cardOf(await inGroup("vad ska redovisas i maj 2025?"));
    expect(cardTexts(deadlines).join("\n")).toContain("2025-05-28");
    expect(actionData(deadlines, "status.open")).toBeUndefined();
    expect(
      actionData(cardOf((await bot.send(message("vad ska redovisas i maj 2025?")))[0]), "status.open"),
    ).toBeDefined();
  });

  it("confirms a role change made there", async () => {
    const [reply] = await bot.send(mentionMessage("roller ge chef DSO Anna Andersson", admin, groupChat));
    expect(reply!.text).toContain("Anna Andersson var redan divisionschef (DSO)");
  });

  it("refuses a status card clicked in a channel, so it is not replaced for everyone", async () => {
    const overview = cardOf((await bot.send(message("status")))[0]);
    const card = invokeCard(
      await bot.send(cardAction("status.open", actionData(overview, "status.open")!, anna, channel)),
    );
    expect(cardTexts(card).join("\n")).toContain("Status och rapportering visar jag bara i vår personliga chatt");
  });
});
