import { pino } from "pino";
import type { Config } from "../../config/config.ts";
import type { Logger } from "../../shared/logger.ts";

/** JSON lines; to stdout for the server, to stderr for the CLI (whose stdout is its output). */
export function createLogger(level: Config["logLevel"], options: { toStderr?: boolean } = {}): Logger {
  return pino(
    {
      level,
      base: { app: "uppfoljningsboten" },
      // Never log secrets or whole tokens, whatever object is handed to the logger.
      redact: {
        paths: ["*.authorization", "*.headers.authorization", "*.password", "*.appPassword", "*.apiKey"],
        censor: "[redacted]",
      },
    },
    pino.destination({ fd: options.toStderr ? 2 : 1, sync: options.toStderr ?? false }),
  ) as unknown as Logger;
}
