// The bot as a Teams user meets it: the real bot process and the Microsoft 365 Agents Playground
// (a Teams client emulator) in headless Chromium. Screenshots land in test-results/e2e/.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import BetterSqlite3 from "better-sqlite3";
import { listeningAddresses, startPlaygroundSession, type PlaygroundSession } from "../support/playground.ts";
import { composeServices } from "../../src/composition-root.ts";
import { loadConfig } from "../../src/config/config.ts";
import { silentLogger } from "../../src/shared/logger.ts";
import { importSeeds } from "../support/seeded-corpus.ts";

const ANNA_AAD_OBJECT_ID = "00000000-0000-0000-0000-0000000a0001";

describe("the bot in a real Teams client (Agents Playground)", () => {
  let session: PlaygroundSession;
  beforeAll(async () => {
    session = await startPlaygroundSession();
    await session.open();
  }, 120_000);
  afterAll(async () => {
    await session?.close();
  });

  it("listens only on loopback: the bot and the Teams client", () => {
    expect(listeningAddresses(session.ports.bot)).toEqual(["127.0.0.1"]);
    expect(listeningAddresses(session.ports.playground)).toEqual(["127.0.0.1"]);
  });

  it("shows the Swedish welcome card when the app is installed in the personal chat", async () => {
    const welcome = await session.waitForCount(session.cards("Hej! Jag är Uppföljningsboten"));
    expect(await welcome.innerText()).toContain("Det här kan du skriva till mig");
    await session.screenshot("01-welcome-card");
  });

  it("answers hjälp with the Swedish help card", async () => {
    await session.send("hjälp");
    const help = await session.waitForCount(session.cards("Ställ en fråga om överenskommelserna"));
    expect(await help.innerText()).toContain("Visar vad jag kan och hur du frågar.");
    await session.screenshot("02-help-swedish");
  });

  it("answers an English message in English", async () => {
    await session.send("What can you do?");
    const help = await session.waitForCount(session.cards("Ask about the agreements in your own words"));
    expect(await help.innerText()).toContain("Shows what I can do and how to ask.");

    await session.send("What does the agreement say about snow clearing?");
    const reply = await session.waitForCount(session.botMessages().filter({ hasText: "I found nothing in the agreements" }));
    expect(await reply.innerText()).toContain("won't guess");
    await session.screenshot("03-english");
  });

  it("answers deadline and content questions from imported agreements, with sources", async () => {
    // Import the seed agreements into the running bot's database, as an administrator would.
    const services = await composeServices(loadConfig({ DATABASE_URL: session.databaseUrl }), { logger: silentLogger });
    try {
      await importSeeds(services);
    } finally {
      await services.close();
    }
    await session.send("vad ska redovisas i april 2026?");
    const card = await session.waitForCount(session.cards("Redovisningar i april 2026"));
    const cardText = await card.innerText();
    expect(cardText).toContain("2026-04-02");
    expect(cardText).toContain("Mottagande av flyktingar");
    expect(cardText).toContain("2026-04-23");
    await session.screenshot("04-deadline-card");

    await session.send("What is the target group for Jobbtorg?");
    const content = await session.waitForCount(session.botMessages().filter({ hasText: "18-64" }));
    expect(await content.innerText()).toContain("section 3.1");
    await session.screenshot("05-content-answer");
  });

  it("stored the person it talked to, with tenant and conversation, for proactive messages", () => {
    const db = new BetterSqlite3(session.databaseUrl.slice("file:".length), { readonly: true });
    try {
      const person = db.prepare('SELECT * FROM "Person" WHERE "aadObjectId" = ?').get(ANNA_AAD_OBJECT_ID) as Record<string, unknown>;
      expect(person).toMatchObject({ tenantId: "tenant-nykoping", displayName: "Anna Andersson", language: "en" });
      const chat = db
        .prepare('SELECT * FROM "ConversationReference" WHERE "personId" = ? AND "conversationType" = ?')
        .get(person.id, "personal") as Record<string, unknown>;
      expect(JSON.parse(chat.reference as string)).toMatchObject({
        serviceUrl: expect.stringContaining("127.0.0.1"),
        conversation: { id: expect.any(String) },
      });
    } finally {
      db.close();
    }
  });

  it("reads an @mention in a team channel", async () => {
    await session.openChat("Uppföljning");
    const page = session.page;
    await session.waitForCount(session.cards("Hej! Jag är Uppföljningsboten"));
    await page.locator('div[contenteditable="true"][role="textbox"][data-lexical-editor="true"]').first().click();
    await page.keyboard.type("@Uppf");
    await page.locator('[aria-label="Typeahead menu"]').getByText("Uppföljningsboten").click();
    await page.keyboard.type(" help");
    await page.getByRole("button", { name: "Post" }).click();
    const help = await session.waitForCount(session.cards("In a channel or group chat, mention me first"));
    expect(await help.innerText()).toContain("Shows what I can do and how to ask.");
    await session.screenshot("04-channel-mention");
  });
});
