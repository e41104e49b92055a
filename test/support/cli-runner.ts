// Runs the CLI in process with captured output, as a person at a terminal in `cwd` would.
import { runCli } from "../../src/adapters/cli/cli-program.ts";
import type { Clock } from "../../src/shared/clock.ts";

export type CliRun = (args: string[]) => Promise<{ code: number; out: string; err: string }>;

export function cliRunner(settings: () => { env: Record<string, string>; cwd: string; clock?: Clock }): CliRun {
  return async (args) => {
    const out: string[] = [];
    const err: string[] = [];
    const { env, cwd, clock } = settings();
    const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), env, cwd, clock });
    return { code, out: out.join("\n"), err: err.join("\n") };
  };
}
