import type { Command } from "commander";
import { redactDatabaseUrl } from "../../config/config.ts";
import { applyMigrations, migrationStatus } from "../storage/migrator.ts";
import type { CliContext } from "./cli-context.ts";

export function registerDbCommands(program: Command, context: CliContext): void {
  const db = program.command("db").description("inspect and upgrade the database schema");

  db.command("status")
    .description("show which migrations are applied and which are pending (exit code 1 when not up to date)")
    .option("--json", "print JSON")
    .action(async (options: { json?: boolean }) => {
      const { url } = context.config.database;
      const status = await migrationStatus(url);
      const upToDate = status.pending.length === 0 && status.modified.length === 0 && status.failed.length === 0;
      if (options.json) {
        context.out(JSON.stringify({ database: redactDatabaseUrl(url), upToDate, ...status }, null, 2));
      } else {
        context.out(`Database: ${redactDatabaseUrl(url)} (${status.provider})`);
        context.out(`Applied migrations: ${status.applied.length}`);
        for (const m of status.applied) context.out(`  ✔ ${m.name}  (${m.finishedAt})`);
        for (const name of status.pending) context.out(`  … ${name}  (pending)`);
        for (const name of status.modified) context.out(`  ! ${name}  (file changed after it was applied)`);
        for (const name of status.failed) context.out(`  ✘ ${name}  (started, never finished)`);
        for (const name of status.unknown)
          context.out(`  ? ${name}  (applied, but not in this version of the code: the database is newer)`);
        context.out(
          upToDate ? "The database is up to date." : "The database is NOT up to date. Run: npm run cli -- db migrate",
        );
      }
      if (!upToDate) process.exitCode = 1;
    });

  db.command("migrate")
    .description("apply pending migrations (run this after upgrading when using PostgreSQL)")
    .action(async () => {
      const { url } = context.config.database;
      const applied = await applyMigrations(url);
      if (applied.length === 0) {
        context.out(`The database is already up to date (${redactDatabaseUrl(url)}).`);
      } else {
        for (const name of applied) context.out(`applied ${name}`);
        context.out(`${applied.length} migration(s) applied to ${redactDatabaseUrl(url)}.`);
      }
    });
}
