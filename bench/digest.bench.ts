// Weekly digest for 1,000 experts: building every digest (target < 5 s), then sending them through
// the real Teams sender to a loopback stand-in for the Bot Framework connector, paced under Teams'
// limit of 50 requests per second per app and tenant.
import { CardRenderer } from "../src/adapters/teams/card-renderer.ts";
import { createServer } from "node:http";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { TurnContext, type Activity } from "botbuilder";
import { TeamsAdapter } from "@microsoft/teams-ai";
import { importDocument } from "../src/agreements/import-document.ts";
import { loadConfig } from "../src/config/config.ts";
import { composeServices, digestDataDependencies, prepareDatabase, runDigests } from "../src/composition-root.ts";
import { TeamsDigestChannel } from "../src/adapters/teams/proactive-digest.ts";
import { composeDigest, digestRecipients, loadDigestData } from "../src/digest/send-digests.ts";
import { fixedClock } from "../src/shared/clock.ts";
import { silentLogger } from "../src/shared/logger.ts";
import { round, type BenchReport } from "./bench-kit.ts";

const seeds = resolve(process.env.UPPFOLJNING_SEEDS ?? join(import.meta.dirname, "../../shared/seeds"));
const experts = 1000;
const tenant = "tenant-bench";

export async function run(): Promise<BenchReport[]> {
  // The connector stand-in: answers every post like Teams does and records when it arrived.
  const arrivals: number[] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      arrivals.push(performance.now());
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ id: `activity-${arrivals.length}` }));
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const serviceUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;

  const folder = mkdtempSync(join(tmpdir(), "bench-digest-"));
  const config = loadConfig({
    DATABASE_URL: `file:${join(folder, "bench.db")}`,
    REMINDER_SCHEDULE: "off",
    DIGEST_SCHEDULE: "off",
  });
  await prepareDatabase(config, silentLogger);
  const clock = fixedClock(new Date("2026-03-02T06:30:00Z")); // a Monday, 07:30 in Stockholm
  const services = await composeServices(config, { logger: silentLogger, clock });
  try {
    for (const name of readdirSync(seeds).sort())
      await importDocument({ name, bytes: readFileSync(join(seeds, name)) }, services.importDependencies);
    for (let i = 0; i < experts; i++) {
      const aadObjectId = `00000000-0000-0000-0000-${String(i).padStart(12, "0")}`;
      await services.roles.grant({
        tenantId: tenant,
        aadObjectId,
        displayName: `Expert ${i}`,
        role: "expert",
        scope: i % 2 ? "KAN" : "SN",
        grantedBy: "bench",
        grantedAt: clock.now(),
      });
      const activity = {
        type: "message",
        id: `m${i}`,
        channelId: "msteams",
        serviceUrl,
        from: { id: `29:${i}`, aadObjectId, name: `Expert ${i}` },
        recipient: { id: "28:bot", name: "Uppföljningsboten" },
        conversation: {
          id: `a:personal-${i}`,
          conversationType: "personal",
          tenantId: tenant,
          isGroup: false,
          name: "",
        },
      } as unknown as Activity;
      await services.conversations.recordSighting(
        {
          tenantId: tenant,
          conversationId: `a:personal-${i}`,
          conversationType: "personal",
          serviceUrl,
          reference: TurnContext.getConversationReference(activity),
          person: { aadObjectId, displayName: `Expert ${i}` },
        },
        clock.now(),
      );
    }

    // Build: every recipient's digest from one load of the data, as a run does.
    const t0 = performance.now();
    const deps = digestDataDependencies(services);
    const data = await loadDigestData(deps, "2026-03-02", config.digest.horizonDays);
    const recipients = await digestRecipients({
      roles: services.roles,
      preferences: services.digestPreferences,
      conversations: services.conversations,
    });
    let items = 0;
    for (const recipient of recipients) {
      const digest = await composeDigest(deps, recipient, {
        today: "2026-03-02",
        horizonDays: config.digest.horizonDays,
        data,
      });
      items += digest.upcoming.length + digest.overdue.length + digest.updates.length;
    }
    const buildMs = performance.now() - t0;

    // Send: the real run (claim, send, record) at the configured pace.
    const cards = new CardRenderer();
    const channel = new TeamsDigestChannel(new TeamsAdapter({}), undefined, services.conversations, cards);
    const s0 = performance.now();
    const report = await runDigests(services, channel);
    const sendMs = performance.now() - s0;
    let busiestSecond = 0;
    for (const start of arrivals)
      busiestSecond = Math.max(busiestSecond, arrivals.filter((t) => t >= start && t < start + 1000).length);
    const again = await runDigests(services, channel);

    return [
      {
        name: `weekly digest: build for ${recipients.length} experts (seed agreements)`,
        figures: {
          "total ms": round(buildMs, 0),
          "per expert ms": round(buildMs / recipients.length, 3),
          "items in all digests": items,
        },
        target: { description: "< 5 s for 1,000 experts", met: buildMs < 5000 },
      },
      {
        name: `weekly digest: send to ${experts} experts through the Teams sender (loopback connector)`,
        figures: {
          sent: report.sent,
          "duplicates on a second run": again.sent,
          "total s": round(sendMs / 1000, 1),
          "messages/s": round((report.sent / sendMs) * 1000, 1),
          "busiest second at the connector": busiestSecond,
          "configured pace (DIGEST_SENDS_PER_SECOND)": config.digest.sendsPerSecond,
        },
        target: {
          description: "≤ 50 requests/s per app and tenant (Teams), one message per conversation",
          met: busiestSecond <= 50 && again.sent === 0,
        },
      },
    ];
  } finally {
    await services.close();
    server.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
