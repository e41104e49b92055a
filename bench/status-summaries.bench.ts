// Status submits through the real teams-ai Application (Action.Execute invoke → use case → SQLite),
// and summaries of the largest seed agreement after a year of reporting: build, card, Markdown, Word.
import { CardRenderer } from "../src/adapters/teams/card-renderer.ts";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { TestAdapter, type Activity } from "botbuilder";
import { importDocument } from "../src/agreements/import-document.ts";
import { loadConfig } from "../src/config/config.ts";
import { composeServices, prepareDatabase } from "../src/composition-root.ts";
import { teamsDependencies } from "../src/teams-composition.ts";
import { renderSummaryDocx } from "../src/adapters/documents/summary-docx.ts";
import { summaryCardData } from "../src/adapters/teams/cards/summary-card.ts";
import { createTeamsApplication } from "../src/adapters/teams/teams-app.ts";
import { grantRole } from "../src/people/manage-roles.ts";
import { Permissions } from "../src/people/roles.ts";
import { silentLogger } from "../src/shared/logger.ts";
import { fixedClock } from "../src/shared/clock.ts";
import { renderSummaryMarkdown } from "../src/summaries/render-markdown.ts";
import { summarise } from "../src/summaries/summarise.ts";
import { submitStatus } from "../src/status/submit-status.ts";
import { percentile, round, timeEach, type BenchReport } from "./bench-kit.ts";

const seeds = resolve(process.env.UPPFOLJNING_SEEDS ?? join(import.meta.dirname, "../../shared/seeds"));

export async function run(): Promise<BenchReport[]> {
  const folder = mkdtempSync(join(tmpdir(), "bench-status-"));
  const config = loadConfig({ DATABASE_URL: `file:${join(folder, "bench.db")}`, REMINDER_SCHEDULE: "off" });
  await prepareDatabase(config, silentLogger);
  const clock = fixedClock(new Date("2026-02-02T08:00:00Z"));
  const services = await composeServices(config, { logger: silentLogger, clock });
  try {
    for (const name of readdirSync(seeds).sort())
      await importDocument({ name, bytes: readFileSync(join(seeds, name)) }, services.importDependencies);
    const chief = { tenantId: "tenant", aadObjectId: "aad-chief", name: "Chief" };
    await grantRole(services, { kind: "operator", name: "bench" }, { ...chief, role: "chief", scope: "DSO" });

    // A year of reporting on the 2026 agreement: one status per assignment and reporting item.
    const assignments = await services.status.reportableAssignments({ agreementId: "sn-dso-2026" });
    const admin = new Permissions(chief, [], true);
    let stored = 0;
    for (const assignment of assignments) {
      for (const point of assignment.points) {
        const levels = ["on_track", "at_risk", "delayed", "done"] as const;
        const outcome = await submitStatus(services, admin, {
          assignmentId: assignment.id,
          idempotencyKey: `bench-seed-${assignment.id}-${assignment.points.indexOf(point)}`,
          baseVersion: 0,
          fields: {
            status: levels[stored % 4],
            text: `Rapport ${stored}: arbetet fortsätter enligt plan med vissa avvikelser som följs upp.`,
            period: point.key,
          },
        });
        if (outcome.kind === "stored") stored += 1;
      }
    }

    // Card submits: edits of one status through the Application, each a new version.
    const app = createTeamsApplication(teamsDependencies(services));
    const adapter = new TestAdapter(async (context) => {
      await app.run(context);
    });
    const target = assignments.find((a) => a.points.some((p) => p.dueDate && p.dueDate >= "2026-02-02"))!;
    const point = target.points.find((p) => p.dueDate && p.dueDate >= "2026-02-02")!;
    let version = (await services.status.findUpdate(target.id, point.key))?.version ?? 0;
    const invoke = (i: number): Partial<Activity> => ({
      type: "invoke",
      name: "adaptiveCard/action",
      channelId: "msteams",
      serviceUrl: "https://smba.trafficmanager.net/emea/",
      from: { id: "29:chief", aadObjectId: chief.aadObjectId, name: chief.name },
      recipient: { id: "28:bot", name: "Uppföljningsboten" },
      conversation: {
        id: "a:personal-chief",
        conversationType: "personal",
        tenantId: chief.tenantId,
        isGroup: false,
        name: "",
      },
      channelData: { tenant: { id: chief.tenantId } },
      value: {
        action: {
          type: "Action.Execute",
          verb: "status.submit",
          data: {
            assignmentId: target.id,
            idempotencyKey: `bench-edit-${i}`,
            baseVersion: version,
            period: point.key,
            status: "at_risk",
            text: `Ändring ${i}`,
          },
        },
      },
    });
    const submits = 300;
    const { latencies: submitMs, totalMs: submitTotal } = await timeEach(submits, async (i) => {
      await adapter.processActivity(invoke(i));
      adapter.activeQueue.splice(0);
      version += 1;
    });
    const finalVersion = (await services.status.findUpdate(target.id, point.key))?.version;

    const request = { agreementId: "sn-dso-2026", period: "helar" as const, asOf: "2027-02-01" };
    const rounds = 50;
    const { latencies: buildMs } = await timeEach(rounds, () => summarise(services, admin, request));
    const summary = await summarise(services, admin, request);
    const cards = new CardRenderer();
    const { latencies: cardMs } = await timeEach(rounds, async () =>
      cards.render("summary", summaryCardData("sv", summary, { page: 1 })),
    );
    const { latencies: markdownMs } = await timeEach(rounds, async () => renderSummaryMarkdown(summary));
    const { latencies: docxMs } = await timeEach(rounds, () => renderSummaryDocx(summary));
    const docxBytes = (await renderSummaryDocx(summary)).length;
    const largestCard = Math.max(
      ...Array.from(
        { length: Math.ceil(summary.entries.length / 8) },
        (_, i) => JSON.stringify(cards.render("summary", summaryCardData("sv", summary, { page: i + 1 }))).length,
      ),
    );

    return [
      {
        name: "status submit as a card action (Action.Execute → use case → SQLite, in process)",
        figures: {
          submits,
          "stored versions (expected = submits)": `${(finalVersion ?? 0) - (version - submits)} of ${submits}`,
          "p50 ms": round(percentile(submitMs, 50)),
          "p95 ms": round(percentile(submitMs, 95)),
          "submits/s (one at a time)": round((submits / submitTotal) * 1000, 0),
        },
      },
      {
        name: `helår summary of sn-dso-2026 (${summary.entries.length} assignments, ${stored} status updates)`,
        figures: {
          "build p50 / p95 ms": `${round(percentile(buildMs, 50))} / ${round(percentile(buildMs, 95))}`,
          "card page p50 ms": round(percentile(cardMs, 50)),
          "Markdown p50 ms": round(percentile(markdownMs, 50)),
          "Word p50 / p95 ms": `${round(percentile(docxMs, 50))} / ${round(percentile(docxMs, 95))}`,
          "Word bytes": docxBytes,
          "largest card page bytes (Teams limit ~28 000)": largestCard,
        },
      },
    ];
  } finally {
    await services.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
