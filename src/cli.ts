// Entry point of the `uppfoljning` command (npm run cli -- <command>).
import { runCli } from "./adapters/cli/cli-program.ts";

process.exitCode = await runCli(process.argv.slice(2));
