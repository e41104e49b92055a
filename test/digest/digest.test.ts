// The weekly digest: content for a known week, exactly once per (week, recipient) across two bot
// instances on one PostgreSQL database, after a crash, and through throttling; preferences; the
// Teams commands; the Teams sender against a fake connector that throttles.
import { TeamsAdapter } from "@microsoft/teams-ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { composeServices, runDigests, type Services } from "../../src/composition-root.ts";
import { loadConfig } from "../../src/config/config.ts";
import { TeamsDigestChannel } from "../../src/adapters/teams/proactive-digest.ts";
import type { Digest, DigestRecipient } from "../../src/digest/digest-model.ts";
import { isoWeekOf, mondayOf, parseIsoWeek } from "../../src/digest/iso-week.ts";
import { ThrottledError, type DigestChannel } from "../../src/digest/send-digests.ts";
import { grantRole } from "../../src/people/manage-roles.ts";
import { fixedClock } from "../../src/shared/clock.ts";
import { silentLogger } from "../../src/shared/logger.ts";
import { tokenBucketPacer, type SendPacer } from "../../src/shared/send-pacer.ts";
import { recordStatusHistory } from "../fixtures/status-history.ts";
import { cardOf, cardTexts, createBotHarness, type BotHarness } from "../support/bot-harness.ts";
import { startFakeConnector } from "../support/fake-connector.ts";
import { importSeeds } from "../support/seeded-corpus.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import {
  admin,
  anna,
  bertil,
  cecilia,
  message,
  mentionMessage,
  TENANT,
  type TeamsUser,
} from "../support/teams-activities.ts";

const MONDAY = new Date("2025-05-05T05:30:00Z"); // 07:30 in Stockholm, week 19
const operator = { kind: "operator" as const, name: "test" };

/** A channel that records what it would send, optionally failing first. */
function recordingChannel(
  script: Array<"ok" | "throttle" | "unknown"> = [],
): DigestChannel & { sent: Array<{ recipient: string; digest: Digest }> } {
  const sent: Array<{ recipient: string; digest: Digest }> = [];
  let call = 0;
  return {
    sent,
    async send(recipient: DigestRecipient, digest: Digest) {
      const step = script[call++] ?? "ok";
      if (step === "throttle") throw new ThrottledError(2000);
      if (step === "unknown") throw Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
      sent.push({ recipient: recipient.key, digest });
      return { activityId: `activity-${sent.length}` };
    },
  };
}

/** A pacer that records the waits instead of sleeping. */
function recordingPacer(): SendPacer & { waits: number[] } {
  const waits: number[] = [];
  return { waits, beforeSend: async () => {}, sleep: async (ms) => void waits.push(ms) };
}

const experts: TeamsUser[] = [anna, bertil, cecilia];

async function seedExperts(services: Services): Promise<void> {
  for (const user of experts) {
    await grantRole(services, operator, {
      tenantId: TENANT,
      aadObjectId: user.aadObjectId,
      displayName: user.name,
      role: "expert",
      scope: "KAN",
    });
  }
}

describe("ISO weeks", () => {
  it("numbers weeks as ISO 8601 does, across year ends", () => {
    expect(isoWeekOf("2026-11-23")).toBe("2026-W48");
    expect(isoWeekOf("2021-01-03")).toBe("2020-W53");
    expect(isoWeekOf("2024-12-30")).toBe("2025-W01");
    expect(mondayOf("2025-W19")).toBe("2025-05-05");
    expect(parseIsoWeek("2026w48")).toBe("2026-W48");
    expect(parseIsoWeek("2026-W53")).toBe("2026-W53"); // 2026 starts on a Thursday: 53 weeks
    expect(parseIsoWeek("2025-W53")).toBeNull();
    expect(parseIsoWeek("48")).toBeNull();
  });

  it("paces sends under the rate limit", async () => {
    let clock = 0;
    const sends: number[] = [];
    const pacer = tokenBucketPacer({ perSecond: 30, now: () => clock, sleep: async (ms) => void (clock += ms) });
    for (let i = 0; i < 120; i++) {
      await pacer.beforeSend();
      sends.push(clock);
    }
    expect(clock / 1000).toBeGreaterThanOrEqual(3.9); // 120 sends, evenly 30 a second
    expect(clock / 1000).toBeLessThan(4.1);
    const busiest = Math.max(...sends.map((start) => sends.filter((t) => t >= start && t < start + 1000).length));
    expect(busiest).toBeLessThanOrEqual(31); // never a burst above the rate: Teams allows 50 a second
  });
});

