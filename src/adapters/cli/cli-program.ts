// The command-line interface: the same services and use cases as the bot, driven by arguments.
import { Command, CommanderError } from "commander";
import { ConfigError, loadConfig, redactDatabaseUrl, type Config } from "../../config/config.ts";
import type { Services } from "../../composition-root.ts";
import type { Clock } from "../../shared/clock.ts";
import { isDatabaseUnavailable, MigrationError } from "../storage/storage-errors.ts";
import { appVersion } from "../version.ts";
import { CliFailure, type CliContext } from "./cli-context.ts";

type Register = (program: Command, context: CliContext, cwd: string) => void;

/**
 * The command modules, by the top-level commands each registers. Only the module of the command being
 * run is loaded: a module brings its use cases along (the reader, the search, the summaries), and a CLI
 * process that loads all of them for `version` spends most of its life importing.
 */
const commandModules: { commands: string[]; load(): Promise<Register> }[] = [
  { commands: ["db"], load: async () => (await import("./db-commands.ts")).registerDbCommands },
  {
    commands: ["import", "agreements", "deadlines"],
    load: async () => (await import("./agreement-commands.ts")).registerAgreementCommands,
  },
  { commands: ["ask"], load: async () => (await import("./ask-command.ts")).registerAskCommand },
  { commands: ["eval"], load: async () => (await import("./eval-command.ts")).registerEvalCommand },
  { commands: ["roles"], load: async () => (await import("./role-commands.ts")).registerRoleCommands },
  { commands: ["status"], load: async () => (await import("./status-commands.ts")).registerStatusCommands },
  { commands: ["reminders"], load: async () => (await import("./reminder-commands.ts")).registerReminderCommands },
  { commands: ["audit"], load: async () => (await import("./audit-command.ts")).registerAuditCommand },
  { commands: ["summary"], load: async () => (await import("./summary-command.ts")).registerSummaryCommand },
  { commands: ["periods"], load: async () => (await import("./periods-command.ts")).registerPeriodsCommand },
  { commands: ["digest"], load: async () => (await import("./digest-command.ts")).registerDigestCommand },
  {
    commands: ["embeddings"],
    load: async () => (await import("./embeddings-command.ts")).registerEmbeddingsCommands,
  },
  { commands: ["app-package"], load: async () => (await import("./app-package-command.ts")).registerAppPackageCommand },
];

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  env: Record<string, string | undefined>;
  cwd: string;
  /** The services' clock; the system clock unless a test fixes the day. */
  clock?: Clock;
}

const defaultIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
  cwd: process.cwd(),
};

/** The program with the commands `argv` may run (all of them when it names none). */
export async function buildProgram(context: CliContext, cwd: string, argv: string[]): Promise<Command> {
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

  // `--help`, `help`, no command or a mistyped one: every command is registered, so the list and the
  // "did you mean" suggestion are complete.
  const command = argv[0] ?? "";
  const wanted = command === "version" ? [] : commandModules.filter((module) => module.commands.includes(command));
  const everything = command !== "version" && wanted.length === 0;
  const registers = await Promise.all((everything ? commandModules : wanted).map((module) => module.load()));
  for (const register of registers) register(program, context, cwd);
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
        // One question per process: it waits for the index rather than being told to come back.
        services = await composeServices(config, {
          logger,
          clock: io.clock,
          questionIndexWaitMs: Number.POSITIVE_INFINITY,
        });
      }
      return services;
    },
  };
  const program = await buildProgram(context, io.cwd, argv);
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
