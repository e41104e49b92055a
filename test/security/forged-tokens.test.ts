// Bot Framework tokens checked for real: the adapter reads its signing keys from a loopback stand-in
// for the Bot Framework's OpenID endpoint (ToBotFromChannelOpenIdMetadataUrl), so tokens signed with
// another key, for another app, expired, or for another service URL are refused, and a correct token
// from a foreign tenant is accepted by the adapter but dropped by the tenant gate.
import { TeamsAdapter } from "@microsoft/teams-ai";
import type { Server } from "restify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpServer, listen } from "../../src/adapters/http/http-server.ts";
import { createTeamsApplication } from "../../src/adapters/teams/teams-app.ts";
import { composeServices, type Services } from "../../src/composition-root.ts";
import { teamsDependencies } from "../../src/teams-composition.ts";
import { loadConfig } from "../../src/config/config.ts";
import { silentLogger } from "../../src/shared/logger.ts";
import { APP_ID, ISSUER, keyPair, startKeyServer, token, type KeyServer } from "../support/bot-framework-keys.ts";
import { installationUpdate, TENANT } from "../support/teams-activities.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

describe("Bot Framework tokens, verified against published keys", () => {
  const trusted = keyPair();
  const attacker = keyPair();
  let keys: KeyServer;
  let db: TestDatabase;
  let services: Services;
  let server: Server;
  let base: string;
  const serviceUrl = "https://smba.trafficmanager.net/emea/";
  const now = () => Math.floor(Date.now() / 1000);
  const claims = (overrides: Record<string, unknown> = {}) => ({
    iss: ISSUER,
    aud: APP_ID,
    serviceurl: serviceUrl,
    nbf: now() - 60,
    exp: now() + 600,
    ...overrides,
  });

  beforeAll(async () => {
    keys = await startKeyServer(trusted);
    const metadata = keys.metadataUrl;

    db = await createTestDatabase("sqlite");
    const config = loadConfig({
      DATABASE_URL: db.url,
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: "not-used",
      MICROSOFT_APP_TENANT_ID: TENANT,
      REMINDER_SCHEDULE: "off",
      DIGEST_SCHEDULE: "off",
    });
    services = await composeServices(config, { logger: silentLogger });
    // The production adapter's settings, plus where to read the signing keys from.
    const adapter = new TeamsAdapter({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: "not-used",
      MicrosoftAppType: "SingleTenant",
      MicrosoftAppTenantId: TENANT,
      ToBotFromChannelOpenIdMetadataUrl: metadata,
      ToBotFromChannelTokenIssuer: ISSUER,
    });
    const app = createTeamsApplication(teamsDependencies(services), { adapter, botAppId: APP_ID });
    server = createHttpServer({
      adapter,
      app,
      health: services.health,
      logger: silentLogger,
      version: services.version,
      appId: APP_ID,
    });
    const { port } = await listen(server, "127.0.0.1", 0);
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    server?.close();
    await keys?.close();
    await services?.close();
    await db?.drop();
  });

  // An installation event: the bot stores who installed it and sends nothing (so no outgoing token is needed).
  const post = (authorization: string, tenant = TENANT) => {
    const activity = installationUpdate("add");
    activity.conversation = { ...activity.conversation!, tenantId: tenant };
    activity.channelData = { tenant: { id: tenant } };
    return fetch(`${base}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization },
      body: JSON.stringify(activity),
    });
  };

  it.each([
    ["signed with another key", () => token(attacker.privateKey, "trusted", claims())],
    ["with a key id nobody published", () => token(attacker.privateKey, "attacker", claims())],
    [
      "for another app",
      () => token(trusted.privateKey, "trusted", claims({ aud: "99999999-2222-3333-4444-555555555555" })),
    ],
    ["from another issuer", () => token(trusted.privateKey, "trusted", claims({ iss: "https://evil.example" }))],
    [
      "expired an hour ago",
      () => token(trusted.privateKey, "trusted", claims({ nbf: now() - 7200, exp: now() - 3600 })),
    ],
    [
      "for another service URL",
      () => token(trusted.privateKey, "trusted", claims({ serviceurl: "https://evil.example/" })),
    ],
  ])("refuses a token %s, and stores nothing", async (_name, make) => {
    const response = await post(`Bearer ${make()}`);
    expect(response.status).toBe(401);
    expect(await response.text()).not.toMatch(/signature|jwt|key/i); // the caller learns nothing about why
    expect(await services.database.prisma.person.count()).toBe(0);
  });

  it("accepts a correct token, but drops the activity when it comes from another tenant", async () => {
    const foreign = await post(`Bearer ${token(trusted.privateKey, "trusted", claims())}`, "tenant-elsewhere");
    expect(foreign.status).toBe(200);
    expect(await services.database.prisma.person.count()).toBe(0);
    const own = await post(`Bearer ${token(trusted.privateKey, "trusted", claims())}`);
    expect(own.status).toBe(200);
    expect(await services.database.prisma.person.count({ where: { tenantId: TENANT } })).toBe(1);
  });
});