describe("the weekly digest (SQLite, one instance)", () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await createBotHarness({
      now: MONDAY,
      env: { ADMIN_AAD_OBJECT_IDS: admin.aadObjectId, REMINDER_SCHEDULE: "off" },
    });
    await importSeeds(bot.services);
    await recordStatusHistory(bot.services, "kan-dso-2025", MONDAY);
    await grantRole(bot.services, operator, {
      tenantId: TENANT,
      aadObjectId: cecilia.aadObjectId,
      displayName: cecilia.name,
      role: "expert",
      scope: "KAN",
    });
  }, 120_000);
  afterAll(() => bot?.close());

  it("says what is due in the next 14 days, what is late and what was reported, for the expert's committee", async () => {
    const channel = recordingChannel();
    const report = await runDigests(bot.services, channel, { pacer: recordingPacer() });
    expect(report).toMatchObject({ week: "2025-W19", recipients: 1, sent: 1 });
    const digest = channel.sent[0]!.digest;
    expect(digest.agreements).toEqual(["kan-dso-2025"]); // KAN's live agreement; the SN agreement is another committee's
    expect(digest.upcoming.length).toBeGreaterThan(0);
    for (const d of digest.upcoming) expect(d.date >= "2025-05-05" && d.date <= "2025-05-19").toBe(true);
    expect(digest.upcoming).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          date: "2025-05-07",
          kind: "submission",
          assignment: "Grunduppdrag Arbetsmarknadsverksamhet",
        }),
      ]),
    );
    expect(digest.overdue).toEqual(expect.arrayContaining([expect.objectContaining({ dueDate: "2025-02-05" })]));
    expect(digest.updates.map((u) => [u.assignment, u.status])).toEqual([
      ["3.3 Grunduppdrag Integrationsvägledning och -samordning", "on_track"],
      ["3.1 Grunduppdrag Arbetsmarknadsverksamhet", "at_risk"],
    ]);
    const card = bot.cards.render(
      "digest",
      (await import("../../src/adapters/teams/cards/digest-card.ts")).digestCardData("sv", digest),
    );
    const texts = cardTexts(card).join("\n");
    expect(texts).toContain("Veckans uppföljning, vecka 19");
    expect(texts).toContain("Kommande 14 dagar");
    expect(texts).toContain("Nytt sedan förra veckan (2)");
    expect(JSON.stringify(card).length).toBeLessThan(28_000);
  });

  it("sends nothing twice the same week, and counts news from the previous digest on", async () => {
    const again = recordingChannel();
    expect(await runDigests(bot.services, again, { pacer: recordingPacer() })).toMatchObject({
      sent: 0,
      alreadyClaimed: 1,
    });
    bot.clock.set(new Date("2025-05-12T05:30:00Z")); // next Monday: the edit of 5 May is the only news
    await recordStatusHistory(bot.services, "kan-dso-2025", new Date("2025-05-12T05:30:00Z")); // adds the edit of 5 May
    const next = recordingChannel();
    await runDigests(bot.services, next, { pacer: recordingPacer() });
    expect(next.sent[0]!.digest.updates.map((u) => [u.status, u.version])).toEqual([["on_track", 2]]);
    bot.clock.set(MONDAY);
  });

  it("gives experts the digest on demand, pauses and resumes it, and skips quiet weeks if asked", async () => {
    const preview = cardOf((await bot.send(message("sammandrag", cecilia)))[0]);
    expect(cardTexts(preview).join("\n")).toContain("Veckans uppföljning, vecka 19");
    expect((await bot.send(message("sammandrag", bertil)))[0]?.text).toContain("Du har ingen sådan roll");
    expect((await bot.send(message("sammandrag paus", cecilia)))[0]?.text).toContain("Veckosammandraget är pausat");
    bot.clock.set(new Date("2025-05-19T05:30:00Z"));
    expect(await runDigests(bot.services, recordingChannel(), { pacer: recordingPacer() })).toMatchObject({
      sent: 0,
      paused: 1,
    });
    expect((await bot.send(message("digest resume", cecilia)))[0]?.text).toContain("The weekly digest is on again");
    expect((await bot.send(message("sammandrag tyst", cecilia)))[0]?.text).toContain(
      "veckor utan något nytt får du inget",
    );
    // A week far from any date in the agreement, with nothing reported: quiet, and skipped as chosen.
    bot.clock.set(new Date("2027-07-05T05:30:00Z"));
    const quiet = recordingChannel();
    expect(await runDigests(bot.services, quiet, { pacer: recordingPacer() })).toMatchObject({ quiet: 1, sent: 0 });
    expect(quiet.sent).toHaveLength(0);
    expect((await bot.services.digestDeliveries.list({ week: "2027-W27" }))[0]).toMatchObject({
      outcome: "quiet_skipped",
    });
    bot.clock.set(MONDAY);
  });

  it("lets an expert connect a team channel to the committee's digest", async () => {
    const team = {
      kind: "channel" as const,
      teamId: "19:team-kan@thread.tacv2",
      channelId: "19:uppfoljning@thread.tacv2",
    };
    expect((await bot.send(mentionMessage("sammandrag", cecilia, team)))[0]?.text).toContain(
      "bara i vår personliga chatt",
    );
    expect((await bot.send(mentionMessage("sammandrag kanal av KAN", cecilia, team)))[0]?.text).toContain(
      "var inte kopplad",
    );
    // Teams names the thread in a channel post; the channel is registered once, whichever thread it was said in.
    const inThread = mentionMessage("sammandrag kanal KAN", cecilia, team);
    inThread.conversation = { ...inThread.conversation!, id: `${team.channelId};messageid=1700000000001` };
    expect((await bot.send(inThread))[0]?.text).toBe("Kanalen får nu veckosammandraget för KAN.");
    expect((await bot.send(mentionMessage("sammandrag kanal KAN", bertil, team)))[0]?.text).toContain(
      "Bara administratörer och sakkunniga för KAN",
    );
    expect(await bot.services.digestPreferences.channels()).toEqual([
      { committeeCode: "KAN", conversationId: team.channelId },
    ]);
  });
});

