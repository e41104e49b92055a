// Who can reach the bot: tokens checked by the Bot Framework adapter when credentials are set,
// other tenants dropped, re-sent activities handled once, oversized messages refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Server } from "restify";
import { loadConfig } from "../../src/config/config.ts";
import { composeServices, type Services } from "../../src/composition-root.ts";
import { composeTeams, httpDependencies } from "../../src/teams-composition.ts";
import { createHttpServer, listen } from "../../src/adapters/http/http-server.ts";
import { silentLogger } from "../../src/shared/logger.ts";
import { createBotHarness, type BotHarness } from "../support/bot-harness.ts";
import { anna, message, TENANT } from "../support/teams-activities.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

describe("with app credentials set, /api/messages", () => {
  let db: TestDatabase;
  let services: Services;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    db = await createTestDatabase("sqlite");
    const config = loadConfig({
      DATABASE_URL: db.url,
      MICROSOFT_APP_ID: "11111111-2222-3333-4444-555555555555",
      MICROSOFT_APP_PASSWORD: "test-secret-not-used",
      MICROSOFT_APP_TENANT_ID: TENANT,
      REMINDER_SCHEDULE: "off",
      DIGEST_SCHEDULE: "off",
    });
    services = await composeServices(config, { logger: silentLogger });
    server = createHttpServer(httpDependencies(services, composeTeams(services)));
    const { port } = await listen(server, "127.0.0.1", 0);
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    server.close();
    await services.close();
    await db.drop();
  });

  const post = (headers: Record<string, string>) =>
    fetch(`${base}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(message("hjälp")),
    });

  // A well-formed JWT sends the adapter to the Bot Framework's key endpoints, which tests may not reach;
  // these are refused before any key is needed.
  it.each([
    ["no Authorization header", {}],
    ["a token that is not a JWT", { authorization: "Bearer not-a-token" }],
    ["another scheme", { authorization: "Basic YWRtaW46YWRtaW4=" }],
  ])("refuses %s with 401 and stores nothing", async (_name, headers) => {
    const response = await post(headers);
    expect(response.status).toBe(401);
    expect(await services.database.prisma.person.count()).toBe(0);
  });
});

describe("the Teams gate (in process)", () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await createBotHarness({ env: { ALLOWED_TENANT_IDS: TENANT } });
  });
  afterAll(() => bot?.close());

  it("drops activities from another tenant without answering or remembering them", async () => {
    const foreign = message("hjälp");
    foreign.conversation = { ...foreign.conversation!, tenantId: "tenant-elsewhere" };
    foreign.channelData = { tenant: { id: "tenant-elsewhere" } };
    expect(await bot.send(foreign)).toEqual([]);
    expect(await bot.services.database.prisma.person.count({ where: { tenantId: "tenant-elsewhere" } })).toBe(0);
    expect(await bot.send(message("hjälp"))).toHaveLength(1); // the municipality's own tenant is served
  });

  it("handles an activity Teams sends again only once", async () => {
    const activity = message("hjälp");
    expect(await bot.send({ ...activity })).toHaveLength(1);
    expect(await bot.send({ ...activity })).toEqual([]);
  });

  it("refuses a message too long to be a question", async () => {
    const replies = await bot.send(message(`vad gäller för ${"x".repeat(1_000_000)}`, anna));
    expect(replies[0]?.text).toContain("Meddelandet är för långt för mig (högst 4000 tecken)");
  });

  it("requires the municipality's tenant list for a multi-tenant app", () => {
    expect(() =>
      loadConfig({
        MICROSOFT_APP_ID: "11111111-2222-3333-4444-555555555555",
        MICROSOFT_APP_PASSWORD: "x",
        MICROSOFT_APP_TYPE: "MultiTenant",
      }),
    ).toThrow(/ALLOWED_TENANT_IDS/);
    expect(
      loadConfig({
        MICROSOFT_APP_ID: "11111111-2222-3333-4444-555555555555",
        MICROSOFT_APP_PASSWORD: "x",
        MICROSOFT_APP_TENANT_ID: TENANT,
      }).allowedTenants,
    ).toEqual([TENANT]);
  });
});
