import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaConversationRepository } from "../../../src/adapters/storage/prisma-conversation-repository.ts";
import type { ConversationSighting } from "../../../src/people/conversation-sighting.ts";
import { createTestDatabase, testProviders, type TestDatabase } from "../../support/test-database.ts";

const personalChat = (overrides: Partial<ConversationSighting> = {}): ConversationSighting => ({
  tenantId: "tenant-nykoping",
  conversationId: "a:personal-anna",
  conversationType: "personal",
  serviceUrl: "https://smba.trafficmanager.net/emea/",
  reference: { conversation: { id: "a:personal-anna" }, bot: { id: "28:bot" }, user: { id: "29:anna" } },
  person: { aadObjectId: "aad-anna", displayName: "Anna Andersson", language: "sv" },
  ...overrides,
});

describe.each(testProviders)("stored conversations on %s", (provider) => {
  let db: TestDatabase;
  let repository: PrismaConversationRepository;
  beforeAll(async () => {
    db = await createTestDatabase(provider);
    repository = new PrismaConversationRepository(db.database.prisma);
  });
  afterAll(() => db.drop());

  it("remember a person's personal chat so the bot can write to them later", async () => {
    const at = new Date("2025-03-03T08:00:00Z");
    expect(await repository.recordSighting(personalChat(), at)).toEqual({ personLanguage: "sv" });

    const found = await repository.findPersonalConversation("tenant-nykoping", "aad-anna");
    expect(found).toMatchObject({
      conversationId: "a:personal-anna",
      conversationType: "personal",
      tenantId: "tenant-nykoping",
      installedAt: at,
      person: { aadObjectId: "aad-anna", displayName: "Anna Andersson", language: "sv" },
    });
    expect(found!.reference).toEqual(personalChat().reference);
  });

  it("keep the first-seen time and what earlier messages told, when a later one says less", async () => {
    const later = new Date("2025-03-10T08:00:00Z");
    const result = await repository.recordSighting(personalChat({ person: { aadObjectId: "aad-anna" } }), later);
    expect(result).toEqual({ personLanguage: "sv" });
    const found = await repository.findPersonalConversation("tenant-nykoping", "aad-anna");
    expect(found).toMatchObject({ installedAt: new Date("2025-03-03T08:00:00Z"), lastActivityAt: later });
    expect(found!.person).toMatchObject({ displayName: "Anna Andersson", language: "sv" });
  });

  it("do not tie a channel to the person who happened to write in it", async () => {
    await repository.recordSighting(
      personalChat({
        conversationId: "19:channel@thread.tacv2",
        conversationType: "channel",
        teamId: "19:team",
        person: { aadObjectId: "aad-bertil" },
      }),
      new Date("2025-03-11T08:00:00Z"),
    );
    const all = await repository.listConversations();
    const channel = all.find((c) => c.conversationId === "19:channel@thread.tacv2");
    expect(channel).toMatchObject({ conversationType: "channel", teamId: "19:team" });
    expect(channel!.person).toBeUndefined();
    expect(await repository.findPersonalConversation("tenant-nykoping", "aad-bertil")).toBeUndefined();
  });

  it("stop offering a chat after the app is removed, and offer it again when it is added back", async () => {
    await repository.markUninstalled("a:personal-anna", new Date("2025-04-01T08:00:00Z"));
    expect(await repository.findPersonalConversation("tenant-nykoping", "aad-anna")).toBeUndefined();
    await repository.recordSighting(personalChat(), new Date("2025-04-02T08:00:00Z"));
    expect(await repository.findPersonalConversation("tenant-nykoping", "aad-anna")).toBeDefined();
  });

  it("survive many first messages of one new person arriving at once", async () => {
    const sighting = personalChat({
      conversationId: "a:personal-cecilia",
      person: { aadObjectId: "aad-cecilia", language: "en" },
    });
    await Promise.all(
      Array.from({ length: 8 }, () => repository.recordSighting(sighting, new Date("2025-05-01T08:00:00Z"))),
    );
    const people = await db.database.prisma.person.findMany({ where: { aadObjectId: "aad-cecilia" } });
    expect(people).toHaveLength(1);
  });
});