describe("exactly once, with two bot instances on one PostgreSQL database", () => {
  let db: TestDatabase;
  let first: Services;
  let second: Services;
  const clock = fixedClock(MONDAY);
  beforeAll(async () => {
    db = await createTestDatabase("postgresql");
    const config = loadConfig({ DATABASE_URL: db.url, REMINDER_SCHEDULE: "off" });
    first = await composeServices(config, { logger: silentLogger, clock });
    second = await composeServices(config, { logger: silentLogger, clock });
    await importSeeds(first);
    await seedExperts(first);
  }, 120_000);
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await db?.drop();
  });

  it("delivers one digest per recipient when both instances run at the same moment", async () => {
    const [a, b] = [recordingChannel(), recordingChannel()];
    const reports = await Promise.all([
      runDigests(first, a, { pacer: recordingPacer() }),
      runDigests(second, b, { pacer: recordingPacer() }),
    ]);
    const delivered = [...a.sent, ...b.sent].map((s) => s.recipient).sort();
    expect(delivered).toEqual(experts.map((u) => `person:${TENANT}/${u.aadObjectId}`).sort());
    expect(reports[0]!.sent + reports[1]!.sent).toBe(3);
    expect(reports[0]!.alreadyClaimed + reports[1]!.alreadyClaimed).toBe(3);
    const rows = await first.digestDeliveries.list({ week: "2025-W19" });
    expect(rows.map((r) => r.outcome)).toEqual(["sent", "sent", "sent"]);
  });

  it("never resends after a crash between claiming and sending, or when Teams' answer was lost", async () => {
    clock.set(new Date("2025-05-12T05:30:00Z"));
    // Instance one claims Anna's delivery and dies before sending.
    await first.digestDeliveries.claim(
      "2025-W20",
      {
        key: `person:${TENANT}/${anna.aadObjectId}`,
        kind: "person",
        name: anna.name,
        tenantId: TENANT,
        committeeCodes: ["KAN"],
      },
      clock.now(),
    );
    const lostAnswer = recordingChannel(["unknown"]); // Bertil's send: the connection drops, it may have arrived
    const report = await runDigests(second, lostAnswer, { pacer: recordingPacer() });
    expect(report).toMatchObject({ alreadyClaimed: 1, unknown: 1, sent: 1 });
    const retry = recordingChannel();
    expect(await runDigests(first, retry, { pacer: recordingPacer() })).toMatchObject({ sent: 0, alreadyClaimed: 3 });
    const rows = await first.digestDeliveries.list({ week: "2025-W20" });
    expect(rows.map((r) => [r.recipientName, r.outcome])).toEqual([
      ["Anna Andersson", null],
      ["Bertil Berg", "unknown"],
      ["Cecilia Carlsson", "sent"],
    ]);
  });

  it("retries a throttled send with backoff and delivers it once", async () => {
    clock.set(new Date("2025-05-19T05:30:00Z"));
    const throttled = recordingChannel(["throttle", "throttle", "ok"]);
    const pacer = recordingPacer();
    const report = await runDigests(first, throttled, { pacer });
    expect(report).toMatchObject({ sent: 3, retries: 2, failed: 0 });
    expect(throttled.sent.map((s) => s.recipient)).toHaveLength(3);
    expect(pacer.waits).toEqual([2000, 2000]); // Retry-After honoured (above the backoff floor)
  });
});

