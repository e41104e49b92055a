import { describe, expect, it } from "vitest";
import { ConfigError, defaultDatabaseTimeouts, loadConfig, redactDatabaseUrl } from "../../src/config/config.ts";
import { clockStartingAt, fixedClock } from "../../src/shared/clock.ts";

describe("configuration", () => {
  it("with nothing set, runs locally on loopback with the embedded SQLite file under data/", () => {
    const config = loadConfig({}, "/srv/bot");
    expect(config.http).toEqual({ host: "127.0.0.1", port: 3978 });
    expect(config.database).toEqual({
      url: "file:/srv/bot/data/uppfoljning.db",
      provider: "sqlite",
      migrateOnStart: true,
      timeouts: defaultDatabaseTimeouts,
    });
    expect(config.bot.unauthenticated).toBe(true);
  });

  it("starts the bot's clock at a given moment when told to, and refuses a moment it cannot read", () => {
    expect(loadConfig({}).clockStart).toBeNull();
    expect(loadConfig({ UPPFOLJNING_CLOCK_START: "2026-03-02T09:00:00Z" }).clockStart?.toISOString()).toBe(
      "2026-03-02T09:00:00.000Z",
    );
    expect(() => loadConfig({ UPPFOLJNING_CLOCK_START: "next tuesday" })).toThrow(/UPPFOLJNING_CLOCK_START/);
    // From that moment the clock runs on at the pace of the real one.
    const real = fixedClock(new Date("2030-01-01T00:00:00Z"));
    const clock = clockStartingAt(new Date("2026-03-02T09:00:00Z"), real);
    expect(clock.now().toISOString()).toBe("2026-03-02T09:00:00.000Z");
    real.advance(90_000);
    expect(clock.now().toISOString()).toBe("2026-03-02T09:01:30.000Z");
  });

  it("chooses PostgreSQL from DATABASE_URL and does not migrate it on start unless told to", () => {
    const url = "postgresql://bot:secret@db.kommun.local:5432/uppfoljning";
    expect(loadConfig({ DATABASE_URL: url }).database).toEqual({
      url,
      provider: "postgresql",
      migrateOnStart: false,
      timeouts: defaultDatabaseTimeouts,
    });
    expect(loadConfig({ DATABASE_URL: url, DATABASE_AUTO_MIGRATE: "always" }).database.migrateOnStart).toBe(true);
  });

  it("names every invalid variable in one readable error", () => {
    let error: unknown;
    try {
      loadConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", LOG_LEVEL: "loud" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain("PORT");
    expect(message).toContain("DATABASE_URL");
    expect(message).toContain("LOG_LEVEL");
    expect(message).toContain("README");
  });

  it("refuses to accept unauthenticated requests on a public interface", () => {
    expect(() => loadConfig({ HOST: "0.0.0.0" })).toThrow(/only allowed on loopback/);
    expect(loadConfig({ HOST: "0.0.0.0", ALLOW_UNAUTHENTICATED_PUBLIC: "true" }).http.host).toBe("0.0.0.0");
  });

  it("requires the secret and tenant of a single-tenant bot once an app id is set", () => {
    expect(() => loadConfig({ MICROSOFT_APP_ID: "0b5a4d3e-1111-2222-3333-444455556666" })).toThrow(
      /MICROSOFT_APP_PASSWORD[\s\S]*MICROSOFT_APP_TENANT_ID/,
    );
    const config = loadConfig({
      HOST: "0.0.0.0",
      MICROSOFT_APP_ID: "0b5a4d3e-1111-2222-3333-444455556666",
      MICROSOFT_APP_PASSWORD: "s3cret",
      MICROSOFT_APP_TENANT_ID: "tenant-1",
    });
    expect(config.bot).toMatchObject({ unauthenticated: false, appType: "SingleTenant", tenantId: "tenant-1" });
  });

  it("bounds every wait so that a turn fits in Teams' window, and refuses limits that would not", () => {
    const config = loadConfig({});
    expect(config.budgets).toEqual({ turnMs: 8000, healthMs: 800 });
    expect(defaultDatabaseTimeouts).toEqual({ connectMs: 2000, queryMs: 3000, statementMs: 2500, sqliteBusyMs: 2000 });
    const tuned = loadConfig({
      TURN_BUDGET_MS: "9000",
      DATABASE_CONNECT_TIMEOUT_MS: "1000",
      DATABASE_QUERY_TIMEOUT_MS: "4000",
      DATABASE_STATEMENT_TIMEOUT_MS: "3500",
      SQLITE_BUSY_TIMEOUT_MS: "500",
      HEALTH_TIMEOUT_MS: "500",
    });
    expect(tuned.database.timeouts).toEqual({ connectMs: 1000, queryMs: 4000, statementMs: 3500, sqliteBusyMs: 500 });
    expect(tuned.budgets).toEqual({ turnMs: 9000, healthMs: 500 });
    expect(() => loadConfig({ DATABASE_QUERY_TIMEOUT_MS: "8000" })).toThrow(
      /DATABASE_QUERY_TIMEOUT_MS=8000: must be less than TURN_BUDGET_MS/,
    );
    expect(() => loadConfig({ DATABASE_STATEMENT_TIMEOUT_MS: "5000" })).toThrow(
      /DATABASE_STATEMENT_TIMEOUT_MS=5000: must not exceed DATABASE_QUERY_TIMEOUT_MS/,
    );
    expect(() => loadConfig({ TURN_BUDGET_MS: "20000" })).toThrow(/Teams gives up after about 15 s/);
    expect(() => loadConfig({ SQLITE_BUSY_TIMEOUT_MS: "soon" })).toThrow(/SQLITE_BUSY_TIMEOUT_MS/);
    expect(() =>
      loadConfig({ LLM_ENDPOINT: "https://api.openai.com/v1", LLM_MODEL: "m", LLM_TIMEOUT_MS: "20000" }),
    ).toThrow(/LLM_TIMEOUT_MS=20000: must be less than TURN_BUDGET_MS/);
  });

  it("semantic retrieval is off unless EMBEDDINGS_ENDPOINT names a server, with a multilingual model and short question timeout by default", () => {
    expect(loadConfig({}).embeddings).toBeUndefined();
    expect(loadConfig({ EMBEDDINGS_MODEL: "bge-m3", EMBEDDINGS_API_KEY: "k" }).embeddings).toBeUndefined();
    expect(loadConfig({ EMBEDDINGS_ENDPOINT: "http://localhost:8080/v1" }).embeddings).toEqual({
      endpoint: "http://localhost:8080/v1",
      model: "bge-m3",
      apiKey: undefined,
      timeoutMs: 30_000,
      questionTimeoutMs: 2000,
      batchSize: 64,
    });
    expect(() => loadConfig({ EMBEDDINGS_ENDPOINT: "localhost:8080" })).toThrow(
      /EMBEDDINGS_ENDPOINT: must be the http\(s\) base URL/,
    );
    expect(() =>
      loadConfig({ EMBEDDINGS_ENDPOINT: "http://localhost:8080/v1", EMBEDDINGS_QUESTION_TIMEOUT_MS: "9000" }),
    ).toThrow(/EMBEDDINGS_QUESTION_TIMEOUT_MS=9000: must be less than TURN_BUDGET_MS/);
  });

  it("never prints a database password", () => {
    expect(redactDatabaseUrl("postgresql://bot:p%40ss@db:5432/x")).toBe("postgresql://bot:***@db:5432/x");
    expect(redactDatabaseUrl("file:/data/x.db")).toBe("file:/data/x.db");
  });
});
