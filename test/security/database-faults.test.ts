// The PostgreSQL server disappears for a while (connections dropped, new ones refused) and comes
// back: a question, a status submit and a digest run each fail with a clear "try again", nothing is
// half-written, and everything works again without restarting the bot.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { runDigests } from "../../src/composition-root.ts";
import type { Digest, DigestRecipient } from "../../src/digest/digest-model.ts";
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
import { cardAction, cecilia, message, TENANT } from "../support/teams-activities.ts";

describe("a PostgreSQL outage and its end, without restarting the bot", () => {
  let bot: BotHarness;
  let proxy: TcpProxy;
  const sent: string[] = [];
  const channel = {
    send: async (recipient: DigestRecipient, _digest: Digest) => (
      sent.push(recipient.key), { activityId: `a${sent.length}` }
    ),
  };
  const pacer = { beforeSend: async () => {}, sleep: async () => {} };

  beforeAll(async () => {
    const { postgres } = inject("testDatabases");
    proxy = await startTcpProxy({ host: postgres.host, port: postgres.port });
    bot = await createBotHarness({
      provider: "postgresql",
      now: new Date("2025-04-28T08:00:00Z"),
      env: { REMINDER_SCHEDULE: "off", DIGEST_SCHEDULE: "off" },
      // The bot reaches PostgreSQL only through the proxy the test can cut.
      databaseUrl: (url) => {
        const parsed = new URL(url);
        parsed.host = `127.0.0.1:${proxy.port}`;
        return parsed.toString();
      },
    });
    await importSeeds(bot.services);
    await grantSeedRoles(bot.services);
  }, 120_000);
  afterAll(async () => {
    await bot?.close();
    await proxy?.close();
  });

  it("says 'try again' for a question, a submit and a digest while it is down, and stores nothing half-way", async () => {
    const form = cardOf((await bot.send(message("status arbetsmarknadsverksamhet"))).at(-1))!;
    const submit = {
      ...actionData(form, "status.submit"),
      ...cardInputs(form),
      status: "at_risk",
      text: "Två platser saknas.",
    };

    proxy.down();
    const question = await bot.send(message("vad ska redovisas i maj 2025?", cecilia));
    expect(question.map((r) => r.text ?? cardTexts(cardOf(r)).join(" ")).join(" ")).toContain(
      "Databasen svarar inte just nu",
    );
    const submitted = await bot.send(cardAction("status.submit", submit));
    const response = submitted.find((r) => r.type === "invokeResponse")?.value as { body: { value: unknown } };
    expect(response.body.value).toEqual(expect.stringContaining("Databasen svarar inte just nu"));
    await expect(runDigests(bot.services, channel, { pacer })).rejects.toThrow();
    expect(sent).toEqual([]);

    proxy.up();
    expect(await bot.services.database.prisma.statusUpdate.count()).toBe(0);
    expect(await bot.services.database.prisma.digestDelivery.count()).toBe(0);
  });

  it("works again as soon as it is back: the same question, the same card, the digest once", async () => {
    const question = await bot.send(message("vad ska redovisas i maj 2025?", cecilia));
    expect(cardTexts(cardOf(question[0])).join(" ")).toContain("Redovisningar i maj 2025");
    const form = cardOf((await bot.send(message("status arbetsmarknadsverksamhet"))).at(-1))!;
    const stored = invokeCard(
      await bot.send(
        cardAction("status.submit", {
          ...actionData(form, "status.submit"),
          ...cardInputs(form),
          status: "at_risk",
          text: "Två platser saknas.",
        }),
      ),
    );
    expect(cardTexts(stored).join(" ")).toContain("Status sparad");
    expect(await runDigests(bot.services, channel, { pacer })).toMatchObject({ sent: 1 });
    expect(sent).toEqual([`person:${TENANT}/${cecilia.aadObjectId}`]);
  });
});
