import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Server } from "restify";
import { loadConfig } from "../../../src/config/config.ts";
import { composeServices, type Services } from "../../../src/composition-root.ts";
import { composeTeams } from "../../../src/teams-composition.ts";
import { createHttpServer, listen } from "../../../src/adapters/http/http-server.ts";
import { silentLogger } from "../../../src/shared/logger.ts";
import { cardTexts } from "../../support/bot-harness.ts";
import { startFakeConnector, type FakeConnector } from "../../support/fake-connector.ts";
import { cardAction, message } from "../../support/teams-activities.ts";
import { createTestDatabase, type TestDatabase } from "../../support/test-database.ts";

async function startServer(services: Services): Promise<{ server: Server; base: string }> {
  const { adapter, app } = composeTeams(services);
  const server = createHttpServer({
    adapter,
    app,
    health: services.health,
    logger: silentLogger,
    version: services.version,
  });
  const { port } = await listen(server, "127.0.0.1", 0);
  return { server, base: `http://127.0.0.1:${port}` };
}

describe("the HTTP server", () => {
  let db: TestDatabase;
  let services: Services;
  let server: Server;
  let base: string;
  let connector: FakeConnector;

  beforeAll(async () => {
    db = await createTestDatabase("sqlite");
    services = await composeServices(loadConfig({ DATABASE_URL: db.url }), { logger: silentLogger });
    ({ server, base } = await startServer(services));
    connector = await startFakeConnector();
  });
  afterAll(async () => {
    server.close();
    await connector.close();
    await services.close();
    await db.drop();
  });

  it("accepts a Teams activity on /api/messages and replies through the connector", async () => {
    const activity = { ...message("help"), serviceUrl: connector.serviceUrl };
    const response = await fetch(`${base}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(activity),
    });
    expect(response.status).toBe(200);
    await connector.waitFor(1);
    const reply = connector.received[0]!;
    expect(reply.path).toBe(
      `/v3/conversations/${encodeURIComponent(activity.conversation!.id)}/activities/${activity.id}`,
    );
    expect(cardTexts(reply.activity.attachments?.[0]?.content)).toContain("**help**");
  });

  it("answers a card click Teams sends twice with the same card both times, not an empty 501", async () => {
    const click = { ...cardAction("status.overview", { lang: "sv" }), serviceUrl: connector.serviceUrl };
    const send = () =>
      fetch(`${base}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(click),
      });
    const first = await send();
    expect(first.status).toBe(200);
    const card = await first.json();
    expect(card).toMatchObject({ statusCode: 200, type: "application/vnd.microsoft.card.adaptive" });
    const again = await send();
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(card);
  });

  it("rejects a body that is not an activity", async () => {
    const response = await fetch(`${base}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it("reports itself healthy with the database reachable and up to date", async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: "ok",
      database: { reachable: true, provider: "sqlite", pendingMigrations: 0 },
    });
  });

  it("reports 503 with the reason when the database cannot be reached", async () => {
    const unreachable = await composeServices(
      loadConfig({ DATABASE_URL: "postgresql://app:app@127.0.0.1:1/nowhere" }),
      { logger: silentLogger },
    );
    const { server: other, base: otherBase } = await startServer(unreachable);
    try {
      const response = await fetch(`${otherBase}/healthz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({
        status: "degraded",
        database: { reachable: false, provider: "postgresql" },
      });
    } finally {
      other.close();
      await unreachable.close();
    }
  });
});
