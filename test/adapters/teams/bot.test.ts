import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConversationRepository } from "../../../src/people/conversation-sighting.ts";
import { createBotHarness, cardOf, cardTexts, type BotHarness } from "../../support/bot-harness.ts";
import { testProviders } from "../../support/test-database.ts";
import {
  anna,
  bertil,
  botAdded,
  installationUpdate,
  memberAdded,
  mentionMessage,
  message,
  TENANT,
} from "../../support/teams-activities.ts";

const team = { kind: "channel" as const, teamId: "19:team-kan@thread.tacv2", channelId: "19:general-kan@thread.tacv2" };
const groupChat = { kind: "groupChat" as const, id: "19:group-kan@thread.v2" };

describe.each(testProviders)("the bot in Teams (in process, %s)", (provider) => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await createBotHarness({ provider });
  });
  afterAll(() => bot.close());

  it("greets with a Swedish welcome card when installed in a personal chat", async () => {
    const replies = await bot.send(botAdded(anna));
    expect(replies).toHaveLength(1);
    const texts = cardTexts(cardOf(replies[0]));
    expect(texts).toContain("Hej! Jag är Uppföljningsboten");
    expect(texts.join(" ")).toMatch(/överenskommelser/);
    expect(texts).toContain("hjälp");
  });

  it.each([
    ["a group chat", groupChat],
    ["a team", team],
  ])("greets %s it is added to, once", async (_name, where) => {
    const replies = await bot.send(botAdded(anna, where));
    expect(replies).toHaveLength(1);
    expect(cardTexts(cardOf(replies[0]))).toContain("Hej! Jag är Uppföljningsboten");
  });

  it("does not greet every colleague who later joins the team", async () => {
    expect(await bot.send(memberAdded(bertil, anna, team))).toEqual([]);
  });

  it("answers hjälp with the commands, in Swedish", async () => {
    const [reply] = await bot.send(message("hjälp"));
    const texts = cardTexts(cardOf(reply));
    expect(texts).toContain("Hjälp");
    expect(texts).toContain("**hjälp**");
    expect(texts).toContain("Visar vad jag kan och hur du frågar.");
  });

  it("answers help in English to someone who writes English", async () => {
    const [reply] = await bot.send(message("help"));
    const texts = cardTexts(cardOf(reply));
    expect(texts).toContain("Help");
    expect(texts).toContain("**help**");
    expect(texts).toContain("Shows what I can do and how to ask.");
  });

  it.each([
    ["Hi, what can you do?", "Help", "Shows what I can do and how to ask."],
    ["Hej! Vad kan du?", "Hjälp", "Visar vad jag kan och hur du frågar."],
  ])("answers a greeting with what it can do: %s", async (text, title, line) => {
    const [reply] = await bot.send(message(text));
    const texts = cardTexts(cardOf(reply));
    expect(texts).toContain(title);
    expect(texts).toContain(line);
  });

  it("answers what a card button asks (the welcome card's Hjälp, the digest's Hela listan) as if it were typed", async () => {
    const welcome = cardOf((await bot.send(botAdded(anna)))[0]) as {
      actions: Array<{ data: Record<string, unknown> }>;
    };
    // What Teams (and the Agents Playground) send for an Action.Submit: a message without text, the data as its value.
    const click = (data: Record<string, unknown>) => bot.send({ ...message(""), text: undefined, value: data });
    const [help] = await click(welcome.actions[0]!.data);
    expect(cardTexts(cardOf(help))).toContain("Visar vad jag kan och hur du frågar.");
    const [list] = await click({ ask: "what is due in the next 4 weeks?" });
    expect(list!.text).toMatch(/^I found no reporting items/);
  });

  it("treats other messages as questions and says plainly when the agreements do not answer", async () => {
    const [english] = await bot.send(message("What does the agreement say about snow clearing?"));
    expect(english!.text).toMatch(/^I found nothing in the agreements that answers that, so I won't guess\./);
    const [swedish] = await bot.send(message("Vad säger avtalet om snöröjning?"));
    expect(swedish!.text).toMatch(/^Jag hittade inget i överenskommelserna som svarar på det, så jag gissar inte\./);
  });

  it("reads a channel message after removing the @mention, and adds the channel hint", async () => {
    const [reply] = await bot.send(mentionMessage("help", bertil, team));
    const texts = cardTexts(cardOf(reply));
    expect(texts).toContain("**help**");
    expect(texts).toContain("In a channel or group chat, mention me first, e.g. @Uppföljningsboten help.");
  });

  it("answers a bare @mention with help, in the language the person last wrote in", async () => {
    await bot.send(mentionMessage("what can you do", bertil, team));
    const [reply] = await bot.send(mentionMessage("", bertil, team));
    expect(cardTexts(cardOf(reply))).toContain("Help");
  });

  it("remembers who it talked to and where, for messages it sends later", async () => {
    await bot.send(message("hjälp", anna));
    const stored = await bot.services.conversations.findPersonalConversation(TENANT, anna.aadObjectId);
    expect(stored).toMatchObject({
      conversationId: `a:personal-${anna.aadObjectId}`,
      conversationType: "personal",
      tenantId: TENANT,
      person: { aadObjectId: anna.aadObjectId, displayName: anna.name, language: "sv" },
    });
    expect(stored!.reference).toMatchObject({
      serviceUrl: "https://smba.trafficmanager.net/emea/",
      conversation: { id: `a:personal-${anna.aadObjectId}` },
      user: { aadObjectId: anna.aadObjectId },
    });
    const channel = (await bot.services.conversations.listConversations()).find(
      (c) => c.conversationId === team.channelId,
    );
    expect(channel).toMatchObject({ conversationType: "channel", teamId: team.teamId });
  });

  it("stops counting on a personal chat once the app is removed, without replying", async () => {
    expect(await bot.send(installationUpdate("remove", anna))).toEqual([]);
    expect(await bot.services.conversations.findPersonalConversation(TENANT, anna.aadObjectId)).toBeUndefined();
    await bot.send(installationUpdate("add", anna));
    expect(await bot.services.conversations.findPersonalConversation(TENANT, anna.aadObjectId)).toBeDefined();
  });
});

describe("the bot when something breaks", () => {
  it("still answers help while the database is unreachable", async () => {
    const unreachable: ConversationRepository = {
      recordSighting: async () => {
        throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
      },
      markUninstalled: async () => {},
      findPersonalConversation: async () => undefined,
      findPeople: async () => [],
      listConversations: async () => [],
    };
    const bot = await createBotHarness({ override: (deps) => ({ ...deps, conversations: unreachable }) });
    try {
      const [reply] = await bot.send(message("hjälp"));
      expect(cardTexts(cardOf(reply))).toContain("Hjälp");
    } finally {
      await bot.close();
    }
  });

  it("tells the user in their language that something went wrong, instead of going silent", async () => {
    const bot = await createBotHarness({
      override: (deps) => ({
        ...deps,
        cards: Object.assign(Object.create(Object.getPrototypeOf(deps.cards)), deps.cards, {
          attachment: () => {
            throw new Error("template exploded");
          },
        }),
      }),
    });
    try {
      const [english] = await bot.send(message("help"));
      expect(english!.text).toBe(
        "Something went wrong on my side. Please try again in a moment; the error has been logged.",
      );
      const [swedish] = await bot.send(message("hjälp"));
      expect(swedish!.text).toBe("Något gick fel hos mig. Försök igen om en stund; felet är loggat.");
    } finally {
      await bot.close();
    }
  });
});
