import { userInfo } from "node:os";
import type { Principal } from "../../audit/audit-log.ts";
import type { Config } from "../../config/config.ts";
import type { Services } from "../../composition-root.ts";

/** What every CLI command gets: the configuration, output streams and the application services. */
export interface CliContext {
  config: Config;
  out(line: string): void;
  err(line: string): void;
  /** Opens the database and builds the services on first use; closed when the command ends. */
  services(): Promise<Services>;
}

/** A failure the CLI reports as one readable line with a non-zero exit code. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = "CliFailure";
  }
}

/** The person at the server's command line: trusted like an administrator, audited by OS user name. */
export function operatorPrincipal(): Principal {
  let name = "operator";
  try {
    name = userInfo().username || name;
  } catch {
    // no user database (some containers): keep the generic name
  }
  return { kind: "operator", name };
}