describe("the Teams digest sender against a failing connector", () => {
  async function senderRun(connectorResponse: (n: number) => { status: number }, serviceUrlOverride?: string) {
    const connector = await startFakeConnector({ respond: connectorResponse });
    const bot = await createBotHarness({ now: MONDAY, env: { REMINDER_SCHEDULE: "off" } });
    try {
      await importSeeds(bot.services);
      await grantRole(bot.services, operator, {
        tenantId: TENANT,
        aadObjectId: cecilia.aadObjectId,
        displayName: cecilia.name,
        role: "expert",
        scope: "KAN",
      });
      await bot.send({ ...message("hej", cecilia), serviceUrl: serviceUrlOverride ?? connector.serviceUrl });
      const channel = new TeamsDigestChannel(new TeamsAdapter({}), undefined, bot.services.conversations, bot.cards);
      const report = await runDigests(bot.services, channel, { pacer: recordingPacer() });
      return { report, attempts: connector.attempts, rows: await bot.services.digestDeliveries.list() };
    } finally {
      await bot.close();
      await connector.close();
    }
  }

  it("never lets the client library resend after a 503: the outcome is unknown and stays so", async () => {
    const { report, attempts, rows } = await senderRun(() => ({ status: 503 }));
    expect(attempts).toBe(1);
    expect(report).toMatchObject({ sent: 0, unknown: 1 });
    expect(rows[0]).toMatchObject({ outcome: "unknown" });
  });

  it("keeps the delivery open when nothing reached Teams (connection refused)", async () => {
    const { report, rows } = await senderRun(() => ({ status: 200 }), "http://127.0.0.1:9/");
    expect(report).toMatchObject({ sent: 0, failed: 1, unknown: 0 });
    expect(rows).toEqual([]); // released: the next run this week sends it
  });
});

describe("the Teams digest sender against a throttling connector", () => {
  it("gets through a 429 with Retry-After, and the message arrives once", async () => {
    const connector = await startFakeConnector({
      respond: (n) => (n === 1 ? { status: 429, headers: { "retry-after": "1" } } : { status: 200 }),
    });
    const bot = await createBotHarness({ now: MONDAY, env: { REMINDER_SCHEDULE: "off" } });
    try {
      await importSeeds(bot.services);
      await grantRole(bot.services, operator, {
        tenantId: TENANT,
        aadObjectId: cecilia.aadObjectId,
        displayName: cecilia.name,
        role: "expert",
        scope: "KAN",
      });
      await bot.send({ ...message("hej", cecilia), serviceUrl: connector.serviceUrl }); // her personal chat points at the fake connector
      const channel = new TeamsDigestChannel(new TeamsAdapter({}), undefined, bot.services.conversations, bot.cards);
      const pacer = recordingPacer();
      const report = await runDigests(bot.services, channel, { pacer });
      // Our layer retries the 429 (the client library's own retries are off for digests).
      expect(report).toMatchObject({ sent: 1, retries: 1, failed: 0, unknown: 0 });
      expect(pacer.waits[0]).toBeGreaterThanOrEqual(1000);
      expect(connector.attempts).toBe(2);
      expect(connector.received).toHaveLength(1);
      const card = connector.received[0]!.activity.attachments?.[0]?.content;
      expect(cardTexts(card).join("\n")).toContain("Veckans uppföljning, vecka 19");
      expect((await bot.services.digestDeliveries.list())[0]).toMatchObject({ outcome: "sent", activityId: "reply-1" });
    } finally {
      await bot.close();
      await connector.close();
    }
  });
});
