// audit: who imported, changed roles, and submitted or edited status, and when.
import type { Command } from "commander";
import { parseDateOption } from "./agreement-commands.ts";
import type { CliContext } from "./cli-context.ts";

export function registerAuditCommand(program: Command, context: CliContext): void {
  program
    .command("audit")
    .description("show the audit log, newest first")
    .option("--action <action>", "only this kind: role, role.grant, status, status.edit, import …")
    .option("--since <date>", "only from this day (YYYY-MM-DD)")
    .option("--limit <n>", "at most this many entries", "50")
    .option("--json", "print JSON")
    .action(async (options: { action?: string; since?: string; limit: string; json?: boolean }) => {
      const services = await context.services();
      const since = parseDateOption(options.since, "since");
      const entries = await services.audit.list({ action: options.action, since: since ? new Date(`${since}T00:00:00Z`) : undefined, limit: Math.max(1, Number(options.limit) || 50) });
      if (options.json) return void context.out(JSON.stringify(entries, null, 2));
      if (entries.length === 0) return void context.out("The audit log is empty.");
      for (const e of entries) {
        context.out(`${e.at.toISOString().slice(0, 19).replace("T", " ")}Z  ${e.action.padEnd(13)} ${e.actorName ?? e.actor}  ${e.subject}  ${JSON.stringify(e.detail)}`);
      }
    });
}
