// The command-line interface: the same services and use cases as the bot, driven by arguments.
import { Command, CommanderError } from "commander";
import { ConfigError, loadConfig, redactDatabaseUrl, type Config } from "../../config/config.ts";
import type { Services } from "../../composition-root.ts";
import { isDatabaseUnavailable, MigrationError } from "../storage/storage-errors.ts";
import { appVersion } from "../version.ts";
import { CliFailure, type CliContext } from "./cli-context.ts";
import { registerAppPackageCommand } from "./app-package-command.ts";
import { registerDbCommands } from "./db-commands.ts";
import { registerAgreementCommands } from "./agreement-commands.ts";
import { registerAskCommand } from "./ask-command.ts";
import { registerEvalCommand } from "./eval-command.ts";
import { registerRoleCommands } from "./role-commands.ts";
import { registerStatusCommands } from "./status-commands.ts";
import { registerReminderCommands } from "./reminder-commands.ts";
import { registerAuditCommand } from "./audit-command.ts";
import { registerSummaryCommand } from "./summary-command.ts";
import { registerPeriodsCommand } from "./periods-command.ts";
import { registerDigestCommand } from "./digest-command.ts";

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  env: Record<string, string | undefined>;
  cwd: string;
}

const defaultIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
  cwd: process.cwd(),
};

export function buildProgram(context: CliContext, cwd: string): Command {
  const program = new Command()
    .name("uppfoljning")
    .description("Uppföljningsboten: agreements, deadlines and status follow-up for municipal committees")
    .showHelpAfterError()
    .enablePositionalOptions()
    .configureOutput({ writeOut: (s) => context.out(s.trimEnd()), writeErr: (s) => context.err(s.trimEnd()) })
    .exitOverride();

  program
    .command("version")
    .description("print the version and the database in use")
    .action(() => {
      context.out(`uppfoljningsboten ${appVersion}`);
      context.out(`node ${process.version}`);
      context.out(`database ${redactDatabaseUrl(context.config.database.url)} (${context.config.database.provider})`);
    });

  registerDbCommands(program, context);
  registerAgreementCommands(program, context);
  registerAskCommand(program, context);
  registerEvalCommand(program, context);
  registerRoleCommands(program, context);
  registerStatusCommands(program, context);
  registerReminderCommands(program, context);
  registerAuditCommand(program, context);
  registerSummaryCommand(program, context);
  registerPeriodsCommand(program, context);
  registerDigestCommand(program, context);
  registerAppPackageCommand(program, context, cwd);
  return program;
}

/** Runs the CLI and returns its exit code; every failure becomes one readable line on stderr. */
export async function runCli(argv: string[], io: CliIo = defaultIo): Promise<number> {
  let config: Config;
  try {
    config = loadConfig(io.env, io.cwd);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.err(error.message);
      return 2;
    }
    throw error;
  }
  let services: Services | undefined;
  const context: CliContext = {
    config,
    out: io.out,
    err: io.err,
    services: async () => {
      if (!services) {
        // Loaded on first use: `version`, `--help` and `app-package` never open the database.
        const [{ composeServices, prepareDatabase }, { createLogger }] = await Promise.all([
          import("../../composition-root.ts"),
          import("../logging/pino-logger.ts"),
        ]);
        const logger = createLogger(config.logLevel === "info" ? "warn" : config.logLevel, { toStderr: true });
        // Data commands need the current schema: migrate the embedded database, refuse an outdated PostgreSQL.
        await prepareDatabase(config, logger);
        services = await composeServices(config, { logger });
      }
      return services;
    },
  };
  const program = buildProgram(context, io.cwd);
  const previousExitCode = process.exitCode;
  process.exitCode = undefined;
  try {
    await program.parseAsync(argv, { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with code 0; usage errors were already printed by commander.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof CliFailure) {
      io.err(error.message);
      return error.exitCode;
    }
    if (error instanceof MigrationError) {
      io.err(error.message);
      return 1;
    }
    if (isDatabaseUnavailable(error) || (error as { code?: string }).code === "ECONNREFUSED") {
      io.err(`Cannot reach the database at ${redactDatabaseUrl(config.database.url)}: ${(error as Error).message}`);
      return 1;
    }
    io.err(`Error: ${(error as Error).message}`);
    return 1;
  } finally {
    process.exitCode = previousExitCode;
    await services?.close();
  }
}
