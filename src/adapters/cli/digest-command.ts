// digest: render the weekly digest for a week (dry run), send it, or show what was delivered.
import type { Command } from "commander";
import { digestDataDependencies } from "../../composition-root.ts";
import { isoWeekOf, mondayOf, parseIsoWeek } from "../../digest/iso-week.ts";
import { composeDigest, digestRecipients, loadDigestData } from "../../digest/send-digests.ts";
import { calendarDate } from "../../shared/text/swedish-dates.ts";
import { digestFallbackText } from "../teams/cards/digest-card.ts";
import { CliFailure, type CliContext } from "./cli-context.ts";

export function registerDigestCommand(program: Command, context: CliContext): void {
  program
    .command("digest")
    .description("the weekly digest to committee experts: show it (default), --send it, or --status of deliveries")
    .option("--week <yyyy-Www>", "ISO week, e.g. 2026-W48 (default: this week)")
    .option("--committee <code>", "only recipients following this committee")
    .option("--dry-run", "show what each recipient would get (the default)")
    .option("--send", "send this week's digest now; each recipient gets it once per week, however often this runs")
    .option("--status", "show the deliveries (of --week, or all)")
    .option("--json", "print JSON")
    .action(
      async (options: {
        week?: string;
        committee?: string;
        dryRun?: boolean;
        send?: boolean;
        status?: boolean;
        json?: boolean;
      }) => {
        const week = options.week === undefined ? undefined : parseIsoWeek(options.week);
        if (options.week !== undefined && !week)
          throw new CliFailure(`--week must be an ISO week such as 2026-W48 (got "${options.week}").`, 2);
        if (options.send && options.dryRun) throw new CliFailure("Choose --send or --dry-run, not both.", 2);
        const services = await context.services();

        if (options.status) {
          const rows = await services.digestDeliveries.list({ week: week ?? undefined });
          if (options.json) return void context.out(JSON.stringify(rows, null, 2));
          if (rows.length === 0)
            return void context.out(week ? `No digests claimed for ${week}.` : "No digests sent yet.");
          for (const r of rows) {
            const outcome = r.outcome ?? "unknown (claimed, no outcome recorded: the process stopped while sending)";
            context.out(
              `${r.week}  ${(r.recipientName ?? r.recipientKey).padEnd(28)} ${outcome}${r.attempts > 1 ? ` after ${r.attempts} attempts` : ""}${r.activityId ? `  activity ${r.activityId}` : ""}${r.error ? `  — ${r.error}` : ""}`,
            );
          }
          return;
        }

        const today = calendarDate(services.clock.now());
        if (options.send) {
          if (week && week !== isoWeekOf(today))
            throw new CliFailure(
              `--send only sends this week's digest (${isoWeekOf(today)}); use --dry-run to look at ${week}.`,
              2,
            );
          // Loaded only to send: teams-ai and botbuilder cost a CLI start about a second and a half.
          const { composeTeams } = await import("../../teams-composition.ts");
          const report = await composeTeams(services).sendDigests({ committee: options.committee });
          if (options.json) return void context.out(JSON.stringify(report, null, 2));
          context.out(
            `${report.week}: ${report.sent} sent (${report.quiet} all quiet), ${report.alreadyClaimed} already sent before, ${report.paused} paused, ` +
              `${report.noConversation} without a chat with the bot, ${report.failed} failed, ${report.unknown} unknown; ${report.retries} throttled retries.`,
          );
          return;
        }

        // Dry run: as it would be on that week's Monday (or today, for this week).
        const shownWeek = week ?? isoWeekOf(today);
        const day = shownWeek === isoWeekOf(today) ? today : mondayOf(shownWeek);
        const horizonDays = services.config.digest.horizonDays;
        const deps = digestDataDependencies(services);
        const data = await loadDigestData(deps, day, horizonDays);
        const recipients = (
          await digestRecipients({
            roles: services.roles,
            preferences: services.digestPreferences,
            conversations: services.conversations,
          })
        ).filter((r) => !options.committee || r.committeeCodes.includes(options.committee.toUpperCase()));
        const digests = [];
        for (const recipient of recipients)
          digests.push(await composeDigest(deps, recipient, { week: shownWeek, today: day, horizonDays, data }));
        if (options.json) return void context.out(JSON.stringify(digests, null, 2));
        if (digests.length === 0)
          return void context.out(
            "Nobody gets a digest: grant the expert role first (roles grant expert <committee> --user …).",
          );
        for (const digest of digests) {
          context.out(
            `${digest.recipient.name ?? digest.recipient.key} (${digest.committees.join(", ")}): ${digestFallbackText("sv", digest)}`,
          );
          for (const d of digest.upcoming)
            context.out(
              `  ${d.date}  ${d.kind === "meeting" ? "sammanträde" : "underlag senast"}  ${d.agreementId}  ${d.title}`,
            );
          for (const o of digest.overdue.slice(0, 10))
            context.out(`  FÖRSENAD ${o.dueDate}  ${o.agreementId}  ${o.assignment}`);
          if (digest.overdue.length > 10) context.out(`  … och ${digest.overdue.length - 10} försenade till`);
          for (const u of digest.updates) context.out(`  NY ${u.status}  ${u.assignment}: ${u.excerpt}`);
        }
      },
    );
}
