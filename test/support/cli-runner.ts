// Runs the CLI in process with captured output, as a person at a terminal in `cwd` would.
import { runCli } from "../../src/adapters/cli/cli-program.ts";

export type CliRun = (args: string[]) => Promise<{ code: number; out: string; err: string }>;

export function cliRunner(settings: () => { env: Record<string, string>; cwd: string }): CliRun {
  return async (args) => {
    const out: string[] = [];
    const err: string[] = [];
    const { env, cwd } = settings();
    const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), env, cwd });
    return { code, out: out.join("\n"), err: err.join("\n") };
  };
}
