// reminders run | list: the reminder job the bot schedules, on demand, and what it has sent.
import type { Command } from "commander";
import { fixedClock } from "../../shared/clock.ts";
import { parseDateOption } from "./agreement-commands.ts";
import type { CliContext } from "./cli-context.ts";

export function registerReminderCommands(program: Command, context: CliContext): void {
  const reminders = program.command("reminders").description("status reminders before submission dates");

  reminders
    .command("run")
    .description("send the reminders that are due now (the bot does this on REMINDER_SCHEDULE); each is sent once")
    .option("--dry-run", "only show who would get which reminder")
    .option("--today <date>", "with --dry-run: plan as if it were this day (YYYY-MM-DD)")
    .action(async (options: { dryRun?: boolean; today?: string }) => {
      const services = await context.services();
      const today = parseDateOption(options.today, "today");
      if (today && !options.dryRun)
        throw new Error("--today only works with --dry-run: real reminders go out on the real day.");
      if (today) services.clock = fixedClock(new Date(`${today}T08:00:00+01:00`));
      // Loaded only here: teams-ai and botbuilder cost a CLI start about a second and a half.
      const { composeTeams } = await import("../../teams-composition.ts");
      const { sendReminders } = composeTeams(services);
      const { reminders: planned, ...report } = await sendReminders({ dryRun: options.dryRun });
      for (const r of planned) {
        context.out(
          `${options.dryRun ? "would send" : "due"}: ${r.recipient.name ?? r.recipient.aadObjectId} — ${r.agreement.id}, status due ${r.dueDate} (${r.daysLeft} days, step ${r.daysBefore}): ${r.items.length} assignment(s)`,
        );
      }
      context.out(
        options.dryRun
          ? `${report.planned} reminder(s) planned for ${report.today}; nothing sent (dry run).`
          : `${report.today}: ${report.sent} sent, ${report.skippedAlreadyClaimed} already sent before, ${report.noConversation} without a chat with the bot, ${report.failed} failed.`,
      );
    });

  reminders
    .command("list")
    .description("reminders claimed and their outcome")
    .option("--json", "print JSON")
    .action(async (options: { json?: boolean }) => {
      const services = await context.services();
      const rows = await services.reminderDeliveries.list();
      if (options.json) return void context.out(JSON.stringify(rows, null, 2));
      if (rows.length === 0) return void context.out("No reminders sent yet.");
      for (const r of rows) {
        context.out(
          `${r.claimedAt.toISOString().slice(0, 16).replace("T", " ")}Z  ${r.aadObjectId}  ${r.agreementId} due ${r.dueDate} (step ${r.daysBefore}): ${r.outcome ?? "in progress or interrupted"}${r.error ? ` — ${r.error}` : ""}`,
        );
      }
    });
}
