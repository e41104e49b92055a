// The Bot Framework endpoint on a bad day: the key server is gone or hangs, activities arrive without
// a service URL or pointing elsewhere, and unsigned senders post big bodies. Each is answered at once,
// with a status and no detail; nothing slow (the key server, a reply to a foreign host) is attempted
// for a request that could never be served, and a large body is not read before its token looks right.
import { connect } from "node:net";
import { TeamsAdapter } from "@microsoft/teams-ai";
import type { Server } from "restify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpServer, listen } from "../../src/adapters/http/http-server.ts";
import { createTeamsApplication } from "../../src/adapters/teams/teams-app.ts";
import { composeServices, type Services } from "../../src/composition-root.ts";
import { teamsDependencies } from "../../src/teams-composition.ts";
import { loadConfig } from "../../src/config/config.ts";
import { silentLogger } from "../../src/shared/logger.ts";
import {
  APP_ID,
  channelClaims,
  ISSUER,
  keyPair,
  startKeyServer,
  token,
  type KeyServer,
} from "../support/bot-framework-keys.ts";
import { freePort } from "../../scripts/local-postgres.ts";
import { installationUpdate, message, TENANT } from "../support/teams-activities.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

const teamsServiceUrl = "https://smba.trafficmanager.net/emea/";
const trusted = keyPair();

interface Endpoint {
  base: string;
  port: number;
  close(): Promise<void>;
}

