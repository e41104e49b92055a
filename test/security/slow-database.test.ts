// A database that answers, but slowly: every round trip to PostgreSQL takes seconds longer (a loopback
// proxy adds the delay). The bot must still answer inside Teams' window, and say that the database is
// unavailable instead of losing what the chief typed; the health check must say so at once.
import BetterSqlite3 from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { grantRole } from "../../src/people/manage-roles.ts";
import {
  actionData,
  cardInputs,
  cardOf,
  cardTexts,
  createBotHarness,
  invokeCard,
  type BotHarness,
} from "../support/bot-harness.ts";
import { grantSeedRoles, importSeeds } from "../support/seeded-corpus.ts";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy.ts";
import { anna, cardAction, cecilia, message, TENANT } from "../support/teams-activities.ts";

const operator = { kind: "operator" as const, name: "test" };

/** What an Action.Execute answered: a card that replaces the clicked one, or a message that leaves it as it is. */
function invokeAnswer(replies: Awaited<ReturnType<BotHarness["send"]>>): { type?: string; value?: unknown } {
  const response = replies.find((r) => r.type === "invokeResponse")?.value as
    | { body?: { type?: string; value?: unknown } }
    | undefined;
  return response?.body ?? {};
}

describe("a PostgreSQL server that answers slowly", () => {
  let bot: BotHarness;
  let proxy: TcpProxy;
  let submit: Record<string, unknown>;

  beforeAll(async () => {
    const { postgres } = inject("testDatabases");
    proxy = await startTcpProxy({ host: postgres.host, port: postgres.port });
    bot = await createBotHarness({
      provider: "postgresql",
      now: new Date("2025-04-28T08:00:00Z"),
      env: { REMINDER_SCHEDULE: "off", DIGEST_SCHEDULE: "off" },
      databaseUrl: (url) => {
        const parsed = new URL(url);
        parsed.host = `127.0.0.1:${proxy.port}`;
        return parsed.toString();
      },
    });
    await importSeeds(bot.services);
    await grantSeedRoles(bot.services);
    const form = cardOf((await bot.send(message("status arbetsmarknadsverksamhet"))).at(-1))!;
    submit = {
      ...actionData(form, "status.submit"),
      ...cardInputs(form),
      status: "at_risk",
      text: "Två platser saknas i Jobbtorg.",
    };
  }, 120_000);
  afterAll(async () => {
    await bot?.close();
    await proxy?.close();
  });

  it("with 3 s added to every round trip, a submit says the database is unavailable and leaves the card with its input", async () => {
    proxy.delay(3000);
    try {
      const answer = invokeAnswer(await bot.send(cardAction("status.submit", submit)));
      // A message, not a card: Teams keeps the clicked card, and what was typed in it, as it is.
      expect(answer.type).toBe("application/vnd.microsoft.activity.message");
      expect(answer.value).toEqual(expect.stringContaining("Databasen svarar inte just nu"));
    } finally {
      proxy.delay(0);
    }
  }, 60_000);

  it("with 3 s added to every round trip, a question says the database is unavailable", async () => {
    proxy.delay(3000);
    try {
      const replies = await bot.send(message("vad ska redovisas i maj 2025?", cecilia));
      expect(replies.map((r) => r.text ?? cardTexts(cardOf(r)).join(" ")).join(" ")).toContain(
        "Databasen svarar inte just nu",
      );
    } finally {
      proxy.delay(0);
    }
  }, 60_000);

  it("with 1 s added to every round trip, the health check reports the database as unavailable", async () => {
    proxy.delay(1000);
    try {
      const report = await bot.services.health();
      expect(report).toMatchObject({ status: "degraded", database: { reachable: false } });
    } finally {
      proxy.delay(0);
    }
  }, 60_000);

  it("once the database is fast again, the same card is stored exactly once", async () => {
    // The timed-out submit may still have been written after its answer; either way one update, one revision.
    const stored = invokeCard(await bot.send(cardAction("status.submit", submit)));
    expect(cardTexts(stored).join(" ")).toMatch(/Status sparad|redan sparad/);
    expect(await bot.services.database.prisma.statusRevision.count()).toBe(1);
    expect((await bot.services.health()).status).toBe("ok");
  }, 60_000);
});

describe("an SQLite file another process keeps locked for writing", () => {
  let bot: BotHarness;
  let submit: Record<string, unknown>;

  beforeAll(async () => {
    bot = await createBotHarness({
      now: new Date("2025-04-28T08:00:00Z"),
      env: { SQLITE_BUSY_TIMEOUT_MS: "300", REMINDER_SCHEDULE: "off", DIGEST_SCHEDULE: "off" },
    });
    await importSeeds(bot.services);
    await grantRole(bot.services, operator, {
      tenantId: TENANT,
      aadObjectId: anna.aadObjectId,
      role: "chief",
      scope: "DSO",
    });
    const form = cardOf((await bot.send(message("status arbetsmarknadsverksamhet"))).at(-1))!;
    submit = { ...actionData(form, "status.submit"), ...cardInputs(form), status: "done", text: "Klart enligt plan." };
  }, 120_000);
  afterAll(() => bot?.close());

  it("waits SQLITE_BUSY_TIMEOUT_MS for the lock, then says the database is unavailable and leaves the card with its input", async () => {
    const other = new BetterSqlite3(bot.db.url.slice("file:".length), { timeout: 0 });
    other.exec("BEGIN IMMEDIATE");
    try {
      const answer = invokeAnswer(await bot.send(cardAction("status.submit", submit)));
      expect(answer.type).toBe("application/vnd.microsoft.activity.message");
      expect(answer.value).toEqual(expect.stringContaining("Databasen svarar inte just nu"));
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
    expect(await bot.services.database.prisma.statusUpdate.count()).toBe(0);
    expect(cardTexts(invokeCard(await bot.send(cardAction("status.submit", submit)))).join(" ")).toContain(
      "Status sparad",
    );
  });
});
