// audit: who imported, changed roles, and submitted or edited status, and when.
import type { Command } from "commander";
import { displayName, revealInvisible } from "../../people/display-name.ts";
import { parseDateOption } from "./agreement-commands.ts";
import { CliFailure, type CliContext } from "./cli-context.ts";

/** "+01:00" in winter, "+02:00" in summer, for midnight of `date` in Europe/Stockholm. */
function stockholmOffset(date: string): string {
  const noon = new Date(`${date}T12:00:00Z`);
  const name =
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Stockholm", timeZoneName: "shortOffset" })
      .formatToParts(noon)
      .find((p) => p.type === "timeZoneName")?.value ?? "GMT+1";
  const hours = Number(/GMT([+-]\d+)/.exec(name)?.[1] ?? "1");
  return `${hours >= 0 ? "+" : "-"}${String(Math.abs(hours)).padStart(2, "0")}:00`;
}

/** "Anna Andersson", or the shown name and what was really sent when they differ. */
function actorLabel(sent: string): string {
  const shown = displayName(sent) ?? "–";
  const revealed = revealInvisible(sent);
  return revealed === sent ? shown : `${shown} (sent as "${revealed}")`;
}

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
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1)
        throw new CliFailure(`--limit must be a whole number above 0 (got "${options.limit}").`, 2);
      // "since" is a Stockholm calendar day: its first instant in that time zone.
      const start = since ? new Date(`${since}T00:00:00${stockholmOffset(since)}`) : undefined;
      const entries = await services.audit.list({ action: options.action, since: start, limit });
      // The audit keeps names exactly as sent; shown here with invisible characters written out
      // (\u202E), so a right-to-left override can neither hide nor reorder anything. The JSON stays the same data.
      if (options.json) return void context.out(revealInvisible(JSON.stringify(entries, null, 2)));
      if (entries.length === 0) return void context.out("The audit log is empty.");
      for (const e of entries) {
        const name = e.actorName === undefined ? e.actor : actorLabel(e.actorName);
        context.out(
          `${e.at.toISOString().slice(0, 19).replace("T", " ")}Z  ${e.action.padEnd(13)} ${name}  ${revealInvisible(e.subject)}  ${revealInvisible(JSON.stringify(e.detail))}`,
        );
      }
    });
}