/** The bot's HTTP server with credentials, reading its signing keys from `metadataUrl`. */
async function authenticatedEndpoint(
  services: Services,
  metadataUrl: string,
  requestTimeoutMs?: number,
): Promise<Endpoint> {
  const adapter = new TeamsAdapter({
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: "not-used",
    MicrosoftAppType: "SingleTenant",
    MicrosoftAppTenantId: TENANT,
    ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
    ToBotFromChannelTokenIssuer: ISSUER,
  });
  const app = createTeamsApplication(teamsDependencies(services), { adapter, botAppId: APP_ID });
  const server: Server = createHttpServer({
    adapter,
    app,
    health: services.health,
    logger: silentLogger,
    version: services.version,
    appId: APP_ID,
    requestTimeoutMs,
  });
  const { port } = await listen(server, "127.0.0.1", 0);
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const post = (base: string, body: unknown, authorization?: string) =>
  fetch(`${base}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(5000),
  });

/** Sends only the request head (announcing `contentLength` bytes) and returns the first line of the answer, or "no answer". */
function headOnly(port: number, contentLength: number, authorization?: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    const lines = [
      "POST /api/messages HTTP/1.1",
      "Host: 127.0.0.1",
      "Content-Type: application/json",
      `Content-Length: ${contentLength}`,
    ];
    if (authorization) lines.push(`Authorization: ${authorization}`);
    socket.write(`${lines.join("\r\n")}\r\n\r\n`);
    let answer = "";
    const timer = setTimeout(() => {
      socket.destroy();
      resolve("no answer");
    }, 3000);
    socket.on("data", (chunk) => {
      answer += chunk.toString("latin1");
      if (answer.includes("\r\n")) {
        clearTimeout(timer);
        socket.destroy();
        resolve(answer.split("\r\n")[0]!);
      }
    });
    socket.on("error", () => undefined);
  });
}

describe("the Bot Framework endpoint when things around it fail", () => {
  let db: TestDatabase;
  let services: Services;
  beforeAll(async () => {
    db = await createTestDatabase("sqlite");
    services = await composeServices(
      loadConfig({
        DATABASE_URL: db.url,
        MICROSOFT_APP_ID: APP_ID,
        MICROSOFT_APP_PASSWORD: "not-used",
        MICROSOFT_APP_TENANT_ID: TENANT,
      }),
      { logger: silentLogger },
    );
  });
  afterAll(async () => {
    await services?.close();
    await db?.drop();
  });

  it("answers 503 with no detail when the key server cannot be reached, for a token that may well be good", async () => {
    const gone = `http://127.0.0.1:${await freePort()}/openid`;
    const endpoint = await authenticatedEndpoint(services, gone);
    try {
      const response = await post(
        endpoint.base,
        installationUpdate("add"),
        `Bearer ${token(trusted.privateKey, "trusted", channelClaims(teamsServiceUrl))}`,
      );
      expect(response.status).toBe(503);
      const body = await response.text();
      expect(body).not.toMatch(/request to|ECONNREFUSED|openid|127\.0\.0\.1|reason/i);
      expect(await services.database.prisma.person.count()).toBe(0);
    } finally {
      await endpoint.close();
    }
  });

  describe("with a key server that never answers", () => {
    let keys: KeyServer;
    let endpoint: Endpoint;
    beforeAll(async () => {
      keys = await startKeyServer(trusted, { hang: true });
      endpoint = await authenticatedEndpoint(services, keys.metadataUrl);
    });
    afterAll(async () => {
      await endpoint?.close();
      await keys?.close();
    });
    const signed = () => `Bearer ${token(trusted.privateKey, "trusted", channelClaims(teamsServiceUrl))}`;

    it.each([
      ["without a service URL", { serviceUrl: undefined }],
      ["with a service URL on another host", { serviceUrl: "https://evil.example/teams/" }],
      ["with a service URL that is not a URL", { serviceUrl: "smba.trafficmanager.net" }],
      ["over plain http", { serviceUrl: "http://smba.trafficmanager.net/emea/" }],
      ["on loopback, though credentials are set", { serviceUrl: "http://127.0.0.1:9/" }],
      ["without a conversation", { conversation: undefined }],
      ["without a sender", { from: undefined }],
      ["without a type", { type: undefined }],
    ])("refuses an activity %s with 400 before asking for keys", async (_name, change) => {
      const response = await post(endpoint.base, { ...message("hjälp"), ...change }, signed());
      expect(response.status).toBe(400);
      expect(await response.text()).not.toMatch(/serviceUrl|conversation|from|type/);
      expect(keys.requests).toBe(0);
    });

    it("refuses a request without a token, or with one that is not for this bot, with 401 before reading its body", async () => {
      expect(await headOnly(endpoint.port, 2 * 1024 * 1024)).toMatch(/^HTTP\/1\.1 401/);
      expect(await headOnly(endpoint.port, 2 * 1024 * 1024, "Bearer not-a-token")).toMatch(/^HTTP\/1\.1 401/);
      const foreign = token(
        trusted.privateKey,
        "trusted",
        channelClaims(teamsServiceUrl, { aud: "99999999-2222-3333-4444-555555555555" }),
      );
      expect(await headOnly(endpoint.port, 2 * 1024 * 1024, `Bearer ${foreign}`)).toMatch(/^HTTP\/1\.1 401/);
      const expired = token(
        trusted.privateKey,
        "trusted",
        channelClaims(teamsServiceUrl, { exp: Math.floor(Date.now() / 1000) - 3600 }),
      );
      expect(await headOnly(endpoint.port, 2 * 1024 * 1024, `Bearer ${expired}`)).toMatch(/^HTTP\/1\.1 401/);
      expect(keys.requests).toBe(0);
    });

    it("answers 503 with no detail once the request has taken too long, a good activity waiting on the key server", async () => {
      const hurried = await authenticatedEndpoint(services, keys.metadataUrl, 300);
      try {
        const response = await post(hurried.base, installationUpdate("add"), signed());
        expect(response.status).toBe(503);
        expect(await response.text()).toMatch(/^"?Service Unavailable"?$/);
      } finally {
        await hurried.close();
      }
    });

    it("refuses a body larger than any Teams activity with 413 before reading it, whatever its token", async () => {
      expect(await headOnly(endpoint.port, 2 * 1024 * 1024, signed())).toMatch(/^HTTP\/1\.1 413/);
      expect(keys.requests).toBe(1); // only the good activity above asked for keys
    });
  });
});

describe("the endpoint without credentials (local development)", () => {
  let db: TestDatabase;
  let services: Services;
  let endpoint: Endpoint;
  beforeAll(async () => {
    db = await createTestDatabase("sqlite");
    services = await composeServices(loadConfig({ DATABASE_URL: db.url }), { logger: silentLogger });
    const adapter = new TeamsAdapter({});
    const app = createTeamsApplication(teamsDependencies(services), { adapter });
    const server = createHttpServer({
      adapter,
      app,
      health: services.health,
      logger: silentLogger,
      version: services.version,
    });
    const { port } = await listen(server, "127.0.0.1", 0);
    endpoint = {
      base: `http://127.0.0.1:${port}`,
      port,
      close: () => new Promise((resolve) => server.close(() => resolve())),
    };
  });
  afterAll(async () => {
    await endpoint?.close();
    await services?.close();
    await db?.drop();
  });

  it("refuses an activity without a service URL at once instead of replying to the Bot Framework's default host", async () => {
    const response = await post(endpoint.base, { ...message("hjälp"), serviceUrl: undefined });
    expect(response.status).toBe(400);
  });

  it("keeps the body limit small: a 2 MB body is refused before it is read", async () => {
    expect(await headOnly(endpoint.port, 2 * 1024 * 1024)).toMatch(/^HTTP\/1\.1 413/);
  });
});
